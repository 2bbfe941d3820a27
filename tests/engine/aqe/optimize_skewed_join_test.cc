// OptimizeSkewedJoin and the skew split (ShufflePartitionsUtil
// splitSizeListByTargetSize / createSkewPartitionSpecs) on worked examples,
// including a 35x skewed partition.
#include "engine/aqe/optimize_skewed_join.h"

#include <gtest/gtest.h>

#include "engine/aqe/adaptive_rule_registry.h"
#include "engine/aqe/skew_partition_split.h"

namespace sparktune::engine::aqe {
namespace {

constexpr int64_t kMib = 1 << 20;

TEST(SplitSizeListByTargetSize, SparkSuiteCases) {
  // ShufflePartitionsUtilSuite "splitSizeListByTargetSize", target 100, small factor 0.2.
  EXPECT_EQ(SplitSizeListByTargetSize({15, 90, 15, 15, 15, 90, 15}, 100, 0.2),
            (std::vector<int>{0, 2, 5}));
  EXPECT_EQ(SplitSizeListByTargetSize({30, 15, 90, 10, 90, 15, 30}, 100, 0.2),
            (std::vector<int>{0, 2, 4, 5}));
  EXPECT_EQ(SplitSizeListByTargetSize({15, 1000, 15, 1000}, 100, 0.2), (std::vector<int>{0, 3}));
  EXPECT_EQ(SplitSizeListByTargetSize({35, 75, 90, 20, 35, 25, 35}, 100, 0.2),
            (std::vector<int>{0, 2, 3}));
}

TEST(CreateSkewPartitionSpecs, MapRangesAndMissingOutputs) {
  // 60 + 60 exceeds 100, and two neighbours (120) are not below 1.2 x 100: 4 ranges.
  auto specs = CreateSkewPartitionSpecs(7, {60, 60, 60, 60}, 100, 0.2);
  ASSERT_TRUE(specs.has_value());
  ASSERT_EQ(specs->size(), 4u);
  EXPECT_EQ((*specs)[0], ShufflePartitionSpec::PartialReducer(7, 0, 1, 60));
  EXPECT_EQ((*specs)[3].data_size, 60);
  // 70 + 45 = 115 < 120: the small tail merges into the previous range.
  auto merged = CreateSkewPartitionSpecs(3, {70, 45, 70, 45}, 100, 0.2);
  ASSERT_TRUE(merged.has_value());
  EXPECT_EQ(merged->size(), 2u);
  EXPECT_FALSE(CreateSkewPartitionSpecs(7, {50, 40}, 100, 0.2).has_value());        // one range
  EXPECT_FALSE(CreateSkewPartitionSpecs(7, {300, -1, 300}, 100, 0.2).has_value());  // 3.2+
  EXPECT_TRUE(CreateSkewPartitionSpecs(7, {300, -1, 300}, 100, 0.2, false).has_value());
}

TEST(MedianSize, EvenOddAndFloor) {
  EXPECT_EQ(MedianSize({5, 1, 3}), 3);
  EXPECT_EQ(MedianSize({4, 1, 3, 10}), 3);  // (3 + 4) / 2 in integer division
  EXPECT_EQ(MedianSize({0, 0, 0}), 1);
}

TEST(SkewJoinSides, JoinTypeRules) {
  EXPECT_TRUE(CanSplitLeftSide(JoinType::kLeftOuter));
  EXPECT_FALSE(CanSplitRightSide(JoinType::kLeftOuter));
  EXPECT_TRUE(CanSplitRightSide(JoinType::kRightOuter));
  EXPECT_FALSE(CanSplitLeftSide(JoinType::kRightOuter));
  EXPECT_FALSE(CanSplitLeftSide(JoinType::kFullOuter));
  EXPECT_FALSE(CanSplitRightSide(JoinType::kFullOuter));
  EXPECT_TRUE(CanSplitLeftSide(JoinType::kLeftAnti));
}

// 200 partitions of 10 MiB on both sides; left partition 7 holds 35x the median
// (350 MiB) written evenly by 100 mappers.
StagePlanningInput SkewedJoin(JoinType type) {
  StagePlanningInput in;
  for (int side = 0; side < 2; ++side) {
    ShuffleStageStats s;
    s.bytes_by_partition.assign(200, 10 * kMib);
    s.num_mappers = 100;
    in.shuffles.push_back(s);
  }
  in.shuffles[0].bytes_by_partition[7] = 350 * kMib;
  JoinInput j;
  j.type = type;
  j.strategy = JoinStrategy::kSortMerge;
  j.left_shuffle = 0;
  j.right_shuffle = 1;
  in.joins.push_back(j);
  return in;
}

AqeConfig Config(const char* version) {
  AqeConfig c;
  c.version = SparkVersion::Parse(version);
  c.coalesce_enabled = false;  // isolate the skew rule
  c.auto_broadcast_join_threshold = -1;
  c.adaptive_auto_broadcast_join_threshold = -1;
  return c;
}

TEST(OptimizeSkewedJoin, Splits35xPartitionIntoAdvisorySizedMapRanges) {
  AdaptiveRuleRegistry registry;
  StagePlanningInput in = SkewedJoin(JoinType::kInner);
  StagePlan plan = registry.Plan(in, Config("3.3.0"));
  // threshold max(256 MiB, 5 x 10 MiB); target max(64 MiB, 10 MiB): 18 mappers (63 MiB)
  // per range, 5 full ranges and one of 35 MiB (98 MiB >= 1.2 x 64: not merged).
  EXPECT_TRUE(plan.joins[0].skew_join);
  EXPECT_TRUE(plan.reads[0].skewed);
  EXPECT_EQ(plan.TaskCount(in), 199 + 6);
  int partial = 0;
  for (const auto& s : plan.reads[0].specs)
    partial += s.kind == PartitionSpecKind::kPartialReducer ? 1 : 0;
  EXPECT_EQ(partial, 6);
  EXPECT_EQ(plan.reads[0].specs[7], ShufflePartitionSpec::PartialReducer(7, 0, 18, 0));
  // The right side's partition 7 is read whole once per left split.
  for (int k = 7; k < 13; ++k)
    EXPECT_EQ(plan.reads[1].specs[k], ShufflePartitionSpec::Coalesced(7, 8));
  // Per-task bytes: a split reads 18 of the 100 mappers' 3.5 MiB plus the whole right partition.
  std::vector<int64_t> bytes = plan.TaskReadBytes(in);
  ASSERT_EQ(bytes.size(), 205u);
  EXPECT_EQ(bytes[0], 20 * kMib);
  EXPECT_EQ(bytes[7], 18 * 3670016 + 10 * kMib);
  EXPECT_EQ(bytes[12], 10 * 3670016 + 10 * kMib);
}

TEST(OptimizeSkewedJoin, CartesianPairingWhenBothSidesSkewed) {
  AdaptiveRuleRegistry registry;
  StagePlanningInput in = SkewedJoin(JoinType::kInner);
  in.shuffles[1].bytes_by_partition[7] = 300 * kMib;  // 100 mappers x 3 MiB: 5 ranges
  StagePlan plan = registry.Plan(in, Config("3.3.0"));
  EXPECT_EQ(plan.TaskCount(in), 199 + 6 * 5);
}

TEST(OptimizeSkewedJoin, JoinTypeDecidesWhichSideSplits) {
  AdaptiveRuleRegistry registry;
  StagePlanningInput right_outer = SkewedJoin(JoinType::kRightOuter);  // left cannot split
  EXPECT_EQ(registry.Plan(right_outer, Config("3.3.0")).TaskCount(right_outer), 200);
  StagePlanningInput full = SkewedJoin(JoinType::kFullOuter);
  EXPECT_EQ(registry.Plan(full, Config("3.3.0")).TaskCount(full), 200);
}

TEST(OptimizeSkewedJoin, VersionAndConfigGates) {
  AdaptiveRuleRegistry registry;
  StagePlanningInput in = SkewedJoin(JoinType::kInner);
  AqeConfig c = Config("3.3.0");
  c.skew_join_enabled = false;
  EXPECT_EQ(registry.Plan(in, c).TaskCount(in), 200);
  // A shuffled hash join is split from 3.2, not in 3.1.
  in.joins[0].strategy = JoinStrategy::kShuffledHash;
  EXPECT_EQ(registry.Plan(in, Config("3.1.1")).TaskCount(in), 200);
  EXPECT_EQ(registry.Plan(in, Config("3.2.0")).TaskCount(in), 205);
  // Splitting would add a shuffle above: dropped unless forced.
  in.joins[0].distribution_required_above = true;
  EXPECT_EQ(registry.Plan(in, Config("3.3.0")).TaskCount(in), 200);
  c = Config("3.3.0");
  c.force_optimize_skewed_join = true;
  EXPECT_EQ(registry.Plan(in, c).TaskCount(in), 205);
}

TEST(OptimizeSkewedJoin, SkewSplitsSurviveCoalescing) {
  AdaptiveRuleRegistry registry;
  StagePlanningInput in = SkewedJoin(JoinType::kInner);
  AqeConfig c = Config("3.3.0");
  c.coalesce_enabled = true;
  c.default_parallelism = 4;
  StagePlan plan = registry.Plan(in, c);
  // Non-skewed partitions (20 MiB per index, both sides) pack 3 per 64 MiB task:
  // [0,7) -> 3 tasks, the 6 splits, [8,200) -> 64 tasks.
  EXPECT_EQ(plan.TaskCount(in), 3 + 6 + 64);
}

}  // namespace
}  // namespace sparktune::engine::aqe
