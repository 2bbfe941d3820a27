#include "engine/aqe/application_replanner.h"

#include <algorithm>
#include <map>
#include <set>

#include "engine/plan/default_parallelism.h"

namespace sparktune::engine::aqe {

namespace {

using plan::PlannedExchange;
using plan::QueryStageKind;
using plan::QueryStagePlan;
using plan::SqlExecutionPlan;
using plan::StageRead;

int LatestTasks(const model::Application& app, const std::vector<int>& attempts, int* stage_id) {
  // The attempts mapped to one query stage can be of several Spark stages (the accumulator
  // overlap can put a scan beside the shuffle read it feeds). The query stage AQE re-plans is
  // the one reading a shuffle (AQEShuffleReadExec): stages that read one win over those that do
  // not, then the latest stage id; attempts are compared only within that one stage id.
  const model::StageAttempt* best = nullptr;
  auto reads = [](const model::StageAttempt& s) { return s.totals.shuffle_read_bytes() > 0; };
  for (int a : attempts) {
    const auto& s = app.stages[a];
    if (s.num_tasks <= 0) continue;
    if (!best || reads(s) != reads(*best)) {
      if (!best || reads(s)) best = &s;
      continue;
    }
    // A retried attempt runs only the missing partitions: the planned count is the largest.
    if (s.stage_id > best->stage_id ||
        (s.stage_id == best->stage_id && s.num_tasks > best->num_tasks))
      best = &s;
  }
  if (!best) return -1;
  *stage_id = best->stage_id;
  return best->num_tasks;
}

int BroadcastOfShuffle(const SqlExecutionPlan& ex, int broadcast_node) {
  return plan::ShuffleUnderBroadcast(ex, broadcast_node);
}

int PartitionsFor(const PlannedExchange& pe, const AqeConfig& observed, const AqeConfig& config) {
  int r = pe.info.num_partitions > 0 ? pe.info.num_partitions : pe.sizes.observed_partitions();
  bool planner_made = pe.info.partitioning == plan::Partitioning::kHash ||
                      pe.info.partitioning == plan::Partitioning::kRange;
  bool follows_config = pe.info.origin == ShuffleOrigin::kEnsureRequirements ||
                        pe.info.origin == ShuffleOrigin::kRepartitionByCol ||
                        pe.info.origin == ShuffleOrigin::kRebalancePartitionsByCol ||
                        pe.info.origin == ShuffleOrigin::kRebalancePartitionsByNone;
  if (planner_made && follows_config && r == observed.PlannedShufflePartitions() &&
      config.PlannedShufflePartitions() != r)
    return config.PlannedShufflePartitions();
  return r;
}

ShuffleStageStats StatsFor(const PlannedExchange& pe, int partitions) {
  ShuffleStageStats s;
  s.name = "Exchange node " + std::to_string(pe.node);
  s.origin = pe.info.origin == ShuffleOrigin::kUnknown ? ShuffleOrigin::kEnsureRequirements
                                                       : pe.info.origin;
  s.single_partition = pe.info.partitioning == plan::Partitioning::kSingle;
  s.bytes_by_partition = pe.sizes.Regenerate(std::max(partitions, 1));
  s.num_mappers = pe.num_mappers;
  s.data_size = pe.data_size;
  s.row_count = pe.rows;
  s.materialized_at = pe.map_completion_time;
  return s;
}

std::string ReadsText(const SqlExecutionPlan& ex, const QueryStagePlan& q) {
  std::string out;
  for (const StageRead& r : q.reads) {
    if (r.broadcast) continue;
    if (!out.empty()) out += "+";
    out += r.reader_kind.empty() ? "plain" : r.reader_kind;
  }
  return out;
}

}  // namespace

std::vector<ReplannedStage> ReplanApplication(const model::Application& app,
                                              const plan::EnginePlan& ep,
                                              const EffectiveConfig& observed_config,
                                              const EffectiveConfig& config,
                                              const AdaptiveRuleRegistry& registry,
                                              const ReplanOptions& options) {
  std::vector<ReplannedStage> out;
  for (const SqlExecutionPlan& ex : ep.executions) {
    if (options.adaptive_only && !ex.adaptive) continue;
    std::set<int> broadcast_decided;  // exchanges a re-planned join chose to broadcast
    std::vector<ReplannedStage> broadcast_stages;
    for (size_t qi = 0; qi < ex.stages.stages.size(); ++qi) {
      const QueryStagePlan& q = ex.stages.stages[qi];
      ReplannedStage rs;
      rs.execution_id = ex.execution_id;
      rs.query_stage = static_cast<int>(qi);
      rs.observed_tasks = LatestTasks(app, ex.spark_stages[qi], &rs.stage_id);
      rs.reads = ReadsText(ex, q);
      // Planning time: when the last shuffle it reads was materialized.
      int64_t planned_at = -1;
      std::map<int, int> shuffle_of_exchange;
      StagePlanningInput& in = rs.input;
      auto add_shuffle = [&](int e) -> int {
        auto it = shuffle_of_exchange.find(e);
        if (it != shuffle_of_exchange.end()) return it->second;
        planned_at = std::max(planned_at, ex.exchanges[e].map_completion_time);
        int idx = static_cast<int>(in.shuffles.size());
        in.shuffles.push_back(ShuffleStageStats{});  // filled once the config is resolved
        shuffle_of_exchange[e] = idx;
        return idx;
      };
      std::vector<int> group_of_shuffle;
      for (const StageRead& r : q.reads) {
        int e = ex.exchange_of_node[r.exchange_node];
        if (e < 0) continue;
        if (r.broadcast) {
          int shuffle = r.join >= 0 ? BroadcastOfShuffle(ex, r.exchange_node) : -1;
          if (shuffle < 0) continue;
          e = shuffle;
        }
        int before = static_cast<int>(in.shuffles.size());
        int idx = add_shuffle(e);
        if (idx == before) group_of_shuffle.push_back(r.union_branch);
      }
      if (in.shuffles.empty()) continue;
      if (q.kind == QueryStageKind::kBroadcast && q.root_is_read) {
        // Collect stage of a broadcast over a shuffle stage: planned with the consumer.
      }
      if (planned_at < 0) planned_at = app.start_time;
      const AqeConfig observed =
          ResolveAqeConfig(observed_config, plan::DefaultParallelismAt(app, planned_at));
      const AqeConfig aqe_config =
          ResolveAqeConfig(config, plan::DefaultParallelismAt(app, planned_at));
      for (auto [e, idx] : shuffle_of_exchange)
        in.shuffles[idx] =
            StatsFor(ex.exchanges[e], PartitionsFor(ex.exchanges[e], observed, aqe_config));
      // Joins fed directly by the shuffles.
      for (size_t j = 0; j < q.joins.size(); ++j) {
        const plan::StageJoin& sj = q.joins[j];
        JoinInput join;
        join.type = sj.info.type;
        join.strategy = sj.info.strategy;
        join.build_side = sj.info.build_side;
        for (const plan::JoinInfo& initial : ex.initial_joins)
          if (!sj.info.keys.empty() && initial.keys == sj.info.keys) {
            join.strategy = initial.strategy;
            join.build_side = initial.build_side;
            break;
          }
        join.distribution_required_above = sj.distribution_required_above;
        join.equi_join = !sj.info.keys.empty();
        for (const StageRead& r : q.reads) {
          if (r.join != static_cast<int>(j)) continue;
          int e = ex.exchange_of_node[r.exchange_node];
          if (e < 0) continue;
          if (r.broadcast) e = BroadcastOfShuffle(ex, r.exchange_node);
          if (e < 0) continue;
          int idx = shuffle_of_exchange.count(e) ? shuffle_of_exchange[e] : -1;
          if (r.join_side == 0) join.left_shuffle = idx;
          if (r.join_side == 1) join.right_shuffle = idx;
        }
        if (join.left_shuffle < 0 && join.right_shuffle < 0) continue;
        in.joins.push_back(join);
      }
      if (q.has_union) {
        std::map<int, std::vector<int>> groups;
        for (size_t i = 0; i < group_of_shuffle.size(); ++i)
          groups[group_of_shuffle[i]].push_back(static_cast<int>(i));
        for (auto& [branch, members] : groups) in.coalesce_groups.push_back(members);
      }
      in.is_final_stage = q.kind == QueryStageKind::kResult;
      in.root_is_shuffle_read = q.root_is_read && in.shuffles.size() == 1 && in.joins.empty();
      in.all_leaves_are_stages = !q.has_scan_leaf;
      rs.plan = registry.Plan(in, aqe_config);
      rs.replanned_tasks = rs.plan.TaskCount(in);
      for (auto [e, idx] : shuffle_of_exchange)
        if (rs.plan.reads[idx].broadcast) broadcast_decided.insert(e);
      if (q.kind == QueryStageKind::kBroadcast)
        broadcast_stages.push_back(std::move(rs));
      else
        out.push_back(std::move(rs));
    }
    // A broadcast collect of a shuffle stage exists only if a join chose to broadcast it.
    for (ReplannedStage& rs : broadcast_stages) {
      const QueryStagePlan& q = ex.stages.stages[rs.query_stage];
      int e = q.reads.size() == 1 ? ex.exchange_of_node[q.reads[0].exchange_node] : -1;
      if (e >= 0 && !broadcast_decided.count(e) && !q.has_scan_leaf && q.root_is_read)
        rs.replanned_tasks = 0;
      out.push_back(std::move(rs));
    }
  }
  return out;
}

std::vector<ReplannedStage> ReplanAtObservedConfig(const model::Application& app,
                                                   const plan::EnginePlan& plan,
                                                   const ReplanOptions& options) {
  EffectiveConfig config = EffectiveConfig::FromApplication(app);
  AdaptiveRuleRegistry registry;
  return ReplanApplication(app, plan, config, config, registry, options);
}

}  // namespace sparktune::engine::aqe
