// An adaptive query submits each query stage as a job once the stages it reads have
// materialized; the next stage's job lists a new, skipped ShuffleMapStage over each shuffle it
// reads. On real AQE logs (ground truth w8, test split, used here as fixtures only):
//  * the replay links a stage to the stage that wrote the shuffle behind its skipped parent (the
//    same RDDs), so it waits for it;
//  * when a what-if removes stages (joins become broadcasts), the later jobs are submitted as
//    their inputs complete instead of at the logged offsets: the time outside jobs does not grow.
#include <gtest/gtest.h>

#include <algorithm>

#include "data/eventlog/event_log_reader.h"
#include "simulator/workload/app_simulator.h"
#include "simulator/workload/observed_saturation.h"
#include "simulator/workload/replay_workload.h"
#include "tests/test_paths.h"

namespace sparktune::simulator {
namespace {

TEST(AdaptiveJobSubmission, ASkippedParentStandsForTheStageThatWroteItsShuffle) {
  // w8-c3-r1 (AQE on): stage 12 lists skipped stages 10 and 11 as parents, the same RDDs as
  // stages 0 and 6, which ran in earlier jobs.
  std::string path =
      testing::SourceDir() + "/data/groundtruth/2026-12-05/logs/app-20261205080242-0008";
  auto loaded = eventlog::ReadEventLog(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  ReplayWorkload w = ReadReplayWorkload(loaded->app, ObservedSaturation(loaded->app, 1, 0));
  ASSERT_TRUE(w.stage_index.count(12) && w.stage_index.count(0) && w.stage_index.count(6));
  const LoggedStage& st = w.stages[w.stage_index.at(12)];
  auto has = [&](int stage_id) {
    return std::find(st.parents.begin(), st.parents.end(), w.stage_index.at(stage_id)) !=
           st.parents.end();
  };
  EXPECT_TRUE(has(0));
  EXPECT_TRUE(has(6));
  EXPECT_NE(st.job_index, w.stages[w.stage_index.at(0)].job_index);
}

TEST(AdaptiveJobSubmission, RemovedStagesDoNotLeaveTheirTimeBetweenJobs) {
  // w8-c6-r1: AQE on, broadcasts off, 11 s of the app outside jobs. A 10 MB threshold turns the
  // dimension joins into broadcasts and removes their stages.
  std::string path =
      testing::SourceDir() + "/data/groundtruth/2026-12-05/logs/app-20261205081038-0011.snappy";
  auto loaded = eventlog::ReadEventLog(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  AppSimulator sim(loaded->app);
  const SimResult base = sim.Run({});
  const SimResult alt = sim.Run({{"spark.sql.autoBroadcastJoinThreshold", "10m"}});
  ASSERT_LT(alt.job_time_ms, 0.7 * base.job_time_ms);
  const double outside_base = base.duration_ms - base.job_time_ms;
  const double outside_alt = alt.duration_ms - alt.job_time_ms;
  EXPECT_LT(outside_alt, outside_base + 3000) << "jobs kept their logged submission offsets";
}

}  // namespace
}  // namespace sparktune::simulator
