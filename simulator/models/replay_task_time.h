// ReplayTaskTime: a replayed task's predicted time as a sum of named terms
// (TaskTimeTerms): fixed cost, data work, shuffle fetch, spill and GC (the
// warm-up of a fresh executor slot is added when the task is scheduled).
//  * A task replayed from its own data: the calibrated task-time model's run
//    time (TaskTimeModel: intercept -> fixed, blocks fetched -> fetch, spilled
//    MB -> spill, the other volumes -> data work) at the task's logged spill,
//    plus the change of spill priced per MB (SpillCost: the fit already
//    carries the logged spill's time, so a replay at the log's own memory
//    keeps it), plus the stage's time outside run time (TaskFixedCost) as
//    fixed cost.
//  * A task of a re-planned stage (its count or partitions changed): the
//    fixed run cost, its share of the stage's conserved data work (the data
//    work of the observed partitions, without their spill and fixed cost;
//    its fetch part stays fetch), its spill at the re-planned spill cost, and
//    the bounded time outside run time.
// GC is the stage's observed share of the run, split off the run's terms in
// proportion (GcModel), so the terms sum to the run plus the time outside it.
#pragma once

#include <vector>

#include "simulator/calibration/task_time_model.h"
#include "simulator/models/spill_cost.h"
#include "simulator/models/task_fixed_cost.h"
#include "simulator/result/sim_result.h"

namespace sparktune::simulator {

// A task's terms, and its GC at the stage's logged GC/run ratio (the stage's
// reported GC figure; equal to terms.gc_ms unless a log shows more GC time
// than run time, where the terms cap GC at the run).
struct PricedTask {
  TaskTimeTerms terms;
  double logged_ratio_gc_ms = 0;
};

// The conserved work of a re-planned stage's observed partitions.
struct ConservedWork {
  double data_ms = 0;   // all data work (fetch included)
  double fetch_ms = 0;  // of which fetching shuffle blocks
};

class ReplayTaskTime {
 public:
  ReplayTaskTime(const TaskTimeModel& model, TaskFixedCost fixed, SpillCost spill)
      : model_(model), fixed_(fixed), spill_(spill) {}

  // A task replayed from its own data; `d.spilled_bytes` is its predicted
  // spill, `logged_spilled_bytes` the spill its log shows.
  PricedTask Logged(int stage_id, const TaskData& d, double logged_spilled_bytes) const;
  // A task doing `share` of a re-planned stage's `work`, spilling `spilled_bytes`.
  PricedTask Replanned(int stage_id, double share, const ConservedWork& work,
                       double spilled_bytes) const;
  // The conserved work of a stage's tasks (priced without spill and fixed cost).
  ConservedWork Conserve(int stage_id, const std::vector<TaskData>& tasks) const;

  const TaskFixedCost& fixed() const { return fixed_; }

 private:
  const TaskTimeModel& model_;
  TaskFixedCost fixed_;
  SpillCost spill_;
};

}  // namespace sparktune::simulator
