// The small models a task's time is made of: spill (how much, and what it
// costs), GC, shuffle fetch, the fixed cost, and ReplayTaskTime's terms.
#include <gtest/gtest.h>

#include "simulator/models/gc_model.h"
#include "simulator/models/replay_task_time.h"
#include "simulator/models/shuffle_fetch.h"
#include "simulator/models/spill_cost.h"
#include "simulator/models/spill_model.h"
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

TEST(SpillModel, SpilledTasksGiveTheExpansionAndTheMemoryThatReproducesTheirSpill) {
  // Two tasks of 100 MB read; one spilled 60 MB, the other 100 MB.
  auto app = AppWithStage({TaskWith(100 * kMb, 60 * kMb, 0), TaskWith(100 * kMb, 100 * kMb, 0)});
  SpillEvidence e = MeasureSpill(app, app.stages[0]);
  EXPECT_TRUE(e.from_spills);
  EXPECT_DOUBLE_EQ(e.expansion, 1.5);                 // 1.5 x the upper median ratio (1.0)
  SpillModel m = ResolveSpill(e, /*share_obs=*/1e9);  // the share does not matter here
  // Predicted spill of the observed tasks equals the observed 160 MB.
  double predicted = m.SpilledBytes(100 * kMb, m.memory_obs) * 2;
  EXPECT_NEAR(predicted, 160 * kMb, 1);
  // Twice the execution memory per task: less spill.
  EXPECT_LT(m.SpilledBytes(100 * kMb, m.MemoryUnder(1, 2)),
            m.SpilledBytes(100 * kMb, m.memory_obs));
}

TEST(SpillModel, WithoutSpillsEveryFootprintFittedAtTheObservedConfig) {
  // Peak memory grows 2 bytes per byte read over a spread of sizes.
  auto app = AppWithStage({TaskWith(10 * kMb, 0, 25 * kMb), TaskWith(20 * kMb, 0, 45 * kMb),
                           TaskWith(40 * kMb, 0, 85 * kMb)});
  SpillEvidence e = MeasureSpill(app, app.stages[0]);
  EXPECT_TRUE(e.from_peaks);
  EXPECT_NEAR(e.expansion, 2.0, 1e-9);
  SpillModel m = ResolveSpill(e, /*share_obs=*/50 * kMb);
  EXPECT_DOUBLE_EQ(m.memory_obs, 80 * kMb);  // the largest footprint, above the share
  EXPECT_DOUBLE_EQ(m.SpilledBytes(40 * kMb, m.memory_obs), 0);
  EXPECT_DOUBLE_EQ(m.SpilledBytes(40 * kMb, m.MemoryUnder(50, 25)), 40 * kMb);
}

TEST(SpillModel, AFootprintFarBeyondMemoryIsAnOutOfMemoryRisk) {
  SpillModel m{.expansion = 2, .memory_obs = 100 * kMb};
  EXPECT_FALSE(m.OutOfMemoryRisk(300 * kMb, 100 * kMb));
  EXPECT_TRUE(m.OutOfMemoryRisk(1000 * kMb, 100 * kMb));
  EXPECT_FALSE(SpillModel{}.OutOfMemoryRisk(1000 * kMb, 100 * kMb));  // no evidence
}

TEST(SpillModel, ExecutionMemoryIsTheUnifiedPoolSharedByTheSlots) {
  engine::EffectiveConfig c({{"spark.executor.memory", "4g"}, {"spark.memory.fraction", "0.6"}},
                            SparkVersion::Parse("3.5.0"));
  EXPECT_DOUBLE_EQ(ExecutionMemoryPerTaskMib(c, 4, 1, false), (4096 - 300) * 0.6 / 4);
  EXPECT_DOUBLE_EQ(ExecutionMemoryPerTaskMib(c, 4, 2, false), (4096 - 300) * 0.6 / 2);
}

TEST(SpillCost, CalibratedWithinBoundsElseThePrior) {
  StageCoefficients c;
  EXPECT_DOUBLE_EQ(PriceSpill(c).extra_ms_per_mb, kPriorSpillMsPerMb);
  EXPECT_DOUBLE_EQ(PriceSpill(c).replanned_ms_per_mb, kPriorSpillMsPerMb);
  c.beta[kFeatureSpilledMb] = 120;
  EXPECT_DOUBLE_EQ(PriceSpill(c).extra_ms_per_mb, 0);  // the model prices it itself
  EXPECT_DOUBLE_EQ(PriceSpill(c).replanned_ms_per_mb, 50);
}

TEST(GcModel, ReplayShareAndLiveSetFraction) {
  EXPECT_DOUBLE_EQ(GcShareOfRun(0.2), 0.2);
  EXPECT_DOUBLE_EQ(GcShareOfRun(1.7), 1.0);  // GC never exceeds the run it is part of
  EXPECT_DOUBLE_EQ(LiveSetGcFraction(2048, 0.05, 0.5), 0.1);
  EXPECT_DOUBLE_EQ(LiveSetGcFraction(1e6, 0.05, 0.5), 0.5);
}

TEST(ShuffleFetch, OneBlockPerMapTaskWhateverThePartitionCount) {
  EXPECT_DOUBLE_EQ(BlocksPerReduceTask(2000, 200), 10);
  EXPECT_DOUBLE_EQ(BlocksPerReduceTask(2000, 0), 0);
  // A coalesced range of 8 partitions from 10 mappers: 10 requests in batch, else 80.
  EXPECT_DOUBLE_EQ(CoalescedReadBlocks(10, 8, 1e6, true), 10);
  EXPECT_DOUBLE_EQ(CoalescedReadBlocks(10, 8, 1e6, false), 80);
  EXPECT_DOUBLE_EQ(CoalescedReadBlocks(10, 8, 0, true), 0);  // empty partitions fetch nothing
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
  EXPECT_DOUBLE_EQ(cost.OverheadMs(c, true), kMaxFixedTaskMs);
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
  TaskTimeTerms t = pricing.Logged(0, d).terms;
  const StageCoefficients& c = model.ForStage(0);
  double run = model.PredictRunMs(0, d) + PriceSpill(model.app_level()).extra_ms_per_mb * 5;
  EXPECT_NEAR(t.Total(), run + c.overhead_ms, 1e-9 * run);
  EXPECT_NEAR(t.gc_ms, run * c.gc_fraction, 1e-9 * run);
  EXPECT_GT(t.spill_ms, 0);
  EXPECT_DOUBLE_EQ(t.cold_start_ms, 0);  // added when scheduled

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
