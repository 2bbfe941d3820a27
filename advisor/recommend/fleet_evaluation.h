// Evaluates one application at every fleet-grid candidate with the
// simulator: the per-app input of RecommendFleet, computed once at ingest and
// stored (predictions of kind "grid"), so `recommend` needs no logs.
#pragma once

#include <vector>

#include "advisor/recommend/fleet_grid.h"
#include "advisor/recommend/fleet_recommender.h"
#include "simulator/workload/app_simulator.h"

namespace sparktune::advisor {

// One prediction per candidate, aligned with `candidates`. Candidates that the
// simulator rejects (a value the app's Spark version cannot take) are left
// with present = false.
std::vector<CandidatePrediction> EvaluateFleetGrid(const simulator::AppSimulator& sim,
                                                   const std::vector<FleetCandidate>& candidates);

CandidatePrediction ToCandidatePrediction(const simulator::SimResult& r);

}  // namespace sparktune::advisor
