// ExecutorSpec: one executor of a simulated run as the replay knows it (its
// id, cores and when it is available), and the scheduler Worker it becomes:
// slots = cores / spark.task.cpus (TaskSchedulerImpl's CPUS_PER_TASK, all
// versions; an executor with fewer cores than task.cpus runs nothing), each
// slot's first task paying the calibrated warm-up of a fresh JVM.
#pragma once

#include <algorithm>
#include <string>

#include "simulator/core/stage_scheduler.h"

namespace sparktune::simulator {

struct ExecutorSpec {
  std::string id;
  double start_ms = 0;    // available from (relative to the application start)
  double end_ms = 1e300;  // removed at (1e300: stays to the end)
  int cores = 1;
};

inline Worker WorkerFor(const ExecutorSpec& e, int task_cpus, double warmup_ms) {
  Worker w;
  w.start_ms = e.start_ms;
  w.end_ms = e.end_ms;
  w.slots = e.cores / std::max(1, task_cpus);
  w.warmup_ms = warmup_ms;
  return w;
}

}  // namespace sparktune::simulator
