// OptimizeSkewInRebalancePartitions: splits every partition of a REBALANCE
// shuffle (REBALANCE_PARTITIONS_BY_NONE / _BY_COL) that is larger than the
// advisory size into map-output ranges of about the advisory size; the other
// partitions stay single specs, which CoalesceShufflePartitions then packs.
//
// Mirrors sql/core/.../adaptive/OptimizeSkewInRebalancePartitions.scala (3.2+):
// skipped when every partition is <= advisory or nothing splits; the small-range
// merge factor is spark.sql.adaptive.rebalancePartitionsSmallPartitionFactor from
// 3.3 (0.2 = SMALL_PARTITION_FACTOR in 3.2).
#pragma once

#include "engine/aqe/adaptive_rule.h"

namespace sparktune::engine::aqe {

class OptimizeSkewInRebalancePartitions : public AdaptiveRule {
 public:
  std::string_view name() const override { return rule_names::kOptimizeSkewInRebalancePartitions; }
  void Apply(const RuleContext& context, StagePlan* plan) const override;
};

}  // namespace sparktune::engine::aqe
