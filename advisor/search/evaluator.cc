#include "advisor/search/evaluator.h"

#include <algorithm>
#include <cmath>

#include "data/base/units.h"
#include "data/config/config_catalog.h"
#include "engine/memory/container_size.h"

namespace sparktune::search {

namespace keys = config::keys;

namespace {

using units::kMib;

std::string Fmt(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f", x);
  return buf;
}

}  // namespace

CachedEvaluator::CachedEvaluator(const simulator::AppSimulator& sim, ObjectiveKind objective,
                                 Prices prices, Constraints constraints, bool rank_by_upper_bound)
    : sim_(sim),
      objective_(objective),
      prices_(prices),
      constraints_(std::move(constraints)),
      rank_by_upper_bound_(rank_by_upper_bound) {
  Evaluation base;
  base.result = sim_.Run({});
  ++simulations_;
  evals_.push_back(std::move(base));
  Judge(evals_.front());
  // The log's own config ran: it is never ruled out by the model's flags.
  evals_.front().violations.clear();
  evals_.front().hard_violation = false;
  index_[CanonicalKey({})] = 0;
  if (evals_.front().result.oom_risk) {
    notes_.push_back(
        "the model flags out-of-memory risk at the log's own config, which ran: the flag is not "
        "used as a constraint for this app");
  }
}

const Evaluation& CachedEvaluator::Evaluate(const ConfigMap& overrides) {
  ConfigMap canon = DropUnchanged(sim_.observed_config(), overrides);
  std::string key = CanonicalKey(canon);
  auto it = index_.find(key);
  if (it != index_.end()) {
    ++cache_hits_;
    return evals_[it->second];
  }
  Evaluation e;
  e.overrides = std::move(canon);
  e.result = sim_.Run(e.overrides);
  ++simulations_;
  Judge(e);
  evals_.push_back(std::move(e));
  index_[key] = evals_.size() - 1;
  return evals_.back();
}

void CachedEvaluator::Judge(Evaluation& e) const {
  e.objective = ObjectiveOf(objective_, prices_, e.result);
  e.score = rank_by_upper_bound_ ? e.objective.high : e.objective.value;
  const Evaluation* base = evals_.empty() ? nullptr : &evals_.front();
  double base_ms = base ? base->result.duration_ms : e.result.duration_ms;
  e.slowdown_pct = base_ms > 0 ? 100.0 * (e.result.duration_ms / base_ms - 1.0) : 0.0;
  e.violations.clear();
  e.hard_violation = false;
  auto hard = [&](std::string why) {
    e.violations.push_back(std::move(why));
    e.hard_violation = true;
  };
  if (e.result.oom_risk && base != nullptr && !base->result.oom_risk) {
    hard("out-of-memory risk: a task's in-memory footprint far exceeds its execution memory");
  }
  engine::EffectiveConfig config = sim_.observed_config();
  for (const auto& [k, v] : e.overrides) config.Set(k, v);
  const ClusterLimits& limits = constraints_.limits;
  int64_t cores = config.GetInt(std::string(keys::kExecutorCores), 1);
  bool cores_changed = e.overrides.count(std::string(keys::kExecutorCores)) > 0;
  if (cores_changed && limits.cores_per_node > 0 && cores > limits.cores_per_node) {
    hard("executor cores " + std::to_string(cores) + " exceed the " +
         std::to_string(limits.cores_per_node) + " cores of a node");
  }
  engine::ClusterManager manager =
      engine::ClusterManagerFromMaster(config.Get(std::string(keys::kMaster)));
  int64_t step = engine::ContainerStepMib(manager, sim_.app().hadoop_properties);
  engine::ContainerSize container = engine::ExecutorContainer(config, manager, step);
  bool memory_changed = e.overrides.count(std::string(keys::kExecutorMemory)) > 0 ||
                        e.overrides.count(std::string(keys::kExecutorMemoryOverhead)) > 0;
  if (memory_changed && limits.largest_container_mib > 0 &&
      container.granted_mib > limits.largest_container_mib) {
    hard("container of " + std::to_string(container.granted_mib) + " MiB exceeds the largest (" +
         std::to_string(limits.largest_container_mib) + " MiB)");
  }
  if (e.overrides.count(std::string(keys::kExecutorMemory)) && !limits.memory_steps_mib.empty()) {
    int64_t heap = config.GetBytes(std::string(keys::kExecutorMemory)) / kMib;
    if (std::find(limits.memory_steps_mib.begin(), limits.memory_steps_mib.end(), heap) ==
        limits.memory_steps_mib.end()) {
      hard("executor memory " + std::to_string(heap) +
           " MiB is not one of the allowed memory steps");
    }
  }
  if (memory_changed && config.IsSet(std::string(keys::kExecutorMemoryOverhead))) {
    int64_t heap = config.GetBytes(std::string(keys::kExecutorMemory)) / kMib;
    int64_t overhead = config.GetBytes(std::string(keys::kExecutorMemoryOverhead)) / kMib;
    if (overhead < std::max<int64_t>(384, heap / 10)) {
      hard("memory overhead " + std::to_string(overhead) + " MiB is below Spark's default for a " +
           std::to_string(heap) + " MiB heap (container kills are not simulated)");
    }
  }
  if (limits.max_executors > 0 &&
      static_cast<int>(e.result.executors.size()) > limits.max_executors) {
    hard(std::to_string(e.result.executors.size()) + " executors exceed the limit of " +
         std::to_string(limits.max_executors));
  }
  if (constraints_.max_slowdown_pct >= 0 && e.slowdown_pct > constraints_.max_slowdown_pct + 1e-9) {
    e.violations.push_back("predicted " + Fmt(e.slowdown_pct) +
                           "% slower than the log's config (limit " +
                           Fmt(constraints_.max_slowdown_pct) + "%)");
  }
}

}  // namespace sparktune::search
