// OptimizeSkewedJoin: splits skewed reduce partitions of a sort-merge (and,
// 3.2+, shuffled hash) join into map-output ranges and pairs every left split
// with every right split.
//
// Mirrors sql/core/.../adaptive/OptimizeSkewedJoin.scala, 3.0-4.x:
//   median       Utils.median of the side's bytesByPartitionId (even count: mean
//                of the middle two, integer division), floored at 1
//   threshold    max(skewedPartitionThresholdInBytes, median x skewedPartitionFactor)
//   skewed       size > threshold and the join type lets that side split
//                (left: Inner, Cross, LeftSemi, LeftAnti, LeftOuter;
//                 right: Inner, Cross, RightOuter; FullOuter never)
//   target       max(advisory, mean of the non-skewed partitions) (advisory if none)
//   split        createSkewPartitionSpecs (skew_partition_split.h)
//   pairing      cartesian product of the left and right specs per partition
// Version rows: 3.0-3.1 run after coalescing (coalesced specs are never split;
// 3.0 takes the median of the coalesced sizes) and only for SMJ; 3.2 adds SHJ and
// runs before coalescing; 3.0-3.2 only when the stage reads exactly two shuffles;
// 3.3+ any number of joins. The split is dropped when an operator above needs
// the join's partitioning, unless spark.sql.adaptive.forceOptimizeSkewedJoin.
// Both sides must be shuffle stages of origin ENSURE_REQUIREMENTS.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/aqe/adaptive_rule.h"

namespace sparktune::engine::aqe {

// Utils.median(sizes, alreadySorted = false), floored at 1.
int64_t MedianSize(std::vector<int64_t> sizes);

// Join types whose left / right side may be split.
bool CanSplitLeftSide(JoinType type);
bool CanSplitRightSide(JoinType type);

class OptimizeSkewedJoin : public AdaptiveRule {
 public:
  std::string_view name() const override { return rule_names::kOptimizeSkewedJoin; }
  void Apply(const RuleContext& context, StagePlan* plan) const override;
};

}  // namespace sparktune::engine::aqe
