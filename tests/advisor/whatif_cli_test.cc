// `sparktune whatif`: with no --set the alternative equals the baseline; an
// override changes what it should; the interactive shell answers set, show,
// stages, explain, undo and rejects unknown keys with a suggestion.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "tests/test_paths.h"

namespace sparktune {
namespace {

using testing::RunCommand;

std::string Log() { return testing::SourceDir() + "/data/samples/app-20261121222445-0019.lz4"; }

TEST(WhatifCli, NoOverridesGivesTheBaseline) {
  if (!std::filesystem::exists(Log())) GTEST_SKIP();
  auto r = RunCommand(testing::SparktuneBinary() + " whatif --json " + Log());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["schema"], "sparktune.whatif/1");
  EXPECT_EQ(j["alternative"]["durationMs"], j["baseline"]["durationMs"]);
  EXPECT_EQ(j["alternative"]["mbSeconds"], j["baseline"]["mbSeconds"]);
  EXPECT_GT(j["observed"]["durationMs"].get<double>(), 0);
}

TEST(WhatifCli, MoreExecutorMemoryCostsMoreMbSecondsPerSecond) {
  if (!std::filesystem::exists(Log())) GTEST_SKIP();
  auto r = RunCommand(testing::SparktuneBinary() + " whatif --json " + Log() +
                      " --set spark.executor.memory=8g");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  double base_rate =
      j["baseline"]["mbSeconds"].get<double>() / j["baseline"]["durationMs"].get<double>();
  double alt_rate =
      j["alternative"]["mbSeconds"].get<double>() / j["alternative"]["durationMs"].get<double>();
  EXPECT_GT(alt_rate, base_rate);
  EXPECT_LE(j["alternative"]["durationMsLow"].get<double>(),
            j["alternative"]["durationMs"].get<double>());
  EXPECT_GE(j["alternative"]["durationMsHigh"].get<double>(),
            j["alternative"]["durationMs"].get<double>());
}

TEST(WhatifCli, NativeSpeedupAssumptionMovesANativePrediction) {
  if (!std::filesystem::exists(Log())) GTEST_SKIP();
  auto alt = [&](const std::string& extra) {
    auto r = RunCommand(testing::SparktuneBinary() + " whatif --json " + Log() +
                        " --set spark.plugins=org.apache.gluten.GlutenPlugin" + extra);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    auto j = nlohmann::json::parse(r.out);
    return j["alternative"]["durationMs"].get<double>();
  };
  EXPECT_LT(alt(" --native-speedup 4"), alt(""));
  auto bad = RunCommand(testing::SparktuneBinary() + " whatif " + Log() + " --rss-push-mibps 0.5");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--rss-push-mibps"), std::string::npos) << bad.err;
}

TEST(WhatifCli, UnknownKeyIsAUsageErrorWithSuggestion) {
  auto r = RunCommand(testing::SparktuneBinary() + " whatif " + Log() +
                      " --set spark.executor.memroy=4g");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("spark.executor.memory"), std::string::npos) << r.err;
}

TEST(WhatifShell, ScriptedSession) {
  if (!std::filesystem::exists(Log())) GTEST_SKIP();
  auto r = RunCommand(
      "printf 'set spark.sql.shuffle.partitions=2000\\nshow\\nstages\\nexplain 3\\n"
      "set spark.executor.memroy=4g\\nundo\\nshow\\nbogus\\nquit\\n' | " +
      testing::SparktuneBinary() + " whatif " + Log() + " --interactive");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("spark.sql.shuffle.partitions = 2000  (log: 4)"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("stage 3 (job"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("did you mean 'spark.executor.memory'"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("(the log's own config)"), std::string::npos) << r.out;  // after undo
  EXPECT_NE(r.out.find("unknown command 'bogus'"), std::string::npos) << r.out;
}

TEST(WhatifCli, DynamicAllocationIsSimulatedWhenTurnedOn) {
  std::string log = testing::SourceDir() + "/data/samples/app-20261121222445-0019.lz4";
  if (!std::filesystem::exists(log)) GTEST_SKIP();
  auto r = testing::RunCommand(
      testing::SparktuneBinary() + " whatif --json " + log +
      " --set spark.dynamicAllocation.enabled=true"
      " --set spark.dynamicAllocation.maxExecutors=2 --set spark.executor.cores=1");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_FALSE(j["alternative"]["notes"].empty());
  EXPECT_NE(j["alternative"]["notes"][0].get<std::string>().find("dynamic allocation simulated"),
            std::string::npos);
  // Starting from zero executors, the first tasks wait for the ramp-up.
  EXPECT_GT(j["alternative"]["durationMs"].get<double>(),
            j["baseline"]["durationMs"].get<double>());
}

TEST(WhatifCli, RaisingTheBroadcastThresholdRemovesSortMergeJoinStages) {
  // w5 ETL run with broadcast disabled (threshold -1, AQE off): five sort-merge joins.
  std::string log =
      testing::SourceDir() + "/data/groundtruth/2026-11-21/logs/app-20261121223622-0029.snappy";
  if (!std::filesystem::exists(log)) GTEST_SKIP();
  auto r = testing::RunCommand(testing::SparktuneBinary() + " whatif --json " + log +
                               " --set spark.sql.autoBroadcastJoinThreshold=10485760");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  int removed = 0;
  for (const auto& s : j["stages"]) {
    if (s["tasks"] == 0 &&
        s["why"].get<std::string>().find("broadcast hash join") != std::string::npos)
      ++removed;
  }
  EXPECT_GE(removed, 1);
  EXPECT_LT(j["alternative"]["durationMs"].get<double>(),
            j["baseline"]["durationMs"].get<double>());
}

TEST(WhatifCli, TurningAqeOnConvertsASmallJoinAtRunTimeKeepingBothShuffles) {
  // w2 with AQE off: the dimension side is 2.5 MB once materialized, but the
  // static estimate kept a sort-merge join with 200 reduce tasks. With AQE on,
  // the join becomes a broadcast hash join after both map stages ran; the
  // big side is read locally by one task per mapper (8).
  std::string log =
      testing::SourceDir() + "/data/groundtruth/2026-11-21/logs/app-20261121220727-0005.zstd";
  if (!std::filesystem::exists(log)) GTEST_SKIP();
  auto r = testing::RunCommand(testing::SparktuneBinary() + " whatif --json " + log +
                               " --set spark.sql.adaptive.enabled=true");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  bool converted = false;
  for (const auto& s : j["stages"]) {
    std::string why = s.value("why", "");
    if (why.find("at run time") == std::string::npos) continue;
    converted = true;
    EXPECT_EQ(s["baselineTasks"], 200);
    EXPECT_EQ(s["tasks"], 8) << why;
  }
  EXPECT_TRUE(converted) << r.out;
  // Both map stages still write their shuffles: no stage disappears.
  for (const auto& s : j["stages"]) EXPECT_GT(s["tasks"].get<int>(), 0) << s.dump();
  EXPECT_LT(j["alternative"]["durationMs"].get<double>(),
            j["baseline"]["durationMs"].get<double>());
}

TEST(WhatifCli, SimulatedDynamicAllocationReleasesIdleExecutors) {
  // w5 with dynamic allocation: with an external shuffle service nothing
  // pins an executor, so a short idle timeout releases the first executor
  // before the first job comes and executors after their last task: fewer
  // MB-seconds than with a long timeout, but a later start, since the
  // replacement registers only after the request latency.
  std::string log =
      testing::SourceDir() + "/data/groundtruth/2026-11-21/logs/app-20261121224319-0033.lz4";
  if (!std::filesystem::exists(log)) GTEST_SKIP();
  auto run = [&](const std::string& idle) {
    auto r = testing::RunCommand(testing::SparktuneBinary() + " whatif --json " + log +
                                 " --set spark.shuffle.service.enabled=true"
                                 " --set spark.dynamicAllocation.executorIdleTimeout=" +
                                 idle);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(r.out);
  };
  auto quick = run("2s");
  auto patient = run("1h");
  EXPECT_LT(quick["alternative"]["mbSeconds"].get<double>(),
            patient["alternative"]["mbSeconds"].get<double>());
  EXPECT_GT(quick["alternative"]["durationMs"].get<double>(),
            patient["alternative"]["durationMs"].get<double>());
  // More executor lifetimes, each shorter: released, then requested again.
  EXPECT_GT(quick["alternative"]["executors"].size(), patient["alternative"]["executors"].size());
  std::string note = quick["alternative"]["notes"][0];
  EXPECT_EQ(note.find("shuffle tracking"), std::string::npos)
      << note;  // the shuffle service serves it
}

TEST(WhatifCli, WithoutRequestTimesTheFirstRegistrationGivesTheStartupLatency) {
  // w1 at its own config: one static executor registered 13.0 s after the
  // application start; turning dynamic allocation on uses that latency.
  std::string log =
      testing::SourceDir() + "/data/groundtruth/2026-11-21/logs/app-20261121215226-0000.zstd";
  if (!std::filesystem::exists(log)) GTEST_SKIP();
  auto r = testing::RunCommand(testing::SparktuneBinary() + " whatif --json " + log +
                               " --set spark.dynamicAllocation.enabled=true");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  std::string note = j["alternative"]["notes"][0];
  EXPECT_NE(note.find("registers 13.0 s after its request"), std::string::npos) << note;
  ASSERT_EQ(j["alternative"]["executors"].size(), 1u);
  // Requested after the first stage's backlog, so later than the observed one.
  EXPECT_GT(j["alternative"]["executors"][0]["startMs"].get<double>(),
            j["baseline"]["executors"][0]["startMs"].get<double>() + 13000);
}

TEST(WhatifCli, ExecutorRequestTimesOfTheLogGiveTheStartupLatency) {
  // w3 with dynamic allocation (Spark 4.3 logs Request Time): 12.6 s from
  // request to registration on the harness's standalone cluster.
  std::string log =
      testing::SourceDir() + "/data/groundtruth/2026-11-21/logs/app-20261121222251-0018.zstd";
  if (!std::filesystem::exists(log)) GTEST_SKIP();
  auto r = testing::RunCommand(testing::SparktuneBinary() + " whatif --json " + log +
                               " --set spark.dynamicAllocation.maxExecutors=1");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  std::string note = j["alternative"]["notes"][0];
  EXPECT_NE(note.find("request-to-registration times"), std::string::npos) << note;
}

TEST(WhatifCli, MaxPartitionBytesReCutsAFileScanFromTheScansOwnFileCount) {
  // A real Spark 3.5 log (kubeflow's History Server example): its scans read
  // 101 files of ~38 MB with 34 tasks at the default 128 MB split. At 64 MB
  // each file is a task; at 256 MB six files share one.
  std::string log = testing::SharedEventLogs() +
                    "/kubeflow-mcp-apache-spark-history-server/examples/basic/events/"
                    "eventlog_v2_spark-cc4d115f011443d787f03a71a476a745";
  if (!std::filesystem::exists(log)) GTEST_SKIP();
  auto tasks_at = [&](const std::string& size) {
    auto r = testing::RunCommand(testing::SparktuneBinary() + " whatif --json " + log +
                                 " --set spark.sql.files.maxPartitionBytes=" + size);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    auto j = nlohmann::json::parse(r.out);
    std::vector<int> counts;
    for (const auto& s : j["stages"]) {
      if (s.value("why", "").find("scan re-split") == std::string::npos) continue;
      EXPECT_EQ(s["baselineTasks"], 34);
      EXPECT_NE(s["why"].get<std::string>().find("101 files (the scan's metrics)"),
                std::string::npos)
          << s.dump();
      counts.push_back(s["tasks"].get<int>());
    }
    return counts;
  };
  EXPECT_EQ(tasks_at("64m"), (std::vector<int>{101, 101}));
  EXPECT_EQ(tasks_at("256m"), (std::vector<int>{17, 17}));
  EXPECT_TRUE(tasks_at("128m").empty());  // the observed setting: nothing re-cut
}

}  // namespace
}  // namespace sparktune
