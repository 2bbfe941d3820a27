// FleetRecommender: chooses the cluster-wide defaults (one FleetGrid
// candidate) that minimize the fleet's total MB-seconds, each job within its
// slowdown limit and free of out-of-memory risk, then per-job overrides only
// where a job's predicted gain over the chosen defaults exceeds a threshold
// (default 10% of its MB-seconds), or where the defaults would break the job's
// limit.
//
// Inputs are per-job predictions at every candidate (from `ingest`'s fleet-grid
// evaluation, or from scenario simulations). Predictions are used as ratios to
// the job's own simulated baseline and applied to its observed figures, so the
// replay error of each job cancels out of the comparison (architecture.md,
// "Honesty": the baseline and every alternative go through the same path).
// A job with no candidate within its limit keeps its current config (an
// override back to its own settings).
//
// A change only with a gain (issue 14): the chosen defaults replace "keep
// current settings" only when the lower end of the fleet saving's interval (the
// calibrated one where the job's config is known, FleetOptions) is above the minimum gain (a
// fraction of the fleet's MB-seconds and an absolute floor); an override only when the lower end of
// its gain over the defaults is above its threshold. Otherwise the fleet keeps its settings and
// FleetRecommendation::decision says why.
//
// Candidates whose initial shuffle partitions exceed what the fleet's largest
// stage shuffle needs at their advisory size (FitsFleetShuffle) are not
// offered, as defaults or as overrides (`scores` lists only the rest).
//
// Pure computation: no I/O; deterministic for the same input.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "advisor/recommend/fleet_grid.h"
#include "advisor/search/cluster_limits.h"
#include "data/base/units.h"
#include "engine/memory/container_size.h"

namespace sparktune::advisor {

struct CandidatePrediction {
  double duration_ms = 0, duration_ms_low = 0, duration_ms_high = 0;
  double mb_seconds = 0, mb_seconds_low = 0, mb_seconds_high = 0;
  double core_seconds = 0;
  bool oom_risk = false;
  bool present = false;  // false when this job was not evaluated at this candidate
  // [mb_seconds_low, mb_seconds_high] is the calibrated interval of the candidate's knob classes
  // (set by RecommendFleet from the job's own config), not the simulator's.
  bool calibrated = false;
};

struct FleetJob {
  std::string job_key;
  std::string app_id;
  double observed_duration_ms = 0;
  double observed_mb_seconds = 0;
  double baseline_duration_ms = 0;  // simulated at the job's own config
  double baseline_mb_seconds = 0;
  // The baseline's own interval: with it a candidate's interval is paired (the replay's error at
  // the job's own config cancels out, search/paired_interval.h); 0 = unknown, unpaired.
  double baseline_mb_seconds_low = 0, baseline_mb_seconds_high = 0;
  double observed_core_seconds = 0;  // only needed with FleetOptions::node_mib_per_core
  double baseline_core_seconds = 0;
  std::optional<double> max_slowdown;  // per-job limit as a fraction; default from options
  double max_stage_shuffle_bytes = 0;  // its largest stage's shuffle write; 0 = unknown
  // The job's own settings (logged) and version, when known: a candidate that
  // makes an invalid combination with them (config_change.h,
  // ValidateCombination) is never proposed for the job.
  std::optional<engine::EffectiveConfig> own_config;
  std::vector<CandidatePrediction> at;  // aligned with the candidate list
};

// The smallest fleet saving worth a change: the lower end of its interval must
// exceed 2% of the fleet's MB-seconds and 1 GB·h per night (below that the
// change is inside the replay's noise or not worth a rollout).
inline constexpr double kDefaultMinFleetGain = 0.02;
inline constexpr double kDefaultMinFleetGainMbSeconds = units::kMbSecondsPerGbHour;

struct FleetOptions {
  double max_slowdown = 0.10;              // fraction of observed duration
  double override_min_gain = 0.10;         // fraction of the job's MB-seconds under the defaults
  double min_gain = kDefaultMinFleetGain;  // fraction of the fleet's MB-seconds
  double min_gain_mb_seconds = kDefaultMinFleetGainMbSeconds;  // absolute floor per night
  // The nodes' memory per core, MiB (e.g. 384 GB / 64 cores = 6144). When
  // set, a job is charged for the memory its cores strand on the node:
  // max(MB-seconds, core-seconds x node MiB per core), the dominant share a
  // scheduler such as YARN's DominantResourceCalculator allocates. This is
  // how eBay derived 5 GB per core from 384 GB / 64-core nodes
  // (seed-cases.md). 0 = plain MB-seconds.
  double node_mib_per_core = 0;
  // Cluster limits for ValidateCombination (0 = unknown: not checked).
  search::ClusterLimits limits;
  // A job whose own config is known gets, at each candidate, the interval calibrated on the
  // ground truth's train split for the knob classes the candidate changes
  // (simulator/calibration/cross_config_intervals.h: 80-95% of unseen outcomes inside, measured)
  // instead of the simulator's own (which covers about a quarter): the minimum-gain gates then
  // ask that a change pays at the pessimistic end of an interval that means something.
  bool calibrated_intervals = true;
};

// What one job gets under the recommendation.
struct JobAssignment {
  std::string job_key;
  std::string app_id;
  int candidate = -1;        // index of the config the job runs with; -1 = keep its own
  bool is_override = false;  // differs from the fleet defaults
  std::string reason;        // why an override ("saves 23% more", "defaults exceed its limit")
  double observed_mb_seconds = 0;
  double predicted_mb_seconds = 0, predicted_mb_seconds_low = 0, predicted_mb_seconds_high = 0;
  double observed_duration_ms = 0;
  double predicted_duration_ms = 0;
  double at_defaults_mb_seconds = 0;  // what it would cost under the defaults
};

struct CandidateScore {
  int candidate = 0;
  double total_mb_seconds = 0;  // jobs the candidate breaks count at their current cost
  int jobs_within_limit = 0;
  int jobs_forced_off = 0;
};

struct FleetRecommendation {
  int chosen = -1;                     // index into the candidate list; -1 = no candidate
  std::vector<JobAssignment> jobs;     // one per input job, input order
  std::vector<CandidateScore> scores;  // every candidate, best first
  double observed_mb_seconds = 0;      // fleet total today
  double predicted_mb_seconds = 0;     // fleet total under defaults + overrides
  double predicted_mb_seconds_low = 0, predicted_mb_seconds_high = 0;
  int overrides = 0;
  // "keep current settings" won over the best candidate (`best_candidate`)
  // because the lower end of its saving was below the minimum gain; `decision`
  // says so with the figures, e.g. "keep current settings: predicted saving
  // 0.3% (−2.1% to 2.8%) is below the 2% minimum gain". Empty otherwise.
  bool kept_current = false;
  int best_candidate = -1;
  std::string decision;
  double SavingFraction() const {
    return observed_mb_seconds > 0 ? 1.0 - predicted_mb_seconds / observed_mb_seconds : 0.0;
  }
  // The lower end of the saving's interval, MB-seconds (negative: may cost more).
  double SavingLow() const { return observed_mb_seconds - predicted_mb_seconds_high; }
  double SavingHigh() const { return observed_mb_seconds - predicted_mb_seconds_low; }
};

FleetRecommendation RecommendFleet(const std::vector<FleetCandidate>& candidates,
                                   const std::vector<FleetJob>& jobs, const FleetOptions& options);

}  // namespace sparktune::advisor
