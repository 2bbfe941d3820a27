// `sparktune validate INDEX.json [--split train|test|all] [--json] [--pairs] [--coverage P]
// [--write-intervals FILE]`:
// cross-config accuracy on real runs.
//
// INDEX.json is a list of runs in the data/groundtruth/index.json format
// ({"id", "workload", "split", "configId", "config": {key: value}, "args",
// "eventLog": path relative to the index, ...}; docs/harness.md). Runs of
// one workload with the same args are one program; runs of one program with
// the same configId (else the same config) are repeats. Every run's log is
// replayed at every other config of its program, with the config difference
// as overrides, and compared with the MEDIAN of that config's repeats; each
// repeat is also compared with the median of the other repeats (the floor).
// Runs marked completed=false, disturbed=true or special=true are left out.
// The split is a property of the workload: one workload in two splits is an
// error. The figures and their rendering: reports/validate/.
#include <boost/program_options.hpp>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <tuple>

#include "advisor/cli/command.h"
#include "advisor/cli/parse_options.h"
#include "data/base/env.h"
#include "data/base/result.h"
#include "data/config/config_catalog.h"
#include "data/eventlog/event_log_reader.h"
#include "engine/cost/observed_times.h"
#include "reports/validate/validation_report.h"
#include "simulator/calibration/conformal_intervals.h"
#include "simulator/calibration/knob_classes.h"
#include "simulator/workload/app_simulator.h"

namespace sparktune::cli {

namespace po = boost::program_options;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// A run as the index states it.
struct IndexRun {
  int line = 0;
  std::string id, workload, split, config_id, program, log_path;
  std::vector<std::string> args;
  std::map<std::string, std::string> config;
  std::string skip_reason;  // non-empty: left out of the comparison
};

// A run whose log was read.
struct ReplayRun {
  const IndexRun* entry = nullptr;
  std::string config_key;
  std::unique_ptr<eventlog::LoadedLog> log;
  engine::ObservedTimes observed;
};

// 1-based line of each top-level element of a JSON array text (strings and
// escapes respected), so errors can name the line of the offending run.
std::vector<int> ElementLines(const std::string& text) {
  std::vector<int> lines;
  int line = 1, depth = 0;
  bool in_string = false, escaped = false, expect_element = false;
  for (char c : text) {
    if (c == '\n') ++line;
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (expect_element && depth == 1 && !std::isspace(static_cast<unsigned char>(c)) && c != ']') {
      lines.push_back(line);
      expect_element = false;
    }
    if (c == '"') in_string = true;
    if (c == '[' || c == '{') expect_element = (++depth == 1);
    if (c == ']' || c == '}') --depth;
    if (c == ',' && depth == 1) expect_element = true;
  }
  return lines;
}

std::string ConfigValue(const json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

Result<IndexRun> ParseRun(const json& r, const std::string& where, const fs::path& base) {
  if (!r.is_object() || !r.contains("workload") || !r["workload"].is_string() ||
      !r.contains("eventLog") || !r["eventLog"].is_string() || !r.contains("config") ||
      !r["config"].is_object()) {
    return Status::InvalidArgument(where +
                                   ": expected {\"workload\": \"...\", \"config\": {...}, "
                                   "\"eventLog\": \"...\"}");
  }
  IndexRun run;
  run.workload = r["workload"].get<std::string>();
  run.log_path = (base / r["eventLog"].get<std::string>()).string();
  run.id = r.value("id", fs::path(run.log_path).filename().string());
  run.split = r.value("split", std::string("unsplit"));
  run.config_id = r.value("configId", std::string());
  for (auto& [k, v] : r["config"].items()) run.config[k] = ConfigValue(v);
  if (r.contains("args") && r["args"].is_array()) {
    for (const auto& a : r["args"]) run.args.push_back(ConfigValue(a));
  }
  run.program = run.workload;
  for (const auto& a : run.args) run.program += " " + a;
  if (!r.value("completed", true)) run.skip_reason = "not completed";
  if (r.value("disturbed", false)) run.skip_reason = "disturbed by other processes (foreign CPU)";
  if (r.value("special", false)) run.skip_reason = "special run (reader test, not a grid config)";
  return run;
}

// Reads the index, checks it, and keeps the runs of `split` ("all": every run).
Result<std::vector<IndexRun>> ReadIndex(const std::string& path, const std::string& split) {
  std::ifstream in(path);
  if (!in) return Status::NotFound("not found: " + path);
  std::stringstream text;
  text << in.rdbuf();
  json index;
  try {
    index = json::parse(text.str());
  } catch (const json::exception& e) {
    return Status::Unreadable(path + ": not valid JSON (" + e.what() + ")");
  }
  if (!index.is_array()) return Status::Unreadable(path + ": expected a JSON list of runs");
  std::vector<int> lines = ElementLines(text.str());
  fs::path base = fs::path(path).parent_path();
  std::vector<IndexRun> runs;
  std::map<std::string, const IndexRun*> split_of;
  for (size_t i = 0; i < index.size(); ++i) {
    int line = i < lines.size() ? lines[i] : 0;
    std::string where = path + ":" + std::to_string(line) + ": run " + std::to_string(i);
    auto run = ParseRun(index[i], where, base);
    if (!run.ok()) return run.status();
    run->line = line;
    runs.push_back(std::move(*run));
  }
  for (const auto& r : runs) {
    auto [it, fresh] = split_of.emplace(r.workload, &r);
    if (!fresh && it->second->split != r.split) {
      return Status::InvalidArgument(
          path + ":" + std::to_string(r.line) + ": workload " + r.workload + " is split '" +
          r.split + "' here but '" + it->second->split + "' at line " +
          std::to_string(it->second->line) + "; the split is fixed per workload");
    }
  }
  if (split != "all") {
    std::erase_if(runs, [&](const IndexRun& r) { return r.split != split; });
  }
  return runs;
}

std::string ConfigKey(const IndexRun& r) {
  if (!r.config_id.empty()) return r.config_id;
  std::string key;
  for (const auto& [k, v] : r.config) key += k + "=" + v + ";";
  return key;
}

// Labels: the workload name, or workload + args when one workload has several programs.
std::map<std::string, std::string> ProgramLabels(const std::vector<ReplayRun>& runs) {
  std::map<std::string, std::set<std::string>> programs;
  for (const auto& r : runs) programs[r.entry->workload].insert(r.entry->program);
  std::map<std::string, std::string> labels;
  for (const auto& [workload, set] : programs) {
    for (const auto& p : set) labels[p] = set.size() == 1 ? workload : p;
  }
  return labels;
}

std::vector<ReplayRun> LoadRuns(const std::vector<IndexRun>& index,
                                reports::ValidationInput* input) {
  std::vector<ReplayRun> runs;
  for (const auto& entry : index) {
    if (!entry.skip_reason.empty()) {
      input->skipped.push_back(entry.id + ": " + entry.skip_reason);
      continue;
    }
    auto loaded = eventlog::ReadEventLog(entry.log_path);
    if (!loaded.ok()) {
      std::cerr << "sparktune: skipping " << entry.log_path << ": " << loaded.status().ToString()
                << "\n";
      input->skipped.push_back(entry.id + ": unreadable log (" + loaded.status().ToString() + ")");
      continue;
    }
    if (!loaded->app.evidence.has_app_end) {
      input->skipped.push_back(entry.id + ": the log has no application end");
      continue;
    }
    ReplayRun run;
    run.entry = &entry;
    run.config_key = ConfigKey(entry);
    run.log = std::make_unique<eventlog::LoadedLog>(std::move(*loaded));
    run.observed = engine::MeasureObserved(run.log->app);
    runs.push_back(std::move(run));
  }
  return runs;
}

using ConfigGroups = std::map<std::string, std::vector<const ReplayRun*>>;  // config key -> repeats

void AddRepeatSamples(const std::string& label, const ConfigGroups& configs,
                      reports::ValidationInput* input) {
  for (const auto& [config, repeats] : configs) {
    if (repeats.size() < 2) continue;
    for (const auto* r : repeats) {
      std::vector<double> durations, mb;
      for (const auto* o : repeats) {
        if (o == r) continue;
        durations.push_back(o->observed.duration_ms);
        mb.push_back(o->observed.mb_seconds);
      }
      input->repeats.push_back({label, r->entry->split, config, r->entry->id,
                                r->observed.duration_ms, reports::MedianOfRepeats(durations),
                                r->observed.mb_seconds, reports::MedianOfRepeats(mb)});
    }
  }
}

void AddPairs(const std::string& label, const ConfigGroups& configs,
              reports::ValidationInput* input) {
  for (const auto& [base_config, bases] : configs) {
    for (const auto* b : bases) {
      simulator::AppSimulator sim(b->log->app);
      for (const auto& [target_config, targets] : configs) {
        if (target_config == base_config) continue;
        reports::ValidationPair p;
        p.workload = label;
        p.split = b->entry->split;
        p.base_run = b->entry->id;
        p.base_config = base_config;
        p.target_config = target_config;
        p.target_repeats = static_cast<int>(targets.size());
        std::set<std::string> classes;
        for (const auto& [k, v] : targets.front()->entry->config) {
          auto it = b->entry->config.find(k);
          if (it != b->entry->config.end() && it->second == v) continue;
          std::string knob_class = simulator::KnobClassOf(k);
          if (knob_class.empty()) continue;  // an event-log key
          p.overrides[k] = v;
          classes.insert(knob_class);
        }
        p.knob_classes.assign(classes.begin(), classes.end());
        simulator::SimResult r = sim.Run(p.overrides);
        std::vector<double> durations, mb;
        for (const auto* t : targets) {
          durations.push_back(t->observed.duration_ms);
          mb.push_back(t->observed.mb_seconds);
        }
        p.predicted_duration_ms = r.duration_ms;
        p.duration_low_ms = r.duration_ms_low;
        p.duration_high_ms = r.duration_ms_high;
        p.actual_duration_ms = reports::MedianOfRepeats(durations);
        p.predicted_mb_seconds = r.mb_seconds;
        p.mb_seconds_low = r.mb_seconds_low;
        p.mb_seconds_high = r.mb_seconds_high;
        p.actual_mb_seconds = reports::MedianOfRepeats(mb);
        input->pairs.push_back(std::move(p));
      }
    }
  }
}

// Calibrates split-conformal intervals on the train split's pairs and gives every pair its
// calibrated interval; the tables go to input->calibration. No train pairs: nothing changes.
void CalibrateIntervals(double coverage, reports::ValidationInput* input) {
  std::vector<simulator::ConformalSample> duration, mb;
  for (const auto& p : input->pairs) {
    if (p.split != "train") continue;
    const std::string group = simulator::ConformalGroup(p.knob_classes);
    duration.push_back({group, p.predicted_duration_ms, p.actual_duration_ms});
    mb.push_back({group, p.predicted_mb_seconds, p.actual_mb_seconds});
  }
  if (duration.empty()) return;
  const simulator::ConformalTable d = simulator::CalibrateConformal(duration, coverage);
  const simulator::ConformalTable m = simulator::CalibrateConformal(mb, coverage);
  for (auto& p : input->pairs) {
    const std::string group = simulator::ConformalGroup(p.knob_classes);
    p.has_calibrated = true;
    std::tie(p.calibrated_duration_low_ms, p.calibrated_duration_high_ms) =
        d.Interval(group, p.predicted_duration_ms);
    std::tie(p.calibrated_mb_seconds_low, p.calibrated_mb_seconds_high) =
        m.Interval(group, p.predicted_mb_seconds);
  }
  input->calibration = {{"calibratedOn", "train"},
                        {"pairs", duration.size()},
                        {"duration", simulator::ConformalTableJson(d)},
                        {"mbSeconds", simulator::ConformalTableJson(m)}};
}

}  // namespace

int RunValidate(const std::vector<std::string>& args) {
  po::options_description options("sparktune validate INDEX.json [options]");
  options.add_options()("help,h", "show this help")(
      "json", "machine-readable output (sparktune.validate/2)")(
      "pairs", "also print every (base run -> target config) prediction and repeat sample")(
      "split", po::value<std::string>()->default_value("all"),
      "runs of one split only: train, test or all")(
      "coverage", po::value<double>()->default_value(simulator::kDefaultIntervalCoverage),
      "target coverage of the intervals calibrated on the train split (0-1)")(
      "write-intervals", po::value<std::string>(),
      "write the calibrated interval tables (JSON) to this file");
  po::variables_map vm;
  if (auto exit =
          ParseOptions("validate", args, options, PositionalArg{"index", false, "index"}, vm)) {
    return *exit;
  }
  if (!vm.count("index")) {
    std::cerr << "sparktune validate: expected an index.json\n" << options;
    return kExitUsage;
  }
  std::string split = vm["split"].as<std::string>();
  if (split != "train" && split != "test" && split != "all") {
    std::cerr << "sparktune validate: --split expects train, test or all, got '" << split << "'\n";
    return kExitUsage;
  }
  const double coverage = vm["coverage"].as<double>();
  if (!(coverage > 0 && coverage < 1)) {
    std::cerr << "sparktune validate: --coverage expects a share in (0, 1), got " << coverage
              << "\n";
    return kExitUsage;
  }
  reports::ValidationInput input;
  input.index_path = vm["index"].as<std::string>();
  auto index = ReadIndex(input.index_path, split);
  if (!index.ok()) {
    std::cerr << "sparktune: " << index.status().message() << "\n";
    return kExitUnreadable;
  }
  std::vector<ReplayRun> runs = LoadRuns(*index, &input);
  input.runs = static_cast<int>(runs.size());
  std::map<std::string, std::string> labels = ProgramLabels(runs);
  std::map<std::string, ConfigGroups> programs;
  for (const auto& r : runs) programs[r.entry->program][r.config_key].push_back(&r);
  for (const auto& [program, configs] : programs) {
    AddRepeatSamples(labels[program], configs, &input);
    AddPairs(labels[program], configs, &input);
  }
  CalibrateIntervals(coverage, &input);
  if (vm.count("write-intervals")) {
    const std::string path = vm["write-intervals"].as<std::string>();
    if (input.calibration.is_null()) {
      std::cerr << "sparktune validate: no train pairs to calibrate intervals on (--split " << split
                << ")\n";
      return kExitUsage;
    }
    Status w = Env::Default()->WriteFileAtomically(path, input.calibration.dump(1) + "\n");
    if (!w.ok()) {
      std::cerr << "sparktune validate: " << w.message() << "\n";
      return kExitUnreadable;
    }
  }
  reports::ValidationSummary summary = reports::Summarize(input);
  const bool with_pairs = vm.count("pairs") > 0;
  if (vm.count("json")) {
    std::cout << reports::RenderValidationJson(input, summary, with_pairs).dump(2) << "\n";
  } else {
    std::cout << reports::RenderValidationText(input, summary, with_pairs);
  }
  return kExitOk;
}

}  // namespace sparktune::cli
