// The output of `sparktune optimize` for one log, as JSON ("schema":
// "sparktune.optimize/1") and as a human table: best vs observed, savings
// with intervals, the changes and the stages that drive them, the Pareto
// front, the rewrite, plan-level advice. Strings from the log (app name,
// stage names) are reduced to one printable line in text output.
//
// A renderer: the search's answer comes in as plain values (OptimizeReport,
// filled by advisor/recommend/optimize_report.h). The per-stage, per-change
// and Pareto records are the search's own result types (advisor/search uses
// these structs), so nothing is copied twice. Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "data/prices/price_sheet.h"
#include "reports/optimize/plan_advice.h"
#include "reports/simulate/simulated_run.h"

namespace sparktune::reports {

// Percent change of the best config vs the baseline, negative = saving.
struct PercentChange {
  double pct = 0, pct_low = 0, pct_high = 0;
};

struct StageDelta {
  int stage_id = 0;
  std::string name;
  int base_tasks = 0, new_tasks = 0;
  double base_ms = 0, new_ms = 0;            // stage span (first task start to completion)
  double base_task_ms = 0, new_task_ms = 0;  // summed task time
  double base_spill_bytes = 0, new_spill_bytes = 0;
  std::string why;  // the simulator's reason, if any
};

struct ChangeEffect {
  std::string key;
  std::string from;  // value in force in the log ("" = unset)
  std::string to;
  double objective_pct_alone = 0;  // objective change with only this key changed, percent
  double duration_pct_alone = 0;
  std::vector<StageDelta> stages;  // stages that drive it, largest first
};

struct ParetoPoint {
  std::map<std::string, std::string> overrides;
  double duration_ms = 0;
  double mb_seconds = 0;
  double slowdown_pct = 0;
  bool within_slowdown = true;
  bool chosen = false;
};

// One simulated config.
struct OptimizeRun {
  SimulatedRun figures;
  double objective = 0;  // the objective's value
};

// The cluster limits the search respected.
struct OptimizeLimits {
  int cores_per_node = 0;
  int64_t largest_container_mib = 0;
  std::vector<int64_t> memory_steps_mib;
  int max_executors = 0;
  std::string source;
};

struct OptimizeReport {
  std::string path;
  std::string app_id;
  std::string app_name;
  std::string objective;  // "mb-seconds", "runtime", "cost"
  bool priced = false;    // objective "cost": the prices below apply
  double per_gb_hour = 0, per_core_hour = 0;
  std::optional<prices::PriceSheet> price_sheet;  // --prices FILE: replaces the two above
  double max_slowdown_pct = -1;                   // < 0: none
  double min_gain_pct = 0;
  OptimizeLimits limits;
  double observed_duration_ms = 0, observed_mb_seconds = 0, observed_core_seconds = 0;
  OptimizeRun baseline;
  OptimizeRun best;
  std::map<std::string, std::string> best_config;  // keys that differ from the log's
  bool best_is_baseline = true;
  // The best config's interval calibrated on the ground truth's train split (split conformal
  // per knob class, simulator/calibration/cross_config_intervals.h), when the best changes a
  // knob and a calibration is shipped.
  struct CalibratedInterval {
    std::string group;
    double coverage = 0;
    double duration_low_ms = 0, duration_high_ms = 0;
    double mb_seconds_low = 0, mb_seconds_high = 0;
  };
  std::optional<CalibratedInterval> best_calibrated;
  std::string keep_reason;  // why the log's config is kept although a change was found
  bool found_feasible = true;
  double best_slowdown_pct = 0;
  std::vector<std::string> best_violations;
  int best_candidate = -1;  // index into the candidates file, or -1
  PercentChange mb_seconds, duration, cost;
  double observed_mb_seconds_saved = 0;
  std::vector<ChangeEffect> changes;
  std::vector<StageDelta> drivers;
  std::vector<ParetoPoint> pareto;
  std::string submit_args;        // the rewrite as spark-submit arguments
  std::string defaults_fragment;  // and as a spark-defaults.conf fragment
  std::vector<PlanAdvice> advice;
  std::string strategy;
  std::vector<std::string> dimensions;
  double space_size = 0;
  int simulations = 0;
  int cache_hits = 0;
  double wall_ms = 0;
  std::vector<std::string> notes;
};

nlohmann::ordered_json OptimizeJson(const OptimizeReport& report);
std::string OptimizeText(const OptimizeReport& report);

}  // namespace sparktune::reports
