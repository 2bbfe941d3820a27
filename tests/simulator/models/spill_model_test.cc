// SpillModel (how much a task spills under an execution memory) and
// SpillCost (what a spilled MB costs).
#include "simulator/models/spill_model.h"

#include <gtest/gtest.h>

#include "simulator/models/spill_cost.h"

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

TEST(SpillModel, AStageThatGeneratesItsRowsSpillsWithItsShuffleWrite) {
  // spark.range -> partial aggregate -> shuffle: nothing read, 200 MB written, 300 MB spilled
  // per task (ground truth w1 on Spark 3.5). Its spill is evidence, not an absent stage.
  auto generating = [](int64_t written, int64_t spilled) {
    model::Task t = TaskWith(0, spilled, 0);
    t.metrics.shuffle_bytes_written = written;
    return t;
  };
  auto app = AppWithStage({generating(200 * kMb, 300 * kMb), generating(200 * kMb, 300 * kMb)});
  SpillEvidence e = MeasureSpill(app, app.stages[0]);
  EXPECT_TRUE(e.from_spills);
  SpillModel m = ResolveSpill(e, 1e9);
  double bytes = SpillVolumeBytes(0, 0, 200 * kMb);
  EXPECT_NEAR(m.SpilledBytes(bytes, m.memory_obs), 300 * kMb, 1);
  // A task that reads data is measured by what it reads, even when it writes more.
  EXPECT_DOUBLE_EQ(SpillVolumeBytes(10 * kMb, 5 * kMb, 100 * kMb), 15 * kMb);
}

TEST(SpillModel, AnAggregationMapSpillsItsWholeFootprintOrNothing) {
  // Two tasks of 100 MB read spilled 150 and 200 MB: the map was spilled whole each time.
  auto app = AppWithStage({TaskWith(100 * kMb, 150 * kMb, 0), TaskWith(100 * kMb, 200 * kMb, 0)});
  SpillEvidence e = MeasureSpill(app, app.stages[0], SpillSemantics::kAggregationMap);
  EXPECT_TRUE(e.from_spills);
  SpillModel m = ResolveSpill(e, /*share_obs=*/120 * kMb);
  EXPECT_EQ(m.semantics, SpillSemantics::kAggregationMap);
  const double at_observed = m.SpilledBytes(100 * kMb, m.memory_obs);
  EXPECT_GT(at_observed, 0);
  // Half the memory: the same spill (a sorter would spill more); memory above the footprint: none.
  EXPECT_DOUBLE_EQ(m.SpilledBytes(100 * kMb, m.MemoryUnder(1, 0.5)), at_observed);
  EXPECT_DOUBLE_EQ(m.SpilledBytes(100 * kMb, m.MemoryUnder(1, 4)), 0);
  SpillModel sorter = ResolveSpill(MeasureSpill(app, app.stages[0]), 120 * kMb);
  EXPECT_GT(sorter.SpilledBytes(100 * kMb, sorter.MemoryUnder(1, 0.5)),
            sorter.SpilledBytes(100 * kMb, sorter.memory_obs));
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
  EXPECT_DOUBLE_EQ(PriceSpill(c).replanned_ms_per_mb, kPriorSpillMsPerMb);
  c.beta[kFeatureSpilledMb] = 120;
  EXPECT_DOUBLE_EQ(PriceSpill(c).replanned_ms_per_mb, 50);
}

}  // namespace
}  // namespace sparktune::simulator
