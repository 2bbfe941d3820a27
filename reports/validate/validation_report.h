// ValidationReport: what `sparktune validate` measured, as plain data, the
// figures made from it, and the renderers (text table, JSON).
//
// Input (filled by advisor/cli/validate_command.cc):
//  * ValidationPair: one base run's log replayed at another config of the
//    same workload, against the MEDIAN of that target config's repeats (not
//    one run), with the prediction's [low, high] interval;
//  * RepeatSample: one repeat against the median of the other repeats of its
//    own config: the run-to-run floor no model can beat.
// Summarize() groups them per split (test first, then train, then any other
// label), per workload, per knob class (a pair changing knobs of one class)
// and multi-knob (two or more classes), and computes for each group:
//  * MAPE: mean of |predicted - actual| / actual, for duration and MB-seconds;
//  * coverage: share of pairs whose actual lies inside [low, high] (the simulator's own
//    interval), and inside the calibrated interval where the pair has one;
//  * Kendall's tau between predicted and actual (per base run over its
//    targets, averaged over base runs; only for splits and workloads).
//
// Median of an even number of repeats: the mean of the two middle values
// (stats::Quantile's lower and stats::Median's upper middle), so the floor of
// three repeats compares each with the midpoint of the other two.
//
// Thread safety: plain values; the functions are pure.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace sparktune::reports {

struct ValidationPair {
  std::string workload;     // label of the workload (its args appended when it has several)
  std::string split;        // "train", "test", or another label ("unsplit" when the index has none)
  std::string base_run;     // run id (or log file name) whose log was replayed
  std::string base_config;  // config id of the base run
  std::string target_config;              // config id of the target
  std::vector<std::string> knob_classes;  // sorted classes changed between base and target
  std::map<std::string, std::string> overrides;
  int target_repeats = 0;
  double predicted_duration_ms = 0, actual_duration_ms = 0;  // actual: median of the repeats
  double duration_low_ms = 0, duration_high_ms = 0;
  double predicted_mb_seconds = 0, actual_mb_seconds = 0;
  double mb_seconds_low = 0, mb_seconds_high = 0;
  // The calibrated (split conformal) interval, when `validate` had tuning pairs to calibrate on
  // (simulator/calibration/conformal_intervals.h).
  bool has_calibrated = false;
  double calibrated_duration_low_ms = 0, calibrated_duration_high_ms = 0;
  double calibrated_mb_seconds_low = 0, calibrated_mb_seconds_high = 0;
};

struct RepeatSample {
  std::string workload;
  std::string split;
  std::string config;
  std::string run;
  double duration_ms = 0, others_duration_ms = 0;  // others: median of the other repeats
  double mb_seconds = 0, others_mb_seconds = 0;
};

struct ValidationInput {
  std::string index_path;
  int runs = 0;                      // runs whose logs were replayed
  std::vector<std::string> skipped;  // "<run>: why" for runs left out
  std::vector<ValidationPair> pairs;
  std::vector<RepeatSample> repeats;
  // The calibrated intervals' tables ({"calibratedOn", "duration", "mbSeconds"}), null when
  // there was no tuning split to calibrate on.
  nlohmann::json calibration;
};

// The figures of one group of pairs. Tau fields are meaningful when tau_bases > 0.
struct PairFigures {
  int pairs = 0;
  double mape_duration = 0, mape_mb_seconds = 0;
  double coverage_duration = 0, coverage_mb_seconds = 0;
  // The same for the calibrated intervals, over the `calibrated_pairs` that have one.
  int calibrated_pairs = 0;
  double calibrated_coverage_duration = 0, calibrated_coverage_mb_seconds = 0;
  int tau_bases = 0;  // base runs with >= 2 targets in the group
  double kendall_tau_duration = 0, kendall_tau_mb_seconds = 0;
};

struct FloorFigures {
  int repeats = 0;
  double mape_duration = 0, mape_mb_seconds = 0;
};

struct SplitSummary {
  std::string split;
  PairFigures all, single_knob, multi_knob;
  FloorFigures floor;
  // Single-class rows ("memory", ...) then multi-knob combinations ("aqe+memory").
  std::vector<std::pair<std::string, PairFigures>> knob_classes;
};

struct WorkloadSummary {
  std::string workload;
  std::string split;
  PairFigures figures;
  FloorFigures floor;
};

struct ValidationSummary {
  std::vector<SplitSummary> splits;        // test, train, then other labels
  std::vector<WorkloadSummary> workloads;  // in split order, then by name
};

// Kendall's tau-a of two equally long series (1 when no pair is ordered).
double KendallTau(const std::vector<double>& a, const std::vector<double>& b);

// The median as this report defines it (mean of the two middles for even n).
double MedianOfRepeats(const std::vector<double>& values);

ValidationSummary Summarize(const ValidationInput& input);

// The human table: splits side by side (test first), then per workload.
std::string RenderValidationText(const ValidationInput& input, const ValidationSummary& summary,
                                 bool with_pairs);

// sparktune.validate/2: every figure of the summary; every pair and repeat when `with_pairs`.
nlohmann::json RenderValidationJson(const ValidationInput& input, const ValidationSummary& summary,
                                    bool with_pairs);

}  // namespace sparktune::reports
