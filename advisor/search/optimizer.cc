#include "advisor/search/optimizer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "advisor/search/bayesian_optimization.h"
#include "advisor/search/grid_search.h"
#include "advisor/search/paired_interval.h"
#include "advisor/search/search_space.h"

namespace sparktune::search {

namespace {

// Relative margin a coordinate-descent move must win by: below it the model
// cannot tell two configs apart.
constexpr double kDescentMinGain = 0.005;
constexpr size_t kDriversShown = 5;
constexpr size_t kStagesPerChange = 3;

Change ChangeOf(double base, double value, double low, double high) {
  Change c;
  if (base <= 0) return c;
  c.pct = 100.0 * (value / base - 1.0);
  c.pct_low = 100.0 * (low / base - 1.0);
  c.pct_high = 100.0 * (high / base - 1.0);
  return c;
}

// The measure that breaks ties of the objective: MB-seconds for the runtime
// and cost objectives, duration for MB-seconds.
double Secondary(ObjectiveKind kind, const Evaluation& e) {
  return kind == ObjectiveKind::kMbSeconds ? e.result.duration_ms : e.result.mb_seconds;
}

// Better for the final choice: feasible first, then lower score; a tie within
// 1e-9 relative goes to the lower secondary measure, then to fewer changed keys.
bool Preferred(ObjectiveKind kind, const Evaluation& a, const Evaluation& b) {
  if (a.feasible() != b.feasible()) return a.feasible();
  if (std::abs(a.score - b.score) > 1e-9 * std::max(1.0, std::abs(b.score)))
    return a.score < b.score;
  double sa = Secondary(kind, a), sb = Secondary(kind, b);
  if (std::abs(sa - sb) > 1e-9 * std::max(1.0, std::abs(sb))) return sa < sb;
  return a.overrides.size() < b.overrides.size();
}

// The interval of a change's saving against the log's config, percent of the
// baseline's objective, paired (paired_interval.h).
struct Saving {
  double pct = 0, low = 0, high = 0;
};
Saving SavingOf(const Evaluation& e, const Evaluation& baseline) {
  Saving s;
  const ObjectiveValue& b = baseline.objective;
  const ObjectiveValue& v = e.objective;
  if (b.value <= 0 || v.value <= 0) return s;
  const RatioInterval r = PairedRatio(b.value, b.low, b.high, v.value, v.low, v.high);
  s.pct = 100.0 * (1.0 - r.ratio);
  s.low = 100.0 * (1.0 - r.high);
  s.high = 100.0 * (1.0 - r.low);
  return s;
}

// A change pays when it is feasible and the lower end of its saving's
// interval beats min_gain_pct, whatever the ranking.
bool Pays(const Evaluation& e, const Evaluation& baseline, double min_gain_pct) {
  return e.feasible() && SavingOf(e, baseline).low > min_gain_pct;
}

// "predicted saving 0.3% (-2.1% to 2.8%) is below the 2% minimum gain".
std::string KeepReason(const Evaluation& e, const Evaluation& baseline, double min_gain_pct) {
  if (!e.feasible()) return "";
  Saving s = SavingOf(e, baseline);
  char buf[160];
  std::snprintf(buf, sizeof buf,
                "predicted saving %.1f%% (%.1f%% to %.1f%%) is below the %.4g%% minimum gain",
                s.pct, s.low, s.high, min_gain_pct);
  return buf;
}

// Drops changed keys that do not pay for themselves: a key stays when it pays
// for the objective or for the secondary measure.
const Evaluation* DropKeysThatDoNotPay(CachedEvaluator& ev, const Evaluation* best,
                                       const OptimizeOptions& options) {
  bool pruned = true;
  while (pruned && best->overrides.size() > 1) {
    pruned = false;
    for (const auto& [k, v] : best->overrides) {
      ConfigMap fewer = best->overrides;
      fewer.erase(k);
      const Evaluation& e = ev.Evaluate(fewer);
      double margin = 1.0 + options.min_gain_pct / 200.0;
      if (e.feasible() && e.score <= best->score * margin &&
          Secondary(options.objective, e) <= Secondary(options.objective, *best) * margin) {
        best = &e;
        pruned = true;
        break;
      }
    }
  }
  return best;
}

}  // namespace

std::vector<StageDelta> DiffStages(const simulator::SimResult& base,
                                   const simulator::SimResult& alt, size_t limit) {
  std::vector<StageDelta> out;
  for (size_t i = 0; i < alt.stages.size() && i < base.stages.size(); ++i) {
    const auto& a = alt.stages[i];
    const auto& b = base.stages[i];
    if (a.stage_id != b.stage_id) continue;
    StageDelta d;
    d.stage_id = a.stage_id;
    d.name = a.name;
    d.base_tasks = b.tasks;
    d.new_tasks = a.tasks;
    d.base_ms = std::max(0.0, b.end_ms - b.start_ms);
    d.new_ms = std::max(0.0, a.end_ms - a.start_ms);
    d.base_task_ms = b.task_time_ms;
    d.new_task_ms = a.task_time_ms;
    d.base_spill_bytes = b.spill_bytes;
    d.new_spill_bytes = a.spill_bytes;
    d.why = a.why;
    bool changed = d.base_tasks != d.new_tasks || std::abs(d.new_task_ms - d.base_task_ms) >= 1 ||
                   std::abs(d.new_ms - d.base_ms) >= 1 ||
                   std::abs(d.new_spill_bytes - d.base_spill_bytes) >= 1;
    if (changed) out.push_back(std::move(d));
  }
  std::stable_sort(out.begin(), out.end(), [](const StageDelta& x, const StageDelta& y) {
    double dx = std::abs(x.new_task_ms - x.base_task_ms) + std::abs(x.new_ms - x.base_ms);
    double dy = std::abs(y.new_task_ms - y.base_task_ms) + std::abs(y.new_ms - y.base_ms);
    return dx > dy;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

std::vector<ParetoPoint> ParetoFront(const std::deque<Evaluation>& evals) {
  std::vector<const Evaluation*> pts;
  for (const Evaluation& e : evals) {
    if (!e.hard_violation) pts.push_back(&e);
  }
  std::stable_sort(pts.begin(), pts.end(), [](const Evaluation* a, const Evaluation* b) {
    if (a->result.duration_ms != b->result.duration_ms)
      return a->result.duration_ms < b->result.duration_ms;
    if (a->result.mb_seconds != b->result.mb_seconds)
      return a->result.mb_seconds < b->result.mb_seconds;
    return a->overrides.size() < b->overrides.size();
  });
  std::vector<ParetoPoint> front;
  double best_mb = 1e300;
  for (const Evaluation* e : pts) {
    if (e->result.mb_seconds >= best_mb) continue;  // dominated by a faster (or as fast) point
    best_mb = e->result.mb_seconds;
    ParetoPoint p;
    p.overrides = e->overrides;
    p.duration_ms = e->result.duration_ms;
    p.mb_seconds = e->result.mb_seconds;
    p.slowdown_pct = e->slowdown_pct;
    p.within_slowdown = e->feasible();
    front.push_back(std::move(p));
  }
  return front;
}

Result<OptimizeResult> Optimize(const simulator::AppSimulator& sim,
                                const OptimizeOptions& options) {
  auto t0 = std::chrono::steady_clock::now();
  OptimizeResult out;
  out.objective = options.objective;
  out.observed = engine::MeasureObserved(sim.app());
  Constraints constraints;
  constraints.max_slowdown_pct = options.max_slowdown_pct;
  constraints.limits = options.limits;
  if (constraints.limits.cores_per_node <= 0) {
    constraints.limits.cores_per_node = ObservedCoresPerNode(sim.app());
    if (constraints.limits.cores_per_node > 0) {
      out.notes.push_back(
          "cores per node: " + std::to_string(constraints.limits.cores_per_node) +
          ", the most executor cores the log shows on one host (pass --cores-per-node or "
          "--cluster to change)");
    }
  }
  out.limits = constraints.limits;
  if (out.limits.source.empty())
    out.limits.source = options.limits.cores_per_node > 0 ? "options" : "the log";
  CachedEvaluator ev(sim, options.objective, options.prices, constraints,
                     options.rank_by_upper_bound);
  const Evaluation* best = &ev.Baseline();
  bool baseline_eligible = true;

  if (options.candidates) {
    out.strategy = "candidates";
    if (options.candidates->empty()) return Status::InvalidArgument("no candidate configs given");
    baseline_eligible = false;
    const Evaluation* chosen = nullptr;
    for (size_t i = 0; i < options.candidates->size(); ++i) {
      const Evaluation& e = ev.Evaluate((*options.candidates)[i]);
      if (e.overrides.empty()) baseline_eligible = true;  // the log's config is one of the shapes
      if (chosen == nullptr || Preferred(options.objective, e, *chosen)) {
        chosen = &e;
        out.best_candidate = static_cast<int>(i);
      }
    }
    out.space_size = static_cast<double>(options.candidates->size());
    best = chosen;
    // Ties with the log's own shape, or gains below min_gain_pct, keep it.
    if (baseline_eligible && !best->overrides.empty() &&
        !(Pays(*best, ev.Baseline(), options.min_gain_pct))) {
      out.keep_reason = KeepReason(*best, ev.Baseline(), options.min_gain_pct);
      best = &ev.Baseline();
      for (size_t i = 0; i < options.candidates->size(); ++i) {
        if (DropUnchanged(ev.observed(), (*options.candidates)[i]).empty()) {
          out.best_candidate = static_cast<int>(i);
          break;
        }
      }
    }
  } else {
    SearchSpace space = SearchSpace::Build(ev.observed(), constraints.limits);
    for (const Dimension& d : space.dims()) out.dimensions.push_back(d.key);
    out.space_size = space.Size();
    std::vector<int> levels;
    for (const Dimension& d : space.dims()) levels.push_back(static_cast<int>(d.values.size()));
    GridSearch grid(
        levels,
        [&](const GridPoint& p) {
          const Evaluation& e = ev.Evaluate(space.Materialize(p));
          return Outcome{e.score, e.feasible()};
        },
        options.max_simulations);
    bool exhaustive =
        options.strategy == Strategy::kExhaustive ||
        (options.strategy == Strategy::kAuto && space.Size() <= options.exhaustive_limit);
    if (exhaustive) {
      out.strategy = "exhaustive";
      grid.Exhaustive();
    } else {
      out.strategy = "coordinate descent + bayesian optimization";
      grid.CoordinateDescent(space.ObservedPoint(), options.descent_rounds, kDescentMinGain);
      BayesOptions bo;
      bo.iterations = options.bayes_iterations;
      bo.seed = options.seed;
      BayesianOptimize(grid, bo);
      // Polish the Bayesian answer with one more descent from it.
      GridPoint b = grid.Best();
      if (!b.empty()) grid.CoordinateDescent(b, 1, kDescentMinGain);
    }
    for (const Evaluation& e : ev.all()) {
      if (Preferred(options.objective, e, *best)) best = &e;
    }
    if (!best->overrides.empty() && !(Pays(*best, ev.Baseline(), options.min_gain_pct))) {
      out.keep_reason = KeepReason(*best, ev.Baseline(), options.min_gain_pct);
      best = &ev.Baseline();
    }
    best = DropKeysThatDoNotPay(ev, best, options);
  }

  out.found_feasible = best->feasible();
  out.best_is_baseline = best->overrides.empty();
  out.baseline = ev.Baseline();
  out.best = *best;
  const simulator::SimResult& b = out.baseline.result;
  const simulator::SimResult& r = out.best.result;
  out.mb_seconds = ChangeOf(b.mb_seconds, r.mb_seconds, r.mb_seconds_low, r.mb_seconds_high);
  out.duration = ChangeOf(b.duration_ms, r.duration_ms, r.duration_ms_low, r.duration_ms_high);
  ObjectiveValue bc = ObjectiveOf(ObjectiveKind::kCost, options.prices, b);
  ObjectiveValue rc = ObjectiveOf(ObjectiveKind::kCost, options.prices, r);
  out.cost = ChangeOf(bc.value, rc.value, rc.low, rc.high);
  out.observed_mb_seconds_saved = -out.mb_seconds.pct / 100.0 * out.observed.mb_seconds;
  if (!out.found_feasible) {
    out.notes.push_back("no candidate meets the constraints; the closest is shown: " +
                        (best->violations.empty() ? std::string() : best->violations.front()));
  }

  if (options.explain && !out.best_is_baseline) {
    out.drivers = DiffStages(b, r, kDriversShown);
    for (const auto& [k, v] : out.best.overrides) {
      ChangeEffect c;
      c.key = k;
      c.from = ev.observed().Get(k);
      c.to = v;
      const Evaluation& alone = out.best.overrides.size() == 1 ? *best : ev.Evaluate({{k, v}});
      ObjectiveValue base_obj = ev.Baseline().objective;
      c.objective_pct_alone =
          base_obj.value > 0 ? 100.0 * (alone.objective.value / base_obj.value - 1.0) : 0;
      c.duration_pct_alone =
          b.duration_ms > 0 ? 100.0 * (alone.result.duration_ms / b.duration_ms - 1.0) : 0;
      c.stages = DiffStages(b, alone.result, kStagesPerChange);
      out.changes.push_back(std::move(c));
    }
  }
  out.pareto = ParetoFront(ev.all());
  for (ParetoPoint& p : out.pareto)
    p.chosen = CanonicalKey(p.overrides) == CanonicalKey(out.best.overrides);
  for (const std::string& n : ev.notes()) out.notes.push_back(n);
  out.simulations = ev.simulations();
  out.cache_hits = ev.cache_hits();
  out.wall_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  return out;
}

}  // namespace sparktune::search
