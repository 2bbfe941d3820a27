// AppCost: the observed MB-seconds and core-seconds of an application, by
// the one formula of engine/cost/resource_seconds (architecture.md section 5,
// "Cost"; the replay and the scenario simulator apply it to simulated
// lifetimes):
//
//   MB-seconds = sum over executors of container MiB x lifetime (s)
//              + driver container MiB x application duration (s)
//
// An executor's lifetime runs from ExecutorAdded to ExecutorRemoved, or to the
// application end; its container size is ContainerSize for its resource
// profile (3.1+ profiles carry their own memory and cores). The local-mode
// "driver" executor is the driver and is not counted twice. The observed figure
// of a run is this applied to its log; predictions apply it to simulated
// lifetimes (mirrors YARN RMAppAttemptMetrics memory-seconds; spark-reference 4.7).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "data/model/application.h"
#include "engine/memory/container_size.h"

namespace sparktune::engine {

struct ExecutorCost {
  std::string executor_id;
  int64_t start_ms = 0;
  int64_t end_ms = 0;
  int64_t container_mib = 0;
  int cores = 0;
  double mb_seconds = 0;
  double core_seconds = 0;
};

struct AppCost {
  ClusterManager cluster_manager = ClusterManager::kUnknown;
  int64_t container_step_mib = 1;
  ContainerSize executor_container;  // default resource profile
  ContainerSize driver_container;
  double executor_mb_seconds = 0;
  double driver_mb_seconds = 0;
  double mb_seconds = 0;  // executors + driver
  double core_seconds = 0;
  std::vector<ExecutorCost> executors;
  bool end_is_lower_bound = false;  // log has no ApplicationEnd
};

AppCost ComputeObservedCost(const model::Application& app);

}  // namespace sparktune::engine
