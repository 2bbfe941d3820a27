#include "advisor/recommend/fleet_recommender.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>

#include "advisor/recommend/config_change.h"
#include "advisor/search/paired_interval.h"
#include "data/base/unit_format.h"
#include "simulator/calibration/cross_config_intervals.h"

namespace sparktune::advisor {

namespace {

// A job's figures at one candidate, scaled to its observed run.
struct Scaled {
  bool feasible = false;
  double mbs = 0, mbs_low = 0, mbs_high = 0, duration = 0;
};

double Ratio(double value, double baseline) { return baseline > 0 ? value / baseline : 1.0; }

// The job's observed cost as the objective charges it.
double ObservedCharge(const FleetJob& job, const FleetOptions& options) {
  return options.node_mib_per_core > 0
             ? std::max(job.observed_mb_seconds,
                        job.observed_core_seconds * options.node_mib_per_core)
             : job.observed_mb_seconds;
}

Scaled ScaleAt(const FleetJob& job, int c, const FleetOptions& options) {
  Scaled s;
  if (c < 0 || c >= static_cast<int>(job.at.size()) || !job.at[c].present) return s;
  const CandidatePrediction& p = job.at[c];
  const double node = options.node_mib_per_core;
  // Charged MB-seconds: plain, or the dominant share of the node (memory the
  // job's cores strand counts as used).
  auto charged = [node](double mbs, double core_s) {
    return node > 0 ? std::max(mbs, core_s * node) : mbs;
  };
  const double observed = ObservedCharge(job, options);
  const double baseline = charged(job.baseline_mb_seconds, job.baseline_core_seconds);
  double mbs_ratio = Ratio(charged(p.mb_seconds, p.core_seconds), baseline);
  double dur_ratio = Ratio(p.duration_ms, job.baseline_duration_ms);
  s.mbs = observed * mbs_ratio;
  if (!p.calibrated && job.baseline_mb_seconds_high > 0 && baseline > 0) {
    // Paired with the baseline's own interval (the same log's replay error cancels out).
    const search::RatioInterval r = search::PairedRatio(
        baseline, charged(job.baseline_mb_seconds_low, job.baseline_core_seconds),
        charged(job.baseline_mb_seconds_high, job.baseline_core_seconds),
        charged(p.mb_seconds, p.core_seconds), charged(p.mb_seconds_low, p.core_seconds),
        charged(p.mb_seconds_high, p.core_seconds));
    s.mbs_low = observed * r.low;
    s.mbs_high = observed * r.high;
  } else {
    s.mbs_low = observed * Ratio(charged(p.mb_seconds_low, p.core_seconds), baseline);
    s.mbs_high = observed * Ratio(charged(p.mb_seconds_high, p.core_seconds), baseline);
  }
  s.duration = job.observed_duration_ms * dur_ratio;
  double limit = job.max_slowdown.value_or(options.max_slowdown);
  s.feasible = !p.oom_risk && std::isfinite(s.mbs) && dur_ratio <= 1.0 + limit + 1e-9;
  return s;
}

// The job's best feasible candidate by MB-seconds, or -1.
int BestFeasible(const FleetJob& job, const std::vector<bool>& offered,
                 const FleetOptions& options) {
  const int n = static_cast<int>(offered.size());
  int best = -1;
  double best_mbs = 0;
  for (int c = 0; c < n; ++c) {
    if (!offered[c]) continue;
    Scaled s = ScaleAt(job, c, options);
    if (s.feasible && (best < 0 || s.mbs < best_mbs - 1e-9)) {
      best = c;
      best_mbs = s.mbs;
    }
  }
  return best;
}

// The first candidate with no settings: "keep current settings", or -1.
int KeepIndex(const std::vector<FleetCandidate>& candidates) {
  for (size_t c = 0; c < candidates.size(); ++c) {
    if (candidates[c].config.empty()) return static_cast<int>(c);
  }
  return -1;
}

// Every candidate as the fleet default, best first: the fleet's total
// MB-seconds with every job on it, except that a job it breaks (too slow,
// out-of-memory risk) counts at its current cost, as if it kept its own
// config. Counting such a job at its own best instead would let a default
// that suits no job win by pushing the whole fleet into overrides.
std::vector<CandidateScore> ScoreCandidates(const std::vector<bool>& offered,
                                            const std::vector<FleetJob>& jobs,
                                            const FleetOptions& options) {
  std::vector<CandidateScore> scores;
  for (int c = 0; c < static_cast<int>(offered.size()); ++c) {
    if (!offered[c]) continue;
    CandidateScore score{.candidate = c};
    for (const FleetJob& job : jobs) {
      Scaled s = ScaleAt(job, c, options);
      if (s.feasible) {
        score.total_mb_seconds += s.mbs;
        ++score.jobs_within_limit;
      } else {
        ++score.jobs_forced_off;
        score.total_mb_seconds += ObservedCharge(job, options);
      }
    }
    scores.push_back(score);
  }
  std::stable_sort(scores.begin(), scores.end(),
                   [](const CandidateScore& a, const CandidateScore& b) {
                     if (std::abs(a.total_mb_seconds - b.total_mb_seconds) >
                         1e-9 * std::max(1.0, a.total_mb_seconds)) {
                       return a.total_mb_seconds < b.total_mb_seconds;
                     }
                     return a.jobs_forced_off < b.jobs_forced_off;
                   });
  return scores;
}

// One job under the defaults `chosen`: the defaults, an override to its own
// best candidate when the lower end of that gain exceeds the threshold, or
// its own config when the defaults break its limit.
JobAssignment Assign(const FleetJob& job, int best, int chosen, const FleetOptions& options) {
  JobAssignment a;
  a.job_key = job.job_key;
  a.app_id = job.app_id;
  a.observed_mb_seconds = ObservedCharge(job, options);
  a.observed_duration_ms = job.observed_duration_ms;
  Scaled at_default = ScaleAt(job, chosen, options);
  a.at_defaults_mb_seconds = at_default.feasible ? at_default.mbs : a.observed_mb_seconds;
  int pick = chosen;
  if (!at_default.feasible) {
    pick = best;
    a.is_override = true;
    const bool oom = static_cast<size_t>(chosen) < job.at.size() && job.at[chosen].oom_risk;
    a.reason = std::string("the defaults break its limit (") +
               (oom ? "out-of-memory risk" : "too slow or not evaluated") + ")";
  } else if (best >= 0 && best != chosen) {
    Scaled b = ScaleAt(job, best, options);
    // The lower end of the gain: the candidate's pessimistic cost against the
    // defaults' point estimate.
    double gain_low = 1.0 - b.mbs_high / at_default.mbs;
    if (gain_low > options.override_min_gain) {
      pick = best;
      a.is_override = true;
      char why[128];
      std::snprintf(why, sizeof why,
                    "saves %.0f%% more MB-seconds than the defaults (at least %.0f%%)",
                    100 * (1.0 - b.mbs / at_default.mbs), 100 * gain_low);
      a.reason = why;
    }
  }
  a.candidate = pick;
  if (pick >= 0) {
    Scaled s = ScaleAt(job, pick, options);
    a.predicted_mb_seconds = s.mbs;
    a.predicted_mb_seconds_low = s.mbs_low;
    a.predicted_mb_seconds_high = s.mbs_high;
    a.predicted_duration_ms = s.duration;
  } else {
    a.predicted_mb_seconds = a.predicted_mb_seconds_low = a.predicted_mb_seconds_high =
        a.observed_mb_seconds;
    a.predicted_duration_ms = job.observed_duration_ms;
    if (a.reason.empty()) a.reason = "no candidate within its limit: keeps its own config";
  }
  return a;
}

// Assigns every job under the defaults `chosen` and sums the fleet's figures.
void AssignFleet(const std::vector<FleetJob>& jobs, const std::vector<int>& best, int chosen,
                 const FleetOptions& options, FleetRecommendation& rec) {
  rec.chosen = chosen;
  rec.jobs.clear();
  rec.overrides = 0;
  rec.predicted_mb_seconds = rec.predicted_mb_seconds_low = rec.predicted_mb_seconds_high = 0;
  for (size_t j = 0; j < jobs.size(); ++j) {
    JobAssignment a = Assign(jobs[j], best[j], chosen, options);
    if (a.is_override) ++rec.overrides;
    rec.predicted_mb_seconds += a.predicted_mb_seconds;
    rec.predicted_mb_seconds_low += std::min(a.predicted_mb_seconds_low, a.predicted_mb_seconds);
    rec.predicted_mb_seconds_high += std::max(a.predicted_mb_seconds_high, a.predicted_mb_seconds);
    rec.jobs.push_back(std::move(a));
  }
}

// "keep current settings: predicted saving 0.3% (−2.1% to 2.8%) is below the
// 2% minimum gain" (or below the absolute floor, named in GB·h).
std::string KeepReason(const FleetRecommendation& rec, const FleetOptions& options) {
  const double total = rec.observed_mb_seconds;
  const double saving = total - rec.predicted_mb_seconds;
  auto pct = [total](double v) { return total > 0 ? 100 * v / total : 0.0; };
  char buf[256];
  std::snprintf(buf, sizeof buf,
                "keep current settings: predicted saving %.1f%% (%.1f%% to %.1f%%), ", pct(saving),
                pct(rec.SavingLow()), pct(rec.SavingHigh()));
  std::string out = buf;
  if (options.min_gain * total >= options.min_gain_mb_seconds) {
    std::snprintf(buf, sizeof buf, "is below the %.4g%% minimum gain", 100 * options.min_gain);
    out += buf;
  } else {
    out += units::FormatMbSeconds(rec.SavingLow()) +
           " at the lower end, is below the minimum gain of " +
           units::FormatMbSeconds(options.min_gain_mb_seconds) + " per night";
  }
  return out;
}

// The jobs with every candidate that makes an invalid combination with a
// job's own settings marked not evaluated for it (never proposed to it).
std::vector<FleetJob> WithoutInvalidCombinations(const std::vector<FleetCandidate>& candidates,
                                                 const std::vector<FleetJob>& jobs,
                                                 const FleetOptions& options) {
  std::vector<FleetJob> out = jobs;
  for (FleetJob& job : out) {
    if (!job.own_config) continue;
    for (size_t c = 0; c < candidates.size() && c < job.at.size(); ++c) {
      if (candidates[c].config.empty()) continue;  // its own settings
      engine::EffectiveConfig merged = *job.own_config;
      for (const auto& [key, value] : candidates[c].config) merged.Set(key, value);
      if (!ValidateCombination(merged, options.limits).ok()) job.at[c].present = false;
    }
  }
  return out;
}

// Each candidate's interval for a job whose own config is known: the calibrated interval of the
// knob classes the candidate changes against that config (cross_config_intervals.h).
void UseCalibratedIntervals(const std::vector<FleetCandidate>& candidates,
                            std::vector<FleetJob>* jobs) {
  for (FleetJob& job : *jobs) {
    if (!job.own_config) continue;
    for (size_t c = 0; c < candidates.size() && c < job.at.size(); ++c) {
      CandidatePrediction& p = job.at[c];
      if (!p.present) continue;
      std::map<std::string, std::string> changed;
      for (const auto& [key, value] : candidates[c].config)
        if (job.own_config->Get(key) != value) changed[key] = value;
      if (changed.empty()) continue;
      simulator::SimResult predicted;
      predicted.duration_ms = p.duration_ms;
      predicted.mb_seconds = p.mb_seconds;
      auto ci = simulator::CalibratedIntervalFor(changed, predicted);
      if (!ci) continue;
      p.mb_seconds_low = ci->mb_seconds_low;
      p.mb_seconds_high = ci->mb_seconds_high;
      p.duration_ms_low = ci->duration_low_ms;
      p.duration_ms_high = ci->duration_high_ms;
      p.calibrated = true;
    }
  }
}

}  // namespace

FleetRecommendation RecommendFleet(const std::vector<FleetCandidate>& candidates,
                                   const std::vector<FleetJob>& input_jobs,
                                   const FleetOptions& options) {
  std::vector<FleetJob> jobs = WithoutInvalidCombinations(candidates, input_jobs, options);
  if (options.calibrated_intervals) UseCalibratedIntervals(candidates, &jobs);
  FleetRecommendation rec;
  const int n = static_cast<int>(candidates.size());
  // Candidates the fleet's data size calls for (fleet_grid.h, FitsFleetShuffle).
  double max_stage_shuffle = 0;
  for (const FleetJob& job : jobs)
    max_stage_shuffle = std::max(max_stage_shuffle, job.max_stage_shuffle_bytes);
  std::vector<bool> offered(n);
  for (int c = 0; c < n; ++c) offered[c] = FitsFleetShuffle(candidates[c], max_stage_shuffle);
  std::vector<int> best(jobs.size());
  for (size_t j = 0; j < jobs.size(); ++j) {
    best[j] = BestFeasible(jobs[j], offered, options);
    rec.observed_mb_seconds += ObservedCharge(jobs[j], options);
  }
  rec.scores = ScoreCandidates(offered, jobs, options);
  if (rec.scores.empty()) return rec;
  rec.best_candidate = rec.scores.front().candidate;
  AssignFleet(jobs, best, rec.best_candidate, options, rec);
  // A change only with a gain: the lower end of the fleet's saving must clear
  // the minimum gain, else "keep current settings" (when it is a candidate).
  const int keep = KeepIndex(candidates);
  const double floor =
      std::max(options.min_gain * rec.observed_mb_seconds, options.min_gain_mb_seconds);
  if (keep >= 0 && rec.best_candidate != keep && rec.SavingLow() <= floor) {
    rec.decision = KeepReason(rec, options);
    rec.kept_current = true;
    AssignFleet(jobs, best, keep, options, rec);
  }
  return rec;
}

}  // namespace sparktune::advisor
