// ExecutorStartup: how long the cluster manager takes from an executor
// request to its registration (the wait of an executor added by dynamic
// allocation, or of static executors requested when the SparkContext starts),
// as the log shows it:
//  1. the median of Registration - Request Time over the Executor Infos that
//     carry a request time (3.4+);
//  2. else, in a run without dynamic allocation (every executor requested at
//     the start), the first registration after the application start;
//  3. else a prior: a JVM start on a warm node, 3 s.
// On the ground truth's standalone cluster 1 and 2 read 12-19 s.
//
// (The warm-up of a fresh executor's first tasks, class loading and JIT, is
// calibrated with the task times: TaskTimeModel::cold_start_penalty_ms.)
#pragma once

#include <string>

#include "data/model/application.h"

namespace sparktune::simulator {

// The prior request-to-registration latency when the log cannot tell.
inline constexpr double kExecutorStartupPriorMs = 3000;

struct ExecutorStartupLatency {
  double ms = kExecutorStartupPriorMs;
  std::string source;               // for notes: where the figure comes from
  bool from_request_times = false;  // case 1
};

// `dynamic_allocation`: whether the observed run used it; `app_start` in epoch ms.
ExecutorStartupLatency MeasureExecutorStartup(const model::Application& app,
                                              bool dynamic_allocation, double app_start);

}  // namespace sparktune::simulator
