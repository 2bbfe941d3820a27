// ReplayWorkload: the jobs and stages of a logged application as the replay
// runs them, read once from the log (they do not depend on the config):
//  * jobs in submission order (ties by job id) with their observed submit and
//    end, relative to the application start;
//  * per stage the attempt replayed (the last with successful tasks), its
//    owning job (the latest job listing it that was running when it was
//    submitted), its parents among the replayed stages, one successful task per
//    partition, and two driver-side latencies carried over from the log: the
//    wait for its first task less the time every observed slot was busy
//    (ObservedSaturation: queueing, which the simulation redoes) and the gap
//    from its last task to its completion.
// Stages with no owning job or no successful task with metrics are left out
// (skipped or never run: nothing to wait for). Without ApplicationStart, the
// earliest job submission or executor registration stands in for the start.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "data/model/application.h"
#include "simulator/workload/observed_saturation.h"

namespace sparktune::simulator {

struct LoggedJob {
  int job_id = 0;
  double observed_submit = 0;  // relative to app start
  double observed_end = 0;
  std::vector<int> stages;  // indices into ReplayWorkload::stages
};

struct LoggedStage {
  int stage_id = 0;
  const model::StageAttempt* attempt = nullptr;  // points into the Application
  int job_index = -1;                            // into ReplayWorkload::jobs
  std::vector<int> parents;                      // indices into ReplayWorkload::stages
  std::vector<uint32_t> tasks;                   // one successful task per partition, by index
  double transition_latency_ms = 0;              // driver-side wait before the first task
  double tail_latency_ms = 0;                    // last task end -> stage completion
  double observed_completion = 0;                // relative to app start
  bool in_sql = false;                           // a job of it belongs to a SQL execution
};

struct ReplayWorkload {
  double app_start = 0;          // epoch ms
  double app_end = 0;            // epoch ms (ApplicationEnd, else the last event)
  bool start_estimated = false;  // no ApplicationStart in the log
  std::vector<LoggedJob> jobs;
  std::vector<LoggedStage> stages;  // by stage id
  std::map<int, int> stage_index;   // stage id -> index into stages
};

ReplayWorkload ReadReplayWorkload(const model::Application& app,
                                  const ObservedSaturation& saturation);

}  // namespace sparktune::simulator
