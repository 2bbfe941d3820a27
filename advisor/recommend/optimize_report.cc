#include "advisor/recommend/optimize_report.h"

#include "advisor/recommend/job_rewrite.h"
#include "advisor/recommend/simulated_run.h"
#include "simulator/calibration/cross_config_intervals.h"

namespace sparktune::recommend {
namespace {

reports::OptimizeRun RunOf(const search::Evaluation& e) {
  return {.figures = SimulatedRunOf(e.result), .objective = e.objective.value};
}

}  // namespace

reports::OptimizeReport BuildOptimizeReport(const OptimizeReportInput& in) {
  const search::OptimizeResult& r = *in.result;
  const search::OptimizeOptions& o = *in.options;
  const search::ClusterLimits& l = r.limits;
  reports::OptimizeReport out;
  out.path = in.path;
  out.app_id = in.app_id;
  out.app_name = in.app_name;
  out.objective = search::ObjectiveName(r.objective);
  out.priced = r.objective == search::ObjectiveKind::kCost;
  out.per_gb_hour = o.prices.per_gb_hour;
  out.per_core_hour = o.prices.per_core_hour;
  out.price_sheet = o.prices.sheet;
  out.max_slowdown_pct = o.max_slowdown_pct;
  out.min_gain_pct = o.min_gain_pct;
  out.limits = {.cores_per_node = l.cores_per_node,
                .largest_container_mib = l.largest_container_mib,
                .memory_steps_mib = l.memory_steps_mib,
                .max_executors = l.max_executors,
                .source = l.source};
  out.observed_duration_ms = r.observed.duration_ms;
  out.observed_mb_seconds = r.observed.mb_seconds;
  out.observed_core_seconds = r.observed.core_seconds;
  out.baseline = RunOf(r.baseline);
  out.best = RunOf(r.best);
  out.best_config = r.best.overrides;
  out.best_is_baseline = r.best_is_baseline;
  if (!r.best_is_baseline) {
    if (auto c = simulator::CalibratedIntervalFor(r.best.overrides, r.best.result)) {
      out.best_calibrated = reports::OptimizeReport::CalibratedInterval{
          c->group,          c->coverage,       c->duration_low_ms, c->duration_high_ms,
          c->mb_seconds_low, c->mb_seconds_high};
    }
  }
  out.keep_reason = r.keep_reason;
  out.found_feasible = r.found_feasible;
  out.best_slowdown_pct = r.best.slowdown_pct;
  out.best_violations = r.best.violations;
  out.best_candidate = r.best_candidate;
  out.mb_seconds = r.mb_seconds;
  out.duration = r.duration;
  out.cost = r.cost;
  out.observed_mb_seconds_saved = r.observed_mb_seconds_saved;
  out.changes = r.changes;
  out.drivers = r.drivers;
  out.pareto = r.pareto;
  out.submit_args = SubmitArgs(r.best.overrides);
  out.defaults_fragment = DefaultsFragment(r.best.overrides, "");
  if (in.advice != nullptr) out.advice = *in.advice;
  out.strategy = r.strategy;
  out.dimensions = r.dimensions;
  out.space_size = r.space_size;
  out.simulations = r.simulations;
  out.cache_hits = r.cache_hits;
  out.wall_ms = r.wall_ms;
  out.notes = r.notes;
  return out;
}

}  // namespace sparktune::recommend
