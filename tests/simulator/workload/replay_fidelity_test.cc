// ReplayFidelity: the level and the reasons a user sees before any
// prediction, on worked cases and on real logs of ../shared/eventlogs: the
// Spark 1.2-era logs whose replay ran to years, the RAPIDS cluster_information
// logs whose replay ran to zero, and a normal cluster log that stays ok.
#include "simulator/workload/replay_fidelity.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <string>

#include "data/eventlog/event_log_reader.h"
#include "simulator/workload/app_simulator.h"
#include "tests/test_paths.h"

namespace sparktune::simulator {
namespace {

ReplayEvidence GoodEvidence() {
  ReplayEvidence e;
  e.task_ends = 100;
  e.executors = 4;
  e.timestamp_span_ms = 60'000;
  return e;
}

constexpr ReplayFigures kObserved{60'000, 50'000, 1'000'000};

bool Mentions(const ReplayFidelity& f, const std::string& text) {
  return f.Summary().find(text) != std::string::npos;
}

TEST(ReplayFidelity, AReplayWithinTheMarginIsOk) {
  ReplayFidelity f = AssessReplayFidelity(GoodEvidence(), kObserved, {66'000, 52'000, 1'200'000});
  EXPECT_EQ(f.level, FidelityLevel::kOk) << f.Summary();
  EXPECT_TRUE(f.reasons.empty());
  ASSERT_TRUE(f.duration_error.has_value());
  EXPECT_NEAR(*f.duration_error, 0.10, 1e-9);
  EXPECT_NEAR(*f.mb_seconds_error, 0.20, 1e-9);
}

TEST(ReplayFidelity, MissingTheDurationByMoreThanAQuarterIsLowConfidence) {
  ReplayFidelity f = AssessReplayFidelity(GoodEvidence(), kObserved, {84'000, 70'000, 1'000'000});
  EXPECT_EQ(f.level, FidelityLevel::kLowConfidence);
  ASSERT_EQ(f.reasons.size(), 1u);
  EXPECT_TRUE(Mentions(f, "misses the observed duration by +40%")) << f.Summary();
}

TEST(ReplayFidelity, MissingTheMbSecondsByMoreThanAQuarterIsLowConfidence) {
  ReplayFidelity f = AssessReplayFidelity(GoodEvidence(), kObserved, {60'000, 50'000, 600'000});
  EXPECT_EQ(f.level, FidelityLevel::kLowConfidence);
  EXPECT_TRUE(Mentions(f, "MB-seconds by -40%")) << f.Summary();
}

TEST(ReplayFidelity, MoreThanTenTimesOffIsRefused) {
  ReplayFidelity f = AssessReplayFidelity(GoodEvidence(), kObserved, {660'000, 600'000, 1'000'000});
  EXPECT_EQ(f.level, FidelityLevel::kRefused);
  EXPECT_TRUE(Mentions(f, "is 11x off: its duration is")) << f.Summary();
  f = AssessReplayFidelity(GoodEvidence(), kObserved, {60'000, 50'000, 50'000});
  EXPECT_EQ(f.level, FidelityLevel::kRefused);
  EXPECT_TRUE(Mentions(f, "1/20x")) << f.Summary();
}

TEST(ReplayFidelity, AZeroOrYearsLongReplayIsRefusedNotCompared) {
  ReplayFidelity zero = AssessReplayFidelity(GoodEvidence(), kObserved, {0, 0, 0});
  EXPECT_EQ(zero.level, FidelityLevel::kRefused);
  EXPECT_TRUE(Mentions(zero, "is not a run")) << zero.Summary();
  EXPECT_TRUE(Mentions(zero, "held no memory")) << zero.Summary();
  ReplayFidelity years = AssessReplayFidelity(GoodEvidence(), {3.0e13, 1, 1}, {3.1e13, 1, 1});
  EXPECT_EQ(years.level, FidelityLevel::kRefused);
  EXPECT_TRUE(Mentions(years, "years")) << years.Summary();
}

TEST(ReplayFidelity, EvidenceChecksNameWhatTheLogLacks) {
  ReplayEvidence e = GoodEvidence();
  e.task_ends = 0;
  EXPECT_EQ(AssessReplayFidelity(e, kObserved, kObserved).level, FidelityLevel::kRefused);
  e = GoodEvidence();
  e.complete = false;
  ReplayFidelity truncated = AssessReplayFidelity(e, kObserved, kObserved);
  EXPECT_EQ(truncated.level, FidelityLevel::kLowConfidence);
  EXPECT_TRUE(Mentions(truncated, "lower bounds"));
  e = GoodEvidence();
  e.executors = 0;
  EXPECT_TRUE(Mentions(AssessReplayFidelity(e, kObserved, kObserved), "no executor registered"));
  e.local_mode = true;
  ReplayFidelity local = AssessReplayFidelity(e, kObserved, kObserved);
  EXPECT_EQ(local.level, FidelityLevel::kLowConfidence);
  EXPECT_TRUE(Mentions(local, "local mode"));
  EXPECT_FALSE(Mentions(local, "no executor registered"));
  e = GoodEvidence();
  e.work_outside_lifetime = 3;
  EXPECT_TRUE(
      Mentions(AssessReplayFidelity(e, kObserved, kObserved), "3 task or stage attempt(s)"));
  e = GoodEvidence();
  e.timestamp_span_ms = 2 * kDefaultThresholds.max_plausible_duration_ms;
  EXPECT_EQ(AssessReplayFidelity(e, kObserved, kObserved).level, FidelityLevel::kRefused);
}

TEST(ReplayFidelity, APredictionOfZeroOrYearsIsNotShown) {
  EXPECT_TRUE(CheckPrediction({60'000, 50'000, 1e6}).empty());
  EXPECT_EQ(CheckPrediction({0, 0, 1e6}).size(), 1u);
  EXPECT_EQ(CheckPrediction({4e12, 0, 1e6}).size(), 1u);
  EXPECT_EQ(CheckPrediction({60'000, 0, 0}).size(), 1u);
}

// Real logs: read, replay at their own config, assess.
ReplayFidelity AssessLog(const std::string& relative) {
  std::string path = testing::SharedEventLogs() + "/" + relative;
  if (!std::filesystem::exists(path)) return {};
  auto loaded = eventlog::ReadEventLog(path);
  EXPECT_TRUE(loaded.ok()) << path;
  if (!loaded.ok()) return {};
  AppSimulator sim(loaded->app);
  return AssessReplay(loaded->app, sim.Run({}));
}

class Spark12Logs : public ::testing::TestWithParam<const char*> {};

// Their replay ran to 45 years (issue 12): whatever the model does with them,
// they must never be shown as an ok prediction, nor as one 10x off.
TEST_P(Spark12Logs, AreNeverShownAsAPredictionOfYears) {
  if (!std::filesystem::exists(testing::SharedEventLogs()))
    GTEST_SKIP() << "no ../shared/eventlogs";
  ReplayFidelity f = AssessLog(std::string("apache-spark/spark-events/") + GetParam());
  EXPECT_NE(f.level, FidelityLevel::kOk) << f.Summary();
  EXPECT_FALSE(f.reasons.empty());
  if (!f.refused()) {
    ASSERT_TRUE(f.duration_error.has_value());
    EXPECT_LT(std::abs(*f.duration_error), 9.0) << f.Summary();
  }
}

INSTANTIATE_TEST_SUITE_P(ReplayFidelity, Spark12Logs,
                         ::testing::Values("local-1422981759269", "local-1422981780767",
                                           "local-1425081759269", "local-1426533911241",
                                           "local-1426633911242"));

class ClusterInformationLogs : public ::testing::TestWithParam<const char*> {};

TEST_P(ClusterInformationLogs, AreNeverOk) {
  if (!std::filesystem::exists(testing::SharedEventLogs()))
    GTEST_SKIP() << "no ../shared/eventlogs";
  ReplayFidelity f = AssessLog(
      std::string("nvidia-spark-rapids-tools/spark-events-qualification/cluster_information/") +
      GetParam());
  EXPECT_NE(f.level, FidelityLevel::kOk) << GetParam();
  EXPECT_FALSE(f.reasons.empty());
}

INSTANTIATE_TEST_SUITE_P(ReplayFidelity, ClusterInformationLogs,
                         ::testing::Values("eventlog_2nodes_8cores",
                                           "eventlog_3nodes_12cores_exec_removed",
                                           "eventlog_3nodes_12cores_multiple_executors",
                                           "eventlog_3nodes_12cores_variable_cores",
                                           "eventlog_driver_only", "platform/databricks-aws",
                                           "platform/dataproc", "platform/emr", "platform/onprem"));

TEST(ReplayFidelity, ANormalClusterLogStaysOk) {
  if (!std::filesystem::exists(testing::SharedEventLogs()))
    GTEST_SKIP() << "no ../shared/eventlogs";
  ReplayFidelity f =
      AssessLog("datamechanics-delight/documentation/resources/example_spark_event_log.txt");
  EXPECT_EQ(f.level, FidelityLevel::kOk) << f.Summary();
}

}  // namespace
}  // namespace sparktune::simulator
