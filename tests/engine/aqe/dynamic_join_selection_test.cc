// Runtime join selection: broadcast conversion with both thresholds, demotion
// of sides with many empty partitions, shuffled-hash preference, empty-relation
// propagation, and the side that materialized first being judged alone.
#include "engine/aqe/dynamic_join_selection.h"

#include <gtest/gtest.h>

#include "engine/aqe/adaptive_rule_registry.h"

namespace sparktune::engine::aqe {
namespace {

constexpr int64_t kMib = 1 << 20;

StagePlanningInput Join(int64_t left_data, int64_t right_data, JoinType type = JoinType::kInner) {
  StagePlanningInput in;
  for (int64_t data : {left_data, right_data}) {
    ShuffleStageStats s;
    s.bytes_by_partition.assign(200, std::max<int64_t>(data / 400, 1));
    s.num_mappers = 4;
    s.data_size = data;
    s.row_count = 1000;
    in.shuffles.push_back(s);
  }
  JoinInput j;
  j.type = type;
  j.strategy = JoinStrategy::kSortMerge;
  j.left_shuffle = 0;
  j.right_shuffle = 1;
  in.joins.push_back(j);
  return in;
}

AqeConfig Config(const char* version = "3.3.0") {
  AqeConfig c;
  c.version = SparkVersion::Parse(version);
  c.default_parallelism = 4;
  return c;
}

TEST(DynamicJoinSelection, ConvertsSmallSideToBroadcastAndReadsProbeLocally) {
  AdaptiveRuleRegistry registry;
  StagePlanningInput in = Join(400 * kMib, 5 * kMib);
  StagePlan plan = registry.Plan(in, Config());
  EXPECT_EQ(plan.joins[0].strategy, JoinStrategy::kBroadcastHash);
  EXPECT_EQ(plan.joins[0].build_side, BuildSide::kRight);
  EXPECT_TRUE(plan.reads[1].broadcast);
  EXPECT_TRUE(plan.reads[0].local);
}

TEST(DynamicJoinSelection, AdaptiveThresholdFallsBackAndCanDisable) {
  AdaptiveRuleRegistry registry;
  StagePlanningInput in = Join(400 * kMib, 20 * kMib);
  AqeConfig c = Config();
  EXPECT_EQ(registry.Plan(in, c).joins[0].strategy, JoinStrategy::kSortMerge);  // 20 MiB > 10 MiB
  c.adaptive_auto_broadcast_join_threshold = 32 * kMib;
  EXPECT_EQ(registry.Plan(in, c).joins[0].strategy, JoinStrategy::kBroadcastHash);
  c.adaptive_auto_broadcast_join_threshold = -1;
  c.auto_broadcast_join_threshold =
      32 * kMib;  // the static threshold does not apply to runtime stats
  EXPECT_EQ(registry.Plan(in, c).joins[0].strategy, JoinStrategy::kSortMerge);
  // Before 3.2 there is no adaptive threshold: spark.sql.autoBroadcastJoinThreshold.
  AqeConfig old = Config("3.1.2");
  old.auto_broadcast_join_threshold = 32 * kMib;
  old.adaptive_auto_broadcast_join_threshold = -1;
  EXPECT_EQ(registry.Plan(in, old).joins[0].strategy, JoinStrategy::kBroadcastHash);
}

TEST(DynamicJoinSelection, BuildSideAllowedByJoinType) {
  AdaptiveRuleRegistry registry;
  StagePlanningInput in =
      Join(5 * kMib, 400 * kMib, JoinType::kLeftOuter);  // small left cannot build
  EXPECT_EQ(registry.Plan(in, Config()).joins[0].strategy, JoinStrategy::kSortMerge);
  in = Join(5 * kMib, 400 * kMib, JoinType::kRightOuter);
  StagePlan plan = registry.Plan(in, Config());
  EXPECT_EQ(plan.joins[0].strategy, JoinStrategy::kBroadcastHash);
  EXPECT_EQ(plan.joins[0].build_side, BuildSide::kLeft);
}

TEST(DynamicJoinSelection, ManyEmptyPartitionsDemoteBroadcast) {
  AdaptiveRuleRegistry registry;
  StagePlanningInput in = Join(400 * kMib, 5 * kMib);
  in.shuffles[1].bytes_by_partition.assign(200, 0);
  for (int i = 0; i < 10; ++i) in.shuffles[1].bytes_by_partition[i * 20] = 1000;  // 5% non-empty
  EXPECT_TRUE(HasManyEmptyPartitions(in.shuffles[1], 0.2));
  StagePlan plan = registry.Plan(in, Config());
  EXPECT_EQ(plan.joins[0].strategy, JoinStrategy::kSortMerge);
  EXPECT_EQ(plan.joins[0].hint, "NO_BROADCAST_HASH");
  // 3.3+: for a LeftOuter join many empty partitions on the build side do not demote.
  in.joins[0].type = JoinType::kLeftOuter;
  EXPECT_EQ(registry.Plan(in, Config()).joins[0].strategy, JoinStrategy::kBroadcastHash);
  EXPECT_EQ(registry.Plan(in, Config("3.2.1")).joins[0].strategy, JoinStrategy::kSortMerge);
}

TEST(DynamicJoinSelection, PrefersShuffledHashJoinUnderLocalMapThreshold) {
  AdaptiveRuleRegistry registry;
  StagePlanningInput in = Join(400 * kMib, 100 * kMib);
  AqeConfig c = Config();
  c.max_shuffled_hash_join_local_map_threshold = 128 * kMib;
  StagePlan plan = registry.Plan(in, c);
  EXPECT_EQ(plan.joins[0].strategy, JoinStrategy::kShuffledHash);
  EXPECT_EQ(plan.joins[0].hint, "PREFER_SHUFFLE_HASH");
  c.max_shuffled_hash_join_local_map_threshold = 0;  // default: never
  EXPECT_EQ(registry.Plan(in, c).joins[0].strategy, JoinStrategy::kSortMerge);
}

TEST(DynamicJoinSelection, EmptySidePropagatesEmptyRelation) {
  AdaptiveRuleRegistry registry;
  StagePlanningInput in = Join(400 * kMib, 0);
  in.shuffles[1].row_count = 0;
  StagePlan plan = registry.Plan(in, Config());
  EXPECT_TRUE(plan.joins[0].empty_result);
  EXPECT_EQ(plan.TaskCount(in), 0);
  in.joins[0].type = JoinType::kLeftOuter;  // the left rows survive
  EXPECT_FALSE(registry.Plan(in, Config()).joins[0].empty_result);
}

TEST(DynamicJoinSelection, SideMaterializedFirstIsJudgedAlone) {
  AdaptiveRuleRegistry registry;
  // Both fit under 10 MiB; the larger left finished first, so it is the build side.
  StagePlanningInput in = Join(8 * kMib, 1 * kMib);
  in.shuffles[0].materialized_at = 100;
  in.shuffles[1].materialized_at = 200;
  StagePlan plan = registry.Plan(in, Config());
  EXPECT_EQ(plan.joins[0].build_side, BuildSide::kLeft);
  in.shuffles[0].materialized_at = 300;
  EXPECT_EQ(registry.Plan(in, Config()).joins[0].build_side, BuildSide::kRight);
}

}  // namespace
}  // namespace sparktune::engine::aqe
