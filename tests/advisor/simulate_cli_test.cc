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

// The engine-variant assumptions are the user's to replace (issue 15): a faster native engine
// or a slower push to the remote shuffle service moves the prediction the right way, and a
// value outside the accepted range is a usage error naming the option.
TEST(SimulateCli, EngineAssumptionsCanBeSetFromTheCommandLine) {
  const std::string gluten = " --set spark.plugins=org.apache.gluten.GlutenPlugin";
  const std::string celeborn =
      " --set spark.shuffle.manager=org.apache.spark.shuffle.celeborn.SparkShuffleManager";
  auto duration = [&](const std::string& extra) {
    auto r = RunCommand(testing::SparktuneBinary() + " simulate --json " + Scenario() + extra);
    EXPECT_EQ(r.exit_code, 0) << extra << ": " << r.err;
    return r.exit_code == 0 ? nlohmann::json::parse(r.out)["durationMs"].get<double>() : -1.0;
  };
  const double native_default = duration(gluten);
  EXPECT_LT(duration(gluten + " --native-speedup 4"), native_default);
  EXPECT_GT(duration(gluten + " --native-speedup 1.2"), native_default);
  const double push_default = duration(celeborn);
  EXPECT_GT(duration(celeborn + " --rss-push-mibps 20"), push_default);
  // The assumptions only act when a variant switches: a vanilla run ignores them.
  EXPECT_EQ(duration(" --native-speedup 4"), duration(""));
  for (const std::string bad : {" --native-speedup 0", " --native-speedup 50",
                                " --rss-push-mibps 0.5", " --native-speedup nan"}) {
    auto r = RunCommand(testing::SparktuneBinary() + " simulate " + Scenario() + bad);
    EXPECT_EQ(r.exit_code, 2) << bad;
    EXPECT_NE(r.err.find(bad.substr(1, bad.find(' ', 1) - 1)), std::string::npos) << r.err;
  }
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
