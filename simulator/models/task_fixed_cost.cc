#include "simulator/models/task_fixed_cost.h"

#include <algorithm>
#include <vector>

namespace sparktune::simulator {

double TaskFixedCost::OverheadMs(const StageCoefficients& c, bool replanned) const {
  return replanned ? std::min({c.overhead_ms, app_overhead_ms, kMaxReplannedOverheadMs})
                   : c.overhead_ms;
}

TaskFixedCost CalibrateTaskFixedCost(const TaskTimeModel& model, const model::Application& app) {
  TaskFixedCost cost;
  cost.run_ms = model.app_level().beta[0];
  cost.app_overhead_ms = model.app_level().overhead_ms;
  std::vector<double> runs;
  for (const model::Task& t : app.tasks) {
    if (t.status == model::TaskStatus::kSuccess && t.has_metrics)
      runs.push_back(static_cast<double>(t.metrics.executor_run_time));
  }
  if (!runs.empty()) {
    // The element of rank n / 10 (the rank the model was calibrated with;
    // stats::Quantile's floor(0.1 (n - 1)) differs for n a multiple of 10).
    std::nth_element(runs.begin(), runs.begin() + runs.size() / 10, runs.end());
    cost.run_ms = std::min(cost.run_ms, runs[runs.size() / 10]);
  }
  cost.run_ms = std::min(cost.run_ms, kMaxFixedTaskMs);
  return cost;
}

}  // namespace sparktune::simulator
