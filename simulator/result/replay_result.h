// ReplayResult: the SimResult of a replay, from its scheduled run:
//  * duration: the last simulated job end plus the driver-side time the log
//    shows after its last job (the whole observed duration when it has no job);
//  * time inside jobs: the union of simulated job intervals (the same
//    definition as the observed figure, engine/cost/observed_times);
//  * executor lifetimes, cut at the simulated end, and MB-/core-seconds by the
//    one formula of engine/cost/resource_seconds (in local mode the driver's
//    cores are the local slots and no executor is counted);
//  * the per-stage timeline with its task-time terms;
//  * an interval: per stage a relative error from the calibration's residual
//    spread over its tasks (x2 for borrowed coefficients, x4 for priors, at
//    least 5%), applied to its span; the stages' errors add in quadrature;
//    90% two-sided (1.645 sd); MB-seconds scale with the duration.
#pragma once

#include <vector>

#include "data/model/application.h"
#include "engine/memory/container_size.h"
#include "simulator/calibration/task_time_model.h"
#include "simulator/models/executor_provisioning.h"
#include "simulator/result/sim_result.h"
#include "simulator/workload/replay_schedule.h"
#include "simulator/workload/replay_stage.h"
#include "simulator/workload/replay_workload.h"

namespace sparktune::simulator {

// Fills `result` (whose notes and OOM flag the caller set already).
void AssembleReplayResult(const model::Application& app, const engine::EffectiveConfig& config,
                          const TaskTimeModel& model, const ReplayWorkload& workload,
                          const std::vector<ReplayStage>& stages,
                          const ExecutorProvisioning& provisioning, const ReplaySchedule& schedule,
                          SimResult* result);

}  // namespace sparktune::simulator
