// ScenarioWorkload: the stages and tasks of a Scenario (simulation mode, no
// event log) under a config, generated the way Spark would plan them:
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
//    without CBO); bucketed sort-merge joins without an exchange.
// Per task it records the volumes the task-time terms are priced on
// (ScenarioSimulator). Stages come in query order, parents before children
// except a broadcast side, scanned after the stage that probes it.
#pragma once

#include <string>
#include <vector>

#include "data/base/result.h"
#include "engine/memory/container_size.h"
#include "simulator/workload/scenario_file.h"

namespace sparktune::simulator {

// The work of one task, in MB of the bytes Spark reports.
struct ScenarioTask {
  double input_mb = 0;       // file bytes read
  double read_mb = 0;        // shuffle bytes read
  double rows_m = 0;         // millions of rows processed
  double blocks = 0;         // remote shuffle blocks fetched
  double write_mb = 0;       // shuffle or output bytes written
  double sort_mb = 0;        // bytes sorted
  double hold_mb = 0;        // bytes an operator must hold in execution memory
  double live_extra_mb = 0;  // in-memory bytes held outside execution memory (broadcast relation)
  double cur_mb = 0;         // bytes flowing out of the operators so far (generation only)
  // Predicted (ScenarioSimulator).
  double duration_ms = 0;
  double spill_mem_mb = 0;
  double gc_ms = 0;
};

struct ScenarioStage {
  std::string name;
  int query = 0;
  std::vector<int> parents;
  std::vector<int> children;
  std::vector<ScenarioTask> tasks;
  std::string join;
  std::string why;
  double rows_per_mb = 0;
  bool bucketed_scan = false;
};

struct ScenarioWorkload {
  std::vector<ScenarioStage> stages;
  std::vector<std::string> notes;
  bool aqe_enabled = false;
};

// Most tasks a scenario may generate (memory: ~100 bytes per task).
inline constexpr int64_t kMaxScenarioTasks = 20'000'000;

// Errors: a workload over kMaxScenarioTasks, a partition count over the
// limit, data growing beyond the scenario limits.
Result<ScenarioWorkload> GenerateScenarioWorkload(const Scenario& scenario,
                                                  const engine::EffectiveConfig& config,
                                                  int executors, int cores);

}  // namespace sparktune::simulator
