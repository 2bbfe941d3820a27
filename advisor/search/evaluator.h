// CachedEvaluator: runs the simulator for candidate configs of one app and
// judges each against the objective and the constraints, caching by the
// canonical config (search_space.h CanonicalKey: "64m" and "67108864" hit the
// same entry; overrides equal to the log's value are dropped first).
//
// Constraints (a violated one makes a config infeasible; the reason is kept):
//   * max slowdown: predicted duration at most (1 + pct/100) x the baseline's,
//     where the baseline is the log's own config replayed by the same model, so
//     the replay error of the observed run cancels out of the comparison;
//   * out-of-memory risk: SimResult.oom_risk on a config (ignored, with a note,
//     when the model already flags the log's own config, which did run);
//   * cluster limits (cluster_limits.h): cores per node, largest container,
//     allowed memory steps (for a changed heap), most executors;
//   * an explicit memoryOverhead below Spark's default for its heap.
//
// Not thread-safe (one evaluator per app and thread). The AppSimulator must
// outlive it.
#pragma once

#include <deque>
#include <string>
#include <unordered_map>
#include <vector>

#include "advisor/search/cluster_limits.h"
#include "advisor/search/objective.h"
#include "advisor/search/search_space.h"
#include "simulator/workload/app_simulator.h"

namespace sparktune::search {

struct Constraints {
  double max_slowdown_pct = 10;  // < 0: no limit
  ClusterLimits limits;
};

struct Evaluation {
  ConfigMap overrides;  // only keys that differ from the log's config
  simulator::SimResult result;
  ObjectiveValue objective;
  double slowdown_pct = 0;              // predicted duration vs the baseline's, in percent
  std::vector<std::string> violations;  // empty: feasible
  bool hard_violation = false;          // OOM risk or a cluster limit (not only the slowdown)
  bool feasible() const { return violations.empty(); }
  // What strategies minimize: the objective's point value, or the pessimistic
  // end of its interval when ranking by the upper bound.
  double score = 0;
};

class CachedEvaluator {
 public:
  CachedEvaluator(const simulator::AppSimulator& sim, ObjectiveKind objective, Prices prices,
                  Constraints constraints, bool rank_by_upper_bound);

  // The log's own config (empty overrides), evaluated at construction.
  const Evaluation& Baseline() const { return evals_.front(); }
  // Evaluates (or recalls) a config. The reference stays valid for the
  // evaluator's life.
  const Evaluation& Evaluate(const ConfigMap& overrides);

  int simulations() const { return simulations_; }
  int cache_hits() const { return cache_hits_; }
  const std::deque<Evaluation>& all() const { return evals_; }
  const engine::EffectiveConfig& observed() const { return sim_.observed_config(); }
  ObjectiveKind objective() const { return objective_; }
  const Prices& prices() const { return prices_; }
  const std::vector<std::string>& notes() const { return notes_; }

 private:
  void Judge(Evaluation& e) const;

  const simulator::AppSimulator& sim_;
  ObjectiveKind objective_;
  Prices prices_;
  Constraints constraints_;
  bool rank_by_upper_bound_;
  std::deque<Evaluation> evals_;  // stable references
  std::unordered_map<std::string, size_t> index_;
  int simulations_ = 0;
  int cache_hits_ = 0;
  std::vector<std::string> notes_;
};

}  // namespace sparktune::search
