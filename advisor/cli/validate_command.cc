// `sparktune validate INDEX.json [--json]`: the cross-config accuracy table.
// INDEX.json is a list of real runs in the data/groundtruth/index.json format
// ({"workload", "config": {key: value}, "eventLog": path relative to the
// index, ...}). For every workload, every run is predicted from every other
// run's log with the config difference as overrides, and compared with what
// its own log measured (duration and MB-seconds). Reports mean absolute
// percentage error per workload and per changed knob, and Kendall's tau
// between predicted and actual MB-seconds rankings per (workload, base run).
#include <boost/program_options.hpp>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include "advisor/cli/command.h"
#include "advisor/cli/parse_options.h"
#include "data/eventlog/event_log_reader.h"
#include "engine/cost/observed_times.h"
#include "simulator/workload/app_simulator.h"

namespace sparktune::cli {

namespace po = boost::program_options;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

struct Run {
  std::string workload;
  std::string path;
  std::map<std::string, std::string> config;
  std::unique_ptr<eventlog::LoadedLog> log;
  engine::ObservedTimes observed;
};

double KendallTau(const std::vector<double>& a, const std::vector<double>& b) {
  int concordant = 0, discordant = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    for (size_t j = i + 1; j < a.size(); ++j) {
      double x = (a[i] - a[j]) * (b[i] - b[j]);
      if (x > 0) ++concordant;
      else if (x < 0) ++discordant;
    }
  }
  int n = concordant + discordant;
  return n == 0 ? 1.0 : static_cast<double>(concordant - discordant) / n;
}

}  // namespace

int RunValidate(const std::vector<std::string>& args) {
  po::options_description options("sparktune validate INDEX.json [options]");
  options.add_options()("help,h", "show this help")("json", "machine-readable output (sparktune.validate/1)")(
      "pairs", "print every (base run -> target run) prediction");
  po::variables_map vm;
  if (auto exit = ParseOptions("validate", args, options, PositionalArg{"index", false, "index"}, vm))
    return *exit;
  if (!vm.count("index")) {
    std::cerr << "sparktune validate: expected an index.json\n" << options;
    return kExitUsage;
  }
  std::string index_path = vm["index"].as<std::string>();
  std::ifstream in(index_path);
  if (!in) {
    std::cerr << "sparktune: not found: " << index_path << "\n";
    return kExitUnreadable;
  }
  json index;
  try {
    index = json::parse(in);
  } catch (const json::exception& e) {
    std::cerr << "sparktune: " << index_path << ": not valid JSON (" << e.what() << ")\n";
    return kExitUnreadable;
  }
  if (!index.is_array()) {
    std::cerr << "sparktune: " << index_path << ": expected a JSON list of runs\n";
    return kExitUnreadable;
  }
  fs::path base = fs::path(index_path).parent_path();
  std::vector<Run> runs;
  for (size_t i = 0; i < index.size(); ++i) {
    const json& r = index[i];
    if (!r.is_object() || !r.contains("workload") || !r.contains("eventLog") || !r.contains("config") ||
        !r["config"].is_object()) {
      std::cerr << "sparktune: " << index_path << ": run " << i
                << ": expected {\"workload\", \"config\": {...}, \"eventLog\"}\n";
      return kExitUnreadable;
    }
    if (r.value("incomplete", false) || r.value("killed", false)) continue;
    Run run;
    run.workload = r["workload"].get<std::string>();
    run.path = (base / r["eventLog"].get<std::string>()).string();
    for (auto& [k, v] : r["config"].items()) run.config[k] = v.is_string() ? v.get<std::string>() : v.dump();
    auto loaded = eventlog::ReadEventLog(run.path);
    if (!loaded.ok()) {
      std::cerr << "sparktune: skipping " << run.path << ": " << loaded.status().ToString() << "\n";
      continue;
    }
    if (!loaded->app.evidence.has_app_end) continue;
    run.log = std::make_unique<eventlog::LoadedLog>(std::move(*loaded));
    run.observed = engine::MeasureObserved(run.log->app);
    runs.push_back(std::move(run));
  }
  std::map<std::string, std::vector<size_t>> by_workload;
  for (size_t i = 0; i < runs.size(); ++i) by_workload[runs[i].workload].push_back(i);

  // With --json, stdout carries the JSON document alone.
  const bool as_json = vm.count("json") > 0;
  auto Text = [&](const char* format, auto... values) {
    if (!as_json) std::printf(format, values...);
  };
  json pairs = json::array();
  json out;
  out["schema"] = "sparktune.validate/1";
  json workloads = json::array();
  std::map<std::string, std::pair<double, int>> knob_dur, knob_mb;
  double all_dur = 0, all_mb = 0, all_tau = 0;
  int all_n = 0, all_tau_n = 0;
  Text("%-22s %6s %10s %10s %8s\n", "workload", "pairs", "MAPE dur", "MAPE MB-s", "tau");
  for (auto& [workload, ids] : by_workload) {
    double sum_dur = 0, sum_mb = 0, tau_sum = 0;
    int n = 0, tau_n = 0;
    for (size_t b : ids) {
      simulator::AppSimulator sim(runs[b].log->app);
      std::vector<double> predicted, actual;
      for (size_t t : ids) {
        if (t == b) continue;
        std::map<std::string, std::string> overrides;
        std::vector<std::string> knobs;
        for (auto& [k, v] : runs[t].config) {
          auto it = runs[b].config.find(k);
          if (it == runs[b].config.end() || it->second != v) {
            overrides[k] = v;
            if (!k.starts_with("spark.eventLog")) knobs.push_back(k);
          }
        }
        simulator::SimResult r = sim.Run(overrides);
        double ed = std::abs(r.duration_ms - runs[t].observed.duration_ms) / runs[t].observed.duration_ms;
        double em = std::abs(r.mb_seconds - runs[t].observed.mb_seconds) / runs[t].observed.mb_seconds;
        sum_dur += ed;
        sum_mb += em;
        ++n;
        pairs.push_back({{"workload", workload}, {"base", fs::path(runs[b].path).filename().string()},
                         {"target", fs::path(runs[t].path).filename().string()}, {"overrides", overrides},
                         {"predictedDurationMs", r.duration_ms}, {"actualDurationMs", runs[t].observed.duration_ms},
                         {"predictedMbSeconds", r.mb_seconds}, {"actualMbSeconds", runs[t].observed.mb_seconds}});
        if (vm.count("pairs")) {
          if (n == 1) Text("%s:\n", workload.c_str());
          std::string changed;
          for (auto& [k, v] : overrides) {
            if (!k.starts_with("spark.eventLog")) changed += " " + k.substr(k.rfind('.') + 1) + "=" + v;
          }
          Text("  %s -> %s: duration %.0f vs %.0f (%+.0f%%), MB-s %+.0f%%;%s\n",
                      fs::path(runs[b].path).filename().c_str(), fs::path(runs[t].path).filename().c_str(),
                      r.duration_ms, runs[t].observed.duration_ms,
                      100 * (r.duration_ms / runs[t].observed.duration_ms - 1),
                      100 * (r.mb_seconds / runs[t].observed.mb_seconds - 1), changed.c_str());
        }
        predicted.push_back(r.mb_seconds);
        actual.push_back(runs[t].observed.mb_seconds);
        std::string knob = knobs.empty() ? "(same config: repeat)" : knobs.size() == 1 ? knobs[0] : "(several)";
        knob_dur[knob].first += ed;
        knob_dur[knob].second += 1;
        knob_mb[knob].first += em;
        knob_mb[knob].second += 1;
      }
      if (predicted.size() >= 2) {
        tau_sum += KendallTau(predicted, actual);
        ++tau_n;
      }
    }
    if (n == 0) continue;
    Text("%-22s %6d %9.1f%% %9.1f%% %8.2f\n", workload.c_str(), n, 100 * sum_dur / n, 100 * sum_mb / n,
                tau_n ? tau_sum / tau_n : 0.0);
    workloads.push_back({{"workload", workload}, {"pairs", n}, {"mapeDuration", sum_dur / n},
                         {"mapeMbSeconds", sum_mb / n}, {"kendallTauMbSeconds", tau_n ? tau_sum / tau_n : 0.0}});
    all_dur += sum_dur;
    all_mb += sum_mb;
    all_n += n;
    all_tau += tau_sum;
    all_tau_n += tau_n;
  }
  if (all_n > 0) {
    Text("%-22s %6d %9.1f%% %9.1f%% %8.2f\n", "all", all_n, 100 * all_dur / all_n, 100 * all_mb / all_n,
                all_tau_n ? all_tau / all_tau_n : 0.0);
  }
  Text("\nby changed knob:\n");
  json knobs = json::array();
  for (auto& [knob, v] : knob_dur) {
    Text("  %-52s %4d pairs  MAPE dur %6.1f%%  MB-s %6.1f%%\n", knob.c_str(), v.second,
                100 * v.first / v.second, 100 * knob_mb[knob].first / v.second);
    knobs.push_back({{"knob", knob}, {"pairs", v.second}, {"mapeDuration", v.first / v.second},
                     {"mapeMbSeconds", knob_mb[knob].first / v.second}});
  }
  out["workloads"] = workloads;
  out["knobs"] = knobs;
  if (vm.count("pairs")) out["pairs"] = pairs;
  if (as_json) std::cout << out.dump(2) << "\n";
  return kExitOk;
}

}  // namespace sparktune::cli
