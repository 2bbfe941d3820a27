// Physical operators: the vocabulary of Spark's physical plan that both the
// plan reader (engine/plan, parsing sparkPlanInfo) and the AQE rules
// (engine/aqe, deciding) speak: shuffle origins, join types, join strategies
// and build sides, named as SparkPlan nodes print them.
//
// Mirrors ShuffleExchangeExec.shuffleOrigin (3.1+),
// catalyst/plans/joinTypes.scala and the join operators of
// sql/core/.../execution/joins (2.x-4.x). Plain enums; thread-compatible.
#pragma once

namespace sparktune::engine::plan {

// ShuffleExchangeExec.shuffleOrigin (3.1+; 3.0 has no origin, use kEnsureRequirements).
enum class ShuffleOrigin {
  kEnsureRequirements,
  kRepartitionByCol,  // repartition($col) without a number (3.2+); REPARTITION in 3.1
  kRepartitionByNum,  // repartition(n): never coalesced
  kRebalancePartitionsByNone,
  kRebalancePartitionsByCol,
  kUnknown,
};

enum class JoinType {
  kInner,
  kCross,
  kLeftOuter,
  kRightOuter,
  kFullOuter,
  kLeftSemi,
  kLeftAnti,
  kExistence,
  kUnknown
};
enum class JoinStrategy {
  kSortMerge,
  kShuffledHash,
  kBroadcastHash,
  kBroadcastNestedLoop,
  kCartesian,
  kUnknown
};
enum class BuildSide { kLeft, kRight, kNone };

const char* JoinTypeName(JoinType type);
const char* JoinStrategyName(JoinStrategy strategy);

}  // namespace sparktune::engine::plan
