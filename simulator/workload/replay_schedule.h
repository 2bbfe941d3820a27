// ReplaySchedule: runs a replayed application's stages on the StageScheduler
// (slots, DAG readiness, FIFO by job id then stage id) with the timing the
// log gives the driver:
//  * jobs arrive as in the log: a job submitted while the previous one ran
//    keeps its offset from that submission, one submitted after it ended
//    keeps its gap after that end; a driver-only job (all stages skipped)
//    lasts what it lasted;
//  * except a job submitted while the previous one ran that reads stages of
//    earlier jobs, all complete when it was submitted: an adaptive query's
//    next query stage, which AdaptiveSparkPlanExec (3.0-4.x) submits once
//    the stages it reads have materialized. It keeps its observed delay after
//    the last of them completes (re-planning), and never comes before the
//    previous job's submission;
//  * a stage's tasks may run its transition latency after it is unblocked
//    (DAGScheduler submission, broadcast building, AQE re-planning); a stage
//    without tasks (its join became a broadcast) completes then; a stage
//    completes its tail latency after its last task;
//  * executors register and leave as provisioned (ExecutorProvisioning), and
//    come and go by DynamicAllocation when it is simulated.
#pragma once

#include <vector>

#include "simulator/models/executor_provisioning.h"
#include "simulator/workload/replay_stage.h"
#include "simulator/workload/replay_workload.h"

namespace sparktune::simulator {

struct ReplaySchedule {
  struct Span {
    double start_ms = -1;  // -1: never started
    double end_ms = 0;
    double warmup_ms = 0;  // stages: cold starts their tasks paid
  };
  std::vector<Span> stages;             // parallel to the ReplayStages
  std::vector<Span> jobs;               // parallel to ReplayWorkload::jobs (submit, end)
  std::vector<ExecutorSpec> executors;  // every executor that took part, with its lifetime
  int jobs_unfinished = 0;              // could not run (no executor alive)
  double last_job_end_ms = 0;
};

// `warmup_ms`: the cold start of each fresh executor slot's first task.
ReplaySchedule RunReplaySchedule(const ReplayWorkload& workload,
                                 const std::vector<ReplayStage>& stages,
                                 const ExecutorProvisioning& provisioning, int task_cpus,
                                 double warmup_ms);

}  // namespace sparktune::simulator
