#include "engine/plan/aqe_observations.h"

#include <algorithm>
#include <map>

#include "engine/plan/broadcast_exchanges.h"

namespace sparktune::engine {

namespace {

bool IsJoin(const std::string& name) {
  return name == "SortMergeJoin" || name == "BroadcastHashJoin" || name == "ShuffledHashJoin" ||
         name == "BroadcastNestedLoopJoin" || name == "CartesianProduct";
}

void CollectJoins(const model::PlanTree& tree, std::vector<std::string>* joins) {
  for (const model::PlanNode& n : tree.nodes) {
    if (IsJoin(n.node_name)) joins->push_back(n.node_name);
  }
}

int64_t LastValue(const model::Application& app, int64_t accumulator_id) {
  auto it = app.driver_accum_updates.find(accumulator_id);
  if (it == app.driver_accum_updates.end() || it->second.empty()) return -1;
  return it->second.back();
}

}  // namespace

AqeObservations ObserveAqe(const model::SqlExecution& sql, const model::Application& app) {
  AqeObservations obs;
  const model::PlanTree& initial = sql.initial_plan;
  const model::PlanTree& final_plan = sql.final_plan();
  obs.plan_updates = static_cast<int>(sql.adaptive_updates.size());
  obs.adaptive = !initial.nodes.empty() && initial.nodes[0].node_name == "AdaptiveSparkPlan";
  CollectJoins(initial, &obs.initial_joins);
  CollectJoins(final_plan, &obs.final_joins);
  for (const model::PlanNode& n : final_plan.nodes) {
    if (n.node_name == "AQEShuffleRead" || n.node_name == "CustomShuffleReader") {
      ShuffleReadObservation r;
      size_t space = n.simple_string.find(' ');
      r.kind = space == std::string::npos ? "" : n.simple_string.substr(space + 1);
      for (const model::PlanMetric& m : n.metrics) {
        if (m.name == "number of partitions")
          r.partitions = LastValue(app, m.accumulator_id);
        else if (m.name == "number of coalesced partitions")
          r.coalesced = LastValue(app, m.accumulator_id);
        else if (m.name == "number of skewed partitions")
          r.skewed_partitions = LastValue(app, m.accumulator_id);
        else if (m.name == "number of skewed partition splits")
          r.skew_splits = LastValue(app, m.accumulator_id);
        else if (m.name == "partition data size") {
          auto it = app.driver_accum_updates.find(m.accumulator_id);
          if (it != app.driver_accum_updates.end()) r.partition_sizes = it->second;
        }
      }
      if (r.skew_splits > 0) obs.skew_join_splits += r.skew_splits;
      obs.shuffle_reads.push_back(std::move(r));
    }
    if (IsJoin(n.node_name) && (n.simple_string.find("isSkewJoin=true") != std::string::npos ||
                                n.simple_string.find("skew=true") != std::string::npos))
      obs.skew_joins += 1;
  }
  // Join strategy changes: compare strategy multisets of the initial and final plans.
  std::map<std::string, int> before, after;
  for (const auto& j : obs.initial_joins) before[j]++;
  for (const auto& j : obs.final_joins) after[j]++;
  std::vector<std::string> lost, gained;
  for (auto& [name, count] : before) {
    for (int i = after[name]; i < count; ++i) lost.push_back(name);
  }
  for (auto& [name, count] : after) {
    for (int i = before[name]; i < count; ++i) gained.push_back(name);
  }
  for (size_t i = 0; i < std::min(lost.size(), gained.size()); ++i)
    obs.join_changes.push_back({lost[i], gained[i]});
  obs.broadcasts = plan::ObservedBroadcasts(app, sql);
  return obs;
}

}  // namespace sparktune::engine
