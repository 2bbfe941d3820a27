#include "engine/plan/plan_node_parse.h"

#include <cctype>
#include <vector>

namespace sparktune::engine::plan {

namespace {

// Splits `text` at commas that are not inside (), [] or {}.
std::vector<std::string> SplitTopLevel(const std::string& text) {
  std::vector<std::string> parts;
  int depth = 0;
  std::string cur;
  for (char ch : text) {
    if (ch == '(' || ch == '[' || ch == '{') ++depth;
    if (ch == ')' || ch == ']' || ch == '}') --depth;
    if (ch == ',' && depth == 0) {
      parts.push_back(cur);
      cur.clear();
      continue;
    }
    cur += ch;
  }
  parts.push_back(cur);
  for (auto& p : parts) {
    size_t b = p.find_first_not_of(' ');
    size_t e = p.find_last_not_of(' ');
    p = b == std::string::npos ? "" : p.substr(b, e - b + 1);
  }
  return parts;
}

ShuffleOrigin OriginFromText(const std::string& t) {
  if (t == "ENSURE_REQUIREMENTS" || t == "true") return ShuffleOrigin::kEnsureRequirements;
  if (t == "REPARTITION_BY_COL" || t == "REPARTITION") return ShuffleOrigin::kRepartitionByCol;
  if (t == "REPARTITION_BY_NUM" || t == "REPARTITION_WITH_NUM" || t == "false")
    return ShuffleOrigin::kRepartitionByNum;
  if (t == "REBALANCE_PARTITIONS_BY_NONE") return ShuffleOrigin::kRebalancePartitionsByNone;
  if (t == "REBALANCE_PARTITIONS_BY_COL") return ShuffleOrigin::kRebalancePartitionsByCol;
  return ShuffleOrigin::kUnknown;
}

}  // namespace

ExchangeInfo ParseExchange(const std::string& s) {
  ExchangeInfo info;
  size_t space = s.find(' ');
  if (space == std::string::npos) return info;
  std::vector<std::string> parts = SplitTopLevel(s.substr(space + 1));
  if (parts.empty()) return info;
  const std::string& p = parts[0];
  std::string kind = p.substr(0, p.find('('));
  for (auto& ch : kind) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (kind == "hashpartitioning")
    info.partitioning = Partitioning::kHash;
  else if (kind == "rangepartitioning")
    info.partitioning = Partitioning::kRange;
  else if (kind == "roundrobinpartitioning")
    info.partitioning = Partitioning::kRoundRobin;
  else if (kind == "singlepartition")
    info.partitioning = Partitioning::kSingle;
  if (info.partitioning == Partitioning::kSingle) {
    info.num_partitions = 1;
  } else {
    size_t close = p.rfind(')');
    if (close != std::string::npos) {
      size_t b = close;
      while (b > 0 && std::isdigit(static_cast<unsigned char>(p[b - 1]))) --b;
      if (b < close) info.num_partitions = std::stoi(p.substr(b, close - b));
    }
  }
  // The origin is the first part after the partitioning that is not "[id=...]".
  if (parts.size() >= 2 && !parts[1].empty() && parts[1][0] != '[') {
    info.origin_text = parts[1];
    info.origin = OriginFromText(parts[1]);
  } else {
    info.origin = ShuffleOrigin::kEnsureRequirements;  // 2.x: no origin, always planner-made
  }
  return info;
}

std::string BaseNodeName(const std::string& node_name) {
  // "SortMergeJoin(skew=true)" (4.x names skew joins so) -> "SortMergeJoin".
  size_t paren = node_name.find('(');
  return paren == std::string::npos ? node_name : node_name.substr(0, paren);
}

bool IsJoinNode(const std::string& node_name) {
  const std::string n = BaseNodeName(node_name);
  return n == "SortMergeJoin" || n == "ShuffledHashJoin" || n == "BroadcastHashJoin" ||
         n == "BroadcastNestedLoopJoin" || n == "CartesianProduct";
}

JoinInfo ParseJoin(const std::string& full_node_name, const std::string& s) {
  const std::string node_name = BaseNodeName(full_node_name);
  JoinInfo info;
  if (node_name == "SortMergeJoin")
    info.strategy = JoinStrategy::kSortMerge;
  else if (node_name == "ShuffledHashJoin")
    info.strategy = JoinStrategy::kShuffledHash;
  else if (node_name == "BroadcastHashJoin")
    info.strategy = JoinStrategy::kBroadcastHash;
  else if (node_name == "BroadcastNestedLoopJoin")
    info.strategy = JoinStrategy::kBroadcastNestedLoop;
  else if (node_name == "CartesianProduct")
    info.strategy = JoinStrategy::kCartesian;
  info.skew_join =
      s.find("isSkewJoin=true") != std::string::npos || s.find("skew=true") != std::string::npos;
  size_t space = s.find(' ');
  if (full_node_name != node_name && full_node_name.find("skew=true") != std::string::npos)
    info.skew_join = true;
  if (space == std::string::npos) {
    if (info.strategy == JoinStrategy::kCartesian) info.type = JoinType::kCross;
    return info;
  }
  std::vector<std::string> parts = SplitTopLevel(s.substr(space + 1));
  std::vector<std::string> keys;
  for (const std::string& part : parts) {
    if (!part.empty() && part[0] == '[' && keys.size() < 2) {
      keys.push_back(part);
      continue;
    }
    if (part == "Inner")
      info.type = JoinType::kInner;
    else if (part == "Cross")
      info.type = JoinType::kCross;
    else if (part == "LeftOuter")
      info.type = JoinType::kLeftOuter;
    else if (part == "RightOuter")
      info.type = JoinType::kRightOuter;
    else if (part == "FullOuter")
      info.type = JoinType::kFullOuter;
    else if (part == "LeftSemi")
      info.type = JoinType::kLeftSemi;
    else if (part == "LeftAnti")
      info.type = JoinType::kLeftAnti;
    else if (part.rfind("ExistenceJoin", 0) == 0)
      info.type = JoinType::kExistence;
    else if (part == "BuildRight")
      info.build_side = BuildSide::kRight;
    else if (part == "BuildLeft")
      info.build_side = BuildSide::kLeft;
  }
  if (keys.size() == 2) info.keys = keys[0] + ", " + keys[1];
  if (info.type == JoinType::kUnknown && info.strategy == JoinStrategy::kCartesian)
    info.type = JoinType::kCross;
  return info;
}

}  // namespace sparktune::engine::plan
