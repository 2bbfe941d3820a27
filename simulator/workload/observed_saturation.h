// ObservedSaturation: when, in the observed run, every task slot was busy.
//
// The simulator carries a stage's transition latency (the gap between the
// moment it could start, its parents done, and its first task launch) over
// from the log as a driver-side fact. Part of that gap is not driver time but
// queueing: the stage's tasks waited because every slot ran another stage's
// tasks (TaskSchedulerImpl offers free cores only; all versions). The
// simulation reproduces that queueing itself, so carrying it over too counts it
// twice, and keeps it when the alternative frees the slots (a join turned into
// a broadcast, fewer tasks after coalescing). This index answers "how long
// within [a, b] were all slots busy?" so that only the rest is carried over.
//
// Slots over time: each executor's cores / spark.task.cpus between its
// registration and removal (no executor at all counts as saturated: that wait
// is executor availability, which the simulation models too); in local mode (or with no executor
// events) the local[N] count, else the highest task concurrency the log shows. Busy: tasks between
// launch and finish, every attempt (failed and speculative included). Built once per application in
// O(T log T); each query is O(log T).
#pragma once

#include <cstdint>
#include <vector>

#include "data/model/application.h"

namespace sparktune::simulator {

class ObservedSaturation {
 public:
  ObservedSaturation() = default;
  // `local_slots` > 0: the slot count of a local-mode run (local[N]);
  // 0 = from executors, or the highest concurrency when there are none;
  // < 0 = the highest concurrency (tasks ran in the driver: local[*]).
  ObservedSaturation(const model::Application& app, int task_cpus, int local_slots);

  // Milliseconds within [from, to] (epoch ms) during which running tasks
  // filled every slot. 0 when from >= to.
  double SaturatedMs(double from, double to) const;

 private:
  // Change points, sorted; saturated_[i] says whether [times_[i], times_[i+1])
  // is saturated, prefix_[i] the saturated ms before times_[i].
  std::vector<double> times_;
  std::vector<char> saturated_;
  std::vector<double> prefix_;
};

}  // namespace sparktune::simulator
