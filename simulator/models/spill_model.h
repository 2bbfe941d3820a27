// SpillModel: how much a task spills under a given execution memory, calibrated
// per stage from the log (UnsafeExternalSorter / ExternalSorter, 1.6-4.x).
// A task whose in-memory footprint F = expansion x bytes processed exceeds
// its execution memory M spills about F - M. The expansion comes from the
// stage's spilled tasks (spill/bytes is a lower bound; a sorter keeps up to M
// in memory, so 1.5x it), or, when nothing spilled, from the slope of peak
// execution memory (3.0+) over bytes; the effective M at the observed config is
// solved so that the predicted spill of the observed tasks equals the observed
// spill, then scaled with the execution memory per task of another config.
#pragma once

#include "data/model/application.h"
#include "engine/memory/container_size.h"

namespace sparktune::simulator {

struct SpillModel {
  double expansion = 0;   // in-memory bytes per processed byte; 0 = no evidence
  double memory_obs = 0;  // effective execution memory per task at the observed config (bytes)
};

// Calibrates the spill model of one stage attempt; `share_obs` is the
// nominal execution memory per task (bytes) at the observed config.
SpillModel CalibrateSpill(const model::Application& app, const model::StageAttempt& s, double share_obs);

// Execution memory a task can count on, in MiB: (heap - 300 MiB) x
// spark.memory.fraction shared by the executor's concurrent tasks
// (UnifiedMemoryManager, 1.6-4.x; ExecutionMemoryPool grants 1/(2N)..1/N, we
// use 1/N while a stage saturates the executor). In local mode the heap is
// the driver's.
double ExecutionMemoryPerTaskMib(const engine::EffectiveConfig& c, int cores, int task_cpus, bool local);

}  // namespace sparktune::simulator
