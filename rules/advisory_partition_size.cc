// ST303 advisory-partition-size: the AQE target post-shuffle partition size
// (advisoryPartitionSizeInBytes, or its pre-3.0 name
// targetPostShuffleInputSize) far from the ~100 MB per task that keeps spill
// and GC low (eBay: 5 GB per core, 60% unified memory, 15x compression, 2x
// scratch; seed-cases.md). Tiny targets bring back the small-task overhead;
// huge ones spill.
#include "data/config/config_catalog.h"
#include "rules/rule.h"

namespace sparktune::rules {

namespace {

namespace keys = config::keys;

void Check(RuleContext& ctx) {
  for (std::string_view key :
       {keys::kAdaptiveAdvisoryPartitionSize, keys::kAdaptiveTargetPostShuffleInputSize}) {
    if (!ctx.IsSet(key)) continue;
    std::optional<int64_t> size = ctx.Bytes(key);
    if (!size) continue;
    const int64_t lo = ctx.OptionBytes("min_size", 'm');
    const int64_t hi = ctx.OptionBytes("max_size", 'm');
    if (*size >= lo && *size <= hi) continue;
    ctx.Report(ctx.LocationOf(key),
               std::string(key) + " is " + FormatBytes(*size) + ", outside " + FormatBytes(lo) +
                   " - " + FormatBytes(hi) +
                   " (about 100 MB per post-shuffle task is the usual target)",
               std::string(key));
  }
}

}  // namespace

const Rule& AdvisoryPartitionSizeRule() {
  static const Rule rule{
      .id = "ST303",
      .slug = "advisory-partition-size",
      .default_severity = Severity::kWarning,
      .summary = "AQE advisory partition size far from ~100 MB per post-shuffle task.",
      .options = {{"min_size", "16m", "Smallest reasonable advisory size."},
                  {"max_size", "512m", "Largest reasonable advisory size."}},
      .check = &Check,
  };
  return rule;
}

}  // namespace sparktune::rules
