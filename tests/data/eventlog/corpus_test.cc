// Every event log under ../shared/eventlogs is read without a crash, with the
// outcome its SOURCES.md section 4 states: logs marked malformed, truncated,
// corrupted, bad-*, no-app-start, no-env-update, running or incomplete warn
// with file and line and still yield what the rest holds; every log reads
// successfully (the CLI exits 0).
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "data/eventlog/event_log_reader.h"
#include "data/eventlog/log_layout.h"
#include "tests/test_paths.h"

namespace sparktune::eventlog {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> CorpusLogs() {
  std::vector<std::string> logs;
  std::string root = testing::SharedEventLogs();
  if (!fs::exists(root)) return logs;
  std::regex not_log(R"(\.(json|csv|md|tsv)$)");
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator();
       ++it) {
    std::string p = it->path().string();
    std::string name = it->path().filename().string();
    if (it->is_directory()) {
      auto layout = DetectLayout(p);
      bool log_dir = name.starts_with("eventlog_v2_") || name == "db_sim_eventlog" ||
                     fs::exists(it->path() / "EVENT_LOG_1");
      if (log_dir && layout.ok()) {
        logs.push_back(p);
        it.disable_recursion_pending();
      }
      continue;
    }
    if (std::regex_search(name, not_log) || name.ends_with(".zip")) continue;
    if (name.starts_with("APPLICATION_COMPLETE") || name.starts_with("SPARK_VERSION_")) continue;
    logs.push_back(p);
  }
  std::sort(logs.begin(), logs.end());
  return logs;
}

bool MarkedDamaged(const std::string& path) {
  static const std::regex marks(
      "malformed|truncated|corrupted|bad-app-start|bad-env-update|no-app-start|no-env-update|"
      "running|incomplete");
  return std::regex_search(fs::path(path).filename().string(), marks);
}

TEST(Corpus, EveryRealLogReadsWithTheStatedOutcome) {
  auto logs = CorpusLogs();
  if (logs.empty()) GTEST_SKIP() << "shared/eventlogs not present";
  EXPECT_GE(logs.size(), 90u);
  for (const std::string& path : logs) {
    SCOPED_TRACE(path);
    auto loaded = ReadEventLog(path);
    ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
    if (MarkedDamaged(path)) {
      ASSERT_GT(loaded->warning_count, 0) << "damaged log read without a warning";
      const Warning& w = loaded->warnings.front();
      EXPECT_NE(w.file.find(fs::path(path).filename().string()), std::string::npos) << w.ToString();
    }
    if (loaded->app.evidence.has_app_end && !MarkedDamaged(path)) {
      EXPECT_EQ(loaded->app.evidence.malformed_lines, 0);
    }
  }
}

TEST(Corpus, CutLastLineStillYieldsTheRest) {
  std::string path = testing::SharedEventLogs() +
                     "/ucesys-sparkscope/src/test/resources/eventlog/"
                     "app-20231025121456-0004-eventLog-running-incomplete";
  if (!fs::exists(path)) GTEST_SKIP();
  auto loaded = ReadEventLog(path);
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded->app.evidence.malformed_lines, 1);
  EXPECT_EQ(loaded->app.executors.size(), 3u);  // driver + 2 executors
  EXPECT_FALSE(loaded->app.tasks.empty());
  EXPECT_EQ(loaded->warnings.front().line, 15);
}

TEST(Corpus, MalformedLineInTheMiddleIsSkipped) {
  std::string path =
      testing::SharedEventLogs() +
      "/nvidia-spark-rapids-tools/spark-events-profiling/malformed_json_eventlog.zstd";
  if (!fs::exists(path)) GTEST_SKIP();
  auto loaded = ReadEventLog(path);
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded->app.evidence.malformed_lines, 1);
  EXPECT_TRUE(loaded->app.evidence.has_app_end);
  EXPECT_GT(loaded->app.tasks.size(), 200u);
}

}  // namespace
}  // namespace sparktune::eventlog
