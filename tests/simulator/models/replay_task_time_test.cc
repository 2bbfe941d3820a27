// ReplayTaskTime: a replayed task's time as named terms that add up to the
// calibrated run plus the time outside it.
#include "simulator/models/replay_task_time.h"

#include <gtest/gtest.h>

#include "simulator/models/spill_cost.h"
#include "simulator/models/task_fixed_cost.h"

namespace sparktune::simulator {
namespace {

constexpr double kMb = 1e6;

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

TEST(ReplayTaskTime, TheTermsSumToTheCalibratedRunPlusTheTimeOutsideIt) {
  // A model with known coefficients: every stage borrows the app level.
  std::vector<model::Task> tasks;
  for (int i = 0; i < 30; ++i) {
    model::Task t = TaskWith((1 + i % 5) * 10 * kMb, 0, 0, 100 + 20 * (i % 5));
    t.metrics.shuffle_remote_blocks_fetched = 100;
    t.metrics.jvm_gc_time = (100 + 20 * (i % 5)) / 10;
    t.finish_time = 1000 + t.metrics.executor_run_time + 20;
    t.launch_time = 1000;
    tasks.push_back(t);
  }
  model::Application app = AppWithStage(tasks);
  model::Executor exec;
  exec.id = "1";
  exec.total_cores = 1;
  app.executors.push_back(exec);
  TaskTimeModel model = TaskTimeModel::Fit(app);
  ReplayTaskTime pricing(model, CalibrateTaskFixedCost(model, app), PriceSpill(model.app_level()));
  TaskData d = TaskDataOf(app.tasks[3]);
  d.spilled_bytes = 5 * kMb;
  TaskTimeTerms t = pricing.Logged(0, d, 0).terms;
  const StageCoefficients& c = model.ForStage(0);
  // The log spilled nothing: the 5 MB are priced at the stage's spill coefficient (its ridge
  // prior when nothing spilled), or at the prior cost where that is zero.
  double per_mb = c.beta[kFeatureSpilledMb] > 0 ? c.beta[kFeatureSpilledMb] : kPriorSpillMsPerMb;
  TaskData unspilled = d;
  unspilled.spilled_bytes = 0;
  double run = model.PredictRunMs(0, unspilled) + per_mb * 5;
  EXPECT_NEAR(t.Total(), run + c.overhead_ms, 1e-9 * run);
  EXPECT_NEAR(t.gc_ms, run * c.gc_fraction, 1e-9 * run);
  EXPECT_GT(t.spill_ms, 0);
  EXPECT_DOUBLE_EQ(t.cold_start_ms, 0);  // added when scheduled

  // Replayed at the spill its log shows, a task costs the calibrated run (the fit carries that
  // spill's time, whatever term holds it); less spill than logged saves at the per-MB price.
  TaskTimeTerms same = pricing.Logged(0, d, 5 * kMb).terms;
  EXPECT_NEAR(same.Total(), model.PredictRunMs(0, d) + c.overhead_ms, 1e-9 * run);
  TaskTimeTerms less = pricing.Logged(0, unspilled, 5 * kMb).terms;
  EXPECT_NEAR(same.Total() - less.Total(), per_mb * 5, 1e-6);
  EXPECT_GE(less.spill_ms, 0);

  // A re-planned task doing a quarter of the conserved work.
  std::vector<TaskData> observed;
  for (const model::Task& task : app.tasks) observed.push_back(TaskDataOf(task));
  ConservedWork work = pricing.Conserve(0, observed);
  EXPECT_GT(work.data_ms, 0);
  EXPECT_LE(work.fetch_ms, work.data_ms);
  TaskTimeTerms r = pricing.Replanned(0, 0.25, work, 0).terms;
  double expected =
      pricing.fixed().run_ms + 0.25 * work.data_ms + pricing.fixed().OverheadMs(c, true);
  EXPECT_NEAR(r.Total(), expected, 1e-9 * expected);
  EXPECT_NEAR(r.fetch_ms + r.data_ms, 0.25 * work.data_ms * (1 - c.gc_fraction), 1e-6);
}

}  // namespace
}  // namespace sparktune::simulator
