// ST404 dynamic-allocation-no-shuffle-service: dynamic allocation with neither
// the external shuffle service nor shuffle tracking (default off before 3.4,
// SPARK-39846) nor decommissioning. ExecutorAllocationManager.validateSettings
// then throws "Dynamic allocation of executors requires the external shuffle
// service" and the application does not start.
#include "data/config/config_catalog.h"
#include "rules/rule.h"

namespace sparktune::rules {

namespace {

namespace keys = config::keys;

void Check(RuleContext& ctx) {
  if (!ctx.Bool(keys::kDynamicAllocationEnabled).value_or(false)) return;
  if (ctx.Bool(keys::kShuffleServiceEnabled).value_or(false)) return;
  if (ctx.Bool(keys::kDynamicAllocationShuffleTrackingEnabled).value_or(false)) return;
  if (ctx.Bool(keys::kDecommissionEnabled).value_or(false)) return;
  // Spark 3.5+: a ShuffleDataIO with reliable storage (Celeborn's CelebornShuffleDataIO,
  // SPARK-42689) needs neither; ST406 checks the Celeborn set-up.
  if (ctx.version().AtLeast(3, 5) &&
      ctx.Value(keys::kShuffleSortIoPluginClass).value_or("") ==
          "org.apache.spark.shuffle.celeborn.CelebornShuffleDataIO") {
    return;
  }
  std::optional<std::string> master = ctx.Value(keys::kMaster);
  if (master && master->rfind("local", 0) == 0) return;  // dynamic allocation is off in local mode
  std::string why = ctx.IsSet(keys::kDynamicAllocationShuffleTrackingEnabled)
                        ? "shuffle tracking is disabled"
                        : "shuffle tracking is off by default before Spark 3.4 (this job targets " +
                              ctx.version().text + ")";
  ctx.Report(ctx.LocationOf(keys::kDynamicAllocationEnabled),
             "dynamic allocation needs spark.shuffle.service.enabled=true or "
             "spark.dynamicAllocation.shuffleTracking.enabled=true; " +
                 why,
             std::string(keys::kDynamicAllocationEnabled));
}

}  // namespace

const Rule& DynamicAllocationNoShuffleServiceRule() {
  static const Rule rule{
      .id = "ST404",
      .slug = "dynamic-allocation-no-shuffle-service",
      .default_severity = Severity::kError,
      .summary = "Dynamic allocation without a shuffle service or shuffle tracking.",
      .options = {},
      .check = &Check,
  };
  return rule;
}

}  // namespace sparktune::rules
