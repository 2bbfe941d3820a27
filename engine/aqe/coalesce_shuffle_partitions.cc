#include "engine/aqe/coalesce_shuffle_partitions.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

namespace sparktune::engine::aqe {

namespace {

// ShufflePartitionsUtil.coalescePartitions(start, end, ...): the packing loop.
PartitionSpecs PackRange(int start, int end, const std::vector<const std::vector<int64_t>*>& stats,
                         int64_t target, int64_t min_partition_size, CoalesceLoop loop,
                         bool allow_return_empty) {
  PartitionSpecs specs;
  int64_t coalesced = 0;
  int i = start;
  int split_point = start;
  int64_t latest_partition_size = 0;
  auto create = [&](bool force) {
    if (coalesced > 0 || force || loop == CoalesceLoop::kEmitAll)
      specs.push_back(ShufflePartitionSpec::Coalesced(split_point, i));
  };
  const bool merge_small = loop == CoalesceLoop::kMergeSmall;
  while (i < end) {
    int64_t current = 0;
    for (const auto* s : stats) current += (*s)[i];
    if (i > split_point && coalesced + current > target) {
      if (merge_small && coalesced < min_partition_size) {
        if (latest_partition_size > 0 && latest_partition_size < current) {
          specs.back().end_reducer = i;  // pack with the partition before
          split_point = i;
          latest_partition_size += coalesced;
          coalesced = current;
        } else {
          coalesced += current;  // pack with the partition after
        }
      } else {
        create(false);
        split_point = i;
        latest_partition_size = coalesced;
        coalesced = current;
      }
    } else {
      coalesced += current;
    }
    ++i;
  }
  if (merge_small && coalesced < min_partition_size && latest_partition_size > 0 &&
      !specs.empty()) {
    specs.back().end_reducer = end;
  } else {
    create(!allow_return_empty && specs.empty());
  }
  return specs;
}

void AttachSizes(const std::vector<const std::vector<int64_t>*>& stats, const PartitionSpecs& specs,
                 std::vector<PartitionSpecs>* out) {
  for (size_t s = 0; s < stats.size(); ++s) {
    for (ShufflePartitionSpec spec : specs) {
      int64_t size = 0;
      for (int r = spec.start_reducer; r < spec.end_reducer; ++r) size += (*stats[s])[r];
      spec.data_size = size;
      (*out)[s].push_back(spec);
    }
  }
}

std::vector<PartitionSpecs> CoalesceWithSkew(const std::vector<const std::vector<int64_t>*>& stats,
                                             const std::vector<PartitionSpecs>& input_specs,
                                             int64_t target, const CoalesceOptions& o) {
  std::vector<int> indices;
  for (const ShufflePartitionSpec& spec : input_specs[0]) {
    if (spec.kind == PartitionSpecKind::kPartialReducer ||
        (spec.kind == PartitionSpecKind::kCoalesced && spec.start_reducer + 1 == spec.end_reducer))
      indices.push_back(spec.start_reducer);
    else
      return {};  // unexpected spec: Spark asserts; we leave the read unchanged
  }
  const int n = static_cast<int>(indices.size());
  std::vector<PartitionSpecs> out(stats.size());
  int i = 1;
  int start = 0;
  while (i < n) {
    if (indices[i - 1] == indices[i]) {
      int repeat = indices[i];
      if (i - 1 > start) {
        PartitionSpecs packed =
            PackRange(indices[start], repeat, stats, target, o.min_partition_size, o.loop, true);
        AttachSizes(stats, packed, &out);
      }
      int repeat_index = i + 1;
      while (repeat_index < n && indices[repeat_index] == repeat) ++repeat_index;
      for (size_t s = 0; s < stats.size(); ++s)
        for (int k = i - 1; k < repeat_index; ++k) out[s].push_back(input_specs[s][k]);
      start = repeat_index;
      i = repeat_index;
    } else {
      ++i;
    }
  }
  if (n > start) {
    PartitionSpecs packed = PackRange(indices[start], indices.back() + 1, stats, target,
                                      o.min_partition_size, o.loop, true);
    AttachSizes(stats, packed, &out);
  }
  if (static_cast<int>(out[0].size()) < n) return out;
  return {};
}

}  // namespace

std::vector<PartitionSpecs> CoalescePartitions(
    const std::vector<std::vector<int64_t>>& bytes_by_partition,
    const std::vector<PartitionSpecs>& input_specs, const CoalesceOptions& o) {
  if (bytes_by_partition.empty()) return {};
  int64_t total = 0;
  for (const auto& b : bytes_by_partition) total += std::accumulate(b.begin(), b.end(), int64_t{0});
  const int64_t target = CoalesceTargetSize(total, o);
  std::vector<const std::vector<int64_t>*> stats;
  for (const auto& b : bytes_by_partition) stats.push_back(&b);
  bool has_input_specs = false;
  for (const auto& s : input_specs) has_input_specs |= !s.empty();
  if (has_input_specs) {
    if (input_specs.size() != bytes_by_partition.size()) return {};
    for (const auto& s : input_specs)
      if (s.empty()) return {};
    return CoalesceWithSkew(stats, input_specs, target, o);
  }
  // Shuffles whose map stage had 0 partitions have no statistics; if none has any,
  // every read gets one empty spec.
  std::vector<const std::vector<int64_t>*> valid;
  for (const auto* s : stats)
    if (!s->empty()) valid.push_back(s);
  if (valid.empty())
    return std::vector<PartitionSpecs>(stats.size(), {ShufflePartitionSpec::Coalesced(0, 0, 0)});
  const size_t num_partitions = valid[0]->size();
  for (const auto* s : valid)
    if (s->size() != num_partitions) return {};
  PartitionSpecs packed = PackRange(0, static_cast<int>(num_partitions), valid, target,
                                    o.min_partition_size, o.loop, false);
  if (o.apply_only_if_fewer && packed.size() >= num_partitions) return {};
  std::vector<PartitionSpecs> out(stats.size());
  for (size_t s = 0; s < stats.size(); ++s) {
    for (ShufflePartitionSpec spec : packed) {
      int64_t size = 0;
      if (!stats[s]->empty())
        for (int r = spec.start_reducer; r < spec.end_reducer; ++r) size += (*stats[s])[r];
      spec.data_size = size;
      out[s].push_back(spec);
    }
  }
  return out;
}

namespace {

bool CanChangeNumPartitions(const ShuffleStageStats& s) {
  if (s.single_partition) return false;
  return s.origin == ShuffleOrigin::kEnsureRequirements ||
         s.origin == ShuffleOrigin::kRepartitionByCol ||
         s.origin == ShuffleOrigin::kRebalancePartitionsByNone ||
         s.origin == ShuffleOrigin::kRebalancePartitionsByCol;
}

}  // namespace

void CoalesceShufflePartitions::Apply(const RuleContext& ctx, StagePlan* plan) const {
  const AqeConfig& c = ctx.config;
  const AqeVersionBehavior& b = ctx.behavior;
  if (!c.coalesce_enabled) return;
  if (b.all_leaves_must_be_stages && !ctx.input.all_leaves_are_stages) {
    plan->Note(std::string(name()), "skipped: not every leaf of the stage is a query stage");
    return;
  }
  std::vector<std::vector<int>> groups = EffectiveGroups(ctx.input);
  if (!b.union_children_independent && groups.size() > 1) {
    std::vector<int> all;
    for (const auto& g : groups) all.insert(all.end(), g.begin(), g.end());
    groups = {all};
  }
  // Only groups that can be coalesced take part in the minNumPartitions split.
  std::vector<std::vector<int>> eligible;
  for (const auto& g : groups) {
    bool ok = !g.empty();
    for (int i : g) {
      const ShuffleReadPlan& r = plan->reads[i];
      if (r.broadcast) continue;
      if (!CanChangeNumPartitions(ctx.input.shuffles[i]) || r.local || r.coalesced) ok = false;
      // 3.0-3.1 run after nothing else has rewritten reads; a skew read there is final.
      if (r.skewed && !b.skew_join_before_coalesce) ok = false;
    }
    if (ok)
      eligible.push_back(g);
    else
      plan->Note(std::string(name()),
                 "skipped a group: a shuffle cannot change its partition count");
  }
  if (eligible.empty()) return;
  const CoalesceOptions stage_options = CoalesceOptionsFor(c, b);
  const int min_num = stage_options.min_num_partitions;
  int64_t total = 0;
  std::vector<int64_t> group_bytes;
  for (const auto& g : eligible) {
    int64_t gb = 0;
    for (int i : g)
      if (!plan->reads[i].broadcast) gb += ctx.input.shuffles[i].total_bytes();
    group_bytes.push_back(gb);
    total += gb;
  }
  for (size_t gi = 0; gi < eligible.size(); ++gi) {
    const auto& g = eligible[gi];
    std::vector<int> members;
    for (int i : g)
      if (!plan->reads[i].broadcast) members.push_back(i);
    if (members.empty()) continue;
    CoalesceOptions o = stage_options;
    // Several groups share minNumPartitions in proportion to their bytes.
    o.min_num_partitions =
        eligible.size() == 1 || total <= 0
            ? min_num
            : std::max(
                  1, static_cast<int>(std::llround(static_cast<double>(min_num) * group_bytes[gi] /
                                                   static_cast<double>(total))));
    std::vector<std::vector<int64_t>> bytes;
    std::vector<PartitionSpecs> specs;
    bool any_specs = false;
    for (int i : members) {
      bytes.push_back(ctx.input.shuffles[i].bytes_by_partition);
      specs.push_back(plan->reads[i].specs);
      any_specs |= !plan->reads[i].specs.empty();
    }
    if (!any_specs) specs.clear();
    std::vector<PartitionSpecs> result = CoalescePartitions(bytes, specs, o);
    if (result.empty()) continue;
    for (size_t k = 0; k < members.size(); ++k) {
      plan->reads[members[k]].specs = std::move(result[k]);
      plan->reads[members[k]].coalesced = true;
    }
    int64_t gtotal = 0;
    for (const auto& v : bytes) gtotal += std::accumulate(v.begin(), v.end(), int64_t{0});
    plan->Note(std::string(name()),
               "coalesced " + std::to_string(bytes[0].size()) + " partitions into " +
                   std::to_string(plan->reads[members[0]].specs.size()) + " (target " +
                   std::to_string(CoalesceTargetSize(gtotal, o)) + " bytes, minNumPartitions " +
                   std::to_string(o.min_num_partitions) + ")");
  }
}

}  // namespace sparktune::engine::aqe
