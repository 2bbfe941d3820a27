// Acceptance (issue 4): at the observed config, re-planning every shuffle-reading
// stage of the adaptive SQL executions from the engine's data model reproduces the
// task counts AQE produced (coalesced reads, skew splits, local reads, broadcast
// collects) within 10% per stage, in every open-source Spark log of
// ../shared/eventlogs with AQE (Databricks and GPU runtimes excepted) and in the
// AQE-enabled ground-truth runs of data/groundtruth/index.json (skipped when absent).
// Prints the per-stage table.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "data/eventlog/event_log_reader.h"
#include "engine/aqe/application_replanner.h"
#include "tests/test_paths.h"

namespace sparktune {
namespace {

namespace fs = std::filesystem;

const char* const kSharedAqeLogs[] = {
    "apache-spark/spark-events/local-1642039451826",
    "kubeflow-mcp-apache-spark-history-server/examples/basic/events/"
    "eventlog_v2_spark-110be3a8424d4a2789cb88134418217b",
    "kubeflow-mcp-apache-spark-history-server/examples/basic/events/"
    "eventlog_v2_spark-cc4d115f011443d787f03a71a476a745",
    "nvidia-spark-rapids-tools/spark-events-qualification/aqeshuffle_eventlog.zstd",
    "nvidia-spark-rapids-tools/spark-events-qualification/customshuffle_eventlog.zstd",
    "nvidia-spark-rapids-tools/spark-events-qualification/cluster_information/"
    "eventlog_4nodes_8cores_dynamic_alloc.zstd",
    "nvidia-spark-rapids-tools/spark-events-qualification/multiple_attempts/"
    "attempt_1_eventlog.zstd",
    "nvidia-spark-rapids-tools/spark-events-qualification/multiple_attempts/"
    "attempt_2_eventlog.zstd",
    "nvidia-spark-rapids-tools/spark-events-qualification/multiple_attempts/"
    "attempt_3_eventlog.zstd",
    "nvidia-spark-rapids-tools/spark-events-qualification/multiple_attempts/"
    "attempt_4_eventlog.zstd",
    "nvidia-spark-rapids-tools/event_logs/join_agg_on_yarn_eventlog.zstd",
};

struct Row {
  std::string log;
  int stage = -1;
  std::string reads;
  int64_t observed = 0;
  int64_t replanned = 0;
  double error = 0;
};

void Replan(const std::string& path, std::vector<Row>* rows, int* stages_with_aqe_reads) {
  auto loaded = eventlog::ReadEventLog(path);
  ASSERT_TRUE(loaded.ok()) << path << ": " << loaded.status().ToString();
  engine::plan::EnginePlan plan = engine::plan::BuildEnginePlan(loaded->app);
  for (const auto& r : engine::aqe::ReplanAtObservedConfig(loaded->app, plan)) {
    if (r.observed_tasks < 0) continue;
    Row row;
    row.log = fs::path(path).filename().string();
    row.stage = r.stage_id;
    row.reads = r.reads;
    row.observed = r.observed_tasks;
    row.replanned = r.replanned_tasks;
    row.error =
        r.observed_tasks > 0
            ? std::abs(static_cast<double>(r.replanned_tasks - r.observed_tasks)) / r.observed_tasks
            : (r.replanned_tasks == 0 ? 0.0 : 1.0);
    if (r.reads.find("coalesced") != std::string::npos ||
        r.reads.find("local") != std::string::npos || r.reads.find("skew") != std::string::npos)
      ++*stages_with_aqe_reads;
    rows->push_back(row);
  }
}

void PrintAndCheck(const std::vector<Row>& rows) {
  std::printf("%-46s %6s %-32s %8s %9s %7s\n", "log", "stage", "observed AQE reads", "observed",
              "replanned", "error");
  for (const Row& r : rows) {
    std::printf("%-46s %6d %-32s %8lld %9lld %6.1f%%\n", r.log.substr(0, 46).c_str(), r.stage,
                r.reads.substr(0, 32).c_str(), static_cast<long long>(r.observed),
                static_cast<long long>(r.replanned), 100 * r.error);
    EXPECT_LE(r.error, 0.10) << r.log << " stage " << r.stage << ": observed " << r.observed
                             << " tasks, re-planned " << r.replanned;
  }
}

TEST(AqeReplanAcceptance, OpenSourceLogsWithAqe) {
  const std::string root = testing::SharedEventLogs();
  if (!fs::exists(root)) GTEST_SKIP() << "no ../shared/eventlogs";
  std::vector<Row> rows;
  int aqe_reads = 0;
  for (const char* rel : kSharedAqeLogs) Replan(root + "/" + rel, &rows, &aqe_reads);
  PrintAndCheck(rows);
  EXPECT_GE(rows.size(), 20u);
  EXPECT_GE(aqe_reads, 10);  // coalesced reads are among them
}

TEST(AqeReplanAcceptance, GroundTruthRunsWithAqe) {
  const std::string dir = testing::SourceDir() + "/data/groundtruth";
  std::ifstream in(dir + "/index.json");
  if (!in) GTEST_SKIP() << "no data/groundtruth/index.json yet";
  nlohmann::json runs;
  try {
    runs = nlohmann::json::parse(in);
  } catch (const std::exception& e) {
    GTEST_SKIP() << "index.json is being written: " << e.what();
  }
  std::vector<Row> rows;
  int aqe_reads = 0;
  for (const auto& run : runs) {
    if (!run.contains("eventLog") || !run.value("completed", true)) continue;
    auto config = run.value("config", nlohmann::json::object());
    if (config.value("spark.sql.adaptive.enabled", std::string("true")) != "true") continue;
    std::string path = dir + "/" + run["eventLog"].get<std::string>();
    if (!fs::exists(path)) continue;
    Replan(path, &rows, &aqe_reads);
  }
  if (rows.empty()) GTEST_SKIP() << "no AQE ground-truth run yet";
  PrintAndCheck(rows);
}

}  // namespace
}  // namespace sparktune
