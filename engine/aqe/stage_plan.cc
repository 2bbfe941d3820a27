#include "engine/aqe/stage_plan.h"

#include <algorithm>
#include <numeric>

namespace sparktune::engine::aqe {

int64_t ShuffleStageStats::total_bytes() const {
  return std::accumulate(bytes_by_partition.begin(), bytes_by_partition.end(), int64_t{0});
}

std::vector<int64_t> ShuffleStageStats::MapSizesFor(int reducer) const {
  if (reducer < static_cast<int>(map_sizes.size()) && !map_sizes[reducer].empty())
    return map_sizes[reducer];
  int m = std::max(num_mappers, 1);
  int64_t total = bytes_by_partition[reducer];
  std::vector<int64_t> out(m, total / m);
  for (int i = 0; i < static_cast<int>(total % m); ++i) out[i] += 1;
  return out;
}

const char* JoinTypeName(JoinType type) {
  switch (type) {
    case JoinType::kInner: return "Inner";
    case JoinType::kCross: return "Cross";
    case JoinType::kLeftOuter: return "LeftOuter";
    case JoinType::kRightOuter: return "RightOuter";
    case JoinType::kFullOuter: return "FullOuter";
    case JoinType::kLeftSemi: return "LeftSemi";
    case JoinType::kLeftAnti: return "LeftAnti";
    case JoinType::kExistence: return "ExistenceJoin";
    case JoinType::kUnknown: break;
  }
  return "Unknown";
}

const char* JoinStrategyName(JoinStrategy strategy) {
  switch (strategy) {
    case JoinStrategy::kSortMerge: return "SortMergeJoin";
    case JoinStrategy::kShuffledHash: return "ShuffledHashJoin";
    case JoinStrategy::kBroadcastHash: return "BroadcastHashJoin";
    case JoinStrategy::kBroadcastNestedLoop: return "BroadcastNestedLoopJoin";
    case JoinStrategy::kCartesian: return "CartesianProduct";
    case JoinStrategy::kUnknown: break;
  }
  return "Unknown";
}

StagePlan StagePlan::From(const StagePlanningInput& input) {
  StagePlan plan;
  plan.reads.resize(input.shuffles.size());
  for (const JoinInput& j : input.joins) {
    JoinDecision d;
    d.strategy = j.strategy;
    d.build_side = j.build_side;
    d.skew_join = j.is_skew_join;
    plan.joins.push_back(d);
  }
  return plan;
}

std::vector<std::vector<int>> EffectiveGroups(const StagePlanningInput& input) {
  if (!input.coalesce_groups.empty()) return input.coalesce_groups;
  std::vector<int> all(input.shuffles.size());
  std::iota(all.begin(), all.end(), 0);
  return {all};
}

int64_t StagePlan::ReadCount(const StagePlanningInput& input, int i) const {
  if (!reads[i].specs.empty()) return static_cast<int64_t>(reads[i].specs.size());
  return input.shuffles[i].num_partitions();
}

int64_t StagePlan::TaskCount(const StagePlanningInput& input) const {
  int64_t tasks = 0;
  for (const std::vector<int>& group : EffectiveGroups(input)) {
    int64_t count = 0;
    for (int i : group) {
      if (reads[i].broadcast || reads[i].eliminated) continue;
      count = std::max(count, ReadCount(input, i));
    }
    tasks += count;
  }
  return tasks;
}

}  // namespace sparktune::engine::aqe
