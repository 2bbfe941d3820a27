// ST208 driver-result-size-unbounded: spark.driver.maxResultSize of 0
// (unlimited) or at least the driver heap. A collect() or a large broadcast
// then ends in a driver OutOfMemoryError instead of a clean job failure.
#include "data/config/config_catalog.h"
#include "rules/rule.h"

namespace sparktune::rules {

namespace {

namespace keys = config::keys;

void Check(RuleContext& ctx) {
  if (!ctx.IsSet(keys::kDriverMaxResultSize)) return;
  std::optional<int64_t> limit = ctx.Bytes(keys::kDriverMaxResultSize);
  std::optional<int64_t> heap = ctx.Bytes(keys::kDriverMemory);
  if (!limit || !heap) return;
  if (*limit == 0) {
    ctx.Report(ctx.LocationOf(keys::kDriverMaxResultSize),
               "spark.driver.maxResultSize=0 removes the limit on results collected to the driver",
               std::string(keys::kDriverMaxResultSize));
  } else if (*limit >= *heap) {
    ctx.Report(ctx.LocationOf(keys::kDriverMaxResultSize),
               "spark.driver.maxResultSize (" + FormatBytes(*limit) +
                   ") is not below the driver heap (" + FormatBytes(*heap) +
                   "); the driver runs out of memory before the limit trips",
               std::string(keys::kDriverMaxResultSize));
  }
}

}  // namespace

const Rule& DriverResultSizeUnboundedRule() {
  static const Rule rule{
      .id = "ST208",
      .slug = "driver-result-size-unbounded",
      .default_severity = Severity::kWarning,
      .summary = "spark.driver.maxResultSize is unlimited or not below the driver heap.",
      .options = {},
      .check = &Check,
  };
  return rule;
}

}  // namespace sparktune::rules
