// ST603 shuffle-compression-disabled: spark.shuffle.compress or
// spark.shuffle.spill.compress set to false. Shuffle data compresses 5x-30x
// (eBay assumed 15x, seed-cases.md); without compression every shuffle writes
// and moves that much more over disk and network.
#include "data/config/config_catalog.h"
#include "rules/rule.h"

namespace sparktune::rules {

namespace {

namespace keys = config::keys;

void Check(RuleContext& ctx) {
  for (std::string_view key : {keys::kShuffleCompress, keys::kShuffleSpillCompress}) {
    if (!ctx.IsSet(key) || ctx.Bool(key).value_or(true)) continue;
    ctx.Report(
        ctx.LocationOf(key),
        std::string(key) + "=false writes shuffle data uncompressed (typically 5-30x larger)",
        std::string(key));
  }
}

}  // namespace

const Rule& ShuffleCompressionDisabledRule() {
  static const Rule rule{
      .id = "ST603",
      .slug = "shuffle-compression-disabled",
      .default_severity = Severity::kWarning,
      .summary = "Shuffle or spill compression turned off.",
      .options = {},
      .check = &Check,
  };
  return rule;
}

}  // namespace sparktune::rules
