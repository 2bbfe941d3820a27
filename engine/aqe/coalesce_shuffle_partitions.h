// CoalesceShufflePartitions: packs contiguous small reduce partitions of the
// shuffles a stage reads into fewer tasks, with the exact loop of
// ShufflePartitionsUtil.coalescePartitions.
//
// Mirrors (sql/core/.../execution/adaptive/):
//   CoalesceShufflePartitions.scala      3.0-4.x (coalesce groups, minNumPartitions)
//   ShufflePartitionsUtil.scala          3.0-4.x (target size, packing, skew sections)
// Version differences come from AqeVersionBehavior (aqe_version_table.h):
//   3.0   target = min(max(ceil(total/minNum), 16), advisory); every range emitted
//   3.1   empty ranges skipped (at least one spec)
//   3.2+  target = max(min(ceil(total/minNum), advisory), minPartitionSize); a range
//         below minPartitionSize merges into its smaller neighbour; the result is kept
//         only if it has fewer partitions; skew sections ([0,1,2,2,2,3]) are kept whole
// minNumPartitions: minPartitionNum if set, else defaultParallelism when
// parallelismFirst (3.2+; always in 3.0-3.1), else 1; with several groups each
// gets max(1, round(minNum x groupBytes / totalBytes)).
// Groups are skipped when coalescing is off, a shuffle cannot change its partition
// count (REPARTITION_BY_NUM, SinglePartition), the shuffles have different
// partition counts, or the group was already rewritten (local read or coalesced).
#pragma once

#include <cstdint>
#include <vector>

#include "engine/aqe/adaptive_rule.h"
#include "engine/aqe/partition_spec.h"
#include "engine/aqe_settings/coalesce_options.h"

namespace sparktune::engine::aqe {

// ShufflePartitionsUtil.coalescePartitions over the shuffles' bytesByPartitionId.
// `input_specs` is empty or holds, per shuffle, the specs from skew handling
// (kCoalesced [i,i+1) or kPartialReducer). Returns one spec list per shuffle, or an
// empty vector when nothing is coalesced.
std::vector<PartitionSpecs> CoalescePartitions(
    const std::vector<std::vector<int64_t>>& bytes_by_partition,
    const std::vector<PartitionSpecs>& input_specs, const CoalesceOptions& options);

class CoalesceShufflePartitions : public AdaptiveRule {
 public:
  std::string_view name() const override { return rule_names::kCoalesceShufflePartitions; }
  void Apply(const RuleContext& context, StagePlan* plan) const override;
};

}  // namespace sparktune::engine::aqe
