// What a user sees when a log's replay cannot be trusted: `whatif` (text,
// JSON, shell) and `optimize` say so plainly, print no prediction for a
// refused replay (exit 3), mark a low-confidence one, and leave a normal log
// as it was. Logs: a sparkscope fixture whose timestamps are 5.3 years apart
// (refused by its clock, whatever the model predicts), a local-mode RAPIDS
// fixture (low-confidence), a real Spark 4 sample (ok).
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "tests/test_paths.h"

namespace sparktune {
namespace {

using testing::RunCommand;

std::string RefusedLog() {
  return testing::SharedEventLogs() +
         "/ucesys-sparkscope/src/test/resources/eventlog/app-20231025121456-0004-eventLog-finished";
}
std::string LocalModeLog() {
  return testing::SharedEventLogs() +
         "/nvidia-spark-rapids-tools/spark-events-qualification/cluster_information/"
         "eventlog_driver_only";
}
std::string SampleLog() {
  return testing::SourceDir() + "/data/samples/app-20261121222445-0019.lz4";
}

TEST(ReplayFidelityCli, WhatifRefusesALogWhoseClockSpansYearsAndPrintsNoPrediction) {
  if (!std::filesystem::exists(RefusedLog())) GTEST_SKIP() << "no ../shared/eventlogs";
  auto r = RunCommand(testing::SparktuneBinary() + " whatif " + RefusedLog() +
                      " --set spark.executor.memory=4g");
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.out.find("replay fidelity: refused"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("5.3 years apart"), std::string::npos)
      << "the reason names the clock: " << r.out;
  EXPECT_EQ(r.out.find("baseline"), std::string::npos) << "no baseline column: " << r.out;
  EXPECT_EQ(r.out.find("alternative"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("its replay is refused"), std::string::npos) << r.err;
}

TEST(ReplayFidelityCli, WhatifJsonOfARefusedReplayHasNullPredictions) {
  if (!std::filesystem::exists(RefusedLog())) GTEST_SKIP() << "no ../shared/eventlogs";
  auto r = RunCommand(testing::SparktuneBinary() + " whatif --json " + RefusedLog());
  EXPECT_EQ(r.exit_code, 3);
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["fidelity"]["level"], "refused");
  EXPECT_FALSE(j["fidelity"]["reasons"].empty());
  EXPECT_TRUE(j["baseline"].is_null());
  EXPECT_TRUE(j["alternative"].is_null());
  EXPECT_GT(j["observed"]["durationMs"].get<double>(), 0);
}

TEST(ReplayFidelityCli, WhatifMarksALowConfidenceReplay) {
  if (!std::filesystem::exists(LocalModeLog())) GTEST_SKIP() << "no ../shared/eventlogs";
  auto r = RunCommand(testing::SparktuneBinary() + " whatif --json " + LocalModeLog());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["fidelity"]["level"], "low-confidence");
  EXPECT_EQ(j["baseline"]["confidence"], "low-confidence");
  EXPECT_EQ(j["alternative"]["confidence"], "low-confidence");
  auto text = RunCommand(testing::SparktuneBinary() + " whatif " + LocalModeLog());
  EXPECT_NE(text.out.find("replay fidelity: low-confidence"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("local mode"), std::string::npos) << text.out;
}

TEST(ReplayFidelityCli, ANormalLogStaysOkAndSilent) {
  if (!std::filesystem::exists(SampleLog())) GTEST_SKIP();
  auto r = RunCommand(testing::SparktuneBinary() + " whatif --json " + SampleLog());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["fidelity"]["level"], "ok");
  EXPECT_TRUE(j["fidelity"]["reasons"].empty());
  EXPECT_LT(std::abs(j["fidelity"]["durationError"].get<double>()), 0.25);
  auto text = RunCommand(testing::SparktuneBinary() + " whatif " + SampleLog());
  EXPECT_EQ(text.out.find("replay fidelity"), std::string::npos) << text.out;
}

TEST(ReplayFidelityCli, TheShellEndsAtOnceOnARefusedReplay) {
  if (!std::filesystem::exists(RefusedLog())) GTEST_SKIP() << "no ../shared/eventlogs";
  auto r = RunCommand("printf 'set spark.executor.memory=4g\\ndiff\\nquit\\n' | " +
                      testing::SparktuneBinary() + " whatif " + RefusedLog() + " --interactive");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.out.find("replay fidelity: refused"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find(" -> "), std::string::npos)
      << "no what-if answer after a refusal: " << r.out;
}

TEST(ReplayFidelityCli, OptimizeRefusesToSearchARefusedReplay) {
  if (!std::filesystem::exists(RefusedLog())) GTEST_SKIP() << "no ../shared/eventlogs";
  auto r = RunCommand(testing::SparktuneBinary() + " optimize --json --no-advice " + RefusedLog());
  EXPECT_EQ(r.exit_code, 3) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["fidelity"]["level"], "refused");
  EXPECT_TRUE(j["best"].is_null());
  auto ok = RunCommand(testing::SparktuneBinary() +
                       " optimize --json --no-advice --max-simulations 20 " + LocalModeLog());
  ASSERT_NE(ok.exit_code, 3) << ok.err;
  EXPECT_EQ(nlohmann::json::parse(ok.out)["fidelity"]["level"], "low-confidence");
}

}  // namespace
}  // namespace sparktune
