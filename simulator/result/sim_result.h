// SimResult: what one simulated run of an application produced: wall time,
// time inside jobs, per-stage timeline (with each stage's task time split into
// named terms), executor lifetimes, MB-seconds and core-seconds (the same
// formula as `profile`, engine/cost/resource_seconds.h), spill, GC, risk
// flags, and an interval for duration and MB-seconds that reflects the
// evidence behind the calibrated models. Plain data.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace sparktune::simulator {

// A predicted task time as the sum of named terms (ms), or the sums of them
// over a stage's tasks.
struct TaskTimeTerms {
  double fixed_ms = 0;       // launch, deserialization, result: whatever the data
  double data_ms = 0;        // reading, processing and writing its bytes and records
  double fetch_ms = 0;       // fetching remote shuffle blocks
  double spill_ms = 0;       // spilling to disk and reading it back
  double gc_ms = 0;          // JVM garbage collection
  double cold_start_ms = 0;  // the first task on a fresh executor slot (class loading, JIT)

  double Total() const { return fixed_ms + data_ms + fetch_ms + spill_ms + gc_ms + cold_start_ms; }
  void Add(const TaskTimeTerms& o) {
    fixed_ms += o.fixed_ms;
    data_ms += o.data_ms;
    fetch_ms += o.fetch_ms;
    spill_ms += o.spill_ms;
    gc_ms += o.gc_ms;
    cold_start_ms += o.cold_start_ms;
  }
};

struct StageTimeline {
  int stage_id = 0;
  int job_id = 0;
  std::string name;
  int tasks = 0;           // simulated task count
  int observed_tasks = 0;  // for the per-stage diff only; never used to predict
  double start_ms = 0;     // relative to app start
  double end_ms = 0;
  double task_time_ms = 0;  // sum of simulated task durations, before cold starts
  double spill_bytes = 0;   // predicted memory bytes spilled
  double gc_ms = 0;         // = terms.gc_ms, except where a log shows GC above run time
  // task_time_ms by term, plus the cold starts its tasks paid when scheduled
  // (terms.Total() = task_time_ms + terms.cold_start_ms, up to rounding).
  TaskTimeTerms terms;
  std::string evidence;  // own / borrowed-from-app / prior
  std::string why;       // what changed and why (empty at the same config)
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
