// DynamicAllocation: executors that come and go with the backlog, as Spark's
// ExecutorAllocationManager (requests) and ExecutorMonitor (idle removal) do
// it (1.2-4.x; shuffle tracking 3.0+), on the StageScheduler's workers:
//  * requests: while tasks wait for a slot, every schedulerBacklogTimeout it
//    asks for 1, 2, 4, ... more executors (the doubling resets once nothing
//    waits), up to what the backlog needs, (pending + running tasks) / slots
//    per executor, and maxExecutors; a new executor registers after the
//    request-to-registration latency (ExecutorStartup);
//  * removal: an executor idle for executorIdleTimeout leaves, never below
//    minExecutors; with shuffle tracking on and no external shuffle service,
//    one holding shuffle output waits shuffleTracking.timeout instead
//    (default: never).
// The policy is read from the config (keys through data/config's catalog;
// defaults by version there). Not thread-safe; one per simulation.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/memory/container_size.h"
#include "simulator/core/stage_scheduler.h"
#include "simulator/models/executor_spec.h"
#include "simulator/models/executor_startup.h"

namespace sparktune::simulator {

struct DynamicAllocationPolicy {
  int64_t min_executors = 0;
  int max_executors = 0;          // maxExecutors within what the cluster can hold
  int64_t initial_executors = 0;  // before the cap of max_executors
  int executor_cores = 1;         // spark.executor.cores as configured
  int task_cpus = 1;
  ExecutorStartupLatency startup;
  double idle_timeout_ms = 60000;
  double holder_timeout_ms = 1e300;  // idle deadline of an executor holding shuffle output
  double backlog_timeout_ms = 1000;
};

// The policy under `config`. Standalone workers offer the cores the observed
// executors held at once (`observed_max_cores`), so they cap maxExecutors.
DynamicAllocationPolicy ReadDynamicAllocationPolicy(const engine::EffectiveConfig& config,
                                                    engine::ClusterManager manager,
                                                    int observed_cores, int observed_max_cores,
                                                    const ExecutorStartupLatency& startup);

// The executors at the start: initialExecutors (at least minExecutors and
// spark.executor.instances when set), at most maxExecutors, registered when
// the first observed executor did (`first_start`), named da-1, da-2, ...
std::vector<ExecutorSpec> InitialDynamicExecutors(const DynamicAllocationPolicy& policy,
                                                  double first_start);

// What the notes say about the policy.
std::string DescribeDynamicAllocation(const DynamicAllocationPolicy& policy, size_t initial);

class DynamicAllocation {
 public:
  // `executors` lists the scheduler's workers in order (the initial ones
  // added already); new executors are appended to both.
  DynamicAllocation(const DynamicAllocationPolicy& policy, StageScheduler* scheduler,
                    std::vector<ExecutorSpec>* executors, double warmup_ms)
      : policy_(policy), scheduler_(scheduler), executors_(executors), warmup_ms_(warmup_ms) {}

  // StageScheduler hooks.
  void OnDispatched(bool backlog);
  void OnWorkerIdle(int worker);

 private:
  void CheckBacklog();

  DynamicAllocationPolicy policy_;
  StageScheduler* scheduler_;
  std::vector<ExecutorSpec>* executors_;
  double warmup_ms_;
  bool check_scheduled_ = false;
  int64_t num_to_add_ = 1;
};

}  // namespace sparktune::simulator
