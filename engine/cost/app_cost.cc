#include "engine/cost/app_cost.h"

#include <algorithm>

#include "data/config/config_catalog.h"
#include "engine/cost/resource_seconds.h"

namespace sparktune::engine {

AppCost ComputeObservedCost(const model::Application& app) {
  AppCost cost;
  EffectiveConfig config = EffectiveConfig::FromApplication(app);
  cost.cluster_manager = ClusterManagerFromMaster(config.Get(std::string(config::keys::kMaster)));
  cost.container_step_mib = ContainerStepMib(cost.cluster_manager, app.hadoop_properties);
  cost.executor_container =
      ExecutorContainer(config, cost.cluster_manager, cost.container_step_mib);
  cost.driver_container = DriverContainer(config, cost.cluster_manager, cost.container_step_mib);
  int64_t app_start = app.start_time;
  int64_t app_end = app.end_time >= 0 ? app.end_time : app.last_event_time;
  cost.end_is_lower_bound = app.end_time < 0;
  std::vector<ContainerLifetime> lifetimes;

  for (const model::Executor& exec : app.executors) {
    if (exec.is_driver() || !exec.seen_executor_added) continue;
    ExecutorCost e;
    e.executor_id = exec.id;
    e.start_ms = exec.add_time;
    e.end_ms = exec.remove_time >= 0 ? exec.remove_time : app_end;
    if (e.end_ms < e.start_ms) e.end_ms = e.start_ms;
    ContainerSize size = cost.executor_container;
    auto rp = app.resource_profiles.find(exec.resource_profile_id);
    if (rp != app.resource_profiles.end() && rp->second.executor_memory_mib > 0) {
      // A logged resource profile states what Spark asked for (3.1+).
      EffectiveConfig rp_config = config;
      const model::ResourceProfile& p = rp->second;
      rp_config.Set(std::string(config::keys::kExecutorMemory),
                    std::to_string(p.executor_memory_mib) + "m");
      if (p.executor_overhead_mib >= 0)
        rp_config.Set(std::string(config::keys::kExecutorMemoryOverhead),
                      std::to_string(p.executor_overhead_mib) + "m");
      if (p.executor_pyspark_mib >= 0)
        rp_config.Set(std::string(config::keys::kExecutorPysparkMemory),
                      std::to_string(p.executor_pyspark_mib) + "m");
      if (p.executor_offheap_mib > 0) {
        rp_config.Set(std::string(config::keys::kOffHeapEnabled), "true");
        rp_config.Set(std::string(config::keys::kOffHeapSize),
                      std::to_string(p.executor_offheap_mib) + "m");
      }
      size = ExecutorContainer(rp_config, cost.cluster_manager, cost.container_step_mib);
    }
    e.container_mib = size.granted_mib;
    e.cores = exec.total_cores > 0 ? exec.total_cores : size.cores;
    ContainerLifetime life{e.container_mib, e.cores, static_cast<double>(e.end_ms - e.start_ms)};
    ResourceSeconds one = ContainerSeconds(life);
    e.mb_seconds = one.mb_seconds;
    e.core_seconds = one.core_seconds;
    lifetimes.push_back(life);
    cost.executors.push_back(e);
  }
  double app_ms =
      app_start >= 0 && app_end > app_start ? static_cast<double>(app_end - app_start) : 0.0;
  int driver_cores = cost.driver_container.cores;
  if (cost.cluster_manager == ClusterManager::kLocal) {
    // local[N]: the driver runs the tasks; its cores are the local slots.
    for (const model::Executor& exec : app.executors) {
      if (exec.is_driver() && exec.total_cores > 0) driver_cores = exec.total_cores;
    }
  }
  ResourceSeconds total =
      ApplicationSeconds(lifetimes, {cost.driver_container.granted_mib, driver_cores, app_ms});
  cost.executor_mb_seconds = total.executor_mb_seconds;
  cost.driver_mb_seconds = total.driver_mb_seconds;
  cost.mb_seconds = total.mb_seconds;
  cost.core_seconds = total.core_seconds;
  return cost;
}

}  // namespace sparktune::engine
