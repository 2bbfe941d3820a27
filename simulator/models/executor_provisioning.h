// ExecutorProvisioning: the executors a simulated run starts with, and
// whether dynamic allocation adds and removes more (DynamicAllocation):
//  * dynamic allocation is simulated when the alternative turns it on, or
//    changes one of its knobs or the executor cores, outside local mode;
//  * local mode: one "driver" executor with local[N]'s cores (local[*]: the
//    highest task concurrency the log shows);
//  * the same executors as observed (registration to removal, from the log)
//    when neither the executor shape, count nor dynamic allocation changes;
//  * otherwise a new static allocation: spark.executor.instances executors of
//    spark.executor.cores (standalone, Master.scheduleExecutorsOnWorkers
//    1.4-4.x: as many as the cores the observed executors held at once
//    allow), registering at the observed start-up offsets; from a log that
//    ran with dynamic allocation, all of them from the start (after the
//    measured request latency).
// Executors the log says registered after the application ended (edited or
// re-stamped logs) never served the run and are left out.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "data/model/application.h"
#include "engine/memory/container_size.h"
#include "simulator/models/dynamic_allocation.h"
#include "simulator/models/executor_spec.h"

namespace sparktune::simulator {

// True when the log says `e` registered after the application ended.
bool RegisteredAfterTheEnd(const model::Executor& e, const model::Application& app);

// The log's executors, available from registration (or from their first task
// when the log says they ran one earlier: clock skew, edited logs) until
// removal. `app_start` in epoch ms; times relative to it.
std::vector<ExecutorSpec> ObservedExecutors(const model::Application& app, double app_start);

// local, local[N], local[N,F]: N (local: 1); local[*] or unparsable: 0.
int LocalModeCores(const std::string& master);

struct ExecutorProvisioning {
  engine::ClusterManager manager = engine::ClusterManager::kUnknown;
  bool local = false;                   // tasks run in the driver (or the log shows no executor)
  bool dynamic = false;                 // dynamic allocation simulated
  bool same_as_observed = false;        // executor shape, count and allocation as in the log
  int observed_cores = 1;               // cores of the first observed executor
  int executor_cores = 1;               // cores of a simulated executor
  int total_cores = 0;                  // of the executors at the start
  std::vector<ExecutorSpec> executors;  // at the start
  DynamicAllocationPolicy policy;       // when dynamic
  std::vector<std::string> notes;
};

ExecutorProvisioning ProvisionExecutors(const model::Application& app,
                                        const engine::EffectiveConfig& observed,
                                        const engine::EffectiveConfig& config,
                                        const std::map<std::string, std::string>& overrides,
                                        const std::vector<ExecutorSpec>& observed_executors,
                                        double app_start);

}  // namespace sparktune::simulator
