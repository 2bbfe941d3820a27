#include "advisor/nightly/report_builder.h"

#include <algorithm>
#include <ctime>
#include <map>
#include <nlohmann/json.hpp>

#include "advisor/nightly/fleet_from_store.h"
#include "advisor/nightly/stored_fidelity.h"
#include "advisor/recommend/job_rewrite.h"
#include "data/store/stored_config.h"

namespace sparktune::advisor {

namespace {

std::string IsoOf(int64_t epoch_ms) {
  std::time_t t = static_cast<std::time_t>(epoch_ms / 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// A config the store wrote (store::CanonicalConfigJson); empty if it does not parse.
ConfigMap ParseConfigJson(const std::string& text) {
  Result<store::SettingMap> parsed = store::ParseConfigJson(text);
  return parsed.ok() ? std::move(*parsed) : ConfigMap();
}

reports::Estimate Est(double v, double lo, double hi) {
  return {v, std::min({lo, v, hi}), std::max({lo, v, hi})};
}

std::vector<reports::ConfigSetting> Settings(const ConfigMap& config) {
  std::vector<reports::ConfigSetting> out;
  for (const auto& [k, v] : config) out.push_back({k, v});
  return out;
}

// Memory held by executors while they run no task: each executor's MB-seconds
// times its idle share (1 - task time / (cores x lifetime)), summed.
double WasteMbSeconds(const store::AppDetail& d) {
  double task_ms = 0;
  for (const store::StageRow& s : d.stages) task_ms += static_cast<double>(s.task_time_ms);
  double slot_ms = 0, exec_mbs = 0;
  for (const store::ExecutorRow& e : d.executors) {
    slot_ms += static_cast<double>(e.cores) *
               static_cast<double>(std::max<int64_t>(0, e.end_ms - e.start_ms));
    exec_mbs += e.mb_seconds;
  }
  if (slot_ms <= 0) return 0;
  return exec_mbs * std::clamp(1.0 - task_ms / slot_ms, 0.0, 1.0);
}

reports::JobReport JobOf(const store::AppDetail& d, const std::vector<store::AdviceRow>& advice) {
  const store::ApplicationRow& a = d.app;
  reports::JobReport j;
  j.name = a.name;
  j.app_id = a.app_id;
  j.user = a.user;
  j.spark_version = a.spark_version;
  j.log_path = a.source_path;
  j.observed.duration_ms = reports::Estimate::Exact(a.duration_ms);
  j.observed.mb_seconds = reports::Estimate::Exact(a.mb_seconds);
  j.observed_core_seconds = a.core_seconds;
  const store::PredictionRow* baseline = nullptr;
  const store::PredictionRow* best = nullptr;
  for (const store::PredictionRow& p : d.predictions) {
    if (p.kind == store::PredictionKind::kBaseline) baseline = &p;
    if (p.kind == store::PredictionKind::kOptimize) best = &p;
  }
  simulator::ReplayFidelity fidelity = FidelityOfStored(d);
  j.replay_confidence = simulator::FidelityLevelName(fidelity.level);
  j.replay_confidence_reasons = fidelity.reasons;
  if (fidelity.refused())
    baseline = best = nullptr;  // an absurd replay is never shown as a prediction
  if (baseline != nullptr) {
    j.baseline = reports::RunFigures{
        Est(baseline->duration_ms, baseline->duration_ms_low, baseline->duration_ms_high),
        Est(baseline->mb_seconds, baseline->mb_seconds_low, baseline->mb_seconds_high)};
    if (baseline->duration_error) {
      j.evidence_used.push_back(
          "replay at its own config: duration error " +
          std::to_string(static_cast<int>(std::lround(100 * *baseline->duration_error))) +
          "%, MB-seconds error " +
          std::to_string(
              static_cast<int>(std::lround(100 * baseline->mb_seconds_error.value_or(0)))) +
          "%");
    }
  }
  if (best != nullptr && baseline != nullptr && best->config_json != "{}") {
    ConfigMap config = ParseConfigJson(best->config_json);
    // Scale to the observed run: the replay error cancels (ratio to baseline).
    double mbs_ratio = baseline->mb_seconds > 0 ? a.mb_seconds / baseline->mb_seconds : 1;
    double dur_ratio = baseline->duration_ms > 0 ? a.duration_ms / baseline->duration_ms : 1;
    j.recommended =
        reports::RunFigures{Est(best->duration_ms * dur_ratio, best->duration_ms_low * dur_ratio,
                                best->duration_ms_high * dur_ratio),
                            Est(best->mb_seconds * mbs_ratio, best->mb_seconds_low * mbs_ratio,
                                best->mb_seconds_high * mbs_ratio)};
    j.saving_mb_seconds = Est(a.mb_seconds - j.recommended->mb_seconds.value,
                              a.mb_seconds - j.recommended->mb_seconds.high,
                              a.mb_seconds - j.recommended->mb_seconds.low);
    j.rewrite.settings = Settings(config);
    j.rewrite.submit_args = recommend::SubmitArgs(config);
    j.rewrite.defaults_fragment = recommend::DefaultsFragment(config, "sparktune: " + a.app_id);
  }
  j.waste_mb_seconds = WasteMbSeconds(d);
  int64_t tasks = 0;
  bool peak_known = false;
  for (const store::StageRow& s : d.stages) {
    tasks += s.completed_tasks + s.failed_tasks;
    peak_known = peak_known || s.peak_execution_memory > 0;
  }
  j.evidence_used.push_back("task metrics of " + std::to_string(tasks) + " tasks in " +
                            std::to_string(d.stages.size()) + " stage attempts");
  j.evidence_used.push_back("lifetimes of " + std::to_string(d.executors.size()) + " executors");
  if (!peak_known)
    j.evidence_missing.push_back("peak execution memory (not logged, or Spark < 3.0)");
  if (!a.complete) j.evidence_missing.push_back("the end of the application (log in progress)");
  for (const std::string& w : a.warnings) j.evidence_missing.push_back("log warning: " + w);
  int64_t start = a.start_ms;
  for (const store::ExecutorRow& e : d.executors) {
    reports::ExecutorSpan s;
    s.id = e.executor_id;
    s.host = e.host;
    s.cores = e.cores;
    s.memory_mib = e.container_mib;
    s.start_ms = std::max<int64_t>(0, e.start_ms - start);
    s.end_ms = std::max<int64_t>(0, e.end_ms - start);
    j.executors.push_back(std::move(s));
  }
  for (const store::StageRow& st : d.stages) {
    reports::StageSpan s;
    s.stage_id = st.stage_id;
    s.attempt = st.attempt_id;
    s.name = st.name;
    s.start_ms = st.submission_ms >= 0 ? std::max<int64_t>(0, st.submission_ms - start) : 0;
    s.end_ms = st.completion_ms >= 0 ? std::max<int64_t>(s.start_ms, st.completion_ms - start)
                                     : s.start_ms;
    s.tasks = st.num_tasks;
    s.task_time_ms = st.task_time_ms;
    s.spill_bytes = st.disk_spilled_bytes;
    s.gc_ms = st.gc_ms;
    s.skew_ratio = st.skew_ratio.value_or(0);
    s.failed = st.status == "FAILED";
    j.stages.push_back(std::move(s));
  }
  for (const store::AdviceRow& ad : advice) {
    reports::AdviceItem item;
    item.title = ad.title;
    item.evidence = ad.evidence.empty() ? ad.action : ad.action + " Evidence: " + ad.evidence;
    if (ad.mb_seconds_pct) {
      double saving = -*ad.mb_seconds_pct / 100.0 * a.mb_seconds;
      item.saving_mb_seconds = reports::Estimate::Exact(std::max(0.0, saving));
    }
    j.advice.push_back(std::move(item));
  }
  return j;
}

}  // namespace

std::string DateOf(int64_t epoch_ms) { return IsoOf(epoch_ms).substr(0, 10); }

Result<reports::NightlyReport> BuildNightlyReport(store::HistoryStore& store, int64_t night_id,
                                                  const ReportOptions& options) {
  auto nights = store.ListNights();
  if (!nights.ok()) return nights.status();
  const store::NightRow* night = nullptr;
  for (const store::NightRow& n : *nights) {
    if (n.id == night_id) night = &n;
  }
  if (night == nullptr)
    return Status::NotFound("no night " + std::to_string(night_id) + " in " + store.path());

  reports::NightlyReport r;
  r.night_id = night_id;
  r.night = DateOf(night->started_at_ms);
  r.generated_at = IsoOf(night->finished_at_ms.value_or(night->started_at_ms));
  r.tool_version = "0.1.0";
  r.prices = options.prices;
  r.inputs.source = options.source;
  if (!night->summary_json.empty()) {
    auto s = nlohmann::json::parse(night->summary_json, nullptr, false);
    if (s.is_object()) {
      r.inputs.source = s.value("source", r.inputs.source);
      r.inputs.apps_new = s.value("ingested", 0);
      r.inputs.apps_known = s.value("alreadyStored", 0);
      r.proposal.decision = s.value("fleetDecision", std::string());
      if (s.contains("unreadable") && s["unreadable"].is_array()) {
        for (const auto& u : s["unreadable"]) {
          r.inputs.unreadable.push_back({u.value("path", ""), u.value("error", "")});
        }
      }
    }
  }

  auto totals = store.FleetTotalsByNight();
  if (!totals.ok()) return totals.status();
  std::map<std::string, int> nights_on_date;
  for (const store::NightTotals& t : *totals) ++nights_on_date[DateOf(t.started_at_ms)];
  for (const store::NightTotals& t : *totals) {
    // Several nights on one date (a re-run) stay apart in the trend.
    std::string label = DateOf(t.started_at_ms);
    if (nights_on_date[label] > 1) label += " #" + std::to_string(t.night_id);
    reports::FleetTotals f{label, static_cast<int>(t.apps), t.mb_seconds, t.core_seconds};
    if (t.night_id == night_id) {
      r.totals = f;
    } else if (t.night_id < night_id) {
      r.history.push_back(f);
    }
  }
  if (r.totals.night.empty()) r.totals.night = r.night;

  // Applications of the night.
  auto apps = store.ListApps({.night_id = night_id});
  if (!apps.ok()) return apps.status();
  std::map<std::string, std::string> name_of_job;
  for (const store::ApplicationRow& a : *apps) {
    auto d = store.GetAppDetail(a.pk);
    if (!d.ok()) return d.status();
    auto advice = store.AdviceOf(a.pk);
    if (!advice.ok()) return advice.status();
    r.jobs.push_back(JobOf(*d, *advice));
    name_of_job[a.job_key] = a.name;
  }

  // The night's recommendations.
  auto recs = store.RecommendationsOfNight(night_id);
  if (!recs.ok()) return recs.status();
  auto all_apps = store.ListApps();
  if (!all_apps.ok()) return all_apps.status();
  std::map<std::string, store::ApplicationRow> latest;  // job_key -> latest run
  for (const store::ApplicationRow& a : *all_apps) latest[a.job_key] = a;
  for (const store::RecommendationRow& rec : *recs) {
    ConfigMap config = ParseConfigJson(rec.config_json);
    if (rec.scope == store::RecommendationScope::kFleet) {
      r.proposal.jobs_considered = static_cast<int>(rec.expectations.size());
      r.proposal.saving_mb_seconds = Est(rec.saving_mb_seconds, rec.saving_low, rec.saving_high);
      r.proposal.saving_core_seconds = reports::Estimate::Exact(0);
      // Current value: the most common among the covered jobs' latest runs.
      for (const auto& [key, value] : config) {
        std::map<std::string, int> votes;
        for (const store::JobExpectation& e : rec.expectations) {
          auto it = latest.find(e.job_key);
          if (it == latest.end()) continue;
          auto d = store.GetAppDetail(it->second.pk);
          if (!d.ok()) continue;
          ++votes[ConfigValue(d->configs, key)];
        }
        std::string current;
        int best = 0;
        for (const auto& [v, n] : votes) {
          if (n > best) {
            best = n;
            current = v;
          }
        }
        if (current == value) continue;
        r.proposal.changes.push_back(
            {key, current, value,
             "chosen among the fleet-grid candidates: lowest predicted total MB-seconds of " +
                 std::to_string(rec.expectations.size()) +
                 " jobs, each within its slowdown limit"});
      }
      r.proposal.spark_defaults =
          recommend::DefaultsFragment(config, "sparktune fleet recommendation, night " + r.night);
    } else {
      reports::JobOverride o;
      auto it = name_of_job.find(rec.job_key);
      auto lt = latest.find(rec.job_key);
      o.job = it != name_of_job.end() ? it->second
                                      : (lt != latest.end() ? lt->second.name : rec.job_key);
      o.app_id = lt != latest.end() ? lt->second.app_id : "";
      o.settings = Settings(config);
      o.gain_percent = Est(100 * rec.saving_fraction, 0, 0);
      o.gain_percent.low = o.gain_percent.high = o.gain_percent.value;
      r.overrides.push_back(std::move(o));
    }
  }

  // Accuracy of adopted recommendations.
  auto acc = store.AccuracyRows();
  if (!acc.ok()) return acc.status();
  for (const store::AccuracyRow& row : *acc) {
    reports::AccuracyPoint p;
    auto it = latest.find(row.job_key);
    p.job = it != latest.end() ? it->second.name : row.job_key;
    p.night = DateOf(row.created_at_ms);
    p.predicted.duration_ms = reports::Estimate::Exact(row.predicted_duration_ms);
    p.predicted.mb_seconds = reports::Estimate::Exact(row.predicted_mb_seconds);
    p.actual_duration_ms = row.actual_duration_ms;
    p.actual_mb_seconds = row.actual_mb_seconds;
    r.accuracy.push_back(std::move(p));
  }
  return r;
}

}  // namespace sparktune::advisor
