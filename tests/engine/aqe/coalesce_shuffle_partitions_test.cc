// CoalesceShufflePartitions / ShufflePartitionsUtil.coalescePartitions on worked
// examples (the cases of Spark's ShufflePartitionsUtilSuite, with the results the
// 3.2+ loop gives) and the rule's group/eligibility logic.
#include "engine/aqe/coalesce_shuffle_partitions.h"

#include <gtest/gtest.h>

#include "engine/aqe/adaptive_rule_registry.h"

namespace sparktune::engine::aqe {
namespace {

using Specs = PartitionSpecs;

std::vector<std::pair<int, int>> Ranges(const Specs& specs) {
  std::vector<std::pair<int, int>> out;
  for (const auto& s : specs) out.push_back({s.start_reducer, s.end_reducer});
  return out;
}

std::vector<std::pair<int, int>> Coalesce(const std::vector<std::vector<int64_t>>& bytes,
                                          int64_t target, int64_t min_size = 0,
                                          CoalesceLoop loop = CoalesceLoop::kMergeSmall,
                                          bool only_if_fewer = false) {
  CoalesceOptions o;
  o.advisory_target_size = target;
  o.min_num_partitions = 1;
  o.min_partition_size = min_size;
  o.loop = loop;
  o.apply_only_if_fewer = only_if_fewer;
  auto out = CoalescePartitions(bytes, {}, o);
  if (out.empty()) return {};
  return Ranges(out[0]);
}

using R = std::vector<std::pair<int, int>>;

TEST(CoalescePartitions, OneShuffle) {
  EXPECT_EQ(Coalesce({{0, 0, 0, 0, 0}}, 100), (R{{0, 5}}));  // all empty: one spec
  EXPECT_EQ(Coalesce({{10, 0, 20, 0, 0}}, 100), (R{{0, 5}}));
  EXPECT_EQ(Coalesce({{10, 0, 90, 20, 0}}, 100), (R{{0, 3}, {3, 5}}));
  // A trailing empty partition after a full range gets no task (3.1+).
  EXPECT_EQ(Coalesce({{110, 10, 100, 110, 0}}, 100), (R{{0, 1}, {1, 2}, {2, 3}, {3, 4}}));
  EXPECT_EQ(Coalesce({{30, 30, 0, 40, 110}}, 100), (R{{0, 4}, {4, 5}}));
}

TEST(CoalescePartitions, TwoShufflesFromTheScaladoc) {
  const int64_t mib = 1 << 20;
  auto r = Coalesce({{100 * mib, 20 * mib, 100 * mib, 10 * mib, 30 * mib},
                     {10 * mib, 10 * mib, 70 * mib, 5 * mib, 5 * mib}},
                    128 * mib);
  EXPECT_EQ(r, (R{{0, 1}, {1, 2}, {2, 3}, {3, 5}}));
}

TEST(CoalescePartitions, DataSizesAttachedPerShuffle) {
  CoalesceOptions o;
  o.advisory_target_size = 100;
  o.min_partition_size = 0;
  // Packing uses the sum over shuffles per index: 11, 1, 91, 21, 1 -> [0,2) [2,3) [3,5).
  auto out = CoalescePartitions({{10, 0, 90, 20, 0}, {1, 1, 1, 1, 1}}, {}, o);
  ASSERT_EQ(out.size(), 2u);
  ASSERT_EQ(out[0].size(), 3u);
  EXPECT_EQ(out[0][0].data_size, 10);
  EXPECT_EQ(out[1][0].data_size, 2);
  EXPECT_EQ(out[0][2].data_size, 20);
}

TEST(CoalescePartitions, MinPartitionSizeMergesIntoSmallerNeighbour) {
  const int64_t mib = 1 << 20;
  // [64, 0.5, 64]: 0.5 MB cannot join either side without exceeding 64 MB, but it is
  // below minPartitionSize (1 MB): neighbours are equal, so it packs forward.
  EXPECT_EQ(Coalesce({{64 * mib, mib / 2, 64 * mib}}, 64 * mib, mib), (R{{0, 1}, {1, 3}}));
  // [64, 0.5, 70]: the previous range (64) is smaller than the next partition: packs back.
  EXPECT_EQ(Coalesce({{64 * mib, mib / 2, 70 * mib}}, 64 * mib, mib), (R{{0, 2}, {2, 3}}));
  // A small last range joins the previous one.
  EXPECT_EQ(Coalesce({{64 * mib, mib / 4}}, 64 * mib, mib), (R{{0, 2}}));
  // 3.1 has no merge step.
  EXPECT_EQ(Coalesce({{64 * mib, mib / 2, 64 * mib}}, 64 * mib, mib, CoalesceLoop::kSkipEmpty),
            (R{{0, 1}, {1, 2}, {2, 3}}));
}

TEST(CoalescePartitions, Spark30EmitsEmptyRanges) {
  // 3.1+ launches no task for an all-empty range; 3.0 emits every range.
  EXPECT_EQ(Coalesce({{0, 110, 0}}, 100, 0, CoalesceLoop::kSkipEmpty), (R{{1, 2}}));
  EXPECT_EQ(Coalesce({{200, 110, 0}}, 100, 0, CoalesceLoop::kSkipEmpty), (R{{0, 1}, {1, 2}}));
  EXPECT_EQ(Coalesce({{0, 0, 110, 0}}, 100, 0, CoalesceLoop::kEmitAll),
            (R{{0, 2}, {2, 3}, {3, 4}}));
}

TEST(CoalescePartitions, OnlyIfFewerAndDifferentPartitionCounts) {
  EXPECT_TRUE(Coalesce({{100, 110, 100}}, 100, 0, CoalesceLoop::kMergeSmall, true).empty());
  CoalesceOptions o;
  o.advisory_target_size = 100;
  EXPECT_TRUE(CoalescePartitions({{1, 2, 3}, {1, 2}}, {}, o).empty());
}

TEST(CoalescePartitions, SkewSectionsAreKept) {
  // Specs after a skew join: partition 2 split in three; 0-1 and 3-4 coalesce around it.
  Specs specs = {ShufflePartitionSpec::Coalesced(0, 1),
                 ShufflePartitionSpec::Coalesced(1, 2),
                 ShufflePartitionSpec::PartialReducer(2, 0, 1, 100),
                 ShufflePartitionSpec::PartialReducer(2, 1, 2, 100),
                 ShufflePartitionSpec::PartialReducer(2, 2, 3, 100),
                 ShufflePartitionSpec::Coalesced(3, 4),
                 ShufflePartitionSpec::Coalesced(4, 5)};
  CoalesceOptions o;
  o.advisory_target_size = 100;
  auto out = CoalescePartitions({{10, 10, 300, 10, 10}}, {specs}, o);
  ASSERT_EQ(out.size(), 1u);
  ASSERT_EQ(out[0].size(), 5u);
  EXPECT_EQ(out[0][0], ShufflePartitionSpec::Coalesced(0, 2));
  EXPECT_EQ(out[0][1].kind, PartitionSpecKind::kPartialReducer);
  EXPECT_EQ(out[0][3].kind, PartitionSpecKind::kPartialReducer);
  EXPECT_EQ(out[0][4], ShufflePartitionSpec::Coalesced(3, 5));
}

TEST(CoalesceTargetSize, ParallelismFirstAndFloors) {
  CoalesceOptions o;
  o.advisory_target_size = 64 << 20;
  o.min_partition_size = 1 << 20;
  o.min_num_partitions = 8;
  EXPECT_EQ(CoalesceTargetSize(80 << 20, o), 10 << 20);          // total / defaultParallelism
  EXPECT_EQ(CoalesceTargetSize(int64_t{8} << 30, o), 64 << 20);  // capped by the advisory size
  EXPECT_EQ(CoalesceTargetSize(800 << 10, o), 1 << 20);          // floored at minPartitionSize
  o.target_floor_16 = true;                                      // 3.0-3.1
  EXPECT_EQ(CoalesceTargetSize(0, o), 16);
}

StagePlanningInput TwoShuffleInput() {
  StagePlanningInput in;
  for (int s = 0; s < 2; ++s) {
    ShuffleStageStats st;
    st.bytes_by_partition.assign(200, 262144);  // 200 x 256 KiB
    st.num_mappers = 6;
    in.shuffles.push_back(st);
  }
  return in;
}

TEST(CoalesceShufflePartitionsRule, UsesDefaultParallelismWhenParallelismFirst) {
  AqeConfig c;
  c.version = SparkVersion::Parse("3.2.1");
  c.default_parallelism = 12;
  AdaptiveRuleRegistry registry;
  StagePlanningInput in = TwoShuffleInput();
  StagePlan plan = registry.Plan(in, c);
  // total 100 MiB / 12 = 8.33 MiB target; 16 partitions (8 MiB of both shuffles) per task.
  EXPECT_EQ(plan.TaskCount(in), 13);
  c.parallelism_first = false;  // then the 64 MiB advisory size: 128 per task
  EXPECT_EQ(registry.Plan(in, c).TaskCount(in), 2);
  c.min_partition_num = 50;  // the deprecated minPartitionNum wins
  EXPECT_EQ(registry.Plan(in, c).TaskCount(in), 50);
}

TEST(CoalesceShufflePartitionsRule, SkipsRepartitionByNumAndSinglePartition) {
  AqeConfig c;
  c.version = SparkVersion::Parse("3.3.0");
  AdaptiveRuleRegistry registry;
  StagePlanningInput in = TwoShuffleInput();
  in.shuffles[1].origin = ShuffleOrigin::kRepartitionByNum;
  EXPECT_EQ(registry.Plan(in, c).TaskCount(in), 200);
  in.shuffles[1].origin = ShuffleOrigin::kEnsureRequirements;
  c.coalesce_enabled = false;
  EXPECT_EQ(registry.Plan(in, c).TaskCount(in), 200);
}

TEST(CoalesceShufflePartitionsRule, UnionBranchesAreIndependentFrom33) {
  AqeConfig c;
  c.default_parallelism = 4;
  StagePlanningInput in = TwoShuffleInput();
  in.shuffles[1].bytes_by_partition.assign(100, 1 << 20);  // different partition count
  in.coalesce_groups = {{0}, {1}};
  AdaptiveRuleRegistry registry;
  c.version = SparkVersion::Parse("3.2.0");
  EXPECT_EQ(registry.Plan(in, c).TaskCount(in), 300);  // one group, counts differ: untouched
  c.version = SparkVersion::Parse("3.3.0");
  StagePlan plan = registry.Plan(in, c);
  EXPECT_TRUE(plan.reads[0].coalesced);
  EXPECT_TRUE(plan.reads[1].coalesced);
  EXPECT_LT(plan.TaskCount(in), 300);
}

}  // namespace
}  // namespace sparktune::engine::aqe
