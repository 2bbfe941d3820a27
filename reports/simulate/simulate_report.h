// The output of `sparktune simulate` (simulation mode, docs/scenarios.md):
// the simulated run of a scenario, as JSON ("schema": "sparktune.simulate/1")
// and as a plain-text table (duration, MB-seconds, executors, notes, and per
// stage the tasks, time, spill and join strategy).
//
// A renderer: the run comes in as plain values (SimulateReport), filled by the
// CLI from the scenario simulator's result. Numbers keep the simulator's types
// (doubles stay doubles), so the JSON does not change with this move.
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "reports/simulate/simulated_run.h"

namespace sparktune::reports {

struct SimulatedStage {
  int stage_id = 0;
  std::string query;
  std::string name;
  int tasks = 0;
  double start_ms = 0;
  double end_ms = 0;
  double task_time_ms = 0;  // summed task time
  double max_task_ms = 0;
  double median_task_ms = 0;
  double input_bytes = 0;  // file bytes read
  double read_bytes = 0;   // shuffle bytes read
  double spill_bytes = 0;
  double gc_ms = 0;
  std::string join_strategy;  // "SortMergeJoin", ... or empty
  std::string why;
};

struct SimulatedExecutor {
  int cores = 0;
  int64_t container_mib = 0;
  double start_ms = 0;
  double end_ms = 0;
};

struct SimulateReport {
  std::string path;  // the scenario file
  std::string name;  // the scenario's name
  std::map<std::string, std::string> overrides;
  SimulatedRun run;
  int64_t total_tasks = 0;
  int executors = 0;  // executor count
  int cores_per_executor = 0;
  std::vector<std::string> notes;
  std::vector<SimulatedStage> stages;
  std::vector<SimulatedExecutor> executor_lifetimes;
};

nlohmann::ordered_json SimulateJson(const SimulateReport& report);
std::string SimulateText(const SimulateReport& report);

}  // namespace sparktune::reports
