#include "simulator/workload/replay_fidelity.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "data/config/config_catalog.h"
#include "engine/cost/observed_times.h"
#include "engine/memory/container_size.h"

namespace sparktune::simulator {

namespace {

constexpr double kMsPerDay = 24.0 * 3600 * 1000;

// "12.5 s" below a day, "3.2 days" below a year, else "41.0 years".
std::string Span(double ms) {
  char buf[64];
  if (!std::isfinite(ms)) return "a non-finite time";
  if (std::abs(ms) < kMsPerDay) {
    std::snprintf(buf, sizeof buf, "%.1f s", ms / 1000);
  } else if (std::abs(ms) < 365 * kMsPerDay) {
    std::snprintf(buf, sizeof buf, "%.1f days", ms / kMsPerDay);
  } else {
    std::snprintf(buf, sizeof buf, "%.1f years", ms / (365 * kMsPerDay));
  }
  return buf;
}

std::string Number(const char* format, double value) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, value);
  return buf;
}

class Verdict {
 public:
  void Raise(FidelityLevel level, std::string reason) {
    result_.level = std::max(result_.level, level);
    result_.reasons.push_back(std::move(reason));
  }
  ReplayFidelity& result() { return result_; }

 private:
  ReplayFidelity result_;
};

std::optional<double> RelativeError(double predicted, double observed) {
  if (!(observed > 0) || !std::isfinite(predicted)) return std::nullopt;
  return (predicted - observed) / observed;
}

// One figure of the baseline against the observed run: refused when absurd
// or more than refuse_ratio off, low-confidence when more than the margin off.
void CompareFigure(const char* what, double observed, double baseline,
                   const std::string& observed_text, const std::string& baseline_text,
                   const FidelityThresholds& t, Verdict& verdict) {
  if (!(observed > 0)) return;  // nothing to compare against; evidence checks say why
  if (!std::isfinite(baseline) || baseline <= 0) return;  // CheckPrediction said it
  double ratio = baseline / observed;
  if (ratio > t.refuse_ratio || ratio < 1 / t.refuse_ratio) {
    verdict.Raise(FidelityLevel::kRefused,
                  std::string("the replay at the log's own config is ") +
                      Number(ratio >= 1 ? "%.3gx" : "1/%.3gx", ratio >= 1 ? ratio : 1 / ratio) +
                      " off: its " + what + " is " + baseline_text + " against " + observed_text +
                      " observed");
    return;
  }
  double error = ratio - 1;
  if (std::abs(error) > t.low_confidence_error) {
    verdict.Raise(FidelityLevel::kLowConfidence,
                  std::string("the replay at the log's own config misses the observed ") + what +
                      " by " + Number("%+.0f%%", 100 * error) + " (" + baseline_text + " vs " +
                      observed_text + "; the margin is " +
                      Number("%.0f%%", 100 * t.low_confidence_error) + ")");
  }
}

}  // namespace

const char* FidelityLevelName(FidelityLevel level) {
  switch (level) {
    case FidelityLevel::kOk:
      return "ok";
    case FidelityLevel::kLowConfidence:
      return "low-confidence";
    case FidelityLevel::kRefused:
      return "refused";
  }
  return "ok";
}

std::string ReplayFidelity::Summary() const {
  std::string out;
  for (const std::string& r : reasons) out += (out.empty() ? "" : "; ") + r;
  return out;
}

ReplayFigures FiguresOf(const SimResult& result) {
  return {result.duration_ms, result.job_time_ms, result.mb_seconds};
}

ReplayEvidence EvidenceFromApplication(const model::Application& app, const FidelityThresholds& t) {
  ReplayEvidence e;
  for (const model::Executor& x : app.executors) {
    if (x.seen_executor_added && !x.is_driver()) ++e.executors;
  }
  const std::string* master = app.Property(std::string(config::keys::kMaster));
  e.local_mode = master != nullptr &&
                 engine::ClusterManagerFromMaster(*master) == engine::ClusterManager::kLocal &&
                 e.executors == 0;
  e.complete = app.evidence.has_app_end && !app.evidence.in_progress;
  e.start_known = app.start_time >= 0;
  int64_t first = std::numeric_limits<int64_t>::max(), last = std::numeric_limits<int64_t>::min();
  auto see = [&](int64_t ms) {
    if (ms <= 0) return;  // 0 and -1 mean "not logged"
    first = std::min(first, ms);
    last = std::max(last, ms);
  };
  see(app.start_time);
  see(app.end_time);
  see(app.last_event_time);
  for (const model::Job& j : app.jobs) see(j.submission_time);
  for (const model::Executor& x : app.executors) see(x.add_time);
  int64_t end = app.end_time >= 0 ? app.end_time : app.last_event_time;
  for (const model::Task& task : app.tasks) {
    if (task.end_reason != model::TaskEndReason::kNone) ++e.task_ends;
    see(task.launch_time);
    see(task.finish_time);
    bool early = e.start_known && task.launch_time > 0 &&
                 task.launch_time < app.start_time - t.clock_tolerance_ms;
    bool late = end >= 0 && task.finish_time > end + t.clock_tolerance_ms;
    if (early || late) ++e.work_outside_lifetime;
  }
  e.timestamp_span_ms = last > first ? static_cast<double>(last - first) : 0;
  return e;
}

std::vector<std::string> CheckPrediction(const ReplayFigures& p, const FidelityThresholds& t) {
  std::vector<std::string> why;
  if (!std::isfinite(p.duration_ms) || p.duration_ms <= 0) {
    why.push_back("a predicted duration of " + Span(p.duration_ms) + " is not a run");
  } else if (p.duration_ms >= t.max_plausible_duration_ms) {
    why.push_back("a predicted duration of " + Span(p.duration_ms) +
                  " is not a run anyone submitted");
  }
  if (!std::isfinite(p.mb_seconds) || p.mb_seconds <= 0) {
    why.push_back("predicted MB-seconds of " + Number("%.0f", p.mb_seconds) +
                  " would mean the run held no memory");
  }
  return why;
}

ReplayFidelity AssessReplayFidelity(const ReplayEvidence& e, const ReplayFigures& observed,
                                    const ReplayFigures& baseline, const FidelityThresholds& t) {
  Verdict verdict;
  if (e.task_ends == 0) {
    verdict.Raise(FidelityLevel::kRefused,
                  "the log has no task end: there is no task time to calibrate the replay from");
  }
  if (!e.start_known) {
    verdict.Raise(FidelityLevel::kRefused,
                  "the log has no application start time: the run's duration is unknown");
  }
  if (e.timestamp_span_ms >= t.max_plausible_duration_ms) {
    verdict.Raise(FidelityLevel::kRefused, "the log's timestamps are " + Span(e.timestamp_span_ms) +
                                               " apart: its clock cannot be trusted");
  }
  if (e.work_outside_lifetime > 0) {
    verdict.Raise(FidelityLevel::kLowConfidence,
                  Number("%.0f", static_cast<double>(e.work_outside_lifetime)) +
                      " task or stage attempt(s) ran outside the application's lifetime (clock "
                      "skew or an edited log)");
  }
  if (!e.complete) {
    verdict.Raise(
        FidelityLevel::kLowConfidence,
        "the log has no application end (truncated or still running): the observed figures are "
        "lower bounds");
  }
  if (e.local_mode) {
    verdict.Raise(
        FidelityLevel::kLowConfidence,
        "local mode: the driver ran every task, so executor settings do not act as on a cluster");
  } else if (e.executors == 0) {
    verdict.Raise(FidelityLevel::kLowConfidence,
                  "no executor registered in the log: executor count and lifetimes are guessed");
  }
  for (const std::string& why : CheckPrediction(baseline, t)) {
    verdict.Raise(FidelityLevel::kRefused, "the replay at the log's own config is absurd: " + why);
  }
  ReplayFidelity& r = verdict.result();
  r.duration_error = RelativeError(baseline.duration_ms, observed.duration_ms);
  r.job_time_error = RelativeError(baseline.job_time_ms, observed.job_time_ms);
  r.mb_seconds_error = RelativeError(baseline.mb_seconds, observed.mb_seconds);
  CompareFigure("duration", observed.duration_ms, baseline.duration_ms, Span(observed.duration_ms),
                Span(baseline.duration_ms), t, verdict);
  CompareFigure("MB-seconds", observed.mb_seconds, baseline.mb_seconds,
                Number("%.0f", observed.mb_seconds), Number("%.0f", baseline.mb_seconds), t,
                verdict);
  return r;
}

ReplayFidelity AssessReplay(const model::Application& app, const SimResult& baseline,
                            const FidelityThresholds& t) {
  engine::ObservedTimes obs = engine::MeasureObserved(app);
  return AssessReplayFidelity(EvidenceFromApplication(app, t),
                              {obs.duration_ms, obs.job_time_ms, obs.mb_seconds},
                              FiguresOf(baseline), t);
}

}  // namespace sparktune::simulator
