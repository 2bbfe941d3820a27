#include "advisor/recommend/fleet_evaluation.h"

#include <cmath>
#include <exception>

namespace sparktune::advisor {

CandidatePrediction ToCandidatePrediction(const simulator::SimResult& r) {
  CandidatePrediction p;
  p.duration_ms = r.duration_ms;
  p.duration_ms_low = r.duration_ms_low;
  p.duration_ms_high = r.duration_ms_high;
  p.mb_seconds = r.mb_seconds;
  p.mb_seconds_low = r.mb_seconds_low;
  p.mb_seconds_high = r.mb_seconds_high;
  p.core_seconds = r.core_seconds;
  p.oom_risk = r.oom_risk;
  p.present = std::isfinite(r.duration_ms) && std::isfinite(r.mb_seconds) && r.duration_ms > 0;
  return p;
}

std::vector<CandidatePrediction> EvaluateFleetGrid(const simulator::AppSimulator& sim,
                                                   const std::vector<FleetCandidate>& candidates) {
  std::vector<CandidatePrediction> out;
  out.reserve(candidates.size());
  for (const FleetCandidate& c : candidates) {
    out.push_back(ToCandidatePrediction(sim.Run(c.config)));
  }
  return out;
}

}  // namespace sparktune::advisor
