// SpillCost: what a spilled byte costs a task (serialize, compress, write,
// read back and merge: UnsafeExternalSorter / ExternalSorter spill files).
// The calibrated task-time model carries the logged spill's time (in its
// spill term, or in the others where the fit put it there); a change of spill
// costs the stage's own cost per spilled MB when its fit has one, else the
// app's calibrated cost, else a prior of 8 ms per in-memory MB. For a
// task that re-planning created the calibrated cost is kept within 1-50 ms
// per MB (outside it the fit has confused spill with something else).
#pragma once

#include "simulator/calibration/task_time_model.h"

namespace sparktune::simulator {

// Cost of a spilled MB when the log shows no spill to calibrate from (ms).
inline constexpr double kPriorSpillMsPerMb = 8.0;

struct SpillCost {
  // A spilled MB more or less than logged, where the stage's own fit has no
  // spill coefficient, and every spilled MB of a re-planned stage's task.
  double replanned_ms_per_mb = kPriorSpillMsPerMb;
};

SpillCost PriceSpill(const StageCoefficients& app_level);

}  // namespace sparktune::simulator
