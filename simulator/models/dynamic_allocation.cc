#include "simulator/models/dynamic_allocation.h"

#include <algorithm>
#include <cstdio>

#include "data/config/config_catalog.h"

namespace sparktune::simulator {

namespace keys = config::keys;

namespace {

// A duration key's value (set, else the catalog default for the version), a
// bare number in the key's catalog unit; unset or malformed keeps `fallback_ms`.
double DurationMsOr(const engine::EffectiveConfig& config, std::string_view key,
                    double fallback_ms) {
  const config::ConfigKey* entry = config::FindKey(key);
  auto ms = config::ParseDurationMs(config.Get(std::string(key)), entry ? entry->time_unit : 's');
  return ms.ok() ? static_cast<double>(*ms) : fallback_ms;
}

// Cluster-manager limits on executors when the log cannot tell: none.
constexpr int kUnlimitedExecutors = 100000;

}  // namespace

DynamicAllocationPolicy ReadDynamicAllocationPolicy(const engine::EffectiveConfig& config,
                                                    engine::ClusterManager manager,
                                                    int observed_cores, int observed_max_cores,
                                                    const ExecutorStartupLatency& startup) {
  DynamicAllocationPolicy p;
  p.executor_cores =
      static_cast<int>(config.GetInt(std::string(keys::kExecutorCores), observed_cores));
  p.task_cpus = static_cast<int>(config.GetInt(std::string(keys::kTaskCpus), 1));
  int capacity = manager == engine::ClusterManager::kStandalone
                     ? std::max(1, observed_max_cores / std::max(1, p.executor_cores))
                     : kUnlimitedExecutors;
  p.max_executors = static_cast<int>(std::min<int64_t>(
      capacity,
      config.GetInt(std::string(keys::kDynamicAllocationMaxExecutors), kUnlimitedExecutors)));
  p.min_executors = config.GetInt(std::string(keys::kDynamicAllocationMinExecutors), 0);
  p.startup = startup;
  p.idle_timeout_ms =
      DurationMsOr(config, keys::kDynamicAllocationExecutorIdleTimeout, p.idle_timeout_ms);
  bool tracking =
      config.GetBool(std::string(keys::kDynamicAllocationShuffleTrackingEnabled), false) &&
      !config.GetBool(std::string(keys::kShuffleServiceEnabled), false);
  p.holder_timeout_ms = p.idle_timeout_ms;
  if (tracking) {
    // Unset (the default): never.
    double timeout = DurationMsOr(config, keys::kDynamicAllocationShuffleTrackingTimeout, 1e300);
    p.holder_timeout_ms = timeout >= 1e299 ? timeout : std::max(p.idle_timeout_ms, timeout);
  }
  p.initial_executors = std::max(
      p.min_executors,
      config.GetInt(std::string(keys::kDynamicAllocationInitialExecutors), p.min_executors));
  if (config.IsSet(std::string(keys::kExecutorInstances)))
    p.initial_executors =
        std::max(p.initial_executors, config.GetInt(std::string(keys::kExecutorInstances), 0));
  p.backlog_timeout_ms =
      DurationMsOr(config, keys::kDynamicAllocationSchedulerBacklogTimeout, p.backlog_timeout_ms);
  return p;
}

std::vector<ExecutorSpec> InitialDynamicExecutors(const DynamicAllocationPolicy& policy,
                                                  double first_start) {
  std::vector<ExecutorSpec> out;
  for (int64_t i = 0; i < std::min<int64_t>(policy.initial_executors, policy.max_executors); ++i) {
    ExecutorSpec x;
    x.id = "da-" + std::to_string(i + 1);
    x.start_ms = first_start;
    x.cores = std::max(1, policy.executor_cores);
    out.push_back(x);
  }
  return out;
}

std::string DescribeDynamicAllocation(const DynamicAllocationPolicy& policy, size_t initial) {
  char latency[32];
  std::snprintf(latency, sizeof latency, "%.1f s", policy.startup.ms / 1000.0);
  return "dynamic allocation simulated: " + std::to_string(initial) +
         " initial executors, at most " + std::to_string(policy.max_executors) + ", at least " +
         std::to_string(policy.min_executors) + "; a new executor registers " + latency +
         " after its request (" + policy.startup.source +
         "); idle executors leave after executorIdleTimeout" +
         (policy.holder_timeout_ms >= 1e299
              ? ", except those holding shuffle data (shuffle tracking)"
              : "");
}

void DynamicAllocation::OnDispatched(bool backlog) {
  if (backlog && !check_scheduled_) {
    check_scheduled_ = true;
    EventLoop& loop = scheduler_->loop();
    loop.At(loop.now() + policy_.backlog_timeout_ms, [this]() { CheckBacklog(); });
  }
  if (!backlog) num_to_add_ = 1;
}

void DynamicAllocation::CheckBacklog() {
  check_scheduled_ = false;
  int64_t pending = scheduler_->PendingTasks();
  int64_t running = scheduler_->RunningTasks();
  if (pending == 0) {
    num_to_add_ = 1;
    return;
  }
  EventLoop& loop = scheduler_->loop();
  int cores = policy_.executor_cores;
  int slots_per_executor = std::max(1, cores / std::max(1, policy_.task_cpus));
  int64_t needed = (pending + running + slots_per_executor - 1) / slots_per_executor;
  int64_t target = std::min<int64_t>(needed, policy_.max_executors);
  int64_t add = std::min<int64_t>(num_to_add_, target - scheduler_->KeptWorkers());
  for (int64_t i = 0; i < add; ++i) {
    ExecutorSpec x;
    x.id = "da-" + std::to_string(executors_->size() + 1);
    x.start_ms = loop.now() + policy_.startup.ms;
    x.cores = std::max(1, cores);
    executors_->push_back(x);
    scheduler_->AddWorker(WorkerFor(x, policy_.task_cpus, warmup_ms_));
  }
  if (add > 0) num_to_add_ *= 2;
  check_scheduled_ = true;
  loop.At(loop.now() + policy_.backlog_timeout_ms, [this]() { CheckBacklog(); });
}

void DynamicAllocation::OnWorkerIdle(int worker) {
  const Worker& w = scheduler_->workers()[worker];
  double since = w.idle_since;
  double timeout = w.holds_output ? policy_.holder_timeout_ms : policy_.idle_timeout_ms;
  if (timeout >= 1e299) return;
  scheduler_->loop().At(since + timeout, [this, worker, since]() {
    const Worker& x = scheduler_->workers()[worker];
    if (!x.alive || x.removed || x.idle_since != since) return;
    if (scheduler_->KeptWorkers() <= policy_.min_executors) return;
    scheduler_->RemoveWorker(worker);
  });
}

}  // namespace sparktune::simulator
