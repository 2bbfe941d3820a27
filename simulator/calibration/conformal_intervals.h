// ConformalIntervals: prediction intervals for cross-config predictions (a log replayed at
// another config) whose coverage is measured, not assumed: split conformal prediction (Vovk,
// Gammerman and Shafer 2005; Lei et al., "Distribution-free predictive inference for
// regression", JASA 2018) on the relative error.
//
// Calibration: each calibration pair (a prediction and the actual outcome, e.g. the median of a
// target config's repeats on the ground truth's tuning split) scores s = |ln(actual / predicted)|.
// Per group (the knob class a pair changes, "memory", "partitions", ..., or "multi-knob" for
// pairs changing two classes or more) the half-width q is the ceil((n + 1) x coverage)-th
// smallest score of the group's n pairs; a group with fewer than `min_group_pairs` pairs uses
// the pool of all pairs. The interval of a new prediction p is [p / e^q, p x e^q].
//
// Guarantee and its limit: if the new pair and the calibration pairs are exchangeable, the
// actual falls inside with probability >= coverage. Pairs of other workloads are not strictly
// exchangeable with the calibration ones, which is why the coverage on a held-out split is what
// `sparktune validate` reports.
//
// Thread safety: pure values and functions.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "data/base/result.h"

namespace sparktune::simulator {

inline constexpr double kDefaultIntervalCoverage = 0.9;
inline constexpr int kMinConformalGroupPairs = 8;
inline constexpr const char* kMultiKnobGroup = "multi-knob";
inline constexpr const char* kAllPairsGroup = "all";

struct ConformalSample {
  std::string group;  // knob class, kMultiKnobGroup, ...
  double predicted = 0;
  double actual = 0;
};

// Half-widths (natural log of the ratio) per group, one table per metric.
struct ConformalTable {
  double coverage = kDefaultIntervalCoverage;
  int min_group_pairs = kMinConformalGroupPairs;
  std::map<std::string, double> half_width;  // group -> q; kAllPairsGroup always present
  std::map<std::string, int> pairs;          // group -> calibration pairs behind q

  // The group's q, or the pool's when the group had too few pairs for a finite q (or is
  // unknown).
  double HalfWidth(const std::string& group) const;
  // [predicted / e^q, predicted x e^q].
  std::pair<double, double> Interval(const std::string& group, double predicted) const;
};

// The group of a pair from the sorted knob classes it changes: the class itself, or
// kMultiKnobGroup for two or more; kAllPairsGroup for none.
std::string ConformalGroup(const std::vector<std::string>& knob_classes);

// Calibrates from `samples` (pairs with a non-positive prediction or actual are skipped).
// An empty input gives a table with no groups, whose HalfWidth is infinite.
ConformalTable CalibrateConformal(const std::vector<ConformalSample>& samples,
                                  double coverage = kDefaultIntervalCoverage,
                                  int min_group_pairs = kMinConformalGroupPairs);

// {"coverage", "minGroupPairs", "groups": {group: {"halfWidthLn", "factor", "pairs"}}}.
nlohmann::json ConformalTableJson(const ConformalTable& table);
Result<ConformalTable> ConformalTableFromJson(const nlohmann::json& j, const std::string& where);

}  // namespace sparktune::simulator
