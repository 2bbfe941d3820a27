// AppSimulator on an AQE log (ground truth w1, AQE on, 200 partitions, reads coalesced) with AQE
// turned off: no AQEShuffleReadExec runs, so every coalesced SQL reduce stage reads the planned
// spark.sql.shuffle.partitions (ShufflePartitionsUtil, 3.0-4.x), and says so; at the log's own
// config nothing is re-planned. And the reverse: a log made without AQE (ground truth w5, AQE off,
// all sort-merge joins at 200 partitions) with AQE turned on coalesces its small reduce stages.
#include <gtest/gtest.h>

#include <filesystem>

#include "data/eventlog/event_log_reader.h"
#include "simulator/workload/app_simulator.h"
#include "tests/test_paths.h"

namespace sparktune::simulator {
namespace {

TEST(AqeToggle, TurningAqeOffRunsThePlannedPartitionsInsteadOfTheCoalescedReads) {
  std::string path =
      testing::SourceDir() + "/data/groundtruth/2026-11-21/logs/app-20261121215226-0000.zstd";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path;
  auto loaded = eventlog::ReadEventLog(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  AppSimulator sim(loaded->app);
  const SimResult base = sim.Run({});
  const SimResult off = sim.Run({{"spark.sql.adaptive.enabled", "false"}});
  ASSERT_EQ(base.stages.size(), off.stages.size());
  int uncoalesced = 0;
  for (size_t i = 0; i < base.stages.size(); ++i) {
    EXPECT_TRUE(base.stages[i].why.empty()) << base.stages[i].why;
    if (base.stages[i].tasks < 200 && off.stages[i].tasks == 200) {
      ++uncoalesced;
      EXPECT_FALSE(off.stages[i].why.empty());
    }
  }
  EXPECT_GE(uncoalesced, 1);
}

TEST(AqeToggle, TurningAqeOnCoalescesTheReduceStagesOfALogMadeWithoutIt) {
  std::string path =
      testing::SourceDir() + "/data/groundtruth/2026-11-21/logs/app-20261121223622-0029.snappy";
  auto loaded = eventlog::ReadEventLog(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  AppSimulator sim(loaded->app);
  const SimResult base = sim.Run({});
  const SimResult on = sim.Run({{"spark.sql.adaptive.enabled", "true"}});
  ASSERT_EQ(base.stages.size(), on.stages.size());
  int coalesced = 0;
  for (size_t i = 0; i < base.stages.size(); ++i) {
    if (base.stages[i].tasks == 200 && on.stages[i].tasks < 10) {
      ++coalesced;
      EXPECT_NE(on.stages[i].why.find("CoalesceShufflePartitions"), std::string::npos)
          << on.stages[i].why;
    }
  }
  EXPECT_GE(coalesced, 3);  // the five joins' reduce stages read ~16 MB each
  EXPECT_LT(on.duration_ms, base.duration_ms);
}

}  // namespace
}  // namespace sparktune::simulator
