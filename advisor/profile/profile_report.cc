#include "advisor/profile/profile_report.h"

#include "engine/cost/app_cost.h"
#include "engine/plan/aqe_observations.h"
#include "engine/variants/engine_variant.h"

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
  engine::EngineVariantInfo variant =
      engine::ClassifyEngineVariant(log.app.spark_properties, log.app.sql_executions);
  in.engine = {.variant = std::string(engine::EngineVariantName(variant.variant)),
               .shuffle_manager = variant.shuffle_manager,
               .shuffle_kind = std::string(engine::ShuffleManagerKindName(variant.shuffle_kind)),
               .native_engine = variant.native_engine,
               .native_plugin_configured = variant.native_plugin_configured,
               .native_disabled_by_config = variant.native_disabled_by_config,
               .plan_nodes = variant.plan_nodes,
               .native_plan_nodes = variant.native_plan_nodes,
               .native_node_examples = variant.native_node_examples,
               .notes = variant.notes};
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
