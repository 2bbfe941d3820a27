// ST401 dynamic-allocation-unbounded: dynamic allocation on with no
// spark.dynamicAllocation.maxExecutors (default Int.MaxValue). One wide stage
// can then request thousands of executors, starving the queue and
// overwhelming the driver (eBay: "small initial dynamic executor count with
// min/max bounds", seed-cases.md).
#include "data/config/config_catalog.h"
#include "rules/rule.h"

namespace sparktune::rules {

namespace {

namespace keys = config::keys;

void Check(RuleContext& ctx) {
  if (!ctx.Bool(keys::kDynamicAllocationEnabled).value_or(false)) return;
  std::optional<double> max = ctx.Number(keys::kDynamicAllocationMaxExecutors);
  if (ctx.IsSet(keys::kDynamicAllocationMaxExecutors) && (!max || *max < 2147483647.0)) return;
  ctx.Report(ctx.LocationOf(keys::kDynamicAllocationEnabled),
             "dynamic allocation has no upper bound; set spark.dynamicAllocation.maxExecutors",
             std::string(keys::kDynamicAllocationMaxExecutors));
}

}  // namespace

const Rule& DynamicAllocationUnboundedRule() {
  static const Rule rule{
      .id = "ST401",
      .slug = "dynamic-allocation-unbounded",
      .default_severity = Severity::kWarning,
      .summary = "Dynamic allocation without spark.dynamicAllocation.maxExecutors.",
      .options = {},
      .check = &Check,
  };
  return rule;
}

}  // namespace sparktune::rules
