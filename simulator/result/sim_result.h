// SimResult: what one simulated run of an application produced: wall time,
// time inside jobs, per-stage timeline, executor lifetimes, MB-seconds and
// core-seconds (the same accounting as `profile`, engine/cost/app_cost.h),
// spill, GC, risk flags, and an interval for duration and MB-seconds that
// reflects the evidence behind the calibrated models.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace sparktune::simulator {

struct StageTimeline {
  int stage_id = 0;
  int job_id = 0;
  std::string name;
  int tasks = 0;           // simulated task count
  int observed_tasks = 0;  // for the per-stage diff only; never used to predict
  double start_ms = 0;     // relative to app start
  double end_ms = 0;
  double task_time_ms = 0;  // sum of simulated task durations
  double spill_bytes = 0;   // predicted memory bytes spilled
  double gc_ms = 0;
  std::string evidence;     // own / borrowed-from-app / prior
  std::string why;          // what changed and why (empty at the same config)
};

struct ExecutorLifetime {
  std::string id;
  double start_ms = 0;
  double end_ms = 0;
  int cores = 0;
  int64_t container_mib = 0;
};

struct SimResult {
  double duration_ms = 0;
  double job_time_ms = 0;  // wall time during which at least one job runs
  double mb_seconds = 0;
  double core_seconds = 0;
  double duration_ms_low = 0, duration_ms_high = 0;
  double mb_seconds_low = 0, mb_seconds_high = 0;
  double spill_bytes = 0;
  double gc_ms = 0;
  bool oom_risk = false;
  std::vector<std::string> notes;  // evidence lacking, assumptions made
  std::vector<StageTimeline> stages;
  std::vector<ExecutorLifetime> executors;
};

}  // namespace sparktune::simulator
