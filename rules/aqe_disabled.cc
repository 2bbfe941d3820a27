// ST301 aqe-disabled: adaptive query execution is off, explicitly or because
// the job's Spark version (3.0-3.1) defaults it off (SQLConf ADAPTIVE_EXECUTION_ENABLED,
// true from 3.2, SPARK-33679). Without AQE Spark cannot coalesce small shuffle
// partitions, split skewed joins or turn a sort-merge join into a broadcast
// join at run time: eBay measured 1.4x-4.2x MB-seconds from AQE alone
// (seed-cases.md).
#include "data/config/config_catalog.h"
#include "rules/rule.h"

namespace sparktune::rules {

namespace {

namespace keys = config::keys;

void Check(RuleContext& ctx) {
  if (!ctx.version().AtLeast(3, 0)) return;  // AQE as described here exists from 3.0
  std::optional<bool> aqe = ctx.Bool(keys::kAdaptiveEnabled);
  if (!aqe || *aqe) return;
  if (ctx.IsSet(keys::kAdaptiveEnabled)) {
    ctx.Report(ctx.LocationOf(keys::kAdaptiveEnabled),
               "adaptive query execution is disabled; AQE coalesces shuffle partitions, splits "
               "skewed joins and picks broadcast joins at run time",
               std::string(keys::kAdaptiveEnabled));
  } else {
    ctx.Report(ctx.Anchor(),
               "adaptive query execution is off by default in Spark " + ctx.version().text +
                   " (on from 3.2); set spark.sql.adaptive.enabled=true",
               std::string(keys::kAdaptiveEnabled));
  }
}

}  // namespace

const Rule& AqeDisabledRule() {
  static const Rule rule{
      .id = "ST301",
      .slug = "aqe-disabled",
      .default_severity = Severity::kWarning,
      .summary = "Adaptive query execution is disabled.",
      .options = {},
      .check = &Check,
  };
  return rule;
}

}  // namespace sparktune::rules
