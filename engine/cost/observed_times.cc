#include "engine/cost/observed_times.h"

#include <algorithm>
#include <vector>

#include "engine/cost/app_cost.h"

namespace sparktune::engine {

ObservedTimes MeasureObserved(const model::Application& app) {
  ObservedTimes t;
  t.duration_ms = static_cast<double>(app.duration_ms());
  std::vector<std::pair<int64_t, int64_t>> iv;
  int64_t end_default = app.end_time >= 0 ? app.end_time : app.last_event_time;
  for (const model::Job& j : app.jobs) {
    if (j.submission_time < 0) continue;
    iv.push_back({j.submission_time, j.completion_time >= 0 ? j.completion_time : end_default});
  }
  std::sort(iv.begin(), iv.end());
  int64_t cs = -1, ce = -1;
  for (auto& [s, e] : iv) {
    if (s > ce) {
      if (ce > cs) t.job_time_ms += static_cast<double>(ce - cs);
      cs = s;
      ce = e;
    } else {
      ce = std::max(ce, e);
    }
  }
  if (ce > cs) t.job_time_ms += static_cast<double>(ce - cs);
  AppCost cost = ComputeObservedCost(app);
  t.mb_seconds = cost.mb_seconds;
  t.core_seconds = cost.core_seconds;
  return t;
}

}  // namespace sparktune::engine
