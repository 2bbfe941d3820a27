#include "engine/aqe/dynamic_join_selection.h"

#include <algorithm>
#include <string>
#include <vector>

namespace sparktune::engine::aqe {

bool HasManyEmptyPartitions(const ShuffleStageStats& s, double ratio) {
  int total = s.num_partitions();
  int non_zero = static_cast<int>(std::count_if(
      s.bytes_by_partition.begin(), s.bytes_by_partition.end(), [](int64_t b) { return b > 0; }));
  return total > 0 && non_zero > 0 && static_cast<double>(non_zero) / total < ratio;
}

bool CanBuildBroadcastLeft(JoinType t) {
  return t == JoinType::kInner || t == JoinType::kCross || t == JoinType::kRightOuter;
}

bool CanBuildBroadcastRight(JoinType t) {
  return t == JoinType::kInner || t == JoinType::kCross || t == JoinType::kLeftOuter ||
         t == JoinType::kLeftSemi || t == JoinType::kLeftAnti || t == JoinType::kExistence;
}

namespace {

enum class Hint { kNone, kNoBroadcastHash, kShuffleHash, kPreferShuffleHash };

const char* HintName(Hint h) {
  switch (h) {
    case Hint::kNoBroadcastHash:
      return "NO_BROADCAST_HASH";
    case Hint::kShuffleHash:
      return "SHUFFLE_HASH";
    case Hint::kPreferShuffleHash:
      return "PREFER_SHUFFLE_HASH";
    case Hint::kNone:
      break;
  }
  return "";
}

bool IsOuterOrAnti(JoinType t) {
  return t == JoinType::kLeftOuter || t == JoinType::kRightOuter || t == JoinType::kLeftAnti;
}

// Which sides count as materialized query stages at one re-optimization.
struct Materialized {
  bool left = true;
  bool right = true;
};

// The hint DynamicJoinSelection puts on one side.
Hint SelectHint(const RuleContext& ctx, const JoinInput& join, bool is_left, Materialized mat) {
  const int self =
      (is_left ? mat.left : mat.right) ? (is_left ? join.left_shuffle : join.right_shuffle) : -1;
  const int other =
      (is_left ? mat.right : mat.left) ? (is_left ? join.right_shuffle : join.left_shuffle) : -1;
  if (self < 0) return Hint::kNone;
  const AqeConfig& c = ctx.config;
  const ShuffleStageStats& s = ctx.input.shuffles[self];
  const double ratio = c.non_empty_partition_ratio_for_broadcast_join;
  bool many_empty = HasManyEmptyPartitions(s, ratio);
  bool can_broadcast =
      is_left ? CanBuildBroadcastLeft(join.type) : CanBuildBroadcastRight(join.type);
  bool demote = false;
  switch (ctx.behavior.demote_rule) {
    case DemoteRule::kDemoteBroadcastHashJoin:
    case DemoteRule::kAnyJoinType:
      demote = many_empty;
      break;
    case DemoteRule::kJoinTypeAware: {
      bool many_empty_other =
          other >= 0 && HasManyEmptyPartitions(ctx.input.shuffles[other], ratio);
      if (many_empty && can_broadcast)
        demote = !IsOuterOrAnti(join.type);
      else if (many_empty_other && can_broadcast)
        demote = IsOuterOrAnti(join.type);
      break;
    }
  }
  bool prefer_shj = false;
  if (ctx.behavior.prefer_shuffled_hash_join) {
    const int64_t t = c.max_shuffled_hash_join_local_map_threshold;
    prefer_shj = c.advisory_partition_size <= t &&
                 std::all_of(s.bytes_by_partition.begin(), s.bytes_by_partition.end(),
                             [&](int64_t b) { return b <= t; });
  }
  if (demote && prefer_shj) return Hint::kShuffleHash;
  if (demote) return Hint::kNoBroadcastHash;
  if (prefer_shj) return Hint::kPreferShuffleHash;
  return Hint::kNone;
}

// Runtime statistics size of a side: the materialized stage's "data size", else the
// static estimate.
int64_t SideSize(const RuleContext& ctx, const JoinInput& join, bool is_left, Materialized mat,
                 bool* runtime) {
  int idx =
      (is_left ? mat.left : mat.right) ? (is_left ? join.left_shuffle : join.right_shuffle) : -1;
  if (idx >= 0) {
    *runtime = true;
    const ShuffleStageStats& s = ctx.input.shuffles[idx];
    return s.data_size >= 0 ? s.data_size : s.total_bytes();
  }
  *runtime = false;
  return is_left ? join.left_estimated_size : join.right_estimated_size;
}

bool SideIsEmpty(const RuleContext& ctx, int idx) {
  if (idx < 0) return false;
  const ShuffleStageStats& s = ctx.input.shuffles[idx];
  if (s.row_count == 0) return true;
  return s.row_count < 0 && s.num_partitions() > 0 && s.total_bytes() == 0 && s.data_size == 0;
}

// AQEPropagateEmptyRelation: the join's output is empty.
bool JoinResultEmpty(JoinType t, bool left_empty, bool right_empty) {
  switch (t) {
    case JoinType::kInner:
    case JoinType::kCross:
    case JoinType::kLeftSemi:
      return left_empty || right_empty;
    case JoinType::kLeftOuter:
    case JoinType::kLeftAnti:
      return left_empty;
    case JoinType::kRightOuter:
      return right_empty;
    case JoinType::kFullOuter:
      return left_empty && right_empty;
    default:
      return false;
  }
}

}  // namespace

void DynamicJoinSelection::Apply(const RuleContext& ctx, StagePlan* plan) const {
  const AqeConfig& c = ctx.config;
  for (size_t j = 0; j < ctx.input.joins.size(); ++j) {
    const JoinInput& join = ctx.input.joins[j];
    JoinDecision& d = plan->joins[j];
    if (d.strategy != JoinStrategy::kSortMerge && d.strategy != JoinStrategy::kShuffledHash)
      continue;
    if (join.left_shuffle < 0 && join.right_shuffle < 0) continue;
    // Empty-relation propagation (3.1+).
    if (ctx.config.version.AtLeast(3, 1) || !ctx.config.version.known()) {
      bool le = SideIsEmpty(ctx, join.left_shuffle), re = SideIsEmpty(ctx, join.right_shuffle);
      if (JoinResultEmpty(join.type, le, re)) {
        d.empty_result = true;
        if (join.left_shuffle >= 0) plan->reads[join.left_shuffle].eliminated = true;
        if (join.right_shuffle >= 0) plan->reads[join.right_shuffle].eliminated = true;
        plan->Note("AQEPropagateEmptyRelation",
                   std::string(JoinStrategyName(d.strategy)) + " replaced by an empty relation");
        continue;
      }
    }
    if (join.user_hint || !join.equi_join) continue;
    // AQE re-optimizes at every stage completion: when one side finished first it is
    // judged alone (the other side has only its static estimate), then both.
    std::vector<Materialized> rounds;
    if (join.left_shuffle >= 0 && join.right_shuffle >= 0) {
      int64_t lt = ctx.input.shuffles[join.left_shuffle].materialized_at;
      int64_t rt = ctx.input.shuffles[join.right_shuffle].materialized_at;
      if (lt >= 0 && rt >= 0 && lt < rt) rounds.push_back({true, false});
      if (lt >= 0 && rt >= 0 && rt < lt) rounds.push_back({false, true});
    }
    rounds.push_back({true, true});
    const int64_t adaptive_threshold = ctx.behavior.adaptive_broadcast_threshold
                                           ? c.adaptive_auto_broadcast_join_threshold
                                           : c.auto_broadcast_join_threshold;
    bool converted = false;
    Hint left_hint = Hint::kNone, right_hint = Hint::kNone;
    int64_t left_size = -1, right_size = -1;
    for (Materialized mat : rounds) {
      left_hint = SelectHint(ctx, join, true, mat);
      right_hint = SelectHint(ctx, join, false, mat);
      bool left_runtime = false, right_runtime = false;
      left_size = SideSize(ctx, join, true, mat, &left_runtime);
      right_size = SideSize(ctx, join, false, mat, &right_runtime);
      auto can_broadcast = [&](int64_t size, bool runtime, Hint hint) {
        int64_t threshold = runtime ? adaptive_threshold : c.auto_broadcast_join_threshold;
        return size >= 0 && threshold >= 0 && size <= threshold && hint != Hint::kNoBroadcastHash &&
               hint != Hint::kShuffleHash;
      };
      bool bl =
          CanBuildBroadcastLeft(join.type) && can_broadcast(left_size, left_runtime, left_hint);
      bool br =
          CanBuildBroadcastRight(join.type) && can_broadcast(right_size, right_runtime, right_hint);
      if (!bl && !br) continue;
      BuildSide side = (bl && br) ? (right_size <= left_size ? BuildSide::kRight : BuildSide::kLeft)
                                  : (br ? BuildSide::kRight : BuildSide::kLeft);
      int build = side == BuildSide::kRight ? join.right_shuffle : join.left_shuffle;
      d.strategy = JoinStrategy::kBroadcastHash;
      d.build_side = side;
      d.converted = true;
      if (build >= 0) plan->reads[build].broadcast = true;
      plan->Note(std::string(name()),
                 std::string("converted to BroadcastHashJoin, build ") +
                     (side == BuildSide::kRight ? "right" : "left") + " (" +
                     std::to_string(side == BuildSide::kRight ? right_size : left_size) +
                     " bytes <= " + std::to_string(adaptive_threshold) + ")");
      converted = true;
      break;
    }
    if (left_hint != Hint::kNone || right_hint != Hint::kNone)
      d.hint = std::string(HintName(left_hint != Hint::kNone ? left_hint : right_hint));
    if (converted) continue;
    // Shuffled hash join.
    auto hinted_shj = [](Hint h) {
      return h == Hint::kShuffleHash || h == Hint::kPreferShuffleHash;
    };
    bool sl = CanBuildBroadcastLeft(join.type) || join.type == JoinType::kFullOuter;
    bool sr = CanBuildBroadcastRight(join.type) || join.type == JoinType::kFullOuter;
    BuildSide shj_side = BuildSide::kNone;
    if (sr && hinted_shj(right_hint))
      shj_side = BuildSide::kRight;
    else if (sl && hinted_shj(left_hint))
      shj_side = BuildSide::kLeft;
    else if (!c.prefer_sort_merge_join && d.strategy == JoinStrategy::kSortMerge) {
      const double local_map_limit =
          static_cast<double>(c.auto_broadcast_join_threshold) * c.PlannedShufflePartitions();
      auto qualifies = [&](int64_t size, int64_t other) {
        return size >= 0 && other >= 0 && static_cast<double>(size) < local_map_limit &&
               static_cast<double>(size) * c.shuffled_hash_join_factor <=
                   static_cast<double>(other);
      };
      if (sr && qualifies(right_size, left_size))
        shj_side = BuildSide::kRight;
      else if (sl && qualifies(left_size, right_size))
        shj_side = BuildSide::kLeft;
    }
    if (shj_side != BuildSide::kNone && d.strategy != JoinStrategy::kShuffledHash) {
      d.strategy = JoinStrategy::kShuffledHash;
      d.build_side = shj_side;
      d.converted = true;
      plan->Note(std::string(name()), "converted to ShuffledHashJoin");
    } else if (!d.hint.empty()) {
      plan->Note(std::string(name()), "hint " + d.hint);
    }
  }
}

}  // namespace sparktune::engine::aqe
