// `sparktune optimize LOG [--objective mb-seconds|runtime|cost] [--max-slowdown PCT]
//  [--candidates FILE] [--cluster FILE] [--format text|submit|defaults|json] [--json]`:
// searches the config space for one job with the simulator (advisor/search)
// and prints the best config against the observed one, the predicted savings
// with intervals, the Pareto front, the rewrite and plan-level advice.
// The replay fidelity of the log (simulator/workload/replay_fidelity.h) is
// shown first ("fidelity" in JSON); a refused replay searches nothing and
// exits 3 with the reasons ("best": null).
// Exit codes: 0 ok, 1 no config meets the constraints, 2 usage, 3 unreadable
// input or a refused replay.
#include <algorithm>
#include <boost/program_options.hpp>
#include <cstdlib>
#include <iostream>
#include <set>

#include "advisor/advice/advice_registry.h"
#include "advisor/cli/command.h"
#include "advisor/cli/engine_assumption_options.h"
#include "advisor/cli/fidelity_output.h"
#include "advisor/cli/parse_options.h"
#include "advisor/recommend/job_rewrite.h"
#include "advisor/recommend/optimize_report.h"
#include "advisor/search/candidates.h"
#include "advisor/search/cluster_limits.h"
#include "advisor/search/optimizer.h"
#include "data/base/env.h"
#include "data/base/units.h"
#include "data/config/config_catalog.h"
#include "data/eventlog/event_log_reader.h"
#include "data/prices/price_sheet.h"
#include "simulator/workload/app_simulator.h"
#include "simulator/workload/replay_fidelity.h"

namespace sparktune::cli {

namespace po = boost::program_options;

namespace {

using units::kMib;

bool ParseSizeMib(const std::string& text, int64_t* mib) {
  auto b = config::ParseBytes(text, 'm');
  if (!b.ok() || *b <= 0) return false;
  *mib = *b / kMib;
  return *mib > 0;
}

// A refused replay: the reasons instead of a search (exit 3).
int RefuseOptimize(const std::string& format, const std::string& path,
                   const model::Application& app, const simulator::ReplayFidelity& fidelity) {
  if (format == "json") {
    nlohmann::ordered_json j = {{"schema", "sparktune.optimize/1"},
                                {"path", path},
                                {"appId", app.app_id},
                                {"appName", app.name}};
    j["fidelity"] = FidelityJson(fidelity);
    j["best"] = nullptr;
    std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  } else if (format == "text") {
    PrintFidelity(std::cout, fidelity);
  }
  std::cerr << "sparktune optimize: no recommendation for " << path << ": its replay is refused\n";
  return kExitUnreadable;
}

// The search's answer in the chosen format, with the replay fidelity.
void PrintOptimizeResult(const std::string& format, const recommend::OptimizeReportInput& in,
                         const simulator::ReplayFidelity& fidelity) {
  if (format == "json") {
    nlohmann::ordered_json j = reports::OptimizeJson(recommend::BuildOptimizeReport(in));
    j["fidelity"] = FidelityJson(fidelity);
    std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  } else if (format == "submit") {
    if (in.result->best_is_baseline)
      std::cerr << "sparktune optimize: keep the log's config (nothing to change)\n";
    else
      std::cout << recommend::SubmitArgs(in.result->best.overrides) << "\n";
  } else if (format == "defaults") {
    if (in.result->best_is_baseline)
      std::cerr << "sparktune optimize: keep the log's config (nothing to change)\n";
    else
      std::cout << recommend::DefaultsFragment(
          in.result->best.overrides,
          "sparktune optimize for " + in.app_name + " (" + in.app_id + ")");
  } else {
    PrintFidelity(std::cout, fidelity);
    std::cout << reports::OptimizeText(recommend::BuildOptimizeReport(in));
  }
  if (!fidelity.trusted() && (format == "submit" || format == "defaults"))
    std::cerr << "sparktune optimize: low-confidence: " << fidelity.Summary() << "\n";
}

// The options of `optimize` (its --help).
po::options_description OptimizeOptionsDescription() {
  po::options_description options("sparktune optimize LOG [options]");
  options.add_options()("help,h", "show this help")(
      "objective", po::value<std::string>()->default_value("mb-seconds"),
      "mb-seconds, runtime or cost")(
      "max-slowdown", po::value<std::string>()->default_value("10"),
      "predicted slowdown allowed vs the log's config, percent ('none' for no limit)")(
      "candidates", po::value<std::string>(),
      "JSON list of configs ({key: value}); choose only among them")(
      "cluster", po::value<std::string>(),
      "cluster profile JSON: largestContainer, coresPerNode, memorySteps, maxExecutors")(
      "cores-per-node", po::value<int>(),
      "cores of one node (default: from the cluster profile, else the log)")(
      "max-container", po::value<std::string>(), "largest executor container, e.g. 64g")(
      "memory-steps", po::value<std::string>(), "allowed executor memory sizes, e.g. 2g,4g,8g")(
      "max-executors", po::value<int>(), "most executors a config may use")(
      "price-gb-hour", po::value<double>(),
      "price of one GB-hour of container memory (objective cost)")(
      "price-core-hour", po::value<double>(), "price of one core-hour (objective cost)")(
      "prices", po::value<std::string>(),
      "price file (data/prices/*.prices: per vCPU- and GB-hour, or per CU-hour)")(
      "format", po::value<std::string>()->default_value("text"), "text, submit, defaults or json")(
      "json", "same as --format json (sparktune.optimize/1)")(
      "strategy", po::value<std::string>()->default_value("auto"), "auto, exhaustive or bayes")(
      "max-simulations", po::value<int>()->default_value(400), "simulation budget of the search")(
      "min-gain", po::value<double>()->default_value(search::kDefaultMinGainPct),
      "propose a change only when the lower end of its predicted saving is above this, %")(
      "rank", po::value<std::string>()->default_value("upper"),
      "upper: rank configs by the pessimistic end of their predicted interval; point: by the point "
      "value")("no-advice", "skip plan-level advice");
  AddEngineAssumptionOptions(options);
  return options;
}

}  // namespace

int RunOptimize(const std::vector<std::string>& args) {
  po::options_description options = OptimizeOptionsDescription();
  po::variables_map vm;
  if (auto exit =
          ParseOptions("optimize", args, options, PositionalArg{"log", false, "event log"}, vm))
    return *exit;
  if (!vm.count("log")) {
    std::cerr << "sparktune optimize: expected one event log\n" << options;
    return kExitUsage;
  }
  auto usage = [&](const std::string& msg) {
    std::cerr << "sparktune optimize: " << msg << "\n";
    return kExitUsage;
  };
  search::OptimizeOptions opt;
  auto objective = search::ParseObjective(vm["objective"].as<std::string>());
  if (!objective) return usage("--objective expects mb-seconds, runtime or cost");
  opt.objective = *objective;
  std::string slowdown = vm["max-slowdown"].as<std::string>();
  if (slowdown == "none" || slowdown == "off") {
    opt.max_slowdown_pct = -1;
  } else {
    char* end = nullptr;
    opt.max_slowdown_pct = std::strtod(slowdown.c_str(), &end);
    if (end == slowdown.c_str() || *end != '\0' || opt.max_slowdown_pct < 0)
      return usage("--max-slowdown expects a percentage >= 0 or 'none', got '" + slowdown + "'");
  }
  std::string format = vm.count("json") ? "json" : vm["format"].as<std::string>();
  if (format != "text" && format != "submit" && format != "defaults" && format != "json")
    return usage("--format expects text, submit, defaults or json");
  std::string strategy = vm["strategy"].as<std::string>();
  if (strategy == "auto")
    opt.strategy = search::Strategy::kAuto;
  else if (strategy == "exhaustive")
    opt.strategy = search::Strategy::kExhaustive;
  else if (strategy == "bayes")
    opt.strategy = search::Strategy::kDescentAndBayes;
  else
    return usage("--strategy expects auto, exhaustive or bayes");
  opt.max_simulations = vm["max-simulations"].as<int>();
  if (opt.max_simulations < 1) return usage("--max-simulations expects a positive number");
  opt.min_gain_pct = vm["min-gain"].as<double>();
  if (opt.min_gain_pct < 0) return usage("--min-gain expects a percentage >= 0");
  std::string rank = vm["rank"].as<std::string>();
  if (rank != "upper" && rank != "point") return usage("--rank expects upper or point");
  auto assumptions = EngineAssumptionsFromOptions(vm);
  if (!assumptions.ok()) return usage(assumptions.status().message());
  opt.rank_by_upper_bound = rank == "upper";
  if (vm.count("price-gb-hour")) opt.prices.per_gb_hour = vm["price-gb-hour"].as<double>();
  if (vm.count("price-core-hour")) opt.prices.per_core_hour = vm["price-core-hour"].as<double>();
  if (opt.prices.per_gb_hour < 0 || opt.prices.per_core_hour < 0)
    return usage("prices must be >= 0");
  if (vm.count("prices")) {
    auto sheet = prices::ReadPriceSheet(Env::Default(), vm["prices"].as<std::string>());
    if (!sheet.ok()) {
      std::cerr << "sparktune optimize: " << sheet.status().message() << "\n";
      return kExitUnreadable;
    }
    opt.prices.sheet = *sheet;
  }

  if (vm.count("cluster")) {
    auto limits = search::LoadClusterLimits(vm["cluster"].as<std::string>());
    if (!limits.ok()) {
      std::cerr << "sparktune: " << limits.status().message() << "\n";
      return limits.status().code() == StatusCode::kNotFound ? kExitUnreadable : kExitUsage;
    }
    opt.limits = *limits;
  }
  if (vm.count("cores-per-node")) {
    if (vm["cores-per-node"].as<int>() < 1)
      return usage("--cores-per-node expects a positive number");
    opt.limits.cores_per_node = vm["cores-per-node"].as<int>();
  }
  if (vm.count("max-container") &&
      !ParseSizeMib(vm["max-container"].as<std::string>(), &opt.limits.largest_container_mib))
    return usage("--max-container expects a size such as 64g");
  if (vm.count("memory-steps")) {
    opt.limits.memory_steps_mib.clear();
    std::string list = vm["memory-steps"].as<std::string>();
    size_t pos = 0;
    while (pos <= list.size()) {
      size_t comma = list.find(',', pos);
      std::string item =
          list.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
      int64_t mib = 0;
      if (!ParseSizeMib(item, &mib))
        return usage("--memory-steps expects sizes such as 2g,4g,8g; got '" + item + "'");
      opt.limits.memory_steps_mib.push_back(mib);
      if (comma == std::string::npos) break;
      pos = comma + 1;
    }
    std::sort(opt.limits.memory_steps_mib.begin(), opt.limits.memory_steps_mib.end());
  }
  if (vm.count("max-executors")) {
    if (vm["max-executors"].as<int>() < 1)
      return usage("--max-executors expects a positive number");
    opt.limits.max_executors = vm["max-executors"].as<int>();
  }
  if (vm.count("candidates")) {
    auto c = search::LoadCandidates(vm["candidates"].as<std::string>());
    if (!c.ok()) {
      std::cerr << "sparktune: " << c.status().message() << "\n";
      return c.status().code() == StatusCode::kNotFound ? kExitUnreadable : kExitUsage;
    }
    opt.candidates = std::move(*c);
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
  simulator::ReplayFidelity fidelity = simulator::AssessReplay(loaded->app, sim.Run({}));
  if (fidelity.refused()) return RefuseOptimize(format, path, loaded->app, fidelity);
  auto result = search::Optimize(sim, opt);
  if (!result.ok()) {
    std::cerr << "sparktune: " << result.status().ToString() << "\n";
    return ExitCodeFor(result.status());
  }
  std::vector<advice::Advice> advice;
  if (!vm.count("no-advice") && (format == "text" || format == "json"))
    advice = advice::RunAdvisors(sim, result->baseline.result);

  recommend::OptimizeReportInput in;
  in.path = path;
  in.app_id = loaded->app.app_id;
  in.app_name = loaded->app.name;
  in.result = &*result;
  in.options = &opt;
  in.advice = &advice;
  int code = result->found_feasible ? kExitOk : kExitFindings;
  PrintOptimizeResult(format, in, fidelity);
  return code;
}

}  // namespace sparktune::cli
