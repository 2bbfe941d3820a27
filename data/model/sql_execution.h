// SqlExecution and PlanNode: SQL executions with their physical plans, the
// initial one (SparkListenerSQLExecutionStart) and every AQE update
// (SparkListenerSQLAdaptiveExecutionUpdate, 3.0+), as the sparkPlanInfo tree
// (sql/core/.../execution/SparkPlanInfo.scala). Node metrics keep their
// accumulator ids so that nodes map to the stages whose tasks updated them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace sparktune::model {

struct PlanMetric {
  std::string name;  // "number of output rows", "partition data size", ...
  int64_t accumulator_id = 0;
  std::string metric_type;  // sum, size, timing, nsTiming, average
};

// A plan tree stored flat: nodes[0] is the root; children are indices.
struct PlanNode {
  std::string node_name;      // "SortMergeJoin", "AQEShuffleRead", "Exchange", ...
  std::string simple_string;  // "SortMergeJoin [id#1L], [id#2L], Inner, isSkewJoin=true"
  std::vector<int> children;
  std::vector<PlanMetric> metrics;
};

struct PlanTree {
  std::vector<PlanNode> nodes;
  bool final_plan = false;  // root simpleString contains isFinalPlan=true
};

struct SqlExecution {
  int64_t execution_id = 0;
  int64_t root_execution_id = -1;  // 3.4+
  std::string description;
  int64_t start_time = -1;
  int64_t end_time = -1;
  std::string error_message;  // 3.4+; empty = success
  PlanTree initial_plan;
  std::vector<PlanTree> adaptive_updates;  // in log order
  std::vector<int> job_ids;
  // Metrics registered by SparkListenerSQLAdaptiveSQLMetricUpdates.
  std::vector<PlanMetric> extra_metrics;

  const PlanTree& final_plan() const {
    return adaptive_updates.empty() ? initial_plan : adaptive_updates.back();
  }
};

}  // namespace sparktune::model
