// `sparktune simulate SCENARIO.json [--set key=value ...] [--json]`: simulation
// mode with no event log (docs/scenarios.md). Generates the scenario's
// workload under its config plus the overrides and simulates it; prints the
// run (duration, MB-seconds, core-seconds) and per stage the tasks, time,
// spill and join strategy (JSON "sparktune.simulate/1").
#include <boost/program_options.hpp>
#include <iostream>
#include <nlohmann/json.hpp>

#include "advisor/cli/command.h"
#include "advisor/cli/engine_assumption_options.h"
#include "advisor/cli/parse_options.h"
#include "advisor/cli/set_overrides.h"
#include "advisor/recommend/simulated_run.h"
#include "reports/simulate/simulate_report.h"
#include "simulator/workload/scenario_simulator.h"

namespace sparktune::cli {

namespace po = boost::program_options;

namespace {

// The scenario simulator's result as the renderer's plain values.
reports::SimulateReport ReportOf(const std::string& path, const std::string& name,
                                 const std::map<std::string, std::string>& overrides,
                                 const simulator::ScenarioResult& run) {
  const simulator::SimResult& r = run.sim;
  reports::SimulateReport out{.path = path,
                              .name = name,
                              .overrides = overrides,
                              .run = recommend::SimulatedRunOf(r),
                              .total_tasks = run.total_tasks,
                              .executors = run.executors,
                              .cores_per_executor = run.cores_per_executor,
                              .notes = r.notes};
  for (size_t i = 0; i < r.stages.size(); ++i) {
    const simulator::StageTimeline& s = r.stages[i];
    const simulator::ScenarioStageDetail& d = run.details[i];
    out.stages.push_back({.stage_id = s.stage_id,
                          .query = d.query,
                          .name = s.name,
                          .tasks = s.tasks,
                          .start_ms = s.start_ms,
                          .end_ms = s.end_ms,
                          .task_time_ms = s.task_time_ms,
                          .max_task_ms = d.max_task_ms,
                          .median_task_ms = d.median_task_ms,
                          .input_bytes = d.input_bytes,
                          .read_bytes = d.read_bytes,
                          .spill_bytes = s.spill_bytes,
                          .gc_ms = s.gc_ms,
                          .join_strategy = d.join_strategy,
                          .why = s.why});
  }
  for (const simulator::ExecutorLifetime& e : r.executors) {
    out.executor_lifetimes.push_back({.cores = e.cores,
                                      .container_mib = e.container_mib,
                                      .start_ms = e.start_ms,
                                      .end_ms = e.end_ms});
  }
  return out;
}

}  // namespace

int RunSimulate(const std::vector<std::string>& args) {
  po::options_description options(
      "sparktune simulate SCENARIO.json [--set key=value ...] [options]");
  options.add_options()("help,h", "show this help")(
      "set", po::value<std::vector<std::string>>(),
      "override a Spark setting of the scenario (repeatable)")(
      "json", "machine-readable output (sparktune.simulate/1)");
  AddEngineAssumptionOptions(options);
  po::variables_map vm;
  if (auto exit = ParseOptions("simulate", args, options,
                               PositionalArg{"scenario", false, "scenario file"}, vm))
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
  auto assumptions = EngineAssumptionsFromOptions(vm);
  if (!assumptions.ok()) {
    std::cerr << "sparktune simulate: " << assumptions.status().message() << "\n";
    return kExitUsage;
  }
  std::string path = vm["scenario"].as<std::string>();
  auto scenario = simulator::ParseScenarioFile(path);
  if (!scenario.ok()) {
    std::cerr << "sparktune: " << scenario.status().ToString() << "\n";
    return ExitCodeFor(scenario.status());
  }
  for (const auto& w : scenario->warnings) std::cerr << "warning: " << w << "\n";
  simulator::ScenarioSimulator sim(std::move(*scenario));
  sim.set_engine_assumptions(*assumptions);
  auto run = sim.Run(overrides);
  if (!run.ok()) {
    std::cerr << "sparktune: " << run.status().ToString() << "\n";
    return ExitCodeFor(run.status());
  }
  reports::SimulateReport report = ReportOf(path, sim.scenario().name, overrides, *run);
  if (vm.count("json")) {
    std::cout << reports::SimulateJson(report).dump(2, ' ', false,
                                                    nlohmann::json::error_handler_t::replace)
              << "\n";
    return kExitOk;
  }
  std::cout << reports::SimulateText(report);
  return kExitOk;
}

}  // namespace sparktune::cli
