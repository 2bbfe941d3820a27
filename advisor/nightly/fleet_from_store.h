// The fleet recommendation from the history store: the latest complete run of
// every recurring job (job_key) that carries fleet-grid predictions becomes a
// FleetJob; RecommendFleet chooses the defaults and the overrides; the result
// is stored as recommendations (one of scope fleet, one per job override) with
// their per-job expectations, which accuracy tracking later compares with the
// runs that adopt them. A job whose replay is refused (stored_fidelity.h) is
// left out of the fleet and listed with its reasons; a low-confidence one is
// kept and marked.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "advisor/recommend/fleet_grid.h"
#include "advisor/recommend/fleet_recommender.h"
#include "data/base/result.h"
#include "data/store/history_store.h"
#include "simulator/workload/replay_fidelity.h"

namespace sparktune::advisor {

struct StoredFleet {
  std::vector<FleetJob> jobs;
  std::vector<store::ApplicationRow> apps;             // aligned with jobs
  std::vector<std::vector<store::ConfigRow>> configs;  // aligned with jobs
  int skipped_without_grid = 0;                     // jobs whose latest run has no grid predictions
  std::vector<simulator::ReplayFidelity> fidelity;  // aligned with jobs: ok or low-confidence
  struct RefusedJob {
    std::string job_key;
    std::string app_id;
    std::vector<std::string> reasons;
  };
  std::vector<RefusedJob> refused;  // left out: their replay is refused
};

Result<StoredFleet> LoadFleet(store::HistoryStore& store, const std::vector<FleetCandidate>& grid);

struct StoredRecommendation {
  StoredFleet fleet;
  FleetRecommendation recommendation;
  std::optional<int64_t> fleet_recommendation_id;
  std::vector<int64_t> override_ids;
};

// Loads the fleet, recommends, and (when `night_id` is set or `persist`)
// stores the recommendations.
Result<StoredRecommendation> RecommendFromStore(store::HistoryStore& store,
                                                const std::vector<FleetCandidate>& grid,
                                                const FleetOptions& options,
                                                std::optional<int64_t> night_id, bool persist);

// The value of `key` in force for an app (logged, else its version default as
// stored), or "" when unset.
std::string ConfigValue(const std::vector<store::ConfigRow>& configs, const std::string& key);

// The settings a job keeps under an override: the candidate's config, or for
// candidate -1 its own values of the keys the fleet defaults change.
ConfigMap OverrideConfig(const std::vector<FleetCandidate>& grid, int fleet_candidate,
                         int job_candidate, const std::vector<store::ConfigRow>& job_configs);

}  // namespace sparktune::advisor
