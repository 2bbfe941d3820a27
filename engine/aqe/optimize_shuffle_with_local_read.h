// OptimizeShuffleWithLocalRead: reads a shuffle by mapper instead of by reducer
// when nothing needs its partitioning: the stage root when it is a shuffle stage
// (for example the child of a broadcast exchange), else the probe side of each
// broadcast hash join. Local reads are reverted when they would add a shuffle.
//
// Mirrors sql/core/.../adaptive/OptimizeShuffleWithLocalRead.scala (3.2+;
// OptimizeLocalShuffleReader.scala 3.0-3.1). Only shuffles of origin
// ENSURE_REQUIREMENTS or REBALANCE_PARTITIONS_BY_NONE, never SinglePartition, and
// only with spark.sql.adaptive.localShuffleReader.enabled.
// Specs (M mappers, R reducers, P = coalesced spec count if coalesced, else R):
//   P >= M: each mapper reads R split into P / M equal ranges (PartialMapper)
//   P <  M: P equal mapper ranges, each reading every reducer (CoalescedMapper)
// Equal division: n items into m buckets, the first n mod m get one extra.
#pragma once

#include <vector>

#include "engine/aqe/adaptive_rule.h"

namespace sparktune::engine::aqe {

// OptimizeShuffleWithLocalRead.equallyDivide: start index of each bucket.
std::vector<int> EquallyDivide(int num_elements, int num_buckets);

// Local-read specs for a shuffle of `num_mappers` x `num_reducers` read with
// `expected_parallelism` tasks.
PartitionSpecs LocalReadSpecs(int num_mappers, int num_reducers, int expected_parallelism);

class OptimizeShuffleWithLocalRead : public AdaptiveRule {
 public:
  std::string_view name() const override { return rule_names::kOptimizeShuffleWithLocalRead; }
  void Apply(const RuleContext& context, StagePlan* plan) const override;
};

}  // namespace sparktune::engine::aqe
