// DynamicJoinSelection and runtime join re-planning: what AQE's re-optimization
// does to a shuffle join once its sides are materialized.
//
// Mirrors, per version row (aqe_version_table.h):
//   AQEPropagateEmptyRelation (3.1+ "Eliminate Join to Empty Relation"): a join
//     whose result is empty because a side has no rows is removed; its reads vanish
//   DynamicJoinSelection.scala (3.2+; DemoteBroadcastHashJoin in 3.0-3.1):
//     manyEmpty(side) = 0 < nonZero/total < nonEmptyPartitionRatioForBroadcastJoin;
//     demote (3.3+, SPARK-37753): manyEmpty(this) and buildable, unless LeftOuter,
//     RightOuter or LeftAnti; or manyEmpty(other) and buildable, only for those three;
//     3.0-3.2: manyEmpty(this). preferSHJ: advisory <= maxShuffledHashJoinLocalMapThreshold
//     and every partition <= it. Hints: SHUFFLE_HASH / NO_BROADCAST_HASH / PREFER_SHUFFLE_HASH
//   JoinSelection (SparkStrategies.scala) on the re-optimized plan: broadcast by size
//     (runtime size = "data size" of the stage, compared with
//     spark.sql.adaptive.autoBroadcastJoinThreshold 3.2+, which falls back to
//     spark.sql.autoBroadcastJoinThreshold), build side allowed by the join type
//     (left: Inner, Cross, RightOuter; right: Inner, Cross, LeftOuter, LeftSemi,
//     LeftAnti, ExistenceJoin), the smaller side when both qualify; then shuffled hash
//     when hinted, or when !preferSortMergeJoin and the side is smaller than
//     autoBroadcastJoinThreshold x numShufflePartitions and 3x smaller than the other.
// A user hint keeps the join as planned. After a conversion to broadcast, the
// build side's shuffle is collected (read.broadcast) and the probe side becomes a
// local-read candidate for OptimizeShuffleWithLocalRead.
#pragma once

#include "engine/aqe/adaptive_rule.h"

namespace sparktune::engine::aqe {

// nonZero/total < ratio with nonZero > 0.
bool HasManyEmptyPartitions(const ShuffleStageStats& stats, double ratio);
bool CanBuildBroadcastLeft(JoinType type);
bool CanBuildBroadcastRight(JoinType type);

class DynamicJoinSelection : public AdaptiveRule {
 public:
  std::string_view name() const override { return rule_names::kDynamicJoinSelection; }
  void Apply(const RuleContext& context, StagePlan* plan) const override;
};

}  // namespace sparktune::engine::aqe
