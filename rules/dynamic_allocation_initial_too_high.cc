// ST402 dynamic-allocation-initial-too-high: a huge initial executor count
// under dynamic allocation. The effective initial count is max(minExecutors,
// initialExecutors, spark.executor.instances)
// (Utils.getDynamicAllocationInitialExecutors); every one of those
// executors registers with the driver at once, before any backlog exists
// (eBay: "too many parallel executors can kill the driver").
#include <algorithm>

#include "data/config/config_catalog.h"
#include "rules/rule.h"

namespace sparktune::rules {

namespace {

namespace keys = config::keys;

void Check(RuleContext& ctx) {
  if (!ctx.Bool(keys::kDynamicAllocationEnabled).value_or(false)) return;
  const double max_initial = ctx.OptionNumber("max_initial");
  std::string_view worst_key;
  double worst = 0;
  for (std::string_view key :
       {keys::kDynamicAllocationMinExecutors, keys::kDynamicAllocationInitialExecutors,
        keys::kExecutorInstances}) {
    if (!ctx.IsSet(key)) continue;
    std::optional<double> n = ctx.Number(key);
    if (n && *n > worst) {
      worst = *n;
      worst_key = key;
    }
  }
  if (worst_key.empty() || worst <= max_initial) return;
  ctx.Report(ctx.LocationOf(worst_key),
             "dynamic allocation starts with " + FormatNumber(worst) + " executors (from " +
                 std::string(worst_key) + "), above " + ctx.OptionText("max_initial") +
                 "; start small and let the backlog grow it",
             std::string(worst_key));
}

}  // namespace

const Rule& DynamicAllocationInitialTooHighRule() {
  static const Rule rule{
      .id = "ST402",
      .slug = "dynamic-allocation-initial-too-high",
      .default_severity = Severity::kWarning,
      .summary = "Dynamic allocation starts with a huge executor count.",
      .options = {{"max_initial", "50",
                   "Largest initial executor count under dynamic allocation."}},
      .check = &Check,
  };
  return rule;
}

}  // namespace sparktune::rules
