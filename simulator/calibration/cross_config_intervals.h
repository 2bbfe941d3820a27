// The calibrated intervals sparktune ships: split-conformal half-widths per knob class
// (conformal_intervals.h) fitted by `sparktune validate --write-intervals` on the ground truth's
// **train** split (data/groundtruth/index.json) and embedded at build time from
// data/calibration/cross_config_intervals.json by scripts/calibrate-intervals (which writes the
// generated cross_config_intervals_data.cc). Their coverage on the test split, which they were not
// fitted on, is what bench/README.md reports.
//
// `whatif` shows the calibrated interval of an alternative beside the simulator's own; a
// prediction at the log's own config (no override) has none: its error is the replay's, which
// replay_fidelity.h judges.
//
// Thread safety: the table is parsed once (function-local static) and read-only after.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "simulator/calibration/conformal_intervals.h"
#include "simulator/result/sim_result.h"

namespace sparktune::simulator {

struct CrossConfigIntervals {
  std::string calibrated_on;  // "train"
  int pairs = 0;              // calibration pairs
  ConformalTable duration;
  ConformalTable mb_seconds;
};

// The shipped table, or nullptr when none was generated (or it does not parse).
const CrossConfigIntervals* ShippedCrossConfigIntervals();

struct CalibratedInterval {
  std::string group;  // knob class, "multi-knob" or "all"
  double coverage = 0;
  int calibration_pairs = 0;  // pairs behind the duration half-width (the group's or the pool's)
  double duration_low_ms = 0, duration_high_ms = 0;
  double mb_seconds_low = 0, mb_seconds_high = 0;
};

// The calibrated interval of `predicted` (a run simulated with `overrides`), or nullopt when
// there are no overrides, no shipped table, or the group's half-width is unbounded.
std::optional<CalibratedInterval> CalibratedIntervalFor(
    const std::map<std::string, std::string>& overrides, const SimResult& predicted,
    const CrossConfigIntervals* table = ShippedCrossConfigIntervals());

}  // namespace sparktune::simulator
