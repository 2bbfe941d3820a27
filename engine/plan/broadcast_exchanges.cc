#include "engine/plan/broadcast_exchanges.h"

#include <string>

#include "engine/plan/plan_node_parse.h"

namespace sparktune::engine::plan {

namespace {

// A driver metric's value: updates of one accumulator add up (SQLMetric.add on the driver).
int64_t DriverValue(const model::Application& app, int64_t accumulator_id) {
  auto it = app.driver_accum_updates.find(accumulator_id);
  if (it == app.driver_accum_updates.end() || it->second.empty()) return -1;
  int64_t sum = 0;
  for (int64_t v : it->second) sum += v;
  return sum;
}

}  // namespace

std::vector<model::BroadcastObservation> ObservedBroadcasts(const model::Application& app,
                                                            const model::SqlExecution& sql) {
  std::vector<model::BroadcastObservation> out;
  const model::PlanTree& tree = sql.final_plan();
  for (size_t i = 0; i < tree.nodes.size(); ++i) {
    const model::PlanNode& n = tree.nodes[i];
    if (BaseNodeName(n.node_name) != "BroadcastExchange") continue;
    model::BroadcastObservation b;
    b.node = static_cast<int>(i);
    for (const model::PlanMetric& m : n.metrics) {
      const int64_t v = DriverValue(app, m.accumulator_id);
      if (m.name == "data size") b.data_size = v;
      if (m.name == "number of output rows") b.rows = v;
      if (m.name == "time to collect") b.collect_ms = v;
      if (m.name == "time to build") b.build_ms = v;
      if (m.name == "time to broadcast") b.broadcast_ms = v;
    }
    out.push_back(b);
  }
  return out;
}

}  // namespace sparktune::engine::plan
