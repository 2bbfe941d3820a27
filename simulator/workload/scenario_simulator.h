// ScenarioSimulator: simulation mode with no event log. Generates the
// workload of a Scenario under a config (scenario config + overrides;
// ScenarioWorkload) and runs it on the StageScheduler (simulator/core):
//  * task time = fixed + data (scan, shuffle read, rows, write, sort) + fetch
//    (per remote block) + spill (footprint = expansion x bytes held vs the
//    execution memory per task, UnifiedMemoryManager) + GC (a fraction growing
//    with the live set, GcModel), each a named term (TaskTimeTerms);
//  * slots = executors x cores / task.cpus, available executor_startup_ms
//    after the start; stages FIFO by query then stage; a query starts
//    driver_ms_per_job after the previous one ended; dynamic allocation holds
//    the executors the widest stage needs, within min/maxExecutors;
//  * MB-seconds by engine/cost/resource_seconds over executor lifetimes.
// The cost parameters are the scenario's (defaults in scenario_file.h); none
// is specific to a case. Not thread-safe per instance; Run() is const.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "data/base/result.h"
#include "simulator/models/engine_variant_effect.h"
#include "simulator/result/sim_result.h"
#include "simulator/workload/scenario_file.h"
#include "simulator/workload/scenario_workload.h"

namespace sparktune::simulator {

// Per stage facts beyond StageTimeline, parallel to SimResult::stages.
struct ScenarioStageDetail {
  std::string query;
  std::string join_strategy;  // "SortMergeJoin", "BroadcastHashJoin", ... or empty
  double max_task_ms = 0;
  double median_task_ms = 0;
  double mean_task_ms = 0;
  double read_bytes = 0;   // shuffle bytes read
  double input_bytes = 0;  // file bytes read
};

struct ScenarioResult {
  SimResult sim;
  std::vector<ScenarioStageDetail> details;
  int executors = 0;
  int cores_per_executor = 0;
  int64_t total_tasks = 0;
};

class ScenarioSimulator {
 public:
  explicit ScenarioSimulator(Scenario scenario) : scenario_(std::move(scenario)) {}
  // Generates and simulates the workload with `overrides` over the scenario's
  // config. Errors: a config that cannot run (no executor slot) or a workload
  // over kMaxScenarioTasks.
  Result<ScenarioResult> Run(const std::map<std::string, std::string>& overrides) const;
  const Scenario& scenario() const { return scenario_; }
  Scenario& mutable_scenario() { return scenario_; }
  // The engine-variant assumptions Run uses when overrides switch a native engine or a remote
  // shuffle on or off (simulator/models/engine_variant_effect.h).
  void set_engine_assumptions(const EngineVariantAssumptions& assumptions) {
    engine_assumptions_ = assumptions;
  }

 private:
  Scenario scenario_;
  EngineVariantAssumptions engine_assumptions_;
};

}  // namespace sparktune::simulator
