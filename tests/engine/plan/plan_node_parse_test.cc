// Exchange and join simpleString parsing across Spark versions.
#include "engine/plan/plan_node_parse.h"

#include <gtest/gtest.h>

namespace sparktune::engine::plan {
namespace {

TEST(ParseExchange, VersionsAndPartitionings) {
  ExchangeInfo e =
      ParseExchange("Exchange hashpartitioning(id#26L, 200), ENSURE_REQUIREMENTS, [plan_id=247]");
  EXPECT_EQ(e.partitioning, Partitioning::kHash);
  EXPECT_EQ(e.num_partitions, 200);
  EXPECT_EQ(e.origin, ShuffleOrigin::kEnsureRequirements);
  e = ParseExchange(
      "Exchange hashpartitioning(region#7L, category#5L, 50), ENSURE_REQUIREMENTS, [plan_id=204]");
  EXPECT_EQ(e.num_partitions, 50);
  e = ParseExchange("Exchange SinglePartition, ENSURE_REQUIREMENTS, [id=#48]");
  EXPECT_EQ(e.partitioning, Partitioning::kSingle);
  EXPECT_EQ(e.num_partitions, 1);
  e = ParseExchange("Exchange RoundRobinPartitioning(10), REPARTITION_BY_NUM, [id=#28]");
  EXPECT_EQ(e.partitioning, Partitioning::kRoundRobin);
  EXPECT_EQ(e.num_partitions, 10);
  EXPECT_EQ(e.origin, ShuffleOrigin::kRepartitionByNum);
  e = ParseExchange(
      "Exchange rangepartitioning(a#1 ASC NULLS FIRST, 400), ENSURE_REQUIREMENTS, [plan_id=9]");
  EXPECT_EQ(e.partitioning, Partitioning::kRange);
  EXPECT_EQ(e.num_partitions, 400);
  e = ParseExchange("Exchange hashpartitioning(a#12, 200), true, [id=#40]");  // 3.0
  EXPECT_EQ(e.origin, ShuffleOrigin::kEnsureRequirements);
  e = ParseExchange(
      "Exchange hashpartitioning(a#12, 200), REBALANCE_PARTITIONS_BY_COL, [plan_id=1]");
  EXPECT_EQ(e.origin, ShuffleOrigin::kRebalancePartitionsByCol);
  e = ParseExchange("Exchange hashpartitioning(a#12, 200)");  // 2.x
  EXPECT_EQ(e.origin, ShuffleOrigin::kEnsureRequirements);
}

TEST(ParseJoin, StrategiesTypesAndBuildSides) {
  JoinInfo j = ParseJoin("SortMergeJoin", "SortMergeJoin [a#12], [b#14], Inner");
  EXPECT_EQ(j.strategy, JoinStrategy::kSortMerge);
  EXPECT_EQ(j.type, JoinType::kInner);
  EXPECT_EQ(j.keys, "[a#12], [b#14]");
  j = ParseJoin("BroadcastHashJoin",
                "BroadcastHashJoin [col1#1], [desc#48], LeftOuter, BuildRight, false");
  EXPECT_EQ(j.strategy, JoinStrategy::kBroadcastHash);
  EXPECT_EQ(j.type, JoinType::kLeftOuter);
  EXPECT_EQ(j.build_side, BuildSide::kRight);
  j = ParseJoin("SortMergeJoin(skew=true)", "SortMergeJoin(skew=true) [key#1L], [key#9L], Inner");
  EXPECT_EQ(j.strategy, JoinStrategy::kSortMerge);
  EXPECT_TRUE(j.skew_join);
  EXPECT_TRUE(IsJoinNode("SortMergeJoin(skew=true)"));
  j = ParseJoin("SortMergeJoin", "SortMergeJoin [a#1], [b#2], LeftAnti, isSkewJoin=true");
  EXPECT_EQ(j.type, JoinType::kLeftAnti);
  EXPECT_TRUE(j.skew_join);
  j = ParseJoin("BroadcastNestedLoopJoin", "BroadcastNestedLoopJoin BuildLeft, Cross");
  EXPECT_EQ(j.type, JoinType::kCross);
  EXPECT_EQ(j.build_side, BuildSide::kLeft);
  EXPECT_FALSE(IsJoinNode("HashAggregate"));
}

}  // namespace
}  // namespace sparktune::engine::plan
