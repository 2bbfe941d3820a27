// ScenarioSimulator: simulation mode with no event log. Generates the
// workload of a Scenario under a config (scenario config + overrides) and runs
// it on the discrete-event core (simulator/core/event_loop):
//  * scan tasks from Spark's file splitting (FilePartition.maxSplitBytes and
//    getFilePartitions, 3.0-4.x: min(maxPartitionBytes, max(openCostInBytes,
//    bytes/defaultParallelism)), next-fit-decreasing packing with the open
//    cost per file); one task per bucket for bucketed tables;
//  * exchanges with spark.sql.shuffle.partitions partitions (or
//    coalescePartitions.initialPartitionNum under AQE), bytes per partition
//    from the key skew; reduce stages planned by the engine's AQE rules
//    (engine/aqe: runtime join selection with both broadcast thresholds,
//    OptimizeSkewedJoin, CoalesceShufflePartitions, local reads) when AQE is
//    on, else one task per partition; static broadcast joins from the table
//    size estimate (JoinSelection: a filter does not shrink the estimate
//    without CBO);
//  * task time = fixed + cpu x MB read + rows + write + fetched blocks + sort
//    + spill (footprint = expansion x bytes held vs the execution memory per
//    task, UnifiedMemoryManager) + GC (fraction growing with the live set);
//  * slots = executors x cores / task.cpus, stages FIFO by query then stage;
//    MB-seconds from container sizes (engine/memory) over executor lifetimes.
// The cost parameters are the scenario's (defaults in scenario_file.h); none
// is specific to a case. Not thread-safe per instance; Run() is const.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "data/base/result.h"
#include "simulator/result/sim_result.h"
#include "simulator/workload/scenario_file.h"

namespace sparktune::simulator {

// Per stage facts beyond StageTimeline, parallel to SimResult::stages.
struct ScenarioStageDetail {
  std::string query;
  std::string join_strategy;  // "SortMergeJoin", "BroadcastHashJoin", ... or empty
  double max_task_ms = 0;
  double median_task_ms = 0;
  double mean_task_ms = 0;
  double read_bytes = 0;     // shuffle bytes read
  double input_bytes = 0;    // file bytes read
};

struct ScenarioResult {
  SimResult sim;
  std::vector<ScenarioStageDetail> details;
  int executors = 0;
  int cores_per_executor = 0;
  int64_t total_tasks = 0;
};

// Most tasks a scenario may generate (memory: ~100 bytes per task).
inline constexpr int64_t kMaxScenarioTasks = 20'000'000;

class ScenarioSimulator {
 public:
  explicit ScenarioSimulator(Scenario scenario) : scenario_(std::move(scenario)) {}
  // Generates and simulates the workload with `overrides` over the scenario's
  // config. Errors: a config that cannot run (no executor slot) or a workload
  // over kMaxScenarioTasks.
  Result<ScenarioResult> Run(const std::map<std::string, std::string>& overrides) const;
  const Scenario& scenario() const { return scenario_; }
  Scenario& mutable_scenario() { return scenario_; }

 private:
  Scenario scenario_;
};

}  // namespace sparktune::simulator
