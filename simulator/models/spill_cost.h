// SpillCost: what a spilled byte costs a task (serialize, compress, write,
// read back and merge: UnsafeExternalSorter / ExternalSorter spill files).
// The calibrated task-time model carries a cost per spilled MB when the log
// had spills to fit it on; otherwise a prior of 8 ms per in-memory MB. For a
// task that re-planning created the calibrated cost is kept within 1-50 ms
// per MB (outside it the fit has confused spill with something else).
#pragma once

#include "simulator/calibration/task_time_model.h"

namespace sparktune::simulator {

// Cost of a spilled MB when the log shows no spill to calibrate from (ms).
inline constexpr double kPriorSpillMsPerMb = 8.0;

struct SpillCost {
  // Added to the calibrated model's own spill term for a task replayed from
  // its data: 0 when the model has one, else the prior.
  double extra_ms_per_mb = 0;
  // For a task of a re-planned stage.
  double replanned_ms_per_mb = kPriorSpillMsPerMb;
};

SpillCost PriceSpill(const StageCoefficients& app_level);

}  // namespace sparktune::simulator
