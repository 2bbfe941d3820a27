// `sparktune validate` on small indexes of real ground-truth runs
// (data/groundtruth/2026-11-21): predictions against the median of the target
// config's repeats, the repeat floor, splits (test first, --split), multi-knob
// pairs apart, coverage, Kendall's tau per workload, one JSON document with
// --json, and errors that name the index line.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "tests/test_paths.h"

namespace sparktune {
namespace {

using nlohmann::json;
using testing::RunCommand;

std::string LegacyDir() { return testing::SourceDir() + "/data/groundtruth/2026-11-21"; }

// The legacy runs named in `splits` (id -> split), with absolute log paths, as an index in `tmp`.
std::string WriteIndex(const testing::TempDir& tmp,
                       const std::map<std::string, std::string>& splits,
                       const std::function<void(json&)>& edit = nullptr) {
  auto all = json::parse(std::ifstream(LegacyDir() + "/index.json"));
  json small = json::array();
  for (const auto& r : all) {
    auto it = splits.find(r["id"].get<std::string>());
    if (it == splits.end()) continue;
    json copy = r;
    copy["eventLog"] = LegacyDir() + "/" + r["eventLog"].get<std::string>();
    copy["split"] = it->second;
    if (edit) edit(copy);
    small.push_back(copy);
  }
  std::string path = tmp.path() + "/index.json";
  std::ofstream(path) << small.dump(1);
  return path;
}

json RunJson(const std::string& args) {
  auto r = RunCommand(testing::SparktuneBinary() + " validate --json " + args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  auto j = json::parse(r.out, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << r.out.substr(0, 300);
  return j;
}

// w1: c1 once, c2 three times (the repeats), c4 once (AQE off + 4 partitions + 1g: three knob
// classes).
const std::map<std::string, std::string> kW1 = {{"w1-c1-r1", "train"},
                                                {"w1-c2-r1", "train"},
                                                {"w1-c2-r2", "train"},
                                                {"w1-c2-r3", "train"},
                                                {"w1-c4-r1", "train"}};

// `validate --json --pairs` of the kW1 index, run once for the tests that read it.
class ValidateW1 : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    testing::TempDir tmp;
    result_ = new json(RunJson("--pairs " + WriteIndex(tmp, kW1)));
  }
  static void TearDownTestSuite() {
    delete result_;
    result_ = nullptr;
  }
  static const json& Result() { return *result_; }

 private:
  static json* result_;
};
json* ValidateW1::result_ = nullptr;

TEST_F(ValidateW1, EachPredictionIsAgainstTheMedianOfTheTargetsRepeats) {
  const json& j = Result();
  // Bases: 5 runs; targets: the configs other than the base's: c1 -> {c2, c4}, c2 (x3) -> {c1, c4},
  // c4 -> {c1, c2}.
  ASSERT_EQ(j["pairs"].size(), 2u + 3 * 2 + 2);
  std::vector<double> repeats;
  for (const auto& r : j["repeats"]) repeats.push_back(r["durationMs"].get<double>());
  ASSERT_EQ(repeats.size(), 3u);  // the three runs of c2, each against the other two
  std::sort(repeats.begin(), repeats.end());
  for (const auto& r : j["repeats"]) {
    std::vector<double> others;
    for (double d : repeats) {
      if (d != r["durationMs"].get<double>()) others.push_back(d);
    }
    ASSERT_EQ(others.size(), 2u);
    EXPECT_DOUBLE_EQ(r["othersMedianDurationMs"].get<double>(), (others[0] + others[1]) / 2);
  }
  int to_c2 = 0;
  for (const auto& p : j["pairs"]) {
    if (p["targetConfig"] != "c2") continue;
    ++to_c2;
    EXPECT_EQ(p["targetRepeats"], 3);
    EXPECT_DOUBLE_EQ(p["actualDurationMs"].get<double>(), repeats[1]) << p.dump();
  }
  EXPECT_EQ(to_c2, 2);  // from c1 and from c4
  ASSERT_EQ(j["splits"].size(), 1u);
  EXPECT_EQ(j["splits"][0]["floor"]["repeats"], 3);
  EXPECT_GT(j["splits"][0]["floor"]["mapeDuration"].get<double>(), 0);
}

TEST_F(ValidateW1, MultiKnobPairsAreReportedApart) {
  const json& j = Result();
  int multi = 0;
  for (const auto& p : j["pairs"]) {
    bool is_multi = p["multiKnob"].get<bool>();
    multi += is_multi;
    // c4 differs from c1 and c2 in memory and partitions (and AQE from c1): always multi-knob.
    EXPECT_EQ(is_multi, p["baseConfig"] == "c4" || p["targetConfig"] == "c4") << p.dump();
  }
  const json& split = j["splits"][0];
  EXPECT_EQ(split["multiKnob"]["pairs"], multi);
  EXPECT_EQ(split["singleKnob"]["pairs"].get<int>() + multi, split["all"]["pairs"].get<int>());
  std::set<std::string> classes;
  for (const auto& c : split["knobClasses"]) classes.insert(c["knobClass"].get<std::string>());
  EXPECT_TRUE(classes.count("aqe")) << split.dump();
  EXPECT_TRUE(classes.count("memory+partitions")) << split.dump();
  EXPECT_TRUE(classes.count("aqe+memory+partitions")) << split.dump();
}

TEST_F(ValidateW1, CoverageIsTheShareOfActualsInsideTheInterval) {
  const json& j = Result();
  int inside = 0;
  for (const auto& p : j["pairs"]) {
    double a = p["actualMbSeconds"].get<double>();
    EXPECT_LE(p["mbSecondsLow"].get<double>(), p["predictedMbSeconds"].get<double>());
    EXPECT_GE(p["mbSecondsHigh"].get<double>(), p["predictedMbSeconds"].get<double>());
    inside += a >= p["mbSecondsLow"].get<double>() && a <= p["mbSecondsHigh"].get<double>();
  }
  EXPECT_DOUBLE_EQ(j["splits"][0]["all"]["coverageMbSeconds"].get<double>(),
                   static_cast<double>(inside) / j["pairs"].size());
}

TEST(ValidateCli, SplitsSideBySideTestFirstAndSplitRestricts) {
  testing::TempDir tmp;
  auto runs = kW1;
  for (const char* id : {"w2-c1-r1", "w2-c2-r1", "w2-c3-r1"}) runs[id] = "test";
  std::string index = WriteIndex(tmp, runs);
  json j = RunJson(index);
  ASSERT_EQ(j["splits"].size(), 2u);
  EXPECT_EQ(j["splits"][0]["split"], "test");
  EXPECT_EQ(j["splits"][0]["all"]["pairs"], 6);  // 3 runs of 3 configs
  EXPECT_EQ(j["splits"][1]["split"], "train");
  ASSERT_EQ(j["workloads"].size(), 2u);
  EXPECT_EQ(j["workloads"][0]["workload"], "w2_broadcast_join");
  EXPECT_EQ(j["workloads"][0]["split"], "test");
  // Each base run of w2 ranks its two targets: tau is a mean over the three bases.
  EXPECT_EQ(j["workloads"][0]["tauBaseRuns"], 3);
  double tau = j["workloads"][0]["kendallTauMbSeconds"].get<double>();
  EXPECT_TRUE(tau == 1.0 || tau == -1.0 || std::abs(tau - 1.0 / 3) < 1e-9 ||
              std::abs(tau + 1.0 / 3) < 1e-9)
      << tau;

  json test_only = RunJson("--split test " + index);
  ASSERT_EQ(test_only["splits"].size(), 1u);
  EXPECT_EQ(test_only["splits"][0]["split"], "test");
  EXPECT_EQ(test_only["runs"], 3);

  auto r = RunCommand(testing::SparktuneBinary() + " validate " + index);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  size_t test_col = r.out.find("test"), train_col = r.out.find("train");
  ASSERT_NE(test_col, std::string::npos) << r.out;
  EXPECT_LT(test_col, train_col) << r.out;
  EXPECT_NE(r.out.find("repeat floor"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("multi-knob"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("w2_broadcast_join"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find('{'), std::string::npos);
}

// Intervals calibrated on the train split (split conformal) are applied to every pair and
// their coverage reported per split; --write-intervals stores the tables.
TEST(ValidateCli, IntervalsCalibratedOnTrainAreAppliedToTest) {
  testing::TempDir tmp;
  auto runs = kW1;
  for (const char* id : {"w2-c1-r1", "w2-c2-r1", "w2-c3-r1"}) runs[id] = "test";
  std::string index = WriteIndex(tmp, runs);
  const std::string tables = tmp.path() + "/intervals.json";
  json j = RunJson("--pairs --coverage 0.8 --write-intervals " + tables + " " + index);
  ASSERT_TRUE(j["calibration"].is_object()) << j["calibration"].dump();
  EXPECT_EQ(j["calibration"]["calibratedOn"], "train");
  EXPECT_EQ(j["calibration"]["pairs"], 10);  // the 10 train pairs of kW1
  EXPECT_DOUBLE_EQ(j["calibration"]["mbSeconds"]["coverage"].get<double>(), 0.8);
  int test_inside = 0, test_pairs = 0;
  for (const auto& p : j["pairs"]) {
    ASSERT_TRUE(p.contains("calibrated")) << p.dump();
    const json& c = p["calibrated"];
    const double pred = p["predictedMbSeconds"].get<double>();
    EXPECT_LT(c["mbSecondsLow"].get<double>(), pred);
    EXPECT_GT(c["mbSecondsHigh"].get<double>(), pred);
    // Symmetric in ln(ratio): low x high = predicted^2.
    EXPECT_NEAR(c["mbSecondsLow"].get<double>() * c["mbSecondsHigh"].get<double>() / (pred * pred),
                1.0, 1e-9);
    if (p["split"] != "test") continue;
    ++test_pairs;
    const double a = p["actualMbSeconds"].get<double>();
    test_inside += a >= c["mbSecondsLow"].get<double>() && a <= c["mbSecondsHigh"].get<double>();
  }
  ASSERT_EQ(j["splits"][0]["split"], "test");
  ASSERT_EQ(test_pairs, 6);
  EXPECT_DOUBLE_EQ(j["splits"][0]["all"]["calibratedCoverageMbSeconds"].get<double>(),
                   test_inside / 6.0);
  auto stored = json::parse(std::ifstream(tables));
  EXPECT_EQ(stored, j["calibration"]);
  // --split test has no train pairs: nothing to calibrate, no file.
  auto none = RunCommand(testing::SparktuneBinary() + " validate --split test --write-intervals " +
                         tmp.path() + "/none.json " + index);
  EXPECT_EQ(none.exit_code, 2) << none.err;
  EXPECT_NE(none.err.find("no train pairs"), std::string::npos) << none.err;
  auto bad = RunCommand(testing::SparktuneBinary() + " validate --coverage 1.5 " + index);
  EXPECT_EQ(bad.exit_code, 2) << bad.err;
}

TEST(ValidateCli, DisturbedSpecialAndUnfinishedRunsAreLeftOutAndListed) {
  testing::TempDir tmp;
  auto runs = kW1;
  runs["w1-c2-hostile"] = "train";
  runs["w1-c1-killed"] = "train";
  std::string index = WriteIndex(tmp, runs, [](json& r) {
    if (r["id"] == "w1-c2-r3") r["disturbed"] = true;
  });
  json j = RunJson(index);
  EXPECT_EQ(j["runs"], 4);
  std::string skipped = j["skipped"].dump();
  EXPECT_NE(skipped.find("w1-c2-r3: disturbed"), std::string::npos) << skipped;
  EXPECT_NE(skipped.find("w1-c2-hostile: special"), std::string::npos) << skipped;
  EXPECT_NE(skipped.find("w1-c1-killed"), std::string::npos) << skipped;
  EXPECT_EQ(j["splits"][0]["floor"]["repeats"], 2);
}

TEST(ValidateCli, BadSplitOptionIsAUsageError) {
  testing::TempDir tmp;
  auto r =
      RunCommand(testing::SparktuneBinary() + " validate --split holdout " + WriteIndex(tmp, kW1));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--split expects train, test or all"), std::string::npos) << r.err;
}

TEST(ValidateCli, ABrokenIndexIsAnErrorNamingTheFileAndLine) {
  testing::TempDir tmp;
  std::ofstream(tmp.path() + "/index.json")
      << "[\n  {\"workload\": \"w\", \"config\": {}, \"eventLog\": \"a\"},\n"
         "  {\"workload\": \"w\"}\n]\n";
  auto r = RunCommand(testing::SparktuneBinary() + " validate " + tmp.path() + "/index.json");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("index.json:3: run 1: expected"), std::string::npos) << r.err;
}

TEST(ValidateCli, OneWorkloadInTwoSplitsIsAnError) {
  testing::TempDir tmp;
  std::string index = WriteIndex(tmp, {{"w2-c1-r1", "train"}, {"w2-c2-r1", "test"}});
  auto r = RunCommand(testing::SparktuneBinary() + " validate " + index);
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("workload w2_broadcast_join is split 'test' here but 'train' at line"),
            std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace sparktune
