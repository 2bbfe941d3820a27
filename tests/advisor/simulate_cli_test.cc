// `sparktune simulate`: JSON schema and per-stage fields, --set validated
// against the config catalog like whatif, exit codes for bad input.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/test_paths.h"

namespace sparktune {
namespace {

using testing::RunCommand;

std::string Scenario() {
  return testing::SourceDir() + "/data/scenarios/ebay_aqe_broadcast_join.json";
}

TEST(SimulateCli, JsonHasTheRunAndItsStages) {
  auto r = RunCommand(testing::SparktuneBinary() + " simulate --json " + Scenario());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["schema"], "sparktune.simulate/1");
  EXPECT_GT(j["durationMs"].get<double>(), 0);
  EXPECT_GT(j["mbSeconds"].get<double>(), 0);
  EXPECT_GT(j["coreSeconds"].get<double>(), 0);
  ASSERT_FALSE(j["stages"].empty());
  bool join = false;
  for (const auto& s : j["stages"]) {
    EXPECT_GT(s["tasks"].get<int>(), 0);
    EXPECT_GE(s["timeMs"].get<double>(), 0);
    if (s["joinStrategy"] == "SortMergeJoin") join = true;
  }
  EXPECT_TRUE(join);
  EXPECT_EQ(j["executors"][0]["count"], 100);
}

TEST(SimulateCli, SetChangesTheRunAndIsValidated) {
  auto base = RunCommand(testing::SparktuneBinary() + " simulate --json " + Scenario());
  auto alt = RunCommand(testing::SparktuneBinary() + " simulate --json " + Scenario() +
                        " --set spark.sql.autoBroadcastJoinThreshold=20m");
  ASSERT_EQ(alt.exit_code, 0) << alt.err;
  auto b = nlohmann::json::parse(base.out), a = nlohmann::json::parse(alt.out);
  EXPECT_LT(a["mbSeconds"].get<double>(), b["mbSeconds"].get<double>());
  auto typo = RunCommand(testing::SparktuneBinary() + " simulate " + Scenario() +
                         " --set spark.sql.autoBroadcastJoinTreshold=20m");
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_NE(typo.err.find("did you mean 'spark.sql.autoBroadcastJoinThreshold'"), std::string::npos)
      << typo.err;
  auto size = RunCommand(testing::SparktuneBinary() + " simulate " + Scenario() +
                         " --set spark.executor.memory=lots");
  EXPECT_EQ(size.exit_code, 2);
}

TEST(SimulateCli, BadScenarioFilesAreUnreadableInput) {
  auto missing = RunCommand(testing::SparktuneBinary() + " simulate /nonexistent.json");
  EXPECT_EQ(missing.exit_code, 3);
  auto r = RunCommand("printf '{\"tables\": [' > /tmp/sparktune_bad_scenario.json && " +
                      testing::SparktuneBinary() + " simulate /tmp/sparktune_bad_scenario.json");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("line 1"), std::string::npos) << r.err;
  auto none = RunCommand(testing::SparktuneBinary() + " simulate");
  EXPECT_EQ(none.exit_code, 2);
}

}  // namespace
}  // namespace sparktune
