#include "engine/aqe/optimize_shuffle_with_local_read.h"

#include <algorithm>
#include <string>

namespace sparktune::engine::aqe {

std::vector<int> EquallyDivide(int n, int m) {
  std::vector<int> starts;
  if (m <= 0) return starts;
  int per = n / m;
  int remaining = n % m;
  int split_point = (per + 1) * remaining;
  for (int i = 0; i < remaining; ++i) starts.push_back(i * (per + 1));
  for (int i = remaining; i < m; ++i) starts.push_back(split_point + (i - remaining) * per);
  return starts;
}

PartitionSpecs LocalReadSpecs(int num_mappers, int num_reducers, int expected_parallelism) {
  PartitionSpecs specs;
  if (num_mappers <= 0) return specs;
  if (expected_parallelism >= num_mappers) {
    std::vector<int> points =
        EquallyDivide(num_reducers, std::max(1, expected_parallelism / num_mappers));
    points.push_back(num_reducers);
    for (int m = 0; m < num_mappers; ++m)
      for (size_t k = 0; k + 1 < points.size(); ++k)
        specs.push_back(ShufflePartitionSpec::PartialMapper(m, points[k], points[k + 1]));
  } else {
    std::vector<int> points = EquallyDivide(num_mappers, expected_parallelism);
    points.push_back(num_mappers);
    for (size_t k = 0; k + 1 < points.size(); ++k)
      specs.push_back(
          ShufflePartitionSpec::CoalescedMapper(points[k], points[k + 1], num_reducers));
  }
  return specs;
}

namespace {

bool Supported(const ShuffleStageStats& s) {
  return !s.single_partition && (s.origin == ShuffleOrigin::kEnsureRequirements ||
                                 s.origin == ShuffleOrigin::kRebalancePartitionsByNone);
}

bool MakeLocal(const StagePlanningInput& input, int i, StagePlan* plan) {
  const ShuffleStageStats& s = input.shuffles[i];
  ShuffleReadPlan& read = plan->reads[i];
  if (!Supported(s) || read.local || read.skewed || read.eliminated) return false;
  int p = read.coalesced ? static_cast<int>(read.specs.size()) : s.num_partitions();
  PartitionSpecs specs = LocalReadSpecs(s.num_mappers, s.num_partitions(), p);
  if (specs.empty()) return false;
  read.specs = std::move(specs);
  read.local = true;
  read.coalesced = false;
  return true;
}

}  // namespace

void OptimizeShuffleWithLocalRead::Apply(const RuleContext& ctx, StagePlan* plan) const {
  if (!ctx.config.local_shuffle_reader_enabled) return;
  const StagePlanningInput& in = ctx.input;
  if (in.root_is_shuffle_read && in.shuffles.size() == 1) {
    if (MakeLocal(in, 0, plan))
      plan->Note(std::string(name()), "stage root read locally: " +
                                          std::to_string(plan->reads[0].specs.size()) + " tasks");
    return;
  }
  for (size_t j = 0; j < in.joins.size(); ++j) {
    const JoinDecision& d = plan->joins[j];
    const JoinInput& join = in.joins[j];
    if (d.strategy != JoinStrategy::kBroadcastHash || d.empty_result) continue;
    int probe = d.build_side == BuildSide::kRight ? join.left_shuffle : join.right_shuffle;
    if (probe < 0) continue;
    if (join.distribution_required_above) {
      plan->Note(std::string(name()), "probe side kept: a local read would add a shuffle");
      continue;
    }
    if (MakeLocal(in, probe, plan))
      plan->Note(std::string(name()), "probe side of BroadcastHashJoin read locally: " +
                                          std::to_string(plan->reads[probe].specs.size()) +
                                          " tasks");
  }
}

}  // namespace sparktune::engine::aqe
