// TaskFixedCost: what a task costs whatever its data, bounded by the small tasks.
#include "simulator/models/task_fixed_cost.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace sparktune::simulator {
namespace {

model::Task TaskWith(int64_t read_bytes, int64_t spilled, int64_t peak, int64_t run_ms = 100) {
  model::Task t;
  t.status = model::TaskStatus::kSuccess;
  t.has_metrics = true;
  t.metrics.shuffle_remote_bytes_read = read_bytes;
  t.metrics.memory_bytes_spilled = spilled;
  t.metrics.peak_execution_memory = peak;
  t.metrics.executor_run_time = run_ms;
  return t;
}

model::Application AppWithStage(std::vector<model::Task> tasks) {
  model::Application app;
  model::StageAttempt s;
  for (size_t i = 0; i < tasks.size(); ++i) s.tasks.push_back(static_cast<uint32_t>(i));
  app.stages.push_back(s);
  app.tasks = std::move(tasks);
  return app;
}

TEST(TaskFixedCost, BoundedByTheSmallTasksAndTheCeiling) {
  std::vector<model::Task> tasks;
  for (int i = 0; i < 20; ++i) tasks.push_back(TaskWith(0, 0, 0, 1 + 10 * i));
  model::Application app = AppWithStage(tasks);
  for (auto& t : app.tasks) t.stage_id = 0;
  TaskTimeModel model = TaskTimeModel::Fit(app);
  TaskFixedCost cost = CalibrateTaskFixedCost(model, app);
  EXPECT_LE(cost.run_ms, 21);  // the run time of rank n / 10 (1, 11, 21, ...)
  StageCoefficients c;
  c.overhead_ms = 400;
  EXPECT_DOUBLE_EQ(cost.OverheadMs(c, false), 400);
  // A task re-planning creates is warm: at most the ceiling, and at most the app's median.
  EXPECT_DOUBLE_EQ(cost.OverheadMs(c, true),
                   std::min(kMaxReplannedOverheadMs, cost.app_overhead_ms));
  EXPECT_LE(cost.OverheadMs(c, true), kMaxReplannedOverheadMs);
  cost.app_overhead_ms = 5;
  EXPECT_DOUBLE_EQ(cost.OverheadMs(c, true), 5);
}

}  // namespace
}  // namespace sparktune::simulator
