#include "engine/joins/broadcast_join_conversion.h"

#include <optional>

#include "data/config/config_catalog.h"
#include "engine/aqe/dynamic_join_selection.h"
#include "engine/aqe_settings/aqe_version_table.h"

namespace sparktune::engine {

namespace keys = config::keys;

namespace {

// The size standing for a side: its uncompressed "data size" when logged,
// else the shuffle bytes written.
int64_t SideBytes(const plan::PlannedExchange& e) {
  return e.data_size >= 0 ? e.data_size : e.bytes_written;
}

struct Thresholds {
  int64_t observed = -1;  // static, in the log
  int64_t static_new = -1;
  int64_t runtime_new = -1;
  bool aqe_new = false;
};

// The conversion of one sort-merge join, if any: `side_exchange` are the
// exchanges read by its left and right sides.
std::optional<BroadcastConversion> ConvertJoin(const model::Application& app,
                                               const plan::SqlExecutionPlan& ex, size_t query_stage,
                                               const plan::StageJoin& join,
                                               const int side_exchange[2], const Thresholds& t,
                                               bool static_only) {
  const aqe::JoinType type = join.info.type;
  const plan::PlannedExchange& left = ex.exchanges[side_exchange[0]];
  const plan::PlannedExchange& right = ex.exchanges[side_exchange[1]];
  bool right_ok = aqe::CanBuildBroadcastRight(type);
  bool left_ok = aqe::CanBuildBroadcastLeft(type);
  int small = -1;
  if (right_ok && (!left_ok || SideBytes(right) <= SideBytes(left))) {
    small = 1;
  } else if (left_ok) {
    small = 0;
  }
  if (small < 0) return std::nullopt;
  const plan::PlannedExchange& small_ex = small == 1 ? right : left;
  const plan::PlannedExchange& big_ex = small == 1 ? left : right;
  int64_t size = SideBytes(small_ex);
  // JoinSelection plans from the optimizer's estimate, which the log lacks: the join was planned
  // sort-merge under the observed threshold, so the estimate exceeded it (whatever the
  // materialized size). Only a larger static threshold can admit it; the materialized size
  // stands for the estimate against that threshold.
  bool static_now =
      t.static_new >= 0 && size <= t.static_new && (t.observed < 0 || t.static_new > t.observed);
  bool runtime_now =
      !static_only && !static_now && t.aqe_new && t.runtime_new >= 0 && size <= t.runtime_new;
  if ((!static_now && !runtime_now) || big_ex.writer_stage < 0) return std::nullopt;
  BroadcastConversion c;
  c.kind = static_now ? BroadcastConversionKind::kStatic : BroadcastConversionKind::kRuntime;
  c.small_side_bytes = size;
  c.big_side_map_tasks = big_ex.num_mappers;
  c.exchange_above = join.distribution_required_above;
  for (int a : ex.spark_stages[query_stage]) c.reduce_stage_ids.push_back(app.stages[a].stage_id);
  for (int a : ex.spark_stages[big_ex.writer_stage])
    c.big_side_writer_stage_ids.push_back(app.stages[a].stage_id);
  return c;
}

// True when the execution's initial plan has the join (same keys) as a sort-merge join.
bool PlannedSortMerge(const plan::SqlExecutionPlan& ex, const plan::JoinInfo& join) {
  if (join.keys.empty()) return false;
  for (const plan::JoinInfo& initial : ex.initial_joins)
    if (initial.keys == join.keys) return initial.strategy == aqe::JoinStrategy::kSortMerge;
  return false;
}

}  // namespace

std::vector<BroadcastConversion> ConvertSortMergeJoins(const model::Application& app,
                                                       const plan::EnginePlan& plan,
                                                       const EffectiveConfig& observed,
                                                       const EffectiveConfig& config) {
  std::vector<BroadcastConversion> out;
  Thresholds t;
  t.observed = observed.GetBytes(std::string(keys::kAutoBroadcastJoinThreshold));
  t.static_new = config.GetBytes(std::string(keys::kAutoBroadcastJoinThreshold));
  t.runtime_new = t.static_new;
  const std::string adaptive_threshold(keys::kAdaptiveAutoBroadcastJoinThreshold);
  if (config.IsSet(adaptive_threshold)) t.runtime_new = config.GetBytes(adaptive_threshold);
  const std::string aqe_key(keys::kAdaptiveEnabled);
  // Run-time join selection exists from 3.0 (aqe_version_table.h); before, AQE only coalesces.
  t.aqe_new = config.GetBool(aqe_key, false) &&
              aqe::AqeBehaviorFor(config.version()).runtime_join_selection;
  bool aqe_obs = observed.GetBool(aqe_key, false);
  // Nothing can convert when neither the threshold nor AQE changes and AQE stays off.
  if (t.static_new == t.observed && t.aqe_new == aqe_obs && !t.aqe_new) return out;
  for (const plan::SqlExecutionPlan& ex : plan.executions) {
    // An adaptive execution's run-time conversions are engine/aqe's (DynamicJoinSelection on the
    // re-planned stages); its static planning is JoinSelection's as without AQE
    // (AdaptiveSparkPlanExec starts from the same physical plan, 3.0-4.x). So a join planned
    // sort-merge in its initial plan (still sort-merge at the end, or converted by AQE at run
    // time) is a broadcast hash join from the start when the new static threshold admits it.
    const bool static_only = ex.adaptive;
    for (size_t q = 0; q < ex.stages.stages.size(); ++q) {
      const plan::QueryStagePlan& qs = ex.stages.stages[q];
      for (size_t ji = 0; ji < qs.joins.size(); ++ji) {
        const plan::JoinInfo& info = qs.joins[ji].info;
        const bool runtime_converted = ex.adaptive &&
                                       info.strategy == aqe::JoinStrategy::kBroadcastHash &&
                                       PlannedSortMerge(ex, info);
        if (info.strategy != aqe::JoinStrategy::kSortMerge && !runtime_converted) continue;
        int side_exchange[2] = {-1, -1};
        for (const auto& rd : qs.reads) {
          if (rd.join != static_cast<int>(ji) || rd.join_side < 0 || rd.join_side > 1 ||
              rd.exchange_node < 0 ||
              rd.exchange_node >= static_cast<int>(ex.exchange_of_node.size()))
            continue;
          if (!rd.broadcast)
            side_exchange[rd.join_side] = ex.exchange_of_node[rd.exchange_node];
          else if (runtime_converted)
            side_exchange[rd.join_side] = plan::ShuffleUnderBroadcast(ex, rd.exchange_node);
        }
        if (side_exchange[0] < 0 || side_exchange[1] < 0) continue;
        if (auto c = ConvertJoin(app, ex, q, qs.joins[ji], side_exchange, t, static_only))
          out.push_back(std::move(*c));
      }
    }
  }
  return out;
}

}  // namespace sparktune::engine
