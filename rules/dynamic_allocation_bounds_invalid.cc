// ST403 dynamic-allocation-bounds-invalid: minExecutors above maxExecutors,
// or maxExecutors of 0. ExecutorAllocationManager.validateSettings rejects
// both and the application does not start.
#include "data/config/config_catalog.h"
#include "rules/rule.h"

namespace sparktune::rules {

namespace {

namespace keys = config::keys;

void Check(RuleContext& ctx) {
  if (!ctx.Bool(keys::kDynamicAllocationEnabled).value_or(false)) return;
  std::optional<double> min = ctx.Number(keys::kDynamicAllocationMinExecutors);
  std::optional<double> max = ctx.Number(keys::kDynamicAllocationMaxExecutors);
  if (!min || !max) return;
  if (*max == 0) {
    ctx.Report(ctx.LocationOf(keys::kDynamicAllocationMaxExecutors),
               "spark.dynamicAllocation.maxExecutors is 0; Spark refuses to start",
               std::string(keys::kDynamicAllocationMaxExecutors));
  } else if (*min > *max) {
    std::string_view key = ctx.IsSet(keys::kDynamicAllocationMinExecutors)
                               ? keys::kDynamicAllocationMinExecutors
                               : keys::kDynamicAllocationMaxExecutors;
    ctx.Report(ctx.LocationOf(key),
               "spark.dynamicAllocation.minExecutors (" + FormatNumber(*min) +
                   ") is above maxExecutors (" + FormatNumber(*max) + "); Spark refuses to start",
               std::string(key));
  }
}

}  // namespace

const Rule& DynamicAllocationBoundsInvalidRule() {
  static const Rule rule{
      .id = "ST403",
      .slug = "dynamic-allocation-bounds-invalid",
      .default_severity = Severity::kError,
      .summary = "Dynamic allocation bounds that Spark rejects at start.",
      .options = {},
      .check = &Check,
  };
  return rule;
}

}  // namespace sparktune::rules
