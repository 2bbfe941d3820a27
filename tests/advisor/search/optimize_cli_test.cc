// `sparktune optimize` end to end on a sample log: JSON schema and content,
// the paste-able formats, candidates from a file, advice, and exit codes.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/test_paths.h"

namespace sparktune {
namespace {

using testing::RunCommand;

std::string Log() { return testing::SourceDir() + "/data/samples/app-20261121222445-0019.lz4"; }
std::string Bin() { return testing::SparktuneBinary(); }
// w2 broadcast join: a change pays even at the lower end of its saving.
std::string PayingLog() {
  return testing::SourceDir() + "/data/samples/app-20261121221030-0008.lzf";
}

TEST(OptimizeCli, JsonSchemaAndOnlyChangedKeys) {
  if (!std::filesystem::exists(Log())) GTEST_SKIP();
  auto r = RunCommand(Bin() +
                      " optimize --json --max-slowdown none --max-simulations 120 --rank point " +
                      PayingLog());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["schema"], "sparktune.optimize/1");
  EXPECT_FALSE(j["best"].contains("keepReason"));
  EXPECT_EQ(j["objective"], "mb-seconds");
  ASSERT_TRUE(j["best"]["config"].is_object());
  EXPECT_FALSE(j["best"]["config"].empty());
  for (auto& [k, v] : j["best"]["config"].items()) EXPECT_TRUE(v.is_string()) << k;
  EXPECT_LT(j["savings"]["mbSecondsPct"]["value"].get<double>(), 0);
  EXPECT_LE(j["savings"]["mbSecondsPct"]["low"].get<double>(),
            j["savings"]["mbSecondsPct"]["high"].get<double>());
  EXPECT_TRUE(j["pareto"].is_array());
  EXPECT_GT(j["search"]["simulations"].get<int>(), 0);
  EXPECT_NE(j["rewrite"]["submit"].get<std::string>().find("--conf "), std::string::npos);
  // The best config's interval calibrated on the ground truth's train split brackets its point.
  ASSERT_TRUE(j["best"].contains("calibratedInterval")) << j["best"].dump();
  const auto& c = j["best"]["calibratedInterval"];
  EXPECT_DOUBLE_EQ(c["coverage"].get<double>(), 0.9);
  EXPECT_LT(c["mbSecondsLow"].get<double>(), j["best"]["mbSeconds"].get<double>());
  EXPECT_GT(c["mbSecondsHigh"].get<double>(), j["best"]["mbSeconds"].get<double>());
}

TEST(OptimizeCli, SubmitAndDefaultsFormats) {
  if (!std::filesystem::exists(Log())) GTEST_SKIP();
  auto s = RunCommand(
      Bin() + " optimize --format submit --max-slowdown none --max-simulations 120 --rank point " +
      PayingLog());
  ASSERT_EQ(s.exit_code, 0) << s.err;
  EXPECT_EQ(s.out.rfind("--conf ", 0), 0u) << s.out;
  auto d = RunCommand(
      Bin() +
      " optimize --format defaults --max-slowdown none --max-simulations 120 --rank point " +
      PayingLog());
  ASSERT_EQ(d.exit_code, 0) << d.err;
  EXPECT_EQ(d.out.rfind("# sparktune optimize for w2_broadcast_join", 0), 0u) << d.out;
  EXPECT_NE(d.out.find("\nspark."), std::string::npos) << d.out;
}

TEST(OptimizeCli, CandidatesFileRestrictsTheChoice) {
  if (!std::filesystem::exists(Log())) GTEST_SKIP();
  std::string path = ::testing::TempDir() + "/optimize_candidates.json";
  std::ofstream(path) << R"([{"spark.executor.memory": "6g", "spark.executor.cores": 2},
                             {"spark.executor.memory": "3g", "spark.executor.cores": 1}])";
  auto r =
      RunCommand(Bin() + " optimize --json --max-slowdown none --candidates " + path + " " + Log());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  std::string mem = j["best"]["config"]["spark.executor.memory"];
  EXPECT_TRUE(mem == "6g" || mem == "3g") << mem;
  EXPECT_EQ(j["search"]["strategy"], "candidates");
  EXPECT_TRUE(j["best"].contains("candidateIndex"));
}

TEST(OptimizeCli, NoFeasibleCandidateExitsOne) {
  if (!std::filesystem::exists(Log())) GTEST_SKIP();
  std::string path = ::testing::TempDir() + "/optimize_too_big.json";
  std::ofstream(path) << R"([{"spark.executor.cores": 8}, {"spark.executor.cores": 6}])";
  auto r =
      RunCommand(Bin() + " optimize --json --cores-per-node 4 --candidates " + path + " " + Log());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_FALSE(j["best"]["feasible"].get<bool>());
  ASSERT_FALSE(j["best"]["violations"].empty());
  EXPECT_NE(j["best"]["violations"][0].get<std::string>().find("cores of a node"),
            std::string::npos);
}

TEST(OptimizeCli, HostileAppNameStaysInItsComment) {
  // The ground-truth run named <script>alert(1)</script>&"' (data/samples).
  std::string log = testing::SourceDir() + "/data/samples/app-20261121225005-0040.snappy";
  if (!std::filesystem::exists(log)) GTEST_SKIP();
  auto r = RunCommand(
      Bin() +
      " optimize --format defaults --rank point --max-slowdown none --max-simulations 120 " + log);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_EQ(r.out.rfind("# sparktune optimize for <script>", 0), 0u) << r.out;
  // Every line after the comment is one `spark.key value` setting.
  size_t nl = r.out.find('\n');
  std::string rest = r.out.substr(nl + 1);
  ASSERT_FALSE(rest.empty());
  for (size_t pos = 0; pos < rest.size();) {
    size_t end = rest.find('\n', pos);
    std::string line = rest.substr(pos, end - pos);
    EXPECT_EQ(line.rfind("spark.", 0), 0u) << line;
    pos = end == std::string::npos ? rest.size() : end + 1;
  }
  auto j = RunCommand(Bin() + " optimize --json --max-simulations 120 " + log);
  ASSERT_EQ(j.exit_code, 0) << j.err;
  EXPECT_EQ(nlohmann::json::parse(j.out)["appName"], "<script>alert(1)</script>&\"'");
}

TEST(OptimizeCli, UsageAndInputErrors) {
  EXPECT_EQ(RunCommand(Bin() + " optimize").exit_code, 2);
  EXPECT_EQ(RunCommand(Bin() + " optimize --objective speed " + Log()).exit_code, 2);
  EXPECT_EQ(RunCommand(Bin() + " optimize --max-slowdown -5 " + Log()).exit_code, 2);
  EXPECT_EQ(RunCommand(Bin() + " optimize /nonexistent/log").exit_code, 3);
  std::string path = ::testing::TempDir() + "/optimize_bad_candidates.json";
  std::ofstream(path) << R"([{"spark.executor.memroy": "6g"}])";
  auto r = RunCommand(Bin() + " optimize --candidates " + path + " " + Log());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("did you mean 'spark.executor.memory'"), std::string::npos) << r.err;
  EXPECT_EQ(RunCommand(Bin() + " optimize --candidates /nonexistent.json " + Log()).exit_code, 3);
}

TEST(OptimizeCli, TextShowsTableRewriteAndSearchStats) {
  if (!std::filesystem::exists(PayingLog())) GTEST_SKIP();
  auto r = RunCommand(Bin() + " optimize --max-slowdown none --max-simulations 120 --rank point " +
                      PayingLog());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("observed"), std::string::npos);
  EXPECT_NE(r.out.find("MB-seconds"), std::string::npos);
  EXPECT_NE(r.out.find("rewrite (spark-submit):"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("search: "), std::string::npos);
}

TEST(OptimizeCli, KeepingTheLogsConfigSaysWhy) {
  // The w4 sort's best change saves a few percent by point value, but the
  // lower end of its saving is below the minimum gain.
  if (!std::filesystem::exists(Log())) GTEST_SKIP();
  auto r = RunCommand(Bin() + " optimize --max-slowdown none --max-simulations 120 --rank point " +
                      Log());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("best: keep the log's config: the best change's predicted saving "),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("is below the 2% minimum gain"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("rewrite (spark-submit):"), std::string::npos) << r.out;
  auto j = RunCommand(Bin() +
                      " optimize --json --max-slowdown none --max-simulations 120 --rank point " +
                      "--min-gain 5 " + Log());
  ASSERT_EQ(j.exit_code, 0) << j.err;
  auto json = nlohmann::json::parse(j.out);
  EXPECT_TRUE(json["best"]["isObservedConfig"].get<bool>());
  EXPECT_NE(json["best"]["keepReason"].get<std::string>().find("below the 5% minimum gain"),
            std::string::npos);
}

}  // namespace
}  // namespace sparktune
