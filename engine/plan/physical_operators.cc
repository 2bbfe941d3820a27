#include "engine/plan/physical_operators.h"

namespace sparktune::engine::plan {

const char* JoinTypeName(JoinType type) {
  switch (type) {
    case JoinType::kInner:
      return "Inner";
    case JoinType::kCross:
      return "Cross";
    case JoinType::kLeftOuter:
      return "LeftOuter";
    case JoinType::kRightOuter:
      return "RightOuter";
    case JoinType::kFullOuter:
      return "FullOuter";
    case JoinType::kLeftSemi:
      return "LeftSemi";
    case JoinType::kLeftAnti:
      return "LeftAnti";
    case JoinType::kExistence:
      return "ExistenceJoin";
    case JoinType::kUnknown:
      break;
  }
  return "Unknown";
}

const char* JoinStrategyName(JoinStrategy strategy) {
  switch (strategy) {
    case JoinStrategy::kSortMerge:
      return "SortMergeJoin";
    case JoinStrategy::kShuffledHash:
      return "ShuffledHashJoin";
    case JoinStrategy::kBroadcastHash:
      return "BroadcastHashJoin";
    case JoinStrategy::kBroadcastNestedLoop:
      return "BroadcastNestedLoopJoin";
    case JoinStrategy::kCartesian:
      return "CartesianProduct";
    case JoinStrategy::kUnknown:
      break;
  }
  return "Unknown";
}

}  // namespace sparktune::engine::plan
