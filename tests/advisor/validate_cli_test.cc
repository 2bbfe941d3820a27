// `sparktune validate`: the cross-config table, and with --json one JSON
// document on stdout (no table mixed in) with every pair when --pairs asks.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/test_paths.h"

namespace sparktune {
namespace {

namespace fs = std::filesystem;
using testing::RunCommand;

// Three runs of the ground truth's w2 (two configs), indexed from a temp dir.
std::string WriteSmallIndex(const testing::TempDir& tmp) {
  std::string gt = testing::SourceDir() + "/data/groundtruth";
  auto all = nlohmann::json::parse(std::ifstream(gt + "/index.json"));
  nlohmann::json small = nlohmann::json::array();
  for (const auto& r : all) {
    std::string id = r["id"];
    if (id != "w2-c1-r1" && id != "w2-c2-r1" && id != "w2-c3-r1") continue;
    nlohmann::json copy = r;
    copy["eventLog"] = gt + "/" + r["eventLog"].get<std::string>();
    small.push_back(copy);
  }
  std::string path = tmp.path() + "/index.json";
  std::ofstream(path) << small.dump();
  return path;
}

TEST(ValidateCli, JsonIsOneDocumentWithEveryPair) {
  testing::TempDir tmp;
  std::string index = WriteSmallIndex(tmp);
  auto r = RunCommand(testing::SparktuneBinary() + " validate --json --pairs " + index);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << r.out.substr(0, 300);
  EXPECT_EQ(j["schema"], "sparktune.validate/1");
  ASSERT_EQ(j["workloads"].size(), 1u);
  EXPECT_EQ(j["workloads"][0]["pairs"], 6);  // 3 runs, each predicted from the 2 others
  ASSERT_EQ(j["pairs"].size(), 6u);
  for (const auto& p : j["pairs"]) {
    EXPECT_GT(p["predictedDurationMs"].get<double>(), 0);
    EXPECT_GT(p["actualMbSeconds"].get<double>(), 0);
    EXPECT_NE(p["base"], p["target"]);
    // The configs differ, so every pair carries the overrides that made the prediction.
    EXPECT_FALSE(p["overrides"].empty()) << p.dump();
  }
}

TEST(ValidateCli, TheTableNamesEachWorkloadAndKnob) {
  testing::TempDir tmp;
  std::string index = WriteSmallIndex(tmp);
  auto r = RunCommand(testing::SparktuneBinary() + " validate " + index);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("w2_broadcast_join"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("spark.sql.adaptive.enabled"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find('{'), std::string::npos);
}

TEST(ValidateCli, ABrokenIndexIsAnErrorNamingTheFile) {
  testing::TempDir tmp;
  std::ofstream(tmp.path() + "/index.json") << "[{\"workload\": \"w\"}]";
  auto r = RunCommand(testing::SparktuneBinary() + " validate " + tmp.path() + "/index.json");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("index.json: run 0"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace sparktune
