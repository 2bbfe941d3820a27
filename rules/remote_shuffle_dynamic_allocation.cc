// ST406 remote-shuffle-dynamic-allocation: dynamic allocation with Apache Celeborn set up so
// that executors are not released (or Spark refuses to start).
//  * Spark 3.5+: Celeborn's README ("Support Spark Dynamic Allocation") says to set
//    spark.shuffle.sort.io.plugin.class=org.apache.spark.shuffle.celeborn.CelebornShuffleDataIO;
//    its driver components report reliable storage (SPARK-42689, CELEBORN-911), so
//    ExecutorAllocationManager needs neither the shuffle service nor shuffle tracking.
//  * Shuffle tracking (default on from 3.4) makes ExecutorMonitor keep every executor that ran
//    a map task until the shuffle is unused or spark.dynamicAllocation.shuffleTracking.timeout
//    (default: never), although with Celeborn the map output is on Celeborn's workers: the
//    executors idle while billed.
//  * Before 3.5 Celeborn ships a Spark patch per version (assets/spark-patch) for dynamic
//    allocation; without it only shuffle tracking starts the app, with the cost above.
#include "data/config/config_catalog.h"
#include "rules/rule.h"
#include "rules/variant_settings.h"

namespace sparktune::rules {

namespace {

namespace keys = config::keys;

constexpr std::string_view kCelebornDataIo =
    "org.apache.spark.shuffle.celeborn.CelebornShuffleDataIO";

void Check(RuleContext& ctx) {
  if (VariantOf(ctx).shuffle_kind != engine::ShuffleManagerKind::kCeleborn) return;
  if (!ctx.Bool(keys::kDynamicAllocationEnabled).value_or(false)) return;
  if (ctx.Bool(keys::kShuffleServiceEnabled).value_or(false)) return;  // ST405's case
  const bool tracking = ctx.Bool(keys::kDynamicAllocationShuffleTrackingEnabled).value_or(false);
  const bool reliable_io =
      ctx.Value(keys::kShuffleSortIoPluginClass).value_or("") == kCelebornDataIo;
  const bool new_spark = !ctx.version().known() || ctx.version().AtLeast(3, 5);
  const std::string pin =
      "shuffle tracking keeps every executor that ran a map task alive although its output is "
      "on Celeborn's workers";
  if (new_spark && !reliable_io) {
    ctx.Report(ctx.LocationOf(keys::kDynamicAllocationEnabled),
               "dynamic allocation with Celeborn on Spark 3.5+: set "
               "spark.shuffle.sort.io.plugin.class=" +
                   std::string(kCelebornDataIo) +
                   (tracking ? " and disable shuffle tracking; " + pin
                             : " (without it and without shuffle tracking Spark refuses to "
                               "start)"),
               std::string(keys::kDynamicAllocationEnabled));
    return;
  }
  if (tracking) {
    ctx.Report(ctx.LocationOf(keys::kDynamicAllocationShuffleTrackingEnabled),
               pin + (new_spark ? "; with CelebornShuffleDataIO set it to false"
                                : "; before Spark 3.5 apply Celeborn's dynamic allocation patch "
                                  "and disable it"),
               std::string(keys::kDynamicAllocationShuffleTrackingEnabled));
  }
}

}  // namespace

const Rule& RemoteShuffleDynamicAllocationRule() {
  static const Rule rule{
      .id = "ST406",
      .slug = "remote-shuffle-dynamic-allocation",
      .default_severity = Severity::kWarning,
      .summary = "Dynamic allocation with Celeborn that cannot release executors.",
      .options = {},
      .check = &Check,
  };
  return rule;
}

}  // namespace sparktune::rules
