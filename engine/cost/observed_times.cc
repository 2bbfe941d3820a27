#include "engine/cost/observed_times.h"

#include <algorithm>
#include <vector>

#include "engine/cost/app_cost.h"

namespace sparktune::engine {

ObservedTimes MeasureObserved(const model::Application& app) {
  ObservedTimes t;
  t.duration_ms = static_cast<double>(app.duration_ms());
  std::vector<std::pair<double, double>> iv;
  int64_t end_default = app.end_time >= 0 ? app.end_time : app.last_event_time;
  for (const model::Job& j : app.jobs) {
    if (j.submission_time < 0) continue;
    int64_t end = j.completion_time >= 0 ? j.completion_time : end_default;
    iv.push_back({static_cast<double>(j.submission_time), static_cast<double>(end)});
  }
  t.job_time_ms = TimeInsideJobsMs(std::move(iv));
  AppCost cost = ComputeObservedCost(app);
  t.mb_seconds = cost.mb_seconds;
  t.core_seconds = cost.core_seconds;
  return t;
}

double TimeInsideJobsMs(std::vector<std::pair<double, double>> jobs) {
  std::sort(jobs.begin(), jobs.end());
  double total = 0, cur_s = -1, cur_e = -1;
  for (auto& [s, e] : jobs) {
    if (s > cur_e) {
      if (cur_e > cur_s) total += cur_e - cur_s;
      cur_s = s;
      cur_e = e;
    } else {
      cur_e = std::max(cur_e, e);
    }
  }
  if (cur_e > cur_s) total += cur_e - cur_s;
  return total;
}

}  // namespace sparktune::engine
