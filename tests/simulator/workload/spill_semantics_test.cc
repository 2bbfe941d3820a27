// AppSimulator on a Spark 3.5 log whose map stage spills from a hash aggregate's map (ground
// truth w1: spark.range -> partial aggregate -> shuffle, 6.2 GiB spilled at 2g): the replay at
// the log's own config keeps the spill and its time; half the memory spills about the same (the
// real 1g run spilled 6.4 GiB); enough memory to hold every task's map spills nothing.
#include <gtest/gtest.h>

#include "data/eventlog/event_log_reader.h"
#include "simulator/workload/app_simulator.h"
#include "tests/test_paths.h"

namespace sparktune::simulator {
namespace {

TEST(SpillSemantics, AnAggregationMapSpillsAboutTheSameWithLessMemoryAndNothingWithEnough) {
  std::string path =
      testing::SourceDir() + "/data/groundtruth/spark-3.5/logs/app-20261205171507-0000.zstd";
  auto loaded = eventlog::ReadEventLog(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  double logged_spill = 0;
  for (const model::Task& t : loaded->app.tasks)
    logged_spill += static_cast<double>(t.metrics.memory_bytes_spilled);
  ASSERT_GT(logged_spill, 5e9);
  AppSimulator sim(loaded->app);
  const SimResult base = sim.Run({});
  EXPECT_NEAR(base.spill_bytes, logged_spill, 0.05 * logged_spill);
  const SimResult half = sim.Run({{"spark.executor.memory", "1g"}});
  EXPECT_NEAR(half.spill_bytes, logged_spill, 0.10 * logged_spill);
  EXPECT_LT(half.duration_ms, 1.15 * base.duration_ms);
  const SimResult large = sim.Run({{"spark.executor.memory", "8g"}});
  EXPECT_EQ(large.spill_bytes, 0);
  EXPECT_LT(large.duration_ms, base.duration_ms);
}

}  // namespace
}  // namespace sparktune::simulator
