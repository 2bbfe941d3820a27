// ST302 aqe-coalesce-disabled: AQE is on but
// spark.sql.adaptive.coalescePartitions.enabled=false, so every shuffle keeps
// spark.sql.shuffle.partitions reducers however little data they get (the
// eBay "5000 partitions, ~20 MB per task" case).
#include "data/config/config_catalog.h"
#include "rules/rule.h"

namespace sparktune::rules {

namespace {

namespace keys = config::keys;

void Check(RuleContext& ctx) {
  if (!ctx.Bool(keys::kAdaptiveEnabled).value_or(false)) return;
  if (!ctx.IsSet(keys::kAdaptiveCoalesceEnabled)) return;
  if (ctx.Bool(keys::kAdaptiveCoalesceEnabled).value_or(true)) return;
  ctx.Report(ctx.LocationOf(keys::kAdaptiveCoalesceEnabled),
             "AQE is on but partition coalescing is disabled; small shuffle partitions will not be "
             "packed to the advisory size",
             std::string(keys::kAdaptiveCoalesceEnabled));
}

}  // namespace

const Rule& AqeCoalesceDisabledRule() {
  static const Rule rule{
      .id = "ST302",
      .slug = "aqe-coalesce-disabled",
      .default_severity = Severity::kWarning,
      .summary = "AQE is on but its partition coalescing is disabled.",
      .options = {},
      .check = &Check,
  };
  return rule;
}

}  // namespace sparktune::rules
