// `sparktune simulate SCENARIO.json [--set key=value ...] [--json]`: simulation
// mode with no event log (docs/scenarios.md). Generates the scenario's
// workload under its config plus the overrides and simulates it; prints the
// run (duration, MB-seconds, core-seconds) and per stage the tasks, time,
// spill and join strategy (JSON "sparktune.simulate/1").
#include <boost/program_options.hpp>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "advisor/cli/command.h"
#include "advisor/cli/parse_options.h"
#include "advisor/cli/set_overrides.h"
#include "data/config/config_catalog.h"
#include "simulator/workload/scenario_simulator.h"

namespace sparktune::cli {

namespace po = boost::program_options;
using nlohmann::ordered_json;

int RunSimulate(const std::vector<std::string>& args) {
  po::options_description options("sparktune simulate SCENARIO.json [--set key=value ...] [options]");
  options.add_options()("help,h", "show this help")("set", po::value<std::vector<std::string>>(),
                                                     "override a Spark setting of the scenario (repeatable)")(
      "json", "machine-readable output (sparktune.simulate/1)");
  po::variables_map vm;
  if (auto exit = ParseOptions("simulate", args, options, PositionalArg{"scenario", false, "scenario file"}, vm))
    return *exit;
  if (!vm.count("scenario")) {
    std::cerr << "sparktune simulate: expected one scenario file\n" << options;
    return kExitUsage;
  }
  // The same validation as whatif: keys from the catalog, sizes parseable.
  std::map<std::string, std::string> overrides;
  if (vm.count("set")) {
    auto parsed = ParseSetOverrides("simulate", vm["set"].as<std::vector<std::string>>());
    if (!parsed.ok()) {
      std::cerr << parsed.status().message() << "\n";
      return kExitUsage;
    }
    overrides = std::move(*parsed);
  }
  std::string path = vm["scenario"].as<std::string>();
  auto scenario = simulator::ParseScenarioFile(path);
  if (!scenario.ok()) {
    std::cerr << "sparktune: " << scenario.status().ToString() << "\n";
    return ExitCodeFor(scenario.status());
  }
  for (const auto& w : scenario->warnings) std::cerr << "warning: " << w << "\n";
  simulator::ScenarioSimulator sim(std::move(*scenario));
  auto run = sim.Run(overrides);
  if (!run.ok()) {
    std::cerr << "sparktune: " << run.status().ToString() << "\n";
    return ExitCodeFor(run.status());
  }
  const simulator::SimResult& r = run->sim;

  if (vm.count("json")) {
    ordered_json j;
    j["schema"] = "sparktune.simulate/1";
    j["path"] = path;
    j["name"] = sim.scenario().name;
    j["overrides"] = overrides;
    j["durationMs"] = r.duration_ms;
    j["mbSeconds"] = r.mb_seconds;
    j["coreSeconds"] = r.core_seconds;
    j["durationMsLow"] = r.duration_ms_low;
    j["durationMsHigh"] = r.duration_ms_high;
    j["mbSecondsLow"] = r.mb_seconds_low;
    j["mbSecondsHigh"] = r.mb_seconds_high;
    j["spillBytes"] = r.spill_bytes;
    j["gcMs"] = r.gc_ms;
    j["outOfMemoryRisk"] = r.oom_risk;
    j["tasks"] = run->total_tasks;
    j["notes"] = r.notes;
    ordered_json stages = ordered_json::array();
    for (size_t i = 0; i < r.stages.size(); ++i) {
      const auto& s = r.stages[i];
      const auto& d = run->details[i];
      ordered_json o;
      o["stage"] = s.stage_id;
      o["query"] = d.query;
      o["name"] = s.name;
      o["tasks"] = s.tasks;
      o["timeMs"] = s.end_ms - s.start_ms;
      o["startMs"] = s.start_ms;
      o["endMs"] = s.end_ms;
      o["taskTimeMs"] = s.task_time_ms;
      o["maxTaskMs"] = d.max_task_ms;
      o["medianTaskMs"] = d.median_task_ms;
      o["inputBytes"] = d.input_bytes;
      o["shuffleReadBytes"] = d.read_bytes;
      o["spillBytes"] = s.spill_bytes;
      o["gcMs"] = s.gc_ms;
      o["joinStrategy"] = d.join_strategy;
      o["why"] = s.why;
      stages.push_back(std::move(o));
    }
    j["stages"] = std::move(stages);
    ordered_json execs = ordered_json::array();
    for (const auto& e : r.executors) {
      execs.push_back({{"count", run->executors},
                       {"cores", e.cores},
                       {"containerMib", e.container_mib},
                       {"startMs", e.start_ms},
                       {"endMs", e.end_ms}});
    }
    j["executors"] = std::move(execs);
    std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return kExitOk;
  }
  std::printf("%s (%s)\n", sim.scenario().name.c_str(), path.c_str());
  std::printf("  duration     %12.0f ms   (%.0f..%.0f)\n", r.duration_ms, r.duration_ms_low, r.duration_ms_high);
  std::printf("  MB-seconds   %12.4g      core-seconds %.4g\n", r.mb_seconds, r.core_seconds);
  std::printf("  executors    %d x %d cores, %lld MiB containers; %lld tasks; spill %.3g GB; GC %.0f s%s\n",
              run->executors, run->cores_per_executor,
              static_cast<long long>(r.executors.empty() ? 0 : r.executors.front().container_mib),
              static_cast<long long>(run->total_tasks), r.spill_bytes / 1e9, r.gc_ms / 1000,
              r.oom_risk ? "; OUT-OF-MEMORY RISK" : "");
  for (const auto& n : r.notes) std::printf("  note: %s\n", n.c_str());
  std::printf("  %-5s %-40s %8s %10s %10s %10s  %s\n", "stage", "name", "tasks", "time ms", "max task", "spill GB",
              "join / why");
  for (size_t i = 0; i < r.stages.size(); ++i) {
    const auto& s = r.stages[i];
    const auto& d = run->details[i];
    std::string name = s.name.size() > 40 ? s.name.substr(0, 37) + "..." : s.name;
    std::printf("  %-5d %-40s %8d %10.0f %10.0f %10.3g  %s%s%s\n", s.stage_id, name.c_str(), s.tasks,
                s.end_ms - s.start_ms, d.max_task_ms, s.spill_bytes / 1e9, d.join_strategy.c_str(),
                d.join_strategy.empty() ? "" : "; ", s.why.c_str());
  }
  return kExitOk;
}

}  // namespace sparktune::cli
