// AQE re-planning accuracy: for each event log, re-plans every shuffle-reading
// stage of its adaptive SQL executions from the engine's data model at the log's
// own config and prints, per stage, the observed task count, the re-planned one
// and the error; then the rule timings. Baseline: the observed counts.
//
// usage: aqe_replan_bench [LOG ...]
//   AQE_BENCH_VERBOSE=1 (or 2: with partition sizes) prints inputs and decisions;
//   AQE_BENCH_ALL_EXECUTIONS=1 also re-plans SQL executions run without AQE.
//   with no argument: the open-source AQE logs of ../shared/eventlogs and the
//   AQE-enabled runs of data/groundtruth/index.json.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "data/eventlog/event_log_reader.h"
#include "engine/aqe/application_replanner.h"

namespace {

namespace fs = std::filesystem;

std::vector<std::string> DefaultLogs(const std::string& root) {
  const std::string shared = root + "/../shared/eventlogs/";
  std::vector<std::string> logs = {
      shared + "apache-spark/spark-events/local-1642039451826",
      shared +
          "kubeflow-mcp-apache-spark-history-server/examples/basic/events/"
          "eventlog_v2_spark-110be3a8424d4a2789cb88134418217b",
      shared +
          "kubeflow-mcp-apache-spark-history-server/examples/basic/events/"
          "eventlog_v2_spark-cc4d115f011443d787f03a71a476a745",
      shared + "nvidia-spark-rapids-tools/spark-events-qualification/aqeshuffle_eventlog.zstd",
      shared + "nvidia-spark-rapids-tools/spark-events-qualification/customshuffle_eventlog.zstd",
      shared +
          "nvidia-spark-rapids-tools/spark-events-qualification/cluster_information/"
          "eventlog_4nodes_8cores_dynamic_alloc.zstd",
      shared +
          "nvidia-spark-rapids-tools/spark-events-qualification/multiple_attempts/"
          "attempt_1_eventlog.zstd",
      shared +
          "nvidia-spark-rapids-tools/spark-events-qualification/multiple_attempts/"
          "attempt_2_eventlog.zstd",
      shared +
          "nvidia-spark-rapids-tools/spark-events-qualification/multiple_attempts/"
          "attempt_3_eventlog.zstd",
      shared +
          "nvidia-spark-rapids-tools/spark-events-qualification/multiple_attempts/"
          "attempt_4_eventlog.zstd",
      shared + "nvidia-spark-rapids-tools/event_logs/join_agg_on_yarn_eventlog.zstd",
  };
  const std::string index = root + "/data/groundtruth/index.json";
  std::ifstream in(index);
  if (in) {
    try {
      nlohmann::json runs = nlohmann::json::parse(in);
      for (const auto& r : runs) {
        if (!r.contains("eventLog")) continue;
        auto cfg = r.value("config", nlohmann::json::object());
        if (cfg.value("spark.sql.adaptive.enabled", std::string("true")) != "true") continue;
        std::string path = root + "/data/groundtruth/" + r["eventLog"].get<std::string>();
        if (fs::exists(path)) logs.push_back(path);
      }
    } catch (const std::exception&) {
      std::fprintf(stderr, "warning: cannot parse %s\n", index.c_str());
    }
  }
  return logs;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> logs;
  for (int i = 1; i < argc; ++i) logs.push_back(argv[i]);
  // The repository root: this file is <root>/bench/aqe_replan_bench.cc (CMake passes
  // absolute source paths).
  if (logs.empty()) logs = DefaultLogs(fs::path(__FILE__).parent_path().parent_path().string());
  std::printf("%-48s %6s %5s %-28s %8s %9s %7s\n", "log", "sql", "stage", "observed reads",
              "observed", "replanned", "error");
  int stages = 0, within = 0;
  double worst = 0;
  for (const std::string& path : logs) {
    auto loaded = sparktune::eventlog::ReadEventLog(path);
    if (!loaded.ok()) {
      std::printf("%s: %s\n", path.c_str(), loaded.status().ToString().c_str());
      continue;
    }
    sparktune::engine::aqe::ReplanOptions options;
    options.adaptive_only = std::getenv("AQE_BENCH_ALL_EXECUTIONS") == nullptr;
    auto plan = sparktune::engine::plan::BuildEnginePlan(loaded->app);
    auto rows = sparktune::engine::aqe::ReplanAtObservedConfig(loaded->app, plan, options);
    std::string name = fs::path(path).filename().string();
    if (name.size() > 48) name = name.substr(0, 45) + "...";
    for (const auto& r : rows) {
      if (r.observed_tasks < 0) continue;
      double err = r.observed_tasks > 0
                       ? std::abs(static_cast<double>(r.replanned_tasks - r.observed_tasks)) /
                             r.observed_tasks
                       : (r.replanned_tasks == 0 ? 0.0 : 1.0);
      ++stages;
      within += err <= 0.10 ? 1 : 0;
      worst = std::max(worst, err);
      std::printf("%-48s %6lld %5d %-28s %8lld %9lld %6.1f%%\n", name.c_str(),
                  static_cast<long long>(r.execution_id), r.stage_id, r.reads.substr(0, 28).c_str(),
                  static_cast<long long>(r.observed_tasks),
                  static_cast<long long>(r.replanned_tasks), 100 * err);
      if (std::getenv("AQE_BENCH_VERBOSE")) {
        for (size_t i = 0; i < r.input.shuffles.size(); ++i) {
          const auto& sh = r.input.shuffles[i];
          std::printf(
              "    shuffle %zu: %d partitions, %lld bytes, %d mappers, data size %lld%s%s%s\n", i,
              sh.num_partitions(), static_cast<long long>(sh.total_bytes()), sh.num_mappers,
              static_cast<long long>(sh.data_size), r.plan.reads[i].broadcast ? " broadcast" : "",
              r.plan.reads[i].local ? " local" : "", r.plan.reads[i].coalesced ? " coalesced" : "");
          if (std::string(std::getenv("AQE_BENCH_VERBOSE")) == "2") {
            std::printf("      sizes KiB:");
            for (int64_t b : sh.bytes_by_partition)
              std::printf(" %lld", static_cast<long long>(b >> 10));
            std::printf("\n");
          }
        }
        for (const auto& j : r.input.joins)
          std::printf("    join %s %s left %d right %d%s\n",
                      sparktune::engine::aqe::JoinStrategyName(j.strategy),
                      sparktune::engine::aqe::JoinTypeName(j.type), j.left_shuffle, j.right_shuffle,
                      j.distribution_required_above ? " distribution required above" : "");
        for (const auto& d : r.plan.decisions)
          std::printf("    %s: %s\n", d.rule.c_str(), d.text.c_str());
      }
    }
  }
  std::printf("\n%d stages, %d within 10%%, worst error %.1f%%\n", stages, within, 100 * worst);
  return 0;
}
