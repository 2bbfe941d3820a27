#include "advisor/nightly/fleet_from_store.h"

#include <algorithm>
#include <map>

#include "advisor/nightly/stored_fidelity.h"

namespace sparktune::advisor {

std::string ConfigValue(const std::vector<store::ConfigRow>& configs, const std::string& key) {
  for (const store::ConfigRow& c : configs) {
    if (c.key == key) return c.value;
  }
  return "";
}

ConfigMap OverrideConfig(const std::vector<FleetCandidate>& grid, int fleet_candidate,
                         int job_candidate, const std::vector<store::ConfigRow>& job_configs) {
  // "keep current settings" (no settings) as an override means the job's own
  // values of the keys the defaults change, like candidate -1.
  if (job_candidate >= 0 && !grid[job_candidate].config.empty()) return grid[job_candidate].config;
  ConfigMap own;
  if (fleet_candidate < 0) return own;
  for (const auto& [key, value] : grid[fleet_candidate].config) {
    std::string v = ConfigValue(job_configs, key);
    if (!v.empty()) own[key] = v;
  }
  return own;
}

Result<StoredFleet> LoadFleet(store::HistoryStore& store, const std::vector<FleetCandidate>& grid) {
  auto apps = store.ListApps();
  if (!apps.ok()) return apps.status();
  // Latest complete run per job (ListApps is oldest first).
  std::map<std::string, store::ApplicationRow> latest;
  for (const store::ApplicationRow& a : *apps) {
    if (!a.complete) continue;
    latest[a.job_key] = a;
  }
  std::map<std::string, int> index;
  for (size_t i = 0; i < grid.size(); ++i)
    index[CanonicalConfigJson(grid[i].config)] = static_cast<int>(i);
  StoredFleet fleet;
  for (const auto& [key, app] : latest) {
    auto detail = store.GetAppDetail(app.pk);
    if (!detail.ok()) return detail.status();
    FleetJob job;
    job.job_key = app.job_key;
    job.app_id = app.app_id;
    job.observed_duration_ms = app.duration_ms;
    job.observed_mb_seconds = app.mb_seconds;
    for (const store::StageRow& s : detail->stages) {
      job.max_stage_shuffle_bytes =
          std::max(job.max_stage_shuffle_bytes, static_cast<double>(s.shuffle_write_bytes));
    }
    job.at.resize(grid.size());
    bool has_baseline = false, has_grid = false;
    for (const store::PredictionRow& p : detail->predictions) {
      if (p.kind == store::PredictionKind::kBaseline) {
        job.baseline_duration_ms = p.duration_ms;
        job.baseline_mb_seconds = p.mb_seconds;
        job.baseline_mb_seconds_low = p.mb_seconds_low;
        job.baseline_mb_seconds_high = p.mb_seconds_high;
        has_baseline = true;
      } else if (p.kind == store::PredictionKind::kGrid) {
        auto it = index.find(p.config_json);
        if (it == index.end()) continue;  // a candidate of an older grid
        CandidatePrediction& c = job.at[it->second];
        c.duration_ms = p.duration_ms;
        c.duration_ms_low = p.duration_ms_low;
        c.duration_ms_high = p.duration_ms_high;
        c.mb_seconds = p.mb_seconds;
        c.mb_seconds_low = p.mb_seconds_low;
        c.mb_seconds_high = p.mb_seconds_high;
        c.oom_risk = p.oom_risk;
        c.present = true;
        has_grid = true;
      }
    }
    if (!has_baseline || !has_grid) {
      ++fleet.skipped_without_grid;
      continue;
    }
    simulator::ReplayFidelity fidelity = FidelityOfStored(*detail);
    if (fidelity.refused() || job.baseline_mb_seconds <= 0) {  // a zero baseline is refused too
      fleet.refused.push_back({app.job_key, app.app_id, fidelity.reasons});
      continue;
    }
    std::map<std::string, std::string> logged;  // the job's own settings, for ValidateCombination
    for (const store::ConfigRow& c : detail->configs) {
      if (c.source == store::ConfigSource::kLogged) logged[c.key] = c.value;
    }
    job.own_config =
        engine::EffectiveConfig(std::move(logged), SparkVersion::Parse(app.spark_version));
    fleet.fidelity.push_back(std::move(fidelity));
    fleet.jobs.push_back(std::move(job));
    fleet.apps.push_back(app);
    fleet.configs.push_back(std::move(detail->configs));
  }
  return fleet;
}

Result<StoredRecommendation> RecommendFromStore(store::HistoryStore& store,
                                                const std::vector<FleetCandidate>& grid,
                                                const FleetOptions& options,
                                                std::optional<int64_t> night_id, bool persist) {
  StoredRecommendation out;
  auto fleet = LoadFleet(store, grid);
  if (!fleet.ok()) return fleet.status();
  out.fleet = std::move(*fleet);
  out.recommendation = RecommendFleet(grid, out.fleet.jobs, options);
  const FleetRecommendation& rec = out.recommendation;
  if (!persist || rec.chosen < 0) return out;
  const bool keep_defaults = grid[rec.chosen].config.empty();

  store::RecommendationRow fleet_row;
  fleet_row.night_id = night_id;
  fleet_row.scope = store::RecommendationScope::kFleet;
  fleet_row.config_json = CanonicalConfigJson(grid[rec.chosen].config);
  fleet_row.status = store::RecommendationStatus::kActive;
  double covered = 0, saving = 0, low = 0, high = 0;
  for (const JobAssignment& a : rec.jobs) {
    if (a.is_override) continue;
    covered += a.observed_mb_seconds;
    saving += a.observed_mb_seconds - a.predicted_mb_seconds;
    low += a.observed_mb_seconds - a.predicted_mb_seconds_high;
    high += a.observed_mb_seconds - a.predicted_mb_seconds_low;
    fleet_row.expectations.push_back({.job_key = a.job_key,
                                      .duration_ms = a.predicted_duration_ms,
                                      .mb_seconds = a.predicted_mb_seconds,
                                      .mb_seconds_low = a.predicted_mb_seconds_low,
                                      .mb_seconds_high = a.predicted_mb_seconds_high});
  }
  fleet_row.saving_mb_seconds = saving;
  fleet_row.saving_low = std::min(low, saving);
  fleet_row.saving_high = std::max(high, saving);
  fleet_row.saving_fraction = covered > 0 ? saving / covered : 0;
  if (!keep_defaults) {  // "keep current settings" is no recommendation to store
    auto id = store.PutRecommendation(fleet_row);
    if (!id.ok()) return id.status();
    out.fleet_recommendation_id = *id;
  }

  for (size_t j = 0; j < rec.jobs.size(); ++j) {
    const JobAssignment& a = rec.jobs[j];
    if (!a.is_override) continue;
    store::RecommendationRow row;
    row.night_id = night_id;
    row.scope = store::RecommendationScope::kJob;
    row.job_key = a.job_key;
    row.config_json =
        CanonicalConfigJson(OverrideConfig(grid, rec.chosen, a.candidate, out.fleet.configs[j]));
    row.status = store::RecommendationStatus::kActive;
    row.saving_mb_seconds = a.observed_mb_seconds - a.predicted_mb_seconds;
    row.saving_low =
        std::min(row.saving_mb_seconds, a.observed_mb_seconds - a.predicted_mb_seconds_high);
    row.saving_high =
        std::max(row.saving_mb_seconds, a.observed_mb_seconds - a.predicted_mb_seconds_low);
    row.saving_fraction =
        a.observed_mb_seconds > 0 ? row.saving_mb_seconds / a.observed_mb_seconds : 0;
    row.expectations.push_back({.job_key = a.job_key,
                                .duration_ms = a.predicted_duration_ms,
                                .mb_seconds = a.predicted_mb_seconds,
                                .mb_seconds_low = a.predicted_mb_seconds_low,
                                .mb_seconds_high = a.predicted_mb_seconds_high});
    auto oid = store.PutRecommendation(row);
    if (!oid.ok()) return oid.status();
    out.override_ids.push_back(*oid);
  }
  return out;
}

}  // namespace sparktune::advisor
