#include "advisor/profile/profile_report.h"

#include "engine/cost/app_cost.h"
#include "engine/plan/aqe_observations.h"

namespace sparktune::advisor {

reports::ProfileInput BuildProfileInput(const eventlog::LoadedLog& log, const std::string& path) {
  reports::ProfileInput in;
  in.log = &log;
  in.path = path;
  engine::AppCost cost = engine::ComputeObservedCost(log.app);
  in.cost = {.cluster_manager = engine::ClusterManagerName(cost.cluster_manager),
             .container_step_mib = cost.container_step_mib,
             .executor_container_mib = cost.executor_container.granted_mib,
             .executor_heap_mib = cost.executor_container.heap_mib,
             .executor_overhead_mib = cost.executor_container.overhead_mib,
             .driver_container_mib = cost.driver_container.granted_mib,
             .executor_mb_seconds = cost.executor_mb_seconds,
             .driver_mb_seconds = cost.driver_mb_seconds,
             .mb_seconds = cost.mb_seconds,
             .core_seconds = cost.core_seconds,
             .end_is_lower_bound = cost.end_is_lower_bound};
  for (const auto& [id, sql] : log.app.sql_executions) {
    in.aqe.emplace_back(id, engine::ObserveAqe(sql, log.app));
  }
  return in;
}

nlohmann::ordered_json ProfileJson(const eventlog::LoadedLog& log, const std::string& path) {
  return reports::ProfileJson(BuildProfileInput(log, path));
}

std::string ProfileText(const eventlog::LoadedLog& log, const std::string& path, bool color) {
  return reports::ProfileText(BuildProfileInput(log, path), color);
}

}  // namespace sparktune::advisor
