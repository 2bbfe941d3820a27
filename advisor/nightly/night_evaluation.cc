#include "advisor/nightly/night_evaluation.h"

#include <cmath>

#include "advisor/advice/advice_registry.h"
#include "advisor/recommend/fleet_evaluation.h"

namespace sparktune::advisor {

namespace {

store::PredictionRow Row(store::PredictionKind kind, const ConfigMap& config,
                         const simulator::SimResult& r) {
  store::PredictionRow row;
  row.kind = kind;
  row.config_json = CanonicalConfigJson(config);
  row.duration_ms = r.duration_ms;
  row.duration_ms_low = r.duration_ms_low;
  row.duration_ms_high = r.duration_ms_high;
  row.mb_seconds = r.mb_seconds;
  row.mb_seconds_low = r.mb_seconds_low;
  row.mb_seconds_high = r.mb_seconds_high;
  row.oom_risk = r.oom_risk;
  return row;
}

}  // namespace

NightEvaluationOptions DefaultNightEvaluation() {
  NightEvaluationOptions o;
  o.grid = FleetGrid();
  o.optimize_options.explain = false;
  o.optimize_options.max_simulations = 150;
  o.optimize_options.bayes_iterations = 20;
  return o;
}

NightEvaluation EvaluateForNight(const simulator::AppSimulator& sim,
                                 const NightEvaluationOptions& options) {
  NightEvaluation out;
  for (const FleetCandidate& c : options.grid) {
    simulator::SimResult r = sim.Run(c.config);
    if (!std::isfinite(r.duration_ms) || !std::isfinite(r.mb_seconds)) continue;
    out.predictions.push_back(Row(store::PredictionKind::kGrid, c.config, r));
  }
  if (options.optimize) {
    auto best = search::Optimize(sim, options.optimize_options);
    if (best.ok()) {
      out.predictions.push_back(
          Row(store::PredictionKind::kOptimize, best->best.overrides, best->best.result));
    }
  }
  if (options.advice) {
    simulator::SimResult baseline = sim.Run({});
    for (const advice::Advice& a : advice::RunAdvisors(sim, baseline)) {
      store::AdviceRow row;
      row.advisor = a.id;
      row.title = a.title;
      row.action = a.action;
      for (size_t i = 0; i < a.evidence.size(); ++i) {
        row.evidence += (i ? "; " : "") + a.evidence[i];
      }
      if (a.mb_seconds_pct) row.mb_seconds_pct = *a.mb_seconds_pct;
      row.config_json = CanonicalConfigJson(ConfigMap(a.config.begin(), a.config.end()));
      out.advice.push_back(std::move(row));
    }
  }
  return out;
}

}  // namespace sparktune::advisor
