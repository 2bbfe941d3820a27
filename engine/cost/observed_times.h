// ObservedTimes: the measured figures a replay is compared against, read from
// the log itself: whole-application duration, time inside jobs (wall time
// during which at least one job runs), and MB-seconds (engine/cost/app_cost.h).
// TimeInsideJobsMs is the one definition of time inside jobs, used for the
// observed figure and the simulated one.
#pragma once

#include <utility>
#include <vector>

#include "data/model/application.h"

namespace sparktune::engine {

struct ObservedTimes {
  double duration_ms = 0;
  double job_time_ms = 0;
  double mb_seconds = 0;
  double core_seconds = 0;
};

ObservedTimes MeasureObserved(const model::Application& app);

// The length of the union of [submit, end] job intervals (ms).
double TimeInsideJobsMs(std::vector<std::pair<double, double>> jobs);

}  // namespace sparktune::engine
