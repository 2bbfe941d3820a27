// Part of the config catalog table (catalog_table.h): Executor and driver resources, dynamic
// allocation and YARN. Sources for defaults: core/src/main/scala/org/apache/spark/internal/config/
// package.scala and sql/catalyst/src/main/scala/org/apache/spark/sql/internal/
// SQLConf.scala at the versions named (spark-reference.md sections 1.4, 3.1, 4.6, 5).
#include <vector>

#include "data/config/catalog_table.h"

namespace sparktune::config::catalog_table {

// Executor and driver resources (ResourceProfile, package.scala).
void AddResourceKeys(std::vector<ConfigKey>& c) {
  auto add = [&c](ConfigKey key) { c.push_back(std::move(key)); };

  // --- Executor and driver resources (ResourceProfile, package.scala) ---
  add({.name = keys::kExecutorMemory,
       .type = ValueType::kBytes,
       .defaults = Always("1g"),
       .doc = "Heap size of each executor JVM (-Xmx).",
       .since = "0.7.0",
       .bytes_unit = 'm',
       .min = 450.0 * 1024 * 1024,
       .tunable = true});
  add({.name = keys::kExecutorCores,
       .type = ValueType::kInt,
       .defaults = Always("1"),
       .doc = "Cores per executor (YARN/K8s default 1; standalone: all worker cores unless set).",
       .since = "1.0.0",
       .min = 1,
       .tunable = true});
  add({.name = keys::kExecutorInstances,
       .type = ValueType::kInt,
       .defaults = {},
       .doc = "Executors to start without dynamic allocation (YARN/K8s default 2).",
       .since = "1.0.0",
       .min = 0,
       .tunable = true});
  add({.name = keys::kExecutorMemoryOverhead,
       .type = ValueType::kBytes,
       .defaults = {},
       .doc = "Non-heap memory per executor container; default max(factor x heap, minimum).",
       .since = "2.3.0",
       .bytes_unit = 'm',
       .min = 0,
       .tunable = true});
  add({.name = keys::kExecutorMemoryOverheadFactor,
       .type = ValueType::kDouble,
       .defaults = Always("0.1"),
       .doc = "Overhead as a fraction of executor memory when memoryOverhead is unset.",
       .since = "3.3.0",
       .min = 0,
       .max = 1,
       .tunable = true});
  add({.name = keys::kExecutorMinMemoryOverhead,
       .type = ValueType::kBytes,
       .defaults = Always("384m"),
       .doc = "Minimum executor memory overhead (fixed 384 MiB before 4.0).",
       .since = "4.0.0",
       .bytes_unit = 'm',
       .min = 0});
  add({.name = keys::kKubernetesMemoryOverheadFactor,
       .type = ValueType::kDouble,
       .defaults = Always("0.1"),
       .doc = "Kubernetes overhead factor (0.4 for non-JVM apps unless set).",
       .since = "2.4.0",
       .min = 0,
       .max = 1,
       .deprecated_in = "3.3.0",
       .replaced_by = keys::kExecutorMemoryOverheadFactor});
  add({.name = keys::kExecutorPysparkMemory,
       .type = ValueType::kBytes,
       .defaults = {},
       .doc = "Memory for Python workers per executor, added to the container when set.",
       .since = "2.4.0",
       .bytes_unit = 'm',
       .min = 0});
  add({.name = keys::kDriverMemory,
       .type = ValueType::kBytes,
       .defaults = Always("1g"),
       .doc = "Heap size of the driver JVM.",
       .since = "1.1.1",
       .bytes_unit = 'm',
       .min = 450.0 * 1024 * 1024});
  add({.name = keys::kDriverCores,
       .type = ValueType::kInt,
       .defaults = Always("1"),
       .doc = "Driver cores (cluster mode).",
       .since = "1.3.0",
       .min = 1});
  add({.name = keys::kDriverMemoryOverhead,
       .type = ValueType::kBytes,
       .defaults = {},
       .doc = "Non-heap memory of the driver container.",
       .since = "2.3.0",
       .bytes_unit = 'm',
       .min = 0});
  add({.name = keys::kDriverMemoryOverheadFactor,
       .type = ValueType::kDouble,
       .defaults = Always("0.1"),
       .doc = "Driver overhead fraction.",
       .since = "3.3.0",
       .min = 0,
       .max = 1});
  add({.name = keys::kDriverMinMemoryOverhead,
       .type = ValueType::kBytes,
       .defaults = Always("384m"),
       .doc = "Minimum driver memory overhead.",
       .since = "4.0.0",
       .bytes_unit = 'm',
       .min = 0});
  add({.name = keys::kOffHeapEnabled,
       .type = ValueType::kBool,
       .defaults = Always("false"),
       .doc = "Use off-heap memory for execution and storage.",
       .since = "1.6.0"});
  add({.name = keys::kOffHeapSize,
       .type = ValueType::kBytes,
       .defaults = Always("0"),
       .doc = "Off-heap memory per executor; added to the container since 3.0.",
       .since = "1.6.0",
       .bytes_unit = 'b',
       .min = 0});
  add({.name = keys::kMemoryFraction,
       .type = ValueType::kDouble,
       .defaults = Always("0.6"),
       .doc = "Fraction of (heap - 300 MiB) for execution and storage.",
       .since = "1.6.0",
       .min = 0,
       .max = 1});
  add({.name = keys::kMemoryStorageFraction,
       .type = ValueType::kDouble,
       .defaults = Always("0.5"),
       .doc = "Storage share of unified memory immune to eviction.",
       .since = "1.6.0",
       .min = 0,
       .max = 1});
  add({.name = keys::kTaskCpus,
       .type = ValueType::kInt,
       .defaults = Always("1"),
       .doc = "Cores each task occupies.",
       .since = "0.5.0",
       .min = 1});
  add({.name = keys::kMaster,
       .type = ValueType::kString,
       .defaults = {},
       .doc = "Cluster manager URL (yarn, k8s://..., spark://..., local[N]).",
       .since = "0.9.0"});
  add({.name = keys::kSubmitDeployMode,
       .type = ValueType::kEnum,
       .defaults = Always("client"),
       .doc = "Where the driver runs.",
       .since = "1.5.0",
       .choices = {"client", "cluster"}});
  add({.name = keys::kDefaultParallelism,
       .type = ValueType::kInt,
       .defaults = {},
       .doc = "Default partitions of RDD shuffles; default total executor cores.",
       .since = "0.5.0",
       .min = 1});
}

// The first SQL and AQE keys (SQLConf.scala), dynamic allocation (ExecutorAllocationManager).
void AddSqlAndAllocationKeys(std::vector<ConfigKey>& c) {
  auto add = [&c](ConfigKey key) { c.push_back(std::move(key)); };

  // --- SQL and AQE (SQLConf.scala) ---
  add({.name = keys::kSqlShufflePartitions,
       .type = ValueType::kInt,
       .defaults = Always("200"),
       .doc = "Partitions of SQL shuffles (the initial count under AQE).",
       .since = "1.1.0",
       .min = 1,
       .tunable = true});
  add({.name = keys::kAutoBroadcastJoinThreshold,
       .type = ValueType::kBytes,
       .defaults = Always("10m"),
       .doc = "Largest estimated side broadcast at planning time; -1 disables.",
       .since = "1.1.0",
       .bytes_unit = 'b',
       .min = -1,
       .tunable = true});
  add({.name = keys::kAdaptiveEnabled,
       .type = ValueType::kBool,
       .defaults = {{V(0, 0), "false"}, {V(3, 2), "true"}},
       .doc = "Adaptive query execution (on by default since 3.2, SPARK-33679).",
       .since = "1.6.0",
       .tunable = true});
  add({.name = keys::kAdaptiveCoalesceEnabled,
       .type = ValueType::kBool,
       .defaults = Always("true"),
       .doc = "AQE coalesces small post-shuffle partitions.",
       .since = "3.0.0",
       .tunable = true});
  add({.name = keys::kAdaptiveAdvisoryPartitionSize,
       .type = ValueType::kBytes,
       .defaults = Always("64m"),
       .doc = "AQE target post-shuffle partition size.",
       .since = "3.0.0",
       .bytes_unit = 'b',
       .min = 1,
       .tunable = true});
  add({.name = keys::kAdaptiveSkewJoinEnabled,
       .type = ValueType::kBool,
       .defaults = Always("true"),
       .doc = "AQE splits skewed partitions of sort-merge and shuffled-hash joins.",
       .since = "3.0.0",
       .tunable = true});
  // --- Dynamic allocation (ExecutorAllocationManager) ---
  add({.name = keys::kDynamicAllocationEnabled,
       .type = ValueType::kBool,
       .defaults = Always("false"),
       .doc = "Scale executors with the task backlog.",
       .since = "1.2.0",
       .tunable = true});
  add({.name = keys::kDynamicAllocationMinExecutors,
       .type = ValueType::kInt,
       .defaults = Always("0"),
       .doc = "Lower bound of dynamic allocation.",
       .since = "1.2.0",
       .min = 0,
       .tunable = true});
  add({.name = keys::kDynamicAllocationMaxExecutors,
       .type = ValueType::kInt,
       .defaults = Always("2147483647"),
       .doc = "Upper bound of dynamic allocation.",
       .since = "1.2.0",
       .min = 0,
       .tunable = true});
}

// Dynamic allocation, continued, and the YARN container step.
void AddAllocationAndYarnKeys(std::vector<ConfigKey>& c) {
  auto add = [&c](ConfigKey key) { c.push_back(std::move(key)); };

  // --- Dynamic allocation, continued (package.scala; spark-reference.md 5.5) ---
  add({.name = keys::kDynamicAllocationInitialExecutors,
       .type = ValueType::kInt,
       .defaults = {},
       .doc = "Initial executors; default minExecutors (effective: max of min, initial, "
              "spark.executor.instances).",
       .since = "1.3.0",
       .min = 0,
       .tunable = true});
  add({.name = keys::kDynamicAllocationExecutorIdleTimeout,
       .type = ValueType::kDuration,
       .defaults = Always("60s"),
       .doc = "Remove an executor idle this long.",
       .since = "1.2.0",
       .time_unit = 's',
       .min = 0,
       .tunable = true});
  add({.name = keys::kDynamicAllocationCachedExecutorIdleTimeout,
       .type = ValueType::kDuration,
       .defaults = {},
       .doc = "Idle timeout of executors with cached blocks; default infinity.",
       .since = "1.4.0",
       .time_unit = 's',
       .min = 0});
  add({.name = keys::kDynamicAllocationSchedulerBacklogTimeout,
       .type = ValueType::kDuration,
       .defaults = Always("1s"),
       .doc = "Backlog age before requesting executors.",
       .since = "1.2.0",
       .time_unit = 's',
       .min = 1,
       .tunable = true});
  add({.name = keys::kDynamicAllocationSustainedBacklogTimeout,
       .type = ValueType::kDuration,
       .defaults = {},
       .doc = "Backlog period between further requests; default the backlog timeout.",
       .since = "1.2.0",
       .time_unit = 's',
       .min = 1});
  add({.name = keys::kDynamicAllocationShuffleTrackingEnabled,
       .type = ValueType::kBool,
       .defaults = {{V(0, 0), "false"}, {V(3, 4), "true"}},
       .doc = "Track shuffle files so dynamic allocation works without the external shuffle "
              "service (default true from 3.4, SPARK-39846).",
       .since = "3.0.0"});
  add({.name = keys::kDynamicAllocationShuffleTrackingTimeout,
       .type = ValueType::kDuration,
       .defaults = {},
       .doc = "Keep executors holding shuffle data at most this long; default infinity.",
       .since = "3.0.0",
       .time_unit = 'm',
       .min = 0});
  add({.name = keys::kDynamicAllocationExecutorAllocationRatio,
       .type = ValueType::kDouble,
       .defaults = Always("1.0"),
       .doc = "Fraction of the fully parallel executor count to request.",
       .since = "2.4.0",
       .min = 0,
       .max = 1});
  add({.name = keys::kDecommissionEnabled,
       .type = ValueType::kBool,
       .defaults = Always("false"),
       .doc = "Decommission executors instead of killing them.",
       .since = "3.1.0"});
  // --- Not Spark's, but read from Hadoop properties for YARN container rounding ---
  add({.name = keys::kYarnMinAllocationMb,
       .type = ValueType::kInt,
       .defaults = Always("1024"),
       .doc = "YARN CapacityScheduler container step (MiB); read from Hadoop Properties.",
       .since = "0.0.0",
       .min = 1});
}

}  // namespace sparktune::config::catalog_table
