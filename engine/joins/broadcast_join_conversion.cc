#include "engine/joins/broadcast_join_conversion.h"

#include <optional>

#include "data/config/config_catalog.h"
#include "engine/aqe/dynamic_join_selection.h"

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
                                               aqe::JoinType type, const int side_exchange[2],
                                               const Thresholds& t) {
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
  bool was = t.observed >= 0 && size <= t.observed;
  bool static_now = !was && t.static_new >= 0 && size <= t.static_new;
  bool runtime_now = !static_now && t.aqe_new && t.runtime_new >= 0 && size <= t.runtime_new;
  if ((!static_now && !runtime_now) || big_ex.writer_stage < 0) return std::nullopt;
  BroadcastConversion c;
  c.kind = static_now ? BroadcastConversionKind::kStatic : BroadcastConversionKind::kRuntime;
  c.small_side_bytes = size;
  c.big_side_map_tasks = big_ex.num_mappers;
  for (int a : ex.spark_stages[query_stage]) c.reduce_stage_ids.push_back(app.stages[a].stage_id);
  for (int a : ex.spark_stages[big_ex.writer_stage])
    c.big_side_writer_stage_ids.push_back(app.stages[a].stage_id);
  return c;
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
  t.aqe_new = config.GetBool(aqe_key, false);
  bool aqe_obs = observed.GetBool(aqe_key, false);
  // Nothing can convert when neither the threshold nor AQE changes and AQE stays off.
  if (t.static_new == t.observed && t.aqe_new == aqe_obs && !t.aqe_new) return out;
  for (const plan::SqlExecutionPlan& ex : plan.executions) {
    if (ex.adaptive) continue;
    for (size_t q = 0; q < ex.stages.stages.size(); ++q) {
      const plan::QueryStagePlan& qs = ex.stages.stages[q];
      for (size_t ji = 0; ji < qs.joins.size(); ++ji) {
        if (qs.joins[ji].info.strategy != aqe::JoinStrategy::kSortMerge) continue;
        int side_exchange[2] = {-1, -1};
        for (const auto& rd : qs.reads) {
          if (rd.join == static_cast<int>(ji) && rd.join_side >= 0 && rd.join_side < 2 &&
              !rd.broadcast && rd.exchange_node >= 0 &&
              rd.exchange_node < static_cast<int>(ex.exchange_of_node.size()))
            side_exchange[rd.join_side] = ex.exchange_of_node[rd.exchange_node];
        }
        if (side_exchange[0] < 0 || side_exchange[1] < 0) continue;
        if (auto c = ConvertJoin(app, ex, q, qs.joins[ji].info.type, side_exchange, t))
          out.push_back(std::move(*c));
      }
    }
  }
  return out;
}

}  // namespace sparktune::engine
