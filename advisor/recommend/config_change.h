// Config changes as users of the peers' tuners ask for them (issue 14, item 4;
// spark-rapids-tools' AutoTuner classes each property add/update/remove and
// prints only those that differ):
//
//   ClassifyChanges(job, proposed)  each proposed key against the job's own
//       config: "add" (the job does not set it), "update" (it sets another
//       value), "remove" (the proposal is the version's default while the job
//       sets another value: drop the line). Keys whose proposed value equals
//       the one in force (compared canonically: "4g" == "4096m") are left out.
//   DescribeValue(key, value)       the value with its unit: "4g (4 GiB)",
//       "120s (2 min)", "200"; "unset" for "".
//   ValidateCombination(config, limits)  refuses configs Spark rejects or
//       ignores, before they are proposed (InvalidArgument naming the keys).
//
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "advisor/recommend/fleet_grid.h"
#include "advisor/search/cluster_limits.h"
#include "data/base/status.h"
#include "engine/memory/container_size.h"

namespace sparktune::advisor {

enum class ChangeKind { kAdd, kUpdate, kRemove };
const char* ChangeKindName(ChangeKind kind);  // "add", "update", "remove"

struct ProposedChange {
  std::string key;
  ChangeKind kind = ChangeKind::kAdd;
  std::string current;   // the value in force today ("" = unset, no default)
  std::string proposed;  // the value to set (for kRemove: the default that then applies)
};

std::vector<ProposedChange> ClassifyChanges(const engine::EffectiveConfig& job,
                                            const ConfigMap& proposed);

std::string DescribeValue(const std::string& key, const std::string& value);

// Checks, each on the merged config (the job's own with the proposal on top):
//  - dynamic allocation on: 0 <= minExecutors <= initialExecutors <= maxExecutors
//    and maxExecutors > 0 (ExecutorAllocationManager.validateSettings, 1.2-4.x);
//    spark.executor.instances below minExecutors, which Spark ignores with a
//    warning (Utils.getDynamicAllocationInitialExecutors, 2.x-4.x);
//  - spark.executor.cores above the node's cores (limits.cores_per_node > 0);
//  - the executor container (heap + overhead + off-heap + PySpark, as
//    engine/memory/container_size computes it) above limits.largest_container_mib (> 0).
Status ValidateCombination(const engine::EffectiveConfig& config,
                           const search::ClusterLimits& limits,
                           engine::ClusterManager manager = engine::ClusterManager::kUnknown);

}  // namespace sparktune::advisor
