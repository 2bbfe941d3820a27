// `sparktune whatif LOG [--set key=value ...] [--json]`: the observed run, the
// simulated baseline at the log's own config, and the alternative with the
// overrides, side by side (JSON "sparktune.whatif/1").
//
// Replay fidelity (simulator/workload/replay_fidelity.h) comes first: a
// low-confidence replay is said so and every prediction is marked
// ("confidence": "low-confidence"); a refused replay prints the observed run
// and the reasons, no prediction ("baseline" and "alternative" are null), and
// exits 3. An alternative whose figures are absurd is refused the same way
// ("alternative": null, "alternativeRefused": reasons).
#include <unistd.h>

#include <boost/program_options.hpp>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "advisor/cli/command.h"
#include "advisor/cli/engine_assumption_options.h"
#include "advisor/cli/fidelity_output.h"
#include "advisor/cli/parse_options.h"
#include "advisor/cli/set_overrides.h"
#include "advisor/cli/whatif_shell.h"
#include "data/config/config_catalog.h"
#include "data/eventlog/event_log_reader.h"
#include "engine/cost/observed_times.h"
#include "simulator/calibration/cross_config_intervals.h"
#include "simulator/workload/app_simulator.h"
#include "simulator/workload/replay_fidelity.h"

namespace sparktune::cli {

namespace po = boost::program_options;
using nlohmann::ordered_json;

namespace {

ordered_json RunJson(const simulator::SimResult& r, bool with_interval,
                     simulator::FidelityLevel level) {
  ordered_json j;
  j["confidence"] = simulator::FidelityLevelName(level);
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
    executors.push_back({{"id", e.id},
                         {"startMs", e.start_ms},
                         {"endMs", e.end_ms},
                         {"cores", e.cores},
                         {"containerMib", e.container_mib}});
  }
  j["executors"] = executors;
  j["notes"] = r.notes;
  return j;
}

// Everything one `whatif` answer shows.
struct WhatifOutput {
  const std::string& path;
  const std::string& app_id;
  const std::map<std::string, std::string>& overrides;
  const engine::ObservedTimes& observed;
  const simulator::SimResult& base;
  const simulator::SimResult& alt;
  const simulator::ReplayFidelity& fidelity;
  const std::vector<std::string>& alt_refused;  // why the alternative is not shown
};

ordered_json StagesJson(const simulator::SimResult& base, const simulator::SimResult& alt) {
  ordered_json stages = ordered_json::array();
  for (size_t i = 0; i < alt.stages.size() && i < base.stages.size(); ++i) {
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
  return stages;
}

void PrintWhatifJson(const WhatifOutput& o) {
  ordered_json j;
  j["schema"] = "sparktune.whatif/1";
  j["path"] = o.path;
  j["appId"] = o.app_id;
  j["overrides"] = o.overrides;
  j["observed"] = {{"durationMs", o.observed.duration_ms},
                   {"jobTimeMs", o.observed.job_time_ms},
                   {"mbSeconds", o.observed.mb_seconds}};
  j["fidelity"] = FidelityJson(o.fidelity);
  bool refused = o.fidelity.refused();
  j["baseline"] = refused ? ordered_json(nullptr) : RunJson(o.base, true, o.fidelity.level);
  bool alt_shown = !refused && o.alt_refused.empty();
  j["alternative"] = alt_shown ? RunJson(o.alt, true, o.fidelity.level) : ordered_json(nullptr);
  if (alt_shown) {
    if (auto c = simulator::CalibratedIntervalFor(o.overrides, o.alt)) {
      // Calibrated on the ground truth's train split (simulator/calibration/).
      j["alternative"]["calibratedInterval"] = {{"coverage", c->coverage},
                                                {"knobGroup", c->group},
                                                {"calibrationPairs", c->calibration_pairs},
                                                {"durationMsLow", c->duration_low_ms},
                                                {"durationMsHigh", c->duration_high_ms},
                                                {"mbSecondsLow", c->mb_seconds_low},
                                                {"mbSecondsHigh", c->mb_seconds_high}};
    }
  }
  if (!o.alt_refused.empty()) j["alternativeRefused"] = o.alt_refused;
  j["stages"] = alt_shown ? StagesJson(o.base, o.alt) : ordered_json::array();
  std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

void PrintWhatifText(const WhatifOutput& o) {
  std::printf("%s\n", o.path.c_str());
  PrintFidelity(std::cout, o.fidelity);
  // Columns: observed, then the baseline unless refused, then the alternative unless refused.
  bool base_shown = !o.fidelity.refused();
  bool alt_shown = base_shown && o.alt_refused.empty();
  if (base_shown && !alt_shown) {
    std::printf("  alternative refused (no prediction is shown for it):\n");
    for (const std::string& why : o.alt_refused) std::printf("    - %s\n", why.c_str());
  }
  std::printf("  %-14s %14s", "", "observed");
  if (base_shown) std::printf(" %14s", "baseline");
  if (alt_shown) std::printf(" %14s", "alternative");
  std::printf("\n");
  auto line = [&](const char* what, double obs, double b, double a, const char* unit) {
    std::printf("  %-14s %14.0f", what, obs);
    if (base_shown) std::printf(" %14.0f", b);
    if (alt_shown) std::printf(" %14.0f", a);
    std::printf("  %s\n", unit);
  };
  line("duration", o.observed.duration_ms, o.base.duration_ms, o.alt.duration_ms, "ms");
  line("time in jobs", o.observed.job_time_ms, o.base.job_time_ms, o.alt.job_time_ms, "ms");
  line("MB-seconds", o.observed.mb_seconds, o.base.mb_seconds, o.alt.mb_seconds, "");
  if (!alt_shown) return;
  const simulator::SimResult& alt = o.alt;
  std::printf("  alternative interval: duration %.0f..%.0f ms, MB-seconds %.0f..%.0f%s\n",
              alt.duration_ms_low, alt.duration_ms_high, alt.mb_seconds_low, alt.mb_seconds_high,
              o.fidelity.trusted() ? "" : " (low-confidence)");
  if (auto c = simulator::CalibratedIntervalFor(o.overrides, alt)) {
    std::printf(
        "  calibrated %.0f%% interval (%s, fitted on %d ground-truth pairs): duration %.0f..%.0f "
        "ms, MB-seconds %.0f..%.0f\n",
        100 * c->coverage, c->group.c_str(), c->calibration_pairs, c->duration_low_ms,
        c->duration_high_ms, c->mb_seconds_low, c->mb_seconds_high);
  }
  for (const auto& n : alt.notes) std::printf("  note: %s\n", n.c_str());
  int shown = 0;
  for (size_t i = 0; i < alt.stages.size() && i < o.base.stages.size() && shown < 15; ++i) {
    const auto& a = alt.stages[i];
    const auto& b = o.base.stages[i];
    if (a.why.empty() && std::abs((a.end_ms - a.start_ms) - (b.end_ms - b.start_ms)) < 1) continue;
    std::printf("  stage %d: tasks %d -> %d, time %.0f -> %.0f ms%s%s\n", a.stage_id, b.tasks,
                a.tasks, b.end_ms - b.start_ms, a.end_ms - a.start_ms, a.why.empty() ? "" : "; ",
                a.why.c_str());
    ++shown;
  }
}

}  // namespace

int RunWhatif(const std::vector<std::string>& args) {
  po::options_description options("sparktune whatif LOG [--set key=value ...] [options]");
  options.add_options()("help,h", "show this help")("set", po::value<std::vector<std::string>>(),
                                                    "override a Spark setting (repeatable)")(
      "json", "machine-readable output (sparktune.whatif/1)")(
      "interactive,i", "a shell: set, unset, show, diff, stages, explain, undo, quit");
  AddEngineAssumptionOptions(options);
  po::variables_map vm;
  if (auto exit =
          ParseOptions("whatif", args, options, PositionalArg{"log", false, "event log"}, vm))
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
  auto assumptions = EngineAssumptionsFromOptions(vm);
  if (!assumptions.ok()) {
    std::cerr << "sparktune whatif: " << assumptions.status().message() << "\n";
    return kExitUsage;
  }
  std::string path = vm["log"].as<std::string>();
  auto loaded = eventlog::ReadEventLog(path);
  if (!loaded.ok()) {
    std::cerr << "sparktune: " << loaded.status().ToString() << "\n";
    return ExitCodeFor(loaded.status());
  }
  for (const auto& w : loaded->warnings) std::cerr << w.ToString() << "\n";
  simulator::AppSimulator sim(loaded->app);
  sim.set_engine_assumptions(*assumptions);
  if (vm.count("interactive"))
    return RunWhatifShell(sim, std::cin, std::cout, isatty(STDIN_FILENO) != 0);
  simulator::SimResult base = sim.Run({});
  simulator::SimResult alt = overrides.empty() ? base : sim.Run(overrides);
  engine::ObservedTimes obs = engine::MeasureObserved(loaded->app);

  simulator::ReplayFidelity fidelity = simulator::AssessReplay(loaded->app, base);
  std::vector<std::string> alt_refused;
  if (!fidelity.refused() && !overrides.empty())
    alt_refused = simulator::CheckPrediction(simulator::FiguresOf(alt));
  WhatifOutput out{path, loaded->app.app_id, overrides, obs, base, alt, fidelity, alt_refused};
  if (vm.count("json")) {
    PrintWhatifJson(out);
  } else {
    PrintWhatifText(out);
  }
  if (fidelity.refused()) {
    std::cerr << "sparktune whatif: no prediction for " << path << ": its replay is refused\n";
    return kExitUnreadable;
  }
  return kExitOk;
}

}  // namespace sparktune::cli
