// OptimizeShuffleWithLocalRead: equal division, the two spec shapes, and when a
// probe side or a stage root is read locally.
#include "engine/aqe/optimize_shuffle_with_local_read.h"

#include <gtest/gtest.h>

#include "engine/aqe/adaptive_rule_registry.h"

namespace sparktune::engine::aqe {
namespace {

TEST(EquallyDivide, FirstBucketsGetTheRemainder) {
  EXPECT_EQ(EquallyDivide(10, 3), (std::vector<int>{0, 4, 7}));
  EXPECT_EQ(EquallyDivide(5, 2), (std::vector<int>{0, 3}));
  EXPECT_EQ(EquallyDivide(4, 4), (std::vector<int>{0, 1, 2, 3}));
}

TEST(LocalReadSpecs, MoreParallelismThanMappers) {
  // P = 5 >= M = 2: each mapper reads its output in 5 / 2 = 2 reducer ranges.
  PartitionSpecs specs = LocalReadSpecs(2, 5, 5);
  ASSERT_EQ(specs.size(), 4u);
  EXPECT_EQ(specs[0], ShufflePartitionSpec::PartialMapper(0, 0, 3));
  EXPECT_EQ(specs[1], ShufflePartitionSpec::PartialMapper(0, 3, 5));
  EXPECT_EQ(specs[3], ShufflePartitionSpec::PartialMapper(1, 3, 5));
}

TEST(LocalReadSpecs, FewerTasksThanMappers) {
  // P = 3 < M = 10: three mapper ranges, each reading every reducer.
  PartitionSpecs specs = LocalReadSpecs(10, 200, 3);
  ASSERT_EQ(specs.size(), 3u);
  EXPECT_EQ(specs[0], ShufflePartitionSpec::CoalescedMapper(0, 4, 200));
  EXPECT_EQ(specs[2], ShufflePartitionSpec::CoalescedMapper(7, 10, 200));
}

StagePlanningInput BroadcastJoinProbe() {
  StagePlanningInput in;
  ShuffleStageStats probe;
  probe.bytes_by_partition.assign(200, 10 << 20);
  probe.num_mappers = 8;
  in.shuffles.push_back(probe);
  JoinInput j;
  j.strategy = JoinStrategy::kBroadcastHash;
  j.build_side = BuildSide::kRight;
  j.left_shuffle = 0;
  in.joins.push_back(j);
  return in;
}

TEST(OptimizeShuffleWithLocalRead, ProbeSideOfBroadcastJoin) {
  AdaptiveRuleRegistry registry;
  AqeConfig c;
  c.version = SparkVersion::Parse("3.3.0");
  c.default_parallelism = 4;
  StagePlanningInput in = BroadcastJoinProbe();
  StagePlan plan = registry.Plan(in, c);
  // Coalesced first (2000 MiB at 64 MiB: 32 tasks), then read locally: P = 32 >= M = 8,
  // 4 reducer ranges per mapper.
  EXPECT_TRUE(plan.reads[0].local);
  EXPECT_EQ(plan.TaskCount(in), 32);
  in.joins[0].distribution_required_above = true;  // reverted: it would add a shuffle
  EXPECT_FALSE(registry.Plan(in, c).reads[0].local);
  c.local_shuffle_reader_enabled = false;
  in.joins[0].distribution_required_above = false;
  EXPECT_FALSE(registry.Plan(in, c).reads[0].local);
}

TEST(OptimizeShuffleWithLocalRead, StageRootAndUnsupportedOrigins) {
  AdaptiveRuleRegistry registry;
  AqeConfig c;
  c.version = SparkVersion::Parse("3.5.0");
  c.default_parallelism = 2;
  StagePlanningInput in;
  ShuffleStageStats s;
  s.bytes_by_partition.assign(200, 1000);
  s.num_mappers = 8;
  in.shuffles.push_back(s);
  in.root_is_shuffle_read = true;
  StagePlan plan = registry.Plan(in, c);
  EXPECT_TRUE(plan.reads[0].local);
  EXPECT_EQ(plan.TaskCount(in), 1);  // coalesced to 1, then 1 mapper range
  in.shuffles[0].origin = ShuffleOrigin::kRepartitionByCol;
  EXPECT_FALSE(registry.Plan(in, c).reads[0].local);
  in.shuffles[0].origin = ShuffleOrigin::kEnsureRequirements;
  in.shuffles[0].single_partition = true;
  EXPECT_FALSE(registry.Plan(in, c).reads[0].local);
}

}  // namespace
}  // namespace sparktune::engine::aqe
