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

namespace {

int64_t SpecBytes(const ShuffleStageStats& s, const ShufflePartitionSpec& spec) {
  const int n = s.num_partitions();
  auto reducer_bytes = [&](int begin, int end) {
    int64_t t = 0;
    for (int r = std::max(begin, 0); r < std::min(end, n); ++r) t += s.bytes_by_partition[r];
    return t;
  };
  const double mappers = std::max(s.num_mappers, 1);
  switch (spec.kind) {
    case PartitionSpecKind::kCoalesced:
      return reducer_bytes(spec.start_reducer, spec.end_reducer);
    case PartitionSpecKind::kPartialReducer:
      if (spec.data_size >= 0) return spec.data_size;
      return static_cast<int64_t>(reducer_bytes(spec.start_reducer, spec.end_reducer) *
                                  (spec.end_mapper - spec.start_mapper) / mappers);
    case PartitionSpecKind::kPartialMapper:
    case PartitionSpecKind::kCoalescedMapper:
      return static_cast<int64_t>(reducer_bytes(spec.start_reducer, spec.end_reducer) *
                                  (spec.end_mapper - spec.start_mapper) / mappers);
  }
  return 0;
}

}  // namespace

std::vector<int64_t> StagePlan::TaskReadBytes(const StagePlanningInput& input) const {
  std::vector<int64_t> out;
  for (const std::vector<int>& group : EffectiveGroups(input)) {
    int64_t count = 0;
    for (int i : group)
      if (!reads[i].broadcast && !reads[i].eliminated) count = std::max(count, ReadCount(input, i));
    for (int64_t k = 0; k < count; ++k) {
      int64_t bytes = 0;
      for (int i : group) {
        if (reads[i].broadcast || reads[i].eliminated) continue;
        const ShuffleStageStats& s = input.shuffles[i];
        if (reads[i].specs.empty()) {
          if (k < s.num_partitions()) bytes += s.bytes_by_partition[k];
        } else if (k < static_cast<int64_t>(reads[i].specs.size())) {
          bytes += SpecBytes(s, reads[i].specs[k]);
        }
      }
      out.push_back(bytes);
    }
  }
  return out;
}

}  // namespace sparktune::engine::aqe
