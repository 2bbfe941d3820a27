#include "engine/aqe/optimize_skewed_join.h"

#include <algorithm>
#include <numeric>
#include <string>

#include "data/base/stats.h"
#include "engine/aqe/skew_partition_split.h"

namespace sparktune::engine::aqe {

int64_t MedianSize(std::vector<int64_t> sizes) {
  return std::max<int64_t>(stats::SparkMedian(std::move(sizes)), 1);
}

bool CanSplitLeftSide(JoinType t) {
  return t == JoinType::kInner || t == JoinType::kCross || t == JoinType::kLeftSemi ||
         t == JoinType::kLeftAnti || t == JoinType::kLeftOuter;
}

bool CanSplitRightSide(JoinType t) {
  return t == JoinType::kInner || t == JoinType::kCross || t == JoinType::kRightOuter;
}

namespace {

int64_t SkewThreshold(const AqeConfig& c, int64_t median) {
  return std::max<int64_t>(
      c.skewed_partition_threshold,
      static_cast<int64_t>(static_cast<double>(median) * c.skewed_partition_factor));
}

int64_t TargetSize(const AqeConfig& c, const std::vector<int64_t>& sizes, int64_t threshold) {
  int64_t sum = 0;
  int64_t count = 0;
  for (int64_t s : sizes)
    if (s <= threshold) {
      sum += s;
      ++count;
    }
  if (count == 0) return c.advisory_partition_size;
  return std::max(c.advisory_partition_size, sum / count);
}

// The current read units of one side: either the raw partitions or (3.0-3.1, after
// coalescing) the coalesced specs, with their sizes.
struct SideUnits {
  PartitionSpecs specs;
  std::vector<int64_t> sizes;
};

SideUnits UnitsOf(const ShuffleStageStats& s, const ShuffleReadPlan& read) {
  SideUnits u;
  if (read.specs.empty()) {
    for (int i = 0; i < s.num_partitions(); ++i) {
      u.specs.push_back(ShufflePartitionSpec::Coalesced(i, i + 1, s.bytes_by_partition[i]));
      u.sizes.push_back(s.bytes_by_partition[i]);
    }
  } else {
    for (const ShufflePartitionSpec& spec : read.specs) {
      int64_t size = 0;
      for (int r = spec.start_reducer; r < spec.end_reducer; ++r) size += s.bytes_by_partition[r];
      u.specs.push_back(spec);
      u.sizes.push_back(size);
    }
  }
  return u;
}

}  // namespace

void OptimizeSkewedJoin::Apply(const RuleContext& ctx, StagePlan* plan) const {
  const AqeConfig& c = ctx.config;
  const AqeVersionBehavior& b = ctx.behavior;
  if (!c.skew_join_enabled) return;
  if (!b.skew_join_multi_join) {
    int shuffles = 0;
    for (const ShuffleReadPlan& r : plan->reads) shuffles += r.broadcast ? 0 : 1;
    if (shuffles != 2) return;
  }
  for (size_t j = 0; j < ctx.input.joins.size(); ++j) {
    const JoinInput& join = ctx.input.joins[j];
    JoinDecision& decision = plan->joins[j];
    if (decision.skew_join) continue;
    bool strategy_ok =
        decision.strategy == JoinStrategy::kSortMerge ||
        (b.skew_join_shuffled_hash && decision.strategy == JoinStrategy::kShuffledHash);
    if (!strategy_ok || join.left_shuffle < 0 || join.right_shuffle < 0) continue;
    const ShuffleStageStats& left = ctx.input.shuffles[join.left_shuffle];
    const ShuffleStageStats& right = ctx.input.shuffles[join.right_shuffle];
    if (left.origin != ShuffleOrigin::kEnsureRequirements ||
        right.origin != ShuffleOrigin::kEnsureRequirements)
      continue;
    if (left.num_partitions() != right.num_partitions() || left.num_partitions() == 0) continue;
    ShuffleReadPlan& left_read = plan->reads[join.left_shuffle];
    ShuffleReadPlan& right_read = plan->reads[join.right_shuffle];
    if (left_read.local || right_read.local || left_read.skewed || right_read.skewed) continue;
    const bool split_left = CanSplitLeftSide(join.type);
    const bool split_right = CanSplitRightSide(join.type);
    if (!split_left && !split_right) continue;
    if (join.distribution_required_above && !c.force_optimize_skewed_join) {
      plan->Note(std::string(name()), "skipped: splitting would add a shuffle above the join");
      continue;
    }
    SideUnits lu = UnitsOf(left, left_read);
    SideUnits ru = UnitsOf(right, right_read);
    if (lu.specs.size() != ru.specs.size()) continue;
    int64_t left_median =
        MedianSize(b.skew_median_of_coalesced ? lu.sizes : left.bytes_by_partition);
    int64_t right_median =
        MedianSize(b.skew_median_of_coalesced ? ru.sizes : right.bytes_by_partition);
    int64_t left_threshold = SkewThreshold(c, left_median);
    int64_t right_threshold = SkewThreshold(c, right_median);
    int64_t left_target = TargetSize(c, lu.sizes, left_threshold);
    int64_t right_target = TargetSize(c, ru.sizes, right_threshold);
    PartitionSpecs left_out, right_out;
    int skewed_left = 0, skewed_right = 0;
    for (size_t u = 0; u < lu.specs.size(); ++u) {
      auto side_parts = [&](const ShuffleStageStats& s, const SideUnits& units, bool can_split,
                            int64_t threshold, int64_t target, int* counter) -> PartitionSpecs {
        const ShufflePartitionSpec& spec = units.specs[u];
        bool single = spec.end_reducer == spec.start_reducer + 1;
        if (can_split && single && units.sizes[u] > threshold) {
          auto split =
              CreateSkewPartitionSpecs(spec.start_reducer, s.MapSizesFor(spec.start_reducer),
                                       target, kSmallPartitionFactor, b.skip_missing_map_outputs);
          if (split) {
            ++*counter;
            return *split;
          }
        }
        return {spec};
      };
      PartitionSpecs lp =
          side_parts(left, lu, split_left, left_threshold, left_target, &skewed_left);
      PartitionSpecs rp =
          side_parts(right, ru, split_right, right_threshold, right_target, &skewed_right);
      for (const auto& l : lp)
        for (const auto& r : rp) {
          left_out.push_back(l);
          right_out.push_back(r);
        }
    }
    if (skewed_left == 0 && skewed_right == 0) continue;
    left_read.specs = std::move(left_out);
    right_read.specs = std::move(right_out);
    left_read.skewed = skewed_left > 0;
    right_read.skewed = skewed_right > 0;
    decision.skew_join = true;
    plan->Note(std::string(name()),
               std::string(JoinStrategyName(decision.strategy)) + " " + JoinTypeName(join.type) +
                   ": " + std::to_string(skewed_left) + " skewed left and " +
                   std::to_string(skewed_right) + " skewed right partitions split into " +
                   std::to_string(left_read.specs.size()) + " tasks");
  }
}

}  // namespace sparktune::engine::aqe
