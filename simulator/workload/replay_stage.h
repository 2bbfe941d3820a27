// ReplayStage: one stage of a replayed application while a run is assembled:
// its tasks' data (one per partition, or as re-planning set them), whether
// re-planning decided them, why they changed, and the predicted figures the
// stage timeline reports. Plain data, built per run from a LoggedStage.
#pragma once

#include <string>
#include <vector>

#include "simulator/calibration/task_time_model.h"
#include "simulator/models/replay_task_time.h"
#include "simulator/result/sim_result.h"
#include "simulator/workload/replay_workload.h"

namespace sparktune::simulator {

struct ReplayTask {
  TaskData data;
  double duration_ms = 0;
  double work_share = -1;  // re-planned task: its share of the stage's data work; -1 otherwise
};

struct ReplayStage {
  const LoggedStage* logged = nullptr;
  int stage_id = 0;
  std::vector<ReplayTask> tasks;
  int observed_tasks = 0;
  ConservedWork work;         // re-planned stages: the data work of the observed partitions
  bool plan_decided = false;  // a join conversion fixed its tasks: not re-spread below
  std::string why;            // what changed and why
  // Predicted figures.
  double spill_bytes = 0;
  double gc_ms = 0;  // at the stage's logged GC/run ratio (PricedTask)
  double task_time_ms = 0;
  TaskTimeTerms terms;
  std::string evidence;
};

// The stage as logged: one task per partition, with its data.
ReplayStage StageAsLogged(const model::Application& app, const LoggedStage& logged);

// The data of the stage's current tasks, and their sum without spill.
std::vector<TaskData> StageTaskData(const ReplayStage& stage);
TaskData TotalWithoutSpill(const ReplayStage& stage);

}  // namespace sparktune::simulator
