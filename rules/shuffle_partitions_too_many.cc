// ST306 shuffle-partitions-too-many: the initial shuffle partition count
// (initialPartitionNum under AQE coalescing, else spark.sql.shuffle.partitions)
// above the point where the driver's aggregation of map-output statistics
// became a bottleneck at eBay (about 5 s per stage above 10000 partitions,
// seed-cases.md).
#include "data/config/config_catalog.h"
#include "rules/rule.h"

namespace sparktune::rules {

namespace {

namespace keys = config::keys;

void Check(RuleContext& ctx) {
  bool coalescing = ctx.Bool(keys::kAdaptiveEnabled).value_or(false) &&
                    ctx.Bool(keys::kAdaptiveCoalesceEnabled).value_or(true);
  std::string_view key = coalescing && ctx.IsSet(keys::kAdaptiveInitialPartitionNum)
                             ? keys::kAdaptiveInitialPartitionNum
                             : keys::kSqlShufflePartitions;
  if (!ctx.IsSet(key)) return;
  std::optional<double> n = ctx.Number(key);
  const double max_partitions = ctx.OptionNumber("max_partitions");
  if (!n || *n <= max_partitions) return;
  ctx.Report(ctx.LocationOf(key),
             std::string(key) + "=" + ctx.Setting(key)->value + " is above " +
                 ctx.OptionText("max_partitions") +
                 "; the driver aggregates map statistics for every partition of every shuffle",
             std::string(key));
}

}  // namespace

const Rule& ShufflePartitionsTooManyRule() {
  static const Rule rule{
      .id = "ST306",
      .slug = "shuffle-partitions-too-many",
      .default_severity = Severity::kNote,
      .summary = "So many initial shuffle partitions that the driver's statistics work shows.",
      .options = {{"max_partitions", "10000", "Most initial shuffle partitions."}},
      .check = &Check,
  };
  return rule;
}

}  // namespace sparktune::rules
