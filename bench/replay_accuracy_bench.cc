// Replay identity: for every complete real log, the simulated baseline at the
// log's own config against what the log measured, on time inside jobs,
// whole-app duration and MB-seconds. Baseline model in the same run: a
// re-implementation of Sparklens' CompletionEstimator (replay-baseline.md:
// per job, each stage's recorded Executor Run Time per task list-scheduled on
// a constant pool of max-executors x cores slots in stage order; driver time
// outside jobs copied over).
//
// usage: replay_accuracy_bench [LOG_OR_DIR ...]   (default: ../shared/eventlogs
// complete logs and data/groundtruth logs)
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <queue>
#include <regex>
#include <string>
#include <vector>

#include "data/eventlog/event_log_reader.h"
#include "data/eventlog/log_layout.h"
#include "engine/cost/observed_times.h"
#include "simulator/workload/app_simulator.h"

namespace fs = std::filesystem;
using namespace sparktune;

namespace {

std::vector<std::string> DefaultLogs() {
  std::vector<std::string> logs;
  for (std::string root : {"../shared/eventlogs", "data/groundtruth"}) {
    if (!fs::exists(root)) continue;
    for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator(); ++it) {
      std::string name = it->path().filename().string();
      if (it->is_directory()) {
        if (name.starts_with("eventlog_v2_") || name == "db_sim_eventlog" || fs::exists(it->path() / "EVENT_LOG_1")) {
          logs.push_back(it->path().string());
          it.disable_recursion_pending();
        }
        continue;
      }
      static const std::regex skip(R"(\.(json|csv|md|tsv|zip|txt)$|^APPLICATION_COMPLETE|^SPARK_VERSION_|^appstatus)");
      if (std::regex_search(name, skip) && name != "example_spark_event_log.txt") continue;
      logs.push_back(it->path().string());
    }
  }
  std::sort(logs.begin(), logs.end());
  return logs;
}

// Sparklens' model: returns (app duration, time in jobs) in ms.
std::pair<double, double> SparklensEstimate(const model::Application& app, const engine::ObservedTimes& obs) {
  int max_execs = 0, cores = 1;
  for (const auto& e : app.executors) {
    if (e.seen_executor_added && !e.is_driver()) {
      ++max_execs;
      cores = std::max(cores, e.total_cores);
    }
  }
  int slots = std::max(1, max_execs * cores);
  if (max_execs == 0) {
    for (const auto& e : app.executors) if (e.is_driver()) slots = std::max(1, e.total_cores);
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

double Pct(double est, double obs) { return obs > 0 ? 100.0 * (est - obs) / obs : 0; }

struct Stats {
  std::vector<double> v;
  void Add(double x) { v.push_back(std::abs(x)); }
  double Q(double q) const {
    if (v.empty()) return 0;
    std::vector<double> s = v;
    std::sort(s.begin(), s.end());
    return s[std::min(s.size() - 1, static_cast<size_t>(q * (s.size() - 1) + 0.5))];
  }
};

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::vector<std::string> logs = args.empty() ? DefaultLogs() : args;
  auto expanded = eventlog::ExpandLogArguments(logs);
  if (expanded.ok()) logs = *expanded;
  Stats sim_job, sim_app, sim_mb, sl_job, sl_app, sim_job_real, sl_job_real;
  std::printf("%-58s %8s %8s %8s | %8s %8s %8s | %8s %8s\n", "log", "jobs(s)", "sim%", "slens%", "app(s)",
              "sim%", "slens%", "MBs%", "simMs");
  for (const std::string& path : logs) {
    auto loaded = eventlog::ReadEventLog(path);
    if (!loaded.ok()) continue;
    const model::Application& app = loaded->app;
    if (!app.evidence.has_app_end || app.evidence.malformed_lines > 0 || app.tasks.empty()) continue;
    engine::ObservedTimes obs = engine::MeasureObserved(app);
    if (obs.job_time_ms <= 0) continue;
    auto t0 = std::chrono::steady_clock::now();
    simulator::AppSimulator sim(app);
    simulator::SimResult base = sim.Run({});
    double sim_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    auto [sl_app_ms, sl_job_ms] = SparklensEstimate(app, obs);
    double ej = Pct(base.job_time_ms, obs.job_time_ms), ea = Pct(base.duration_ms, obs.duration_ms);
    double em = Pct(base.mb_seconds, obs.mb_seconds);
    double sj = Pct(sl_job_ms, obs.job_time_ms), sa = Pct(sl_app_ms, obs.duration_ms);
    sim_job.Add(ej); sim_app.Add(ea); sim_mb.Add(em); sl_job.Add(sj); sl_app.Add(sa);
    bool real_execs = false;
    for (const auto& e : app.executors) real_execs |= e.seen_executor_added && !e.is_driver();
    if (real_execs) { sim_job_real.Add(ej); sl_job_real.Add(sj); }
    std::string name = path.size() > 58 ? "..." + path.substr(path.size() - 55) : path;
    std::printf("%-58s %8.1f %+8.1f %+8.1f | %8.1f %+8.1f %+8.1f | %+8.1f %8.1f\n", name.c_str(),
                obs.job_time_ms / 1000, ej, sj, obs.duration_ms / 1000, ea, sa, em, sim_ms);
  }
  std::printf("\n%zu complete logs. Absolute percentage error, median / p90:\n", sim_job.v.size());
  std::printf("  time inside jobs : sparktune %5.1f%% / %5.1f%%   Sparklens model %5.1f%% / %5.1f%%\n",
              sim_job.Q(0.5), sim_job.Q(0.9), sl_job.Q(0.5), sl_job.Q(0.9));
  std::printf("  (real executors) : sparktune %5.1f%% / %5.1f%%   Sparklens model %5.1f%% / %5.1f%%  (%zu logs)\n",
              sim_job_real.Q(0.5), sim_job_real.Q(0.9), sl_job_real.Q(0.5), sl_job_real.Q(0.9), sim_job_real.v.size());
  std::printf("  whole-app        : sparktune %5.1f%% / %5.1f%%   Sparklens model %5.1f%% / %5.1f%%\n",
              sim_app.Q(0.5), sim_app.Q(0.9), sl_app.Q(0.5), sl_app.Q(0.9));
  std::printf("  MB-seconds       : sparktune %5.1f%% / %5.1f%%\n", sim_mb.Q(0.5), sim_mb.Q(0.9));
  return 0;
}
