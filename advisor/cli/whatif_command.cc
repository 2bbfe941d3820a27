// `sparktune whatif LOG [--set key=value ...] [--json]`: the observed run, the
// simulated baseline at the log's own config, and the alternative with the
// overrides, side by side (JSON "sparktune.whatif/1").
#include <boost/program_options.hpp>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include "advisor/cli/command.h"
#include "advisor/cli/parse_options.h"
#include "advisor/cli/set_overrides.h"
#include "advisor/cli/whatif_shell.h"
#include "data/config/config_catalog.h"
#include "data/eventlog/event_log_reader.h"
#include "engine/cost/observed_times.h"
#include "simulator/workload/app_simulator.h"

namespace sparktune::cli {

namespace po = boost::program_options;
using nlohmann::ordered_json;

namespace {

ordered_json RunJson(const simulator::SimResult& r, bool with_interval) {
  ordered_json j;
  j["durationMs"] = r.duration_ms;
  j["jobTimeMs"] = r.job_time_ms;
  j["mbSeconds"] = r.mb_seconds;
  j["coreSeconds"] = r.core_seconds;
  if (with_interval) {
    j["durationMsLow"] = r.duration_ms_low;
    j["durationMsHigh"] = r.duration_ms_high;
    j["mbSecondsLow"] = r.mb_seconds_low;
    j["mbSecondsHigh"] = r.mb_seconds_high;
  }
  j["spillBytes"] = r.spill_bytes;
  j["gcMs"] = r.gc_ms;
  j["outOfMemoryRisk"] = r.oom_risk;
  // Executor lifetimes in the simulated run (ms from the application start).
  ordered_json executors = ordered_json::array();
  for (const auto& e : r.executors) {
    executors.push_back({{"id", e.id}, {"startMs", e.start_ms}, {"endMs", e.end_ms}, {"cores", e.cores},
                         {"containerMib", e.container_mib}});
  }
  j["executors"] = executors;
  j["notes"] = r.notes;
  return j;
}

}  // namespace

int RunWhatif(const std::vector<std::string>& args) {
  po::options_description options("sparktune whatif LOG [--set key=value ...] [options]");
  options.add_options()("help,h", "show this help")("set", po::value<std::vector<std::string>>(),
                                                     "override a Spark setting (repeatable)")(
      "json", "machine-readable output (sparktune.whatif/1)")(
      "interactive,i", "a shell: set, unset, show, diff, stages, explain, undo, quit");
  po::variables_map vm;
  if (auto exit = ParseOptions("whatif", args, options, PositionalArg{"log", false, "event log"}, vm))
    return *exit;
  if (!vm.count("log")) {
    std::cerr << "sparktune whatif: expected one event log\n" << options;
    return kExitUsage;
  }
  std::map<std::string, std::string> overrides;
  if (vm.count("set")) {
    auto parsed = ParseSetOverrides("whatif", vm["set"].as<std::vector<std::string>>());
    if (!parsed.ok()) {
      std::cerr << parsed.status().message() << "\n";
      return kExitUsage;
    }
    overrides = std::move(*parsed);
  }
  std::string path = vm["log"].as<std::string>();
  auto loaded = eventlog::ReadEventLog(path);
  if (!loaded.ok()) {
    std::cerr << "sparktune: " << loaded.status().ToString() << "\n";
    return ExitCodeFor(loaded.status());
  }
  for (const auto& w : loaded->warnings) std::cerr << w.ToString() << "\n";
  simulator::AppSimulator sim(loaded->app);
  if (vm.count("interactive")) return RunWhatifShell(sim, std::cin, std::cout, isatty(STDIN_FILENO) != 0);
  simulator::SimResult base = sim.Run({});
  simulator::SimResult alt = overrides.empty() ? base : sim.Run(overrides);
  engine::ObservedTimes obs = engine::MeasureObserved(loaded->app);

  if (vm.count("json")) {
    ordered_json j;
    j["schema"] = "sparktune.whatif/1";
    j["path"] = path;
    j["appId"] = loaded->app.app_id;
    j["overrides"] = overrides;
    j["observed"] = {{"durationMs", obs.duration_ms}, {"jobTimeMs", obs.job_time_ms}, {"mbSeconds", obs.mb_seconds}};
    j["baseline"] = RunJson(base, true);
    j["alternative"] = RunJson(alt, true);
    ordered_json stages = ordered_json::array();
    for (size_t i = 0; i < alt.stages.size(); ++i) {
      const auto& a = alt.stages[i];
      const auto& b = base.stages[i];
      ordered_json s;
      s["stageId"] = a.stage_id;
      s["jobId"] = a.job_id;
      s["name"] = a.name;
      s["baselineTasks"] = b.tasks;
      s["tasks"] = a.tasks;
      s["baselineTimeMs"] = b.end_ms - b.start_ms;
      s["timeMs"] = a.end_ms - a.start_ms;
      s["baselineSpillBytes"] = b.spill_bytes;
      s["spillBytes"] = a.spill_bytes;
      s["evidence"] = a.evidence;
      s["why"] = a.why;
      stages.push_back(std::move(s));
    }
    j["stages"] = std::move(stages);
    std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return kExitOk;
  }
  auto line = [](const char* what, double o, double b, double a, const char* unit) {
    std::printf("  %-14s %14.0f %14.0f %14.0f  %s\n", what, o, b, a, unit);
  };
  std::printf("%s\n", path.c_str());
  std::printf("  %-14s %14s %14s %14s\n", "", "observed", "baseline", "alternative");
  line("duration", obs.duration_ms, base.duration_ms, alt.duration_ms, "ms");
  line("time in jobs", obs.job_time_ms, base.job_time_ms, alt.job_time_ms, "ms");
  line("MB-seconds", obs.mb_seconds, base.mb_seconds, alt.mb_seconds, "");
  std::printf("  alternative interval: duration %.0f..%.0f ms, MB-seconds %.0f..%.0f\n", alt.duration_ms_low,
              alt.duration_ms_high, alt.mb_seconds_low, alt.mb_seconds_high);
  for (const auto& n : alt.notes) std::printf("  note: %s\n", n.c_str());
  int shown = 0;
  for (size_t i = 0; i < alt.stages.size() && shown < 15; ++i) {
    const auto& a = alt.stages[i];
    const auto& b = base.stages[i];
    if (a.why.empty() && std::abs((a.end_ms - a.start_ms) - (b.end_ms - b.start_ms)) < 1) continue;
    std::printf("  stage %d: tasks %d -> %d, time %.0f -> %.0f ms%s%s\n", a.stage_id, b.tasks, a.tasks,
                b.end_ms - b.start_ms, a.end_ms - a.start_ms, a.why.empty() ? "" : "; ", a.why.c_str());
    ++shown;
  }
  return kExitOk;
}

}  // namespace sparktune::cli
