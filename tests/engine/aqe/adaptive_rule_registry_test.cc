// The AQE rule registry (stable names, per-version order, disabling, timing),
// the version table, OptimizeSkewInRebalancePartitions and config resolution.
#include "engine/aqe/adaptive_rule_registry.h"

#include <gtest/gtest.h>

#include "engine/aqe_settings/aqe_config.h"
#include "engine/aqe_settings/aqe_version_table.h"
#include "engine/aqe_settings/coalesce_options.h"

namespace sparktune::engine::aqe {
namespace {

constexpr int64_t kMib = 1 << 20;

TEST(AqeVersionTable, RowsByVersion) {
  EXPECT_EQ(AqeBehaviorFor(SparkVersion::Parse("3.0.1")).coalesce_loop, CoalesceLoop::kEmitAll);
  EXPECT_EQ(AqeBehaviorFor(SparkVersion::Parse("3.1.1")).coalesce_loop, CoalesceLoop::kSkipEmpty);
  EXPECT_EQ(AqeBehaviorFor(SparkVersion::Parse("3.2.1")).coalesce_loop, CoalesceLoop::kMergeSmall);
  EXPECT_FALSE(AqeBehaviorFor(SparkVersion::Parse("3.1.1")).skew_join_before_coalesce);
  EXPECT_TRUE(AqeBehaviorFor(SparkVersion::Parse("3.3.0-amzn-0")).skew_join_multi_join);
  EXPECT_FALSE(AqeBehaviorFor(SparkVersion::Parse("3.5.0")).broadcast_children_independent);
  EXPECT_TRUE(AqeBehaviorFor(SparkVersion::Parse("3.5.1")).broadcast_children_independent);
  EXPECT_TRUE(AqeBehaviorFor(SparkVersion::Parse("4.0.0")).exploding_join_uses_min_size);
  EXPECT_TRUE(
      AqeBehaviorFor(SparkVersion::Parse("")).exploding_join_uses_min_size);  // unknown: newest
  // 3.0-3.1 coalesce before the skew join; 3.2+ after.
  const auto& order31 = AqeBehaviorFor(SparkVersion::Parse("3.1.1")).rule_order;
  const auto& order32 = AqeBehaviorFor(SparkVersion::Parse("3.2.0")).rule_order;
  auto pos = [](const std::vector<std::string_view>& v, std::string_view n) {
    return std::find(v.begin(), v.end(), n) - v.begin();
  };
  EXPECT_LT(pos(order31, rule_names::kCoalesceShufflePartitions),
            pos(order31, rule_names::kOptimizeSkewedJoin));
  EXPECT_GT(pos(order32, rule_names::kCoalesceShufflePartitions),
            pos(order32, rule_names::kOptimizeSkewedJoin));
}

StagePlanningInput Uniform(int partitions, int64_t bytes) {
  StagePlanningInput in;
  ShuffleStageStats s;
  s.bytes_by_partition.assign(partitions, bytes);
  s.num_mappers = 10;
  in.shuffles.push_back(s);
  return in;
}

// Spark 1.6-2.4's adaptive execution (ExchangeCoordinator) only coalesces, with no
// defaultParallelism floor: turning AQE on for a 2.x log must not switch joins or split skew.
TEST(AqeVersionTable, Spark2AdaptiveExecutionOnlyCoalesces) {
  const AqeVersionBehavior& v24 = AqeBehaviorFor(SparkVersion::Parse("2.4.8"));
  ASSERT_EQ(v24.rule_order.size(), 1u);
  EXPECT_EQ(v24.rule_order[0], rule_names::kCoalesceShufflePartitions);
  EXPECT_FALSE(v24.runtime_join_selection);
  EXPECT_TRUE(AqeBehaviorFor(SparkVersion::Parse("3.0.0")).runtime_join_selection);
  AqeConfig c;
  c.default_parallelism = 8;
  c.min_partition_num = -1;
  EXPECT_EQ(CoalesceOptionsFor(c, v24).min_num_partitions, 1);
  EXPECT_EQ(CoalesceOptionsFor(c, AqeBehaviorFor(SparkVersion::Parse("3.0.1"))).min_num_partitions,
            8);
}

TEST(AdaptiveRuleRegistry, NamesDisableAndTiming) {
  AdaptiveRuleRegistry registry;
  auto names = registry.RuleNames();
  EXPECT_EQ(names.size(), 5u);
  EXPECT_FALSE(registry.SetEnabled("NoSuchRule", false));
  AqeConfig c;
  c.version = SparkVersion::Parse("3.4.1");
  c.default_parallelism = 2;
  StagePlanningInput in = Uniform(200, 1000);
  EXPECT_EQ(registry.Plan(in, c).TaskCount(in), 1);
  EXPECT_TRUE(registry.SetEnabled(rule_names::kCoalesceShufflePartitions, false));
  EXPECT_FALSE(registry.IsEnabled(rule_names::kCoalesceShufflePartitions));
  EXPECT_EQ(registry.Plan(in, c).TaskCount(in), 200);
  for (const RuleTiming& t : registry.Timings()) {
    if (t.name == rule_names::kCoalesceShufflePartitions) {
      EXPECT_EQ(t.calls, 1);
      EXPECT_FALSE(t.enabled);
    }
    if (t.name == rule_names::kOptimizeSkewedJoin) {
      EXPECT_EQ(t.calls, 2);
    }
  }
  c.enabled = false;  // AQE off: nothing is rewritten
  registry.SetEnabled(rule_names::kCoalesceShufflePartitions, true);
  EXPECT_EQ(registry.Plan(in, c).TaskCount(in), 200);
}

TEST(OptimizeSkewInRebalancePartitions, SplitsPartitionsAboveAdvisory) {
  AdaptiveRuleRegistry registry;
  AqeConfig c;
  c.version = SparkVersion::Parse("3.3.0");
  c.coalesce_enabled = false;
  StagePlanningInput in = Uniform(4, 10 * kMib);
  in.shuffles[0].origin = ShuffleOrigin::kRebalancePartitionsByNone;
  // 10 mappers x 20 MiB at a 64 MiB target: 60, 60, 60, 20 (20 >= 0.2 x 64 and 80 >= 1.2 x 64:
  // the last range stays).
  in.shuffles[0].bytes_by_partition[2] = 200 * kMib;
  StagePlan plan = registry.Plan(in, c);
  EXPECT_TRUE(plan.reads[0].skewed);
  EXPECT_EQ(plan.TaskCount(in), 3 + 4);
  in.shuffles[0].origin = ShuffleOrigin::kEnsureRequirements;  // only REBALANCE shuffles
  EXPECT_EQ(registry.Plan(in, c).TaskCount(in), 4);
  in.shuffles[0].origin = ShuffleOrigin::kRebalancePartitionsByCol;
  c.version = SparkVersion::Parse("3.1.2");  // no such rule before 3.2
  EXPECT_EQ(registry.Plan(in, c).TaskCount(in), 4);
}

TEST(ResolveAqeConfig, DefaultsAndFallbacks) {
  EffectiveConfig empty({}, SparkVersion::Parse("3.1.1"));
  AqeConfig a = ResolveAqeConfig(empty, 8);
  EXPECT_FALSE(a.enabled);  // off by default before 3.2
  EXPECT_EQ(a.advisory_partition_size, 64 * kMib);
  EXPECT_EQ(a.default_parallelism, 8);
  EffectiveConfig set({{"spark.sql.adaptive.enabled", "true"},
                       {"spark.sql.autoBroadcastJoinThreshold", "20m"},
                       {"spark.sql.adaptive.shuffle.targetPostShuffleInputSize", "32m"},
                       {"spark.default.parallelism", "40"},
                       {"spark.sql.shuffle.partitions", "400"},
                       {"spark.sql.adaptive.coalescePartitions.initialPartitionNum", "1000"}},
                      SparkVersion::Parse("3.3.0"));
  a = ResolveAqeConfig(set, 8);
  EXPECT_TRUE(a.enabled);
  EXPECT_EQ(a.advisory_partition_size, 32 * kMib);  // the deprecated key, as SQLConf falls back
  EXPECT_EQ(a.adaptive_auto_broadcast_join_threshold, 20 * kMib);  // falls back to the static one
  EXPECT_EQ(a.default_parallelism, 40);
  EXPECT_EQ(a.PlannedShufflePartitions(), 1000);
  EffectiveConfig off({{"spark.sql.adaptive.autoBroadcastJoinThreshold", "-1"}},
                      SparkVersion::Parse("3.5.0"));
  EXPECT_EQ(ResolveAqeConfig(off, 2).adaptive_auto_broadcast_join_threshold, -1);
  EXPECT_EQ(ResolveAqeConfig(off, 2).auto_broadcast_join_threshold, 10 * kMib);
}

}  // namespace
}  // namespace sparktune::engine::aqe
