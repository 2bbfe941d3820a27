// Parsing of the plan-node facts the engine needs from sparkPlanInfo
// simpleStrings (sql/core/.../execution/exchange/ShuffleExchangeExec.scala,
// .../joins/*.scala, 2.x-4.x):
//
//   Exchange hashpartitioning(id#26L, 200), ENSURE_REQUIREMENTS, [plan_id=247]
//   Exchange SinglePartition, ENSURE_REQUIREMENTS, [id=#48]
//   Exchange RoundRobinPartitioning(10), REPARTITION_BY_NUM, [id=#28]
//   Exchange hashpartitioning(a#12, 200), true, [id=#40]          (3.0: canChangeNumPartitions)
//   SortMergeJoin [a#12], [b#14], Inner[, isSkewJoin=true]
//   BroadcastHashJoin [col1#1], [desc#48], Inner, BuildRight, false
//   BroadcastNestedLoopJoin BuildRight, Inner
//
// Parsing never fails: unknown parts come back as kUnknown / -1.
#pragma once

#include <string>

#include "engine/plan/physical_operators.h"

namespace sparktune::engine::plan {

enum class Partitioning { kHash, kRange, kRoundRobin, kSingle, kUnknown };

struct ExchangeInfo {
  Partitioning partitioning = Partitioning::kUnknown;
  int num_partitions = -1;
  ShuffleOrigin origin = ShuffleOrigin::kUnknown;
  std::string origin_text;  // as logged ("ENSURE_REQUIREMENTS", "true", "")
};

// Parses an "Exchange ..." simpleString.
ExchangeInfo ParseExchange(const std::string& simple_string);

struct JoinInfo {
  JoinStrategy strategy = JoinStrategy::kUnknown;
  JoinType type = JoinType::kUnknown;
  BuildSide build_side = BuildSide::kNone;
  std::string keys;  // "[a#12], [b#14]": identifies the join across AQE plan updates
  bool skew_join = false;
};

// A node name without a parenthesized suffix ("SortMergeJoin(skew=true)" -> "SortMergeJoin").
std::string BaseNodeName(const std::string& node_name);
// True for SortMergeJoin, ShuffledHashJoin, BroadcastHashJoin,
// BroadcastNestedLoopJoin and CartesianProduct nodes.
bool IsJoinNode(const std::string& node_name);
JoinInfo ParseJoin(const std::string& node_name, const std::string& simple_string);

}  // namespace sparktune::engine::plan
