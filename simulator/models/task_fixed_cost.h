// TaskFixedCost: what one task costs whatever its data.
//  * Inside executor run time: the application-level intercept of the
//    calibrated task-time model, at most the 10th percentile of the observed
//    run times (small tasks show what a task costs at least) and at most
//    kMaxFixedTaskMs (an application made only of big tasks cannot show what
//    a small one costs). Re-planned stages price their tasks with it.
//  * Outside run time (deserialization, scheduler delay, result fetching):
//    the stage's median; for a task re-planning created, at most the app's
//    median and kMaxReplannedOverheadMs (warm JVMs run empty tasks in a few to
//    a few tens of ms).
#pragma once

#include "data/model/application.h"
#include "simulator/calibration/task_time_model.h"

namespace sparktune::simulator {

// Upper bound of the fixed cost inside run time of one task the log never had
// (ms). The train split's warm tasks of tiny partitions run 4-6 ms (idle,
// Spark 3.5) to 6-15 ms (loaded, 4.x); a log of few tasks shows mostly cold
// ones (its 10th percentile is 24 ms on the 3.5 w5 AQE run). 25 ms on the
// pooled train splits: MAPE 23.2% against 23.6% at 50 ms and 23.3% at 12 ms.
inline constexpr double kMaxFixedTaskMs = 25.0;
// Upper bound of the time outside run time of a warm task the log never had
// (ms): the median task minus its run time in the train split's 200-2000-task
// stages of tiny partitions is 10-12 ms on the idle machine (Spark 3.5) and
// 12-37 ms, median ~18, on the loaded one (4.x, 2026-11-21). A log of few
// tasks shows mostly cold ones (first task of a stage deserializes its
// binary), which overstate it.
inline constexpr double kMaxReplannedOverheadMs = 20.0;

struct TaskFixedCost {
  double run_ms = 0;  // inside executor run time
  // Outside run time, median over all the app's tasks (most of them warm).
  double app_overhead_ms = 50.0;

  // Outside run time, for a task of a stage with coefficients `c`.
  double OverheadMs(const StageCoefficients& c, bool replanned) const;
};

TaskFixedCost CalibrateTaskFixedCost(const TaskTimeModel& model, const model::Application& app);

}  // namespace sparktune::simulator
