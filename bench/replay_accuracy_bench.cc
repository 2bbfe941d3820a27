// Replay identity on every event log it can read: the simulated baseline at
// the log's own config against what the log measured, on time inside jobs,
// whole-app duration and MB-seconds, with the replay fidelity of each log
// (simulator/workload/replay_fidelity.h: ok, low-confidence or refused, and
// why). There is no exclusion list: a log that cannot be read or replayed
// faithfully gets its own row saying so, and counts in the summary.
//
// Baseline model in the same run: a re-implementation of Sparklens'
// CompletionEstimator (replay-baseline.md: per job, each stage's recorded
// Executor Run Time per task list-scheduled on a constant pool of
// max-executors x cores slots in stage order; driver time outside jobs copied
// over).
//
// Logs: every file or log directory under the roots below, except metadata
// (.md, .tsv, .csv and .json files, layout markers):
//   ../shared/eventlogs                     kind "shared"
//   data/groundtruth                        kind "groundtruth"
//   data/external, ../shared/eventlogs-external and $SPARKTUNE_EXTERNAL_LOGS
//                                           kind "external" (data/external/SOURCES.md)
//
// A zip (History Server /logs download) is extracted to a temporary folder,
// as `profile` does, and each log it holds gets its row ("ZIP!member").
//
// usage: replay_accuracy_bench [LOG_OR_DIR ...]   (default: the roots above;
// run from the repository root). Summary: median / p90 of the absolute
// percentage errors over all readable logs, real-executor logs and external
// logs, the Sparklens model beside them, and the count of flagged logs.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <optional>
#include <queue>
#include <regex>
#include <string>
#include <vector>

#include "data/base/stats.h"
#include "data/eventlog/event_log_reader.h"
#include "data/eventlog/zip_archive.h"
#include "engine/cost/observed_times.h"
#include "simulator/workload/app_simulator.h"
#include "simulator/workload/replay_fidelity.h"

namespace fs = std::filesystem;
using namespace sparktune;

namespace {

struct LogEntry {
  std::string path;
  std::string kind;  // "shared", "groundtruth", "external", "argument"
};

std::vector<std::pair<std::string, std::string>> DefaultRoots() {
  std::vector<std::pair<std::string, std::string>> roots = {
      {"../shared/eventlogs", "shared"},
      {"data/groundtruth", "groundtruth"},
      {"data/external", "external"},
      {"../shared/eventlogs-external", "external"}};
  if (const char* extra = std::getenv("SPARKTUNE_EXTERNAL_LOGS"))
    roots.push_back({extra, "external"});
  return roots;
}

bool IsLogDirectory(const fs::path& dir) {
  std::string name = dir.filename().string();
  return name.starts_with("eventlog_v2_") || name == "db_sim_eventlog" ||
         fs::exists(dir / "EVENT_LOG_1");
}

std::vector<LogEntry> FindLogs(const std::vector<std::pair<std::string, std::string>>& roots) {
  static const std::regex metadata(
      R"(\.(json|csv|md|tsv)$|^APPLICATION_COMPLETE$|^SPARK_VERSION_|^appstatus)");
  std::vector<LogEntry> logs;
  for (const auto& [root, kind] : roots) {
    if (!fs::is_directory(root)) continue;
    for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator();
         ++it) {
      if (it->is_directory()) {
        if (IsLogDirectory(it->path())) {
          logs.push_back({it->path().string(), kind});
          it.disable_recursion_pending();
        }
        continue;
      }
      if (std::regex_search(it->path().filename().string(), metadata) || it->file_size() == 0)
        continue;
      logs.push_back({it->path().string(), kind});
    }
  }
  std::sort(logs.begin(), logs.end(),
            [](const LogEntry& a, const LogEntry& b) { return a.path < b.path; });
  return logs;
}

// Sparklens' model: returns (app duration, time in jobs) in ms.
std::pair<double, double> SparklensEstimate(const model::Application& app,
                                            const engine::ObservedTimes& obs) {
  int max_execs = 0, cores = 1;
  for (const auto& e : app.executors) {
    if (e.seen_executor_added && !e.is_driver()) {
      ++max_execs;
      cores = std::max(cores, e.total_cores);
    }
  }
  int slots = std::max(1, max_execs * cores);
  if (max_execs == 0) {
    for (const auto& e : app.executors) {
      if (e.is_driver()) slots = std::max(1, e.total_cores);
    }
  }
  double job_time = 0;
  for (const model::Job& job : app.jobs) {
    std::vector<int> ids = job.stage_ids;
    std::sort(ids.begin(), ids.end());
    for (int sid : ids) {
      for (const model::StageAttempt& s : app.stages) {
        if (s.stage_id != sid || s.tasks.empty()) continue;
        if (std::find(s.job_ids.begin(), s.job_ids.end(), job.job_id) == s.job_ids.end()) continue;
        if (s.job_ids.front() != job.job_id) continue;  // count a stage once, in its first job
        std::priority_queue<double, std::vector<double>, std::greater<double>> free;
        for (int i = 0; i < slots; ++i) free.push(0);
        double makespan = 0;
        for (uint32_t ti : s.tasks) {
          double t0 = free.top();
          free.pop();
          double t1 = t0 + static_cast<double>(app.tasks[ti].metrics.executor_run_time);
          makespan = std::max(makespan, t1);
          free.push(t1);
        }
        job_time += makespan;
      }
    }
  }
  return {obs.duration_ms - obs.job_time_ms + job_time, job_time};
}

// Percentage error, absent when there is no observed figure to compare with
// or the estimate is not a number.
std::optional<double> Pct(double estimate, double observed) {
  if (!(observed > 0) || !std::isfinite(estimate)) return std::nullopt;
  return 100.0 * (estimate - observed) / observed;
}

struct Row {
  LogEntry log;
  std::string unreadable;  // the reader's message; empty when read
  bool real_executors = false;
  engine::ObservedTimes observed;
  std::optional<double> job, app, mb, sl_job, sl_app;  // percentage errors
  simulator::ReplayFidelity fidelity;
  double sim_ms = 0;
};

Row MeasureOne(const LogEntry& log) {
  Row row{log};
  auto loaded = eventlog::ReadEventLog(log.path);
  if (!loaded.ok()) {
    row.unreadable = loaded.status().ToString();
    return row;
  }
  const model::Application& app = loaded->app;
  row.observed = engine::MeasureObserved(app);
  auto t0 = std::chrono::steady_clock::now();
  simulator::AppSimulator sim(app);
  simulator::SimResult base = sim.Run({});
  row.sim_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  row.fidelity = simulator::AssessReplay(app, base);
  auto [sl_app_ms, sl_job_ms] = SparklensEstimate(app, row.observed);
  row.job = Pct(base.job_time_ms, row.observed.job_time_ms);
  row.app = Pct(base.duration_ms, row.observed.duration_ms);
  row.mb = Pct(base.mb_seconds, row.observed.mb_seconds);
  row.sl_job = Pct(sl_job_ms, row.observed.job_time_ms);
  row.sl_app = Pct(sl_app_ms, row.observed.duration_ms);
  for (const auto& e : app.executors) row.real_executors |= e.seen_executor_added && !e.is_driver();
  return row;
}

// Rows of one log, or of every log in a zip (extracted to a temporary folder
// that is removed afterwards).
std::vector<Row> Measure(const LogEntry& log) {
  if (!fs::is_regular_file(log.path) || !eventlog::LooksLikeZip(log.path)) return {MeasureOne(log)};
  char folder[] = "/tmp/sparktune-bench-zip-XXXXXX";
  if (mkdtemp(folder) == nullptr) return {Row{log, "cannot create a temporary folder"}};
  std::vector<Row> rows;
  auto extracted = eventlog::ExtractEventLogZip(log.path, folder);
  if (!extracted.ok()) {
    rows.push_back(Row{log, extracted.status().ToString()});
  } else {
    for (const std::string& member : *extracted) {
      Row row = MeasureOne({member, log.kind});
      row.log.path = log.path + "!" + fs::path(member).filename().string();
      rows.push_back(std::move(row));
    }
    if (extracted->empty()) rows.push_back(Row{log, "the zip holds no event log"});
  }
  std::error_code ignored;
  fs::remove_all(folder, ignored);
  return rows;
}

std::string Cell(const std::optional<double>& pct) {
  if (!pct) return "-";
  char buf[32];
  if (std::abs(*pct) >= 1e5) {
    std::snprintf(buf, sizeof buf, "%+.1e", *pct);
  } else {
    std::snprintf(buf, sizeof buf, "%+.1f", *pct);
  }
  return buf;
}

void PrintRow(const Row& r) {
  std::string name =
      r.log.path.size() > 60 ? "..." + r.log.path.substr(r.log.path.size() - 57) : r.log.path;
  if (!r.unreadable.empty()) {
    std::printf("%-60s %-11s unreadable: %s\n", name.c_str(), r.log.kind.c_str(),
                r.unreadable.c_str());
    return;
  }
  std::string why = r.fidelity.reasons.empty() ? "" : r.fidelity.reasons.front();
  if (why.size() > 110) why = why.substr(0, 107) + "...";
  std::printf("%-60s %-11s %s %9.1f %9s %9s | %9.1f %9s %9s | %9s %7.1f  %-14s %s\n", name.c_str(),
              r.log.kind.c_str(), r.real_executors ? "E" : "-", r.observed.job_time_ms / 1000,
              Cell(r.job).c_str(), Cell(r.sl_job).c_str(), r.observed.duration_ms / 1000,
              Cell(r.app).c_str(), Cell(r.sl_app).c_str(), Cell(r.mb).c_str(), r.sim_ms,
              simulator::FidelityLevelName(r.fidelity.level), why.c_str());
}

// Absolute errors of one subset of logs.
struct ErrorSet {
  std::vector<double> job, app, mb, sl_job, sl_app;
  int logs = 0;
  void Add(const Row& r) {
    ++logs;
    auto put = [](std::vector<double>& v, const std::optional<double>& x) {
      if (x) v.push_back(std::abs(*x));
    };
    put(job, r.job);
    put(app, r.app);
    put(mb, r.mb);
    put(sl_job, r.sl_job);
    put(sl_app, r.sl_app);
  }
};

std::string MedianP90(const std::vector<double>& v) {
  if (v.empty()) return "      -";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.3g%% / %.3g%% (n=%zu)", stats::Median(v),
                stats::Quantile(v, 0.9), v.size());
  return buf;
}

void PrintSet(const char* title, const ErrorSet& s) {
  std::printf("%s: %d logs\n", title, s.logs);
  std::printf("  time inside jobs : sparktune %-28s Sparklens model %s\n", MedianP90(s.job).c_str(),
              MedianP90(s.sl_job).c_str());
  std::printf("  whole-app        : sparktune %-28s Sparklens model %s\n", MedianP90(s.app).c_str(),
              MedianP90(s.sl_app).c_str());
  std::printf("  MB-seconds       : sparktune %s\n", MedianP90(s.mb).c_str());
}

void PrintSummary(const std::vector<Row>& rows) {
  ErrorSet all, real, external, not_refused;
  int unreadable = 0, levels[3] = {0, 0, 0}, unflagged_tenfold = 0;
  for (const Row& r : rows) {
    if (!r.unreadable.empty()) {
      ++unreadable;
      continue;
    }
    all.Add(r);
    if (r.real_executors) real.Add(r);
    if (r.log.kind == "external") external.Add(r);
    if (!r.fidelity.refused()) not_refused.Add(r);
    ++levels[static_cast<int>(r.fidelity.level)];
    bool tenfold = false;
    for (const auto& e : {r.app, r.mb}) tenfold |= e && (*e > 900 || *e < -90);
    if (tenfold && r.fidelity.trusted()) ++unflagged_tenfold;
  }
  std::printf("\n%zu logs: %zu readable, %d unreadable. Absolute percentage error, median / p90:\n",
              rows.size(), rows.size() - unreadable, unreadable);
  PrintSet("all readable logs", all);
  PrintSet("real-executor logs", real);
  PrintSet("external logs (data/external/SOURCES.md)", external);
  PrintSet("logs whose replay is not refused", not_refused);
  std::printf(
      "replay fidelity: %d ok, %d low-confidence, %d refused (%d flagged); "
      "more than 10x off yet ok: %d\n",
      levels[0], levels[1], levels[2], levels[1] + levels[2], unflagged_tenfold);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<LogEntry> logs;
  if (argc > 1) {
    std::vector<std::pair<std::string, std::string>> roots;
    for (int i = 1; i < argc; ++i) {
      if (fs::is_directory(argv[i]) && !IsLogDirectory(argv[i])) {
        roots.push_back({argv[i], "argument"});
      } else {
        logs.push_back({argv[i], "argument"});
      }
    }
    for (LogEntry& e : FindLogs(roots)) logs.push_back(std::move(e));
  } else {
    logs = FindLogs(DefaultRoots());
  }
  std::printf("%-60s %-11s %s %9s %9s %9s | %9s %9s %9s | %9s %7s  %-14s %s\n", "log", "kind", "E",
              "jobs(s)", "sim%", "slens%", "app(s)", "sim%", "slens%", "MBs%", "simMs", "fidelity",
              "first reason");
  std::vector<Row> rows;
  for (const LogEntry& log : logs) {
    for (Row& row : Measure(log)) {
      PrintRow(row);
      rows.push_back(std::move(row));
    }
  }
  PrintSummary(rows);
  return 0;
}
