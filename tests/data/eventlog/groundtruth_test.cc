// The project's own real-Spark logs (data/groundtruth, written by
// tests/spark/run_grid.py with pyspark 4.x in every codec Spark writes) read
// cleanly, and the AQE skew-join split of the skewed-join workload shows in
// `profile --json` (issue 3 acceptance).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "advisor/profile/profile_report.h"
#include "data/eventlog/event_log_reader.h"
#include "tests/test_paths.h"

namespace sparktune::eventlog {
namespace {

namespace fs = std::filesystem;

TEST(GroundTruth, EveryIndexedLogReadsInEveryCodec) {
  std::string dir = testing::SourceDir() + "/data/groundtruth";
  std::ifstream in(dir + "/index.json");
  ASSERT_TRUE(in.good()) << "data/groundtruth/index.json is missing";
  nlohmann::json index = nlohmann::json::parse(in);
  std::set<std::string> codecs;
  int64_t skew_splits = 0;
  bool rolling = false;
  for (const auto& run : index) {
    std::string path = dir + "/" + run["eventLog"].get<std::string>();
    SCOPED_TRACE(path);
    auto loaded = ReadEventLog(path);
    ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
    bool completed = run.value("completed", true);
    if (completed) {
      EXPECT_FALSE(loaded->app.tasks.empty());
      EXPECT_TRUE(loaded->app.evidence.has_app_end);
      EXPECT_EQ(loaded->app.evidence.malformed_lines, 0);
    } else {
      EXPECT_GT(loaded->warning_count, 0) << "an unfinished run must warn";
    }
    codecs.insert(run.value("codec", "none"));
    rolling |= fs::is_directory(path);
    auto j = advisor::ProfileJson(*loaded, path);
    for (const auto& sql : j["sql"]) skew_splits += sql["skewJoinSplits"].get<int64_t>();
  }
  for (const char* c : {"none", "lz4", "lzf", "snappy", "zstd"}) EXPECT_TRUE(codecs.count(c)) << c;
  EXPECT_TRUE(rolling) << "no rolling eventlog_v2_ log";
  EXPECT_GT(skew_splits, 0) << "no AQE skew-join split visible in any run";
}

// The Spark 3.5 grid (pyspark 3.5.9): every log reads in each codec 3.5
// writes (`none` is spark.eventLog.compress=false there), carries the version
// and the planned broadcast join that w5 and w7 make.
TEST(GroundTruth, Spark35GridReadsInEveryCodec) {
  std::string dir = testing::SourceDir() + "/data/groundtruth/spark-3.5";
  std::ifstream in(dir + "/index.json");
  ASSERT_TRUE(in.good()) << "data/groundtruth/spark-3.5/index.json is missing";
  nlohmann::json index = nlohmann::json::parse(in);
  ASSERT_GE(index.size(), 18u);
  std::set<std::string> codecs;
  for (const auto& run : index) {
    std::string path = dir + "/" + run["eventLog"].get<std::string>();
    SCOPED_TRACE(path);
    auto loaded = ReadEventLog(path);
    ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
    EXPECT_EQ(loaded->app.spark_version.text, "3.5.9");
    EXPECT_TRUE(loaded->app.evidence.has_app_end);
    EXPECT_EQ(loaded->app.evidence.malformed_lines, 0);
    EXPECT_FALSE(loaded->app.tasks.empty());
    codecs.insert(run.value("codec", "none"));
  }
  for (const char* c : {"none", "lz4", "lzf", "snappy", "zstd"}) EXPECT_TRUE(codecs.count(c)) << c;
}

}  // namespace
}  // namespace sparktune::eventlog
