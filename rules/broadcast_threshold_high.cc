// ST307 broadcast-threshold-high: spark.sql.autoBroadcastJoinThreshold (or
// its AQE twin) far above the 10 MB default. Planning-time size estimates are
// often far off (filters, compression), so a high threshold broadcasts tables
// that are much larger in memory than estimated, on the driver and on every
// executor. Raising it moderately (eBay: 10 -> 20 MB) is fine.
#include "data/config/config_catalog.h"
#include "rules/rule.h"

namespace sparktune::rules {

namespace {

namespace keys = config::keys;

void Check(RuleContext& ctx) {
  const int64_t max_threshold = ctx.OptionBytes("max_threshold", 'm');
  for (std::string_view key :
       {keys::kAutoBroadcastJoinThreshold, keys::kAdaptiveAutoBroadcastJoinThreshold}) {
    if (!ctx.IsSet(key)) continue;
    std::optional<int64_t> t = ctx.Bytes(key);
    if (!t || *t <= max_threshold) continue;
    ctx.Report(ctx.LocationOf(key),
               std::string(key) + " is " + FormatBytes(*t) + ", above " +
                   FormatBytes(max_threshold) +
                   "; size estimates are often off and every executor holds a copy",
               std::string(key));
  }
}

}  // namespace

const Rule& BroadcastThresholdHighRule() {
  static const Rule rule{
      .id = "ST307",
      .slug = "broadcast-threshold-high",
      .default_severity = Severity::kWarning,
      .summary = "Automatic broadcast join threshold far above its default.",
      .options = {{"max_threshold", "100m", "Largest automatic broadcast threshold."}},
      .check = &Check,
  };
  return rule;
}

}  // namespace sparktune::rules
