#include "advisor/recommend/fleet_recommender.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

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
             ? std::max(job.observed_mb_seconds, job.observed_core_seconds * options.node_mib_per_core)
             : job.observed_mb_seconds;
}

Scaled ScaleAt(const FleetJob& job, int c, const FleetOptions& options) {
  Scaled s;
  if (c < 0 || c >= static_cast<int>(job.at.size()) || !job.at[c].present) return s;
  const CandidatePrediction& p = job.at[c];
  const double node = options.node_mib_per_core;
  // Charged MB-seconds: plain, or the dominant share of the node (memory the
  // job's cores strand counts as used).
  auto charged = [node](double mbs, double core_s) { return node > 0 ? std::max(mbs, core_s * node) : mbs; };
  const double observed = ObservedCharge(job, options);
  const double baseline = charged(job.baseline_mb_seconds, job.baseline_core_seconds);
  double mbs_ratio = Ratio(charged(p.mb_seconds, p.core_seconds), baseline);
  double dur_ratio = Ratio(p.duration_ms, job.baseline_duration_ms);
  s.mbs = observed * mbs_ratio;
  s.mbs_low = observed * Ratio(charged(p.mb_seconds_low, p.core_seconds), baseline);
  s.mbs_high = observed * Ratio(charged(p.mb_seconds_high, p.core_seconds), baseline);
  s.duration = job.observed_duration_ms * dur_ratio;
  double limit = job.max_slowdown.value_or(options.max_slowdown);
  s.feasible = !p.oom_risk && std::isfinite(s.mbs) && dur_ratio <= 1.0 + limit + 1e-9;
  return s;
}

// The job's best feasible candidate by MB-seconds, or -1.
int BestFeasible(const FleetJob& job, int n, const FleetOptions& options) {
  int best = -1;
  double best_mbs = 0;
  for (int c = 0; c < n; ++c) {
    Scaled s = ScaleAt(job, c, options);
    if (s.feasible && (best < 0 || s.mbs < best_mbs - 1e-9)) {
      best = c;
      best_mbs = s.mbs;
    }
  }
  return best;
}

}  // namespace

FleetRecommendation RecommendFleet(const std::vector<FleetCandidate>& candidates,
                                   const std::vector<FleetJob>& jobs, const FleetOptions& options) {
  FleetRecommendation rec;
  const int n = static_cast<int>(candidates.size());
  std::vector<int> best(jobs.size());
  for (size_t j = 0; j < jobs.size(); ++j) {
    best[j] = BestFeasible(jobs[j], n, options);
    rec.observed_mb_seconds += ObservedCharge(jobs[j], options);
  }
  // Score every candidate as the fleet default: the fleet's total MB-seconds
  // with every job on it, except that a job it breaks (too slow, out-of-memory
  // risk) counts at its current cost, as if it kept its own config. Counting
  // such a job at its own best instead would let a default that suits no job
  // win by pushing the whole fleet into overrides.
  for (int c = 0; c < n; ++c) {
    CandidateScore score{.candidate = c};
    for (size_t j = 0; j < jobs.size(); ++j) {
      Scaled s = ScaleAt(jobs[j], c, options);
      if (s.feasible) {
        score.total_mb_seconds += s.mbs;
        ++score.jobs_within_limit;
      } else {
        ++score.jobs_forced_off;
        score.total_mb_seconds += ObservedCharge(jobs[j], options);
      }
    }
    rec.scores.push_back(score);
  }
  std::stable_sort(rec.scores.begin(), rec.scores.end(),
                   [](const CandidateScore& a, const CandidateScore& b) {
                     if (std::abs(a.total_mb_seconds - b.total_mb_seconds) >
                         1e-9 * std::max(1.0, a.total_mb_seconds)) {
                       return a.total_mb_seconds < b.total_mb_seconds;
                     }
                     return a.jobs_forced_off < b.jobs_forced_off;
                   });
  if (rec.scores.empty()) return rec;
  rec.chosen = rec.scores.front().candidate;

  for (size_t j = 0; j < jobs.size(); ++j) {
    const FleetJob& job = jobs[j];
    JobAssignment a;
    a.job_key = job.job_key;
    a.app_id = job.app_id;
    a.observed_mb_seconds = ObservedCharge(job, options);
    a.observed_duration_ms = job.observed_duration_ms;
    Scaled at_default = ScaleAt(job, rec.chosen, options);
    a.at_defaults_mb_seconds = at_default.feasible ? at_default.mbs : a.observed_mb_seconds;
    int pick = rec.chosen;
    if (!at_default.feasible) {
      pick = best[j];
      a.is_override = true;
      char why[160];
      std::snprintf(why, sizeof why, "the defaults break its limit (%s)",
                    job.at.size() > static_cast<size_t>(rec.chosen) && job.at[rec.chosen].oom_risk
                        ? "out-of-memory risk"
                        : "too slow or not evaluated");
      a.reason = why;
    } else if (best[j] >= 0 && best[j] != rec.chosen) {
      Scaled b = ScaleAt(job, best[j], options);
      double gain = 1.0 - b.mbs / at_default.mbs;
      if (gain > options.override_min_gain) {
        pick = best[j];
        a.is_override = true;
        char why[96];
        std::snprintf(why, sizeof why, "saves %.0f%% more MB-seconds than the defaults", 100 * gain);
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
    if (a.is_override) ++rec.overrides;
    rec.predicted_mb_seconds += a.predicted_mb_seconds;
    rec.predicted_mb_seconds_low += std::min(a.predicted_mb_seconds_low, a.predicted_mb_seconds);
    rec.predicted_mb_seconds_high += std::max(a.predicted_mb_seconds_high, a.predicted_mb_seconds);
    rec.jobs.push_back(std::move(a));
  }
  return rec;
}

}  // namespace sparktune::advisor
