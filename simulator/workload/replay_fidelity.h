// ReplayFidelity: how far the replay of one event log can be trusted, and
// whether a simulated figure may be shown as a prediction at all.
//
// The assessment combines two things (issue 12, item 4):
//  * evidence checks on the log itself: task ends to calibrate from,
//    executors that ran them, a local-mode run, an application end (a
//    truncated or in-progress log gives only a lower bound), and the clock
//    (tasks outside the application's lifetime, an application start missing,
//    timestamps years apart);
//  * the baseline replay (the log's own config, architecture.md "Honesty")
//    against what the log measured: duration and MB-seconds more than
//    kDefaultThresholds.low_confidence_error (25%) off make every prediction
//    of this app low-confidence; a figure that is absurd (not finite, zero or
//    negative, a year or more, more than refuse_ratio (10x) off the observed)
//    is refused: the callers print the reasons instead of the number.
//
// Levels, in order of severity: ok < low-confidence < refused; the level is
// the most severe of every check, and `reasons` holds one plain sentence per
// check that failed (empty when ok). CheckPrediction applies the
// absurd-number rule to any other prediction (an alternative config) of an
// app whose baseline was not refused.
//
// Callers: whatif (CLI and shell), optimize, nightly (ingest and report),
// recommend, and bench/replay_accuracy_bench. The store-backed callers fill
// ReplayEvidence from stored rows (advisor/nightly/stored_fidelity.h).
// Thread-compatible: plain functions of their arguments.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "data/model/application.h"
#include "simulator/result/sim_result.h"

namespace sparktune::simulator {

enum class FidelityLevel { kOk, kLowConfidence, kRefused };
// "ok", "low-confidence", "refused" (the spelling of every output).
const char* FidelityLevelName(FidelityLevel level);

// What the log holds that a replay depends on.
struct ReplayEvidence {
  int64_t task_ends = 0;    // tasks with a TaskEnd (any reason)
  int executors = 0;        // executors that registered (ExecutorAdded), driver excluded
  bool local_mode = false;  // spark.master local[...] and no executor: the driver ran the tasks
  bool complete = true;     // ApplicationEnd seen and the layout is not in progress
  bool start_known = true;  // ApplicationStart has a timestamp
  // Work that happened outside the application's lifetime by more than
  // FidelityThresholds::clock_tolerance_ms: task attempts (from a log) or
  // stage attempts (from the store, which keeps no tasks).
  int64_t work_outside_lifetime = 0;
  // Largest distance between two timestamps of the log (first to last event
  // that carries a time), ms.
  double timestamp_span_ms = 0;
};

// The three figures a replay is compared on (engine/cost/observed_times.h).
struct ReplayFigures {
  double duration_ms = 0;
  double job_time_ms = 0;
  double mb_seconds = 0;
};

struct FidelityThresholds {
  // |baseline - observed| / observed above this: low-confidence (issue 12: 25%).
  double low_confidence_error = 0.25;
  // baseline / observed (or observed / baseline) above this: refused.
  double refuse_ratio = 10.0;
  // A duration at or above this is not a run anyone submitted: refused.
  double max_plausible_duration_ms = 365.0 * 24 * 3600 * 1000;
  // Clock skew between driver and executors that is tolerated before a task
  // counts as outside the application's lifetime.
  int64_t clock_tolerance_ms = 60'000;
};
inline constexpr FidelityThresholds kDefaultThresholds{};

struct ReplayFidelity {
  FidelityLevel level = FidelityLevel::kOk;
  std::vector<std::string> reasons;  // one sentence per failed check
  // (baseline - observed) / observed; absent when the observed figure is 0.
  std::optional<double> duration_error;
  std::optional<double> job_time_error;
  std::optional<double> mb_seconds_error;

  bool refused() const { return level == FidelityLevel::kRefused; }
  bool trusted() const { return level == FidelityLevel::kOk; }
  // The reasons joined with "; " (one line for tables and logs).
  std::string Summary() const;
};

// The evidence of a parsed log.
ReplayEvidence EvidenceFromApplication(const model::Application& app,
                                       const FidelityThresholds& thresholds = kDefaultThresholds);

// The assessment from evidence and the observed vs baseline figures.
ReplayFidelity AssessReplayFidelity(const ReplayEvidence& evidence, const ReplayFigures& observed,
                                    const ReplayFigures& baseline,
                                    const FidelityThresholds& thresholds = kDefaultThresholds);

// The same for a parsed log and its baseline simulation (SimResult at no overrides).
ReplayFidelity AssessReplay(const model::Application& app, const SimResult& baseline,
                            const FidelityThresholds& thresholds = kDefaultThresholds);

// Why a predicted figure (any config) may not be shown: not finite, zero or
// negative, or a year or more. Empty when it may be shown.
std::vector<std::string> CheckPrediction(const ReplayFigures& predicted,
                                         const FidelityThresholds& thresholds = kDefaultThresholds);

ReplayFigures FiguresOf(const SimResult& result);

}  // namespace sparktune::simulator
