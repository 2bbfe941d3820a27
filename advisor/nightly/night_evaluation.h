// EvaluateForNight: what the nightly pipeline computes for each new
// application while it is ingested (on an ingest worker thread, with the
// app's calibrated simulator): its predictions at every fleet-grid candidate
// (kind "grid", the input of `recommend`), the per-job optimum (kind
// "optimize", the rewrite shown in the report) and the plan-level advice.
// Everything is stored in the app's own transaction, so `recommend` and
// `report` need no logs afterwards (and fleet mode on Spark can compute the
// same rows on its executors).
#pragma once

#include <vector>

#include "advisor/recommend/fleet_grid.h"
#include "advisor/search/optimizer.h"
#include "data/store/store_records.h"
#include "simulator/workload/app_simulator.h"

namespace sparktune::advisor {

struct NightEvaluationOptions {
  std::vector<FleetCandidate> grid;  // empty: no grid predictions
  bool optimize = true;              // the per-job optimum
  search::OptimizeOptions optimize_options;
  bool advice = true;  // plan-level advice
};

// The options `nightly` and `ingest --records-out` use by default: the fleet
// grid and a bounded optimize (no per-key explanations, at most 150
// simulations) so a typical app costs well under a second.
NightEvaluationOptions DefaultNightEvaluation();

struct NightEvaluation {
  std::vector<store::PredictionRow> predictions;
  std::vector<store::AdviceRow> advice;
};

NightEvaluation EvaluateForNight(const simulator::AppSimulator& sim,
                                 const NightEvaluationOptions& options);

}  // namespace sparktune::advisor
