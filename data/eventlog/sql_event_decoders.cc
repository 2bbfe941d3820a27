// Decoders of the SQL events Jackson writes (camelCase fields, 2.x-4.x):
// SQLExecutionStart/End with the sparkPlanInfo tree
// (sql/core/.../execution/SparkPlanInfo.scala), AQE plan updates and metric
// registrations (3.0+), and DriverAccumUpdates. See event_decoders.h.
#include <string>

#include "data/eventlog/event_decoders.h"

namespace sparktune::eventlog::decoders {

namespace {

constexpr int kMaxPlanDepth = 512;  // deeper trees are cut (hostile input), not recursed into

void DecodePlanTree(element node, model::PlanTree* tree, int depth) {
  object o;
  if (depth > kMaxPlanDepth || node.get_object().get(o) != simdjson::SUCCESS) return;
  int index = static_cast<int>(tree->nodes.size());
  tree->nodes.emplace_back();
  {
    model::PlanNode& n = tree->nodes.back();
    n.node_name = GetString(o, "nodeName");
    n.simple_string = GetString(o, "simpleString");
    array metrics;
    if (GetArray(o, "metrics", &metrics)) {
      for (element m : metrics) {
        object mo;
        if (m.get_object().get(mo) != simdjson::SUCCESS) continue;
        n.metrics.push_back(
            {GetString(mo, "name"), GetInt(mo, "accumulatorId", 0), GetString(mo, "metricType")});
      }
    }
  }
  array children;
  if (GetArray(o, "children", &children)) {
    for (element child : children) {
      int child_index = static_cast<int>(tree->nodes.size());
      DecodePlanTree(child, tree, depth + 1);
      if (child_index < static_cast<int>(tree->nodes.size()))
        tree->nodes[index].children.push_back(child_index);
    }
  }
  if (index == 0) {
    tree->final_plan = tree->nodes[0].simple_string.find("isFinalPlan=true") != std::string::npos;
  }
}

}  // namespace

void SqlExecutionStart(object o, ListenerEvent* out) {
  SqlExecutionStartEvent& e = out->emplace<SqlExecutionStartEvent>();
  e.execution_id = GetInt(o, "executionId", 0);
  e.root_execution_id = GetInt(o, "rootExecutionId", -1);
  e.description = GetString(o, "description");
  e.time = GetInt(o, "time", -1);
  element plan;
  if (o.at_key("sparkPlanInfo").get(plan) == simdjson::SUCCESS) {
    e.has_plan = true;
    DecodePlanTree(plan, &e.plan, 0);
  }
}

void SqlExecutionEnd(object o, ListenerEvent* out) {
  SqlExecutionEndEvent& e = out->emplace<SqlExecutionEndEvent>();
  e.execution_id = GetInt(o, "executionId", 0);
  e.time = GetInt(o, "time", -1);
  e.error_message = GetString(o, "errorMessage");
}

void SqlAdaptiveExecutionUpdate(object o, ListenerEvent* out) {
  SqlAdaptiveExecutionUpdateEvent& e = out->emplace<SqlAdaptiveExecutionUpdateEvent>();
  e.execution_id = GetInt(o, "executionId", 0);
  element plan;
  if (o.at_key("sparkPlanInfo").get(plan) == simdjson::SUCCESS) {
    e.has_plan = true;
    DecodePlanTree(plan, &e.plan, 0);
  }
}

void SqlAdaptiveMetricUpdates(object o, ListenerEvent* out) {
  SqlAdaptiveMetricUpdatesEvent& e = out->emplace<SqlAdaptiveMetricUpdatesEvent>();
  e.execution_id = GetInt(o, "executionId", 0);
  array metrics;
  if (GetArray(o, "sqlPlanMetrics", &metrics)) {
    for (element m : metrics) {
      object mo;
      if (m.get_object().get(mo) != simdjson::SUCCESS) continue;
      e.metrics.push_back(
          {GetString(mo, "name"), GetInt(mo, "accumulatorId", 0), GetString(mo, "metricType")});
    }
  }
}

void DriverAccumUpdates(object o, ListenerEvent* out) {
  DriverAccumUpdatesEvent& e = out->emplace<DriverAccumUpdatesEvent>();
  array updates;
  if (!GetArray(o, "accumUpdates", &updates)) return;
  for (element u : updates) {
    array pair;
    if (u.get_array().get(pair) != simdjson::SUCCESS) continue;
    int64_t id = 0, value = 0;
    int k = 0;
    for (element x : pair) {
      if (k == 0)
        id = AsInt(x);
      else if (k == 1)
        value = AsInt(x);
      ++k;
    }
    if (k >= 2) e.updates.emplace_back(id, value);
  }
}

}  // namespace sparktune::eventlog::decoders
