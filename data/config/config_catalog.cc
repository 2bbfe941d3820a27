#include "data/config/config_catalog.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>
#include <unordered_map>

namespace sparktune::config {

namespace {

// Largest size (bytes) or duration (ms) accepted: 2^60, far beyond any real
// setting, so sums of a few values never overflow int64.
constexpr double kMaxMagnitude = 1152921504606846976.0;

SparkVersion V(int major, int minor, int patch = 0) { return SparkVersion{major, minor, patch, ""}; }
std::vector<VersionedDefault> Always(std::string_view value) { return {{V(0, 0), value}}; }

// The catalog. Each key is declared once, here. Sources for defaults:
// core/src/main/scala/org/apache/spark/internal/config/package.scala and
// sql/catalyst/src/main/scala/org/apache/spark/sql/internal/SQLConf.scala at the
// versions named (spark-reference.md sections 1.4, 3.1, 4.6, 5).
std::vector<ConfigKey> BuildCatalog() {
  std::vector<ConfigKey> c;
  auto add = [&c](ConfigKey key) { c.push_back(std::move(key)); };

  // --- Executor and driver resources (ResourceProfile, package.scala) ---
  add({.name = keys::kExecutorMemory, .type = ValueType::kBytes, .defaults = Always("1g"),
       .doc = "Heap size of each executor JVM (-Xmx).", .since = "0.7.0", .bytes_unit = 'm',
       .min = 450.0 * 1024 * 1024, .tunable = true});
  add({.name = keys::kExecutorCores, .type = ValueType::kInt, .defaults = Always("1"),
       .doc = "Cores per executor (YARN/K8s default 1; standalone: all worker cores unless set).",
       .since = "1.0.0", .min = 1, .tunable = true});
  add({.name = keys::kExecutorInstances, .type = ValueType::kInt, .defaults = {},
       .doc = "Executors to start without dynamic allocation (YARN/K8s default 2).",
       .since = "1.0.0", .min = 0, .tunable = true});
  add({.name = keys::kExecutorMemoryOverhead, .type = ValueType::kBytes, .defaults = {},
       .doc = "Non-heap memory per executor container; default max(factor x heap, minimum).",
       .since = "2.3.0", .bytes_unit = 'm', .min = 0, .tunable = true});
  add({.name = keys::kExecutorMemoryOverheadFactor, .type = ValueType::kDouble,
       .defaults = Always("0.1"),
       .doc = "Overhead as a fraction of executor memory when memoryOverhead is unset.",
       .since = "3.3.0", .min = 0, .max = 1, .tunable = true});
  add({.name = keys::kExecutorMinMemoryOverhead, .type = ValueType::kBytes,
       .defaults = Always("384m"), .doc = "Minimum executor memory overhead (fixed 384 MiB before 4.0).",
       .since = "4.0.0", .bytes_unit = 'm', .min = 0});
  add({.name = keys::kKubernetesMemoryOverheadFactor, .type = ValueType::kDouble,
       .defaults = Always("0.1"),
       .doc = "Kubernetes overhead factor (0.4 for non-JVM apps unless set).",
       .since = "2.4.0", .min = 0, .max = 1, .deprecated_in = "3.3.0",
       .replaced_by = keys::kExecutorMemoryOverheadFactor});
  add({.name = keys::kExecutorPysparkMemory, .type = ValueType::kBytes, .defaults = {},
       .doc = "Memory for Python workers per executor, added to the container when set.",
       .since = "2.4.0", .bytes_unit = 'm', .min = 0});
  add({.name = keys::kDriverMemory, .type = ValueType::kBytes, .defaults = Always("1g"),
       .doc = "Heap size of the driver JVM.", .since = "1.1.1", .bytes_unit = 'm',
       .min = 450.0 * 1024 * 1024});
  add({.name = keys::kDriverCores, .type = ValueType::kInt, .defaults = Always("1"),
       .doc = "Driver cores (cluster mode).", .since = "1.3.0", .min = 1});
  add({.name = keys::kDriverMemoryOverhead, .type = ValueType::kBytes, .defaults = {},
       .doc = "Non-heap memory of the driver container.", .since = "2.3.0", .bytes_unit = 'm',
       .min = 0});
  add({.name = keys::kDriverMemoryOverheadFactor, .type = ValueType::kDouble,
       .defaults = Always("0.1"), .doc = "Driver overhead fraction.", .since = "3.3.0", .min = 0,
       .max = 1});
  add({.name = keys::kDriverMinMemoryOverhead, .type = ValueType::kBytes,
       .defaults = Always("384m"), .doc = "Minimum driver memory overhead.", .since = "4.0.0",
       .bytes_unit = 'm', .min = 0});
  add({.name = keys::kOffHeapEnabled, .type = ValueType::kBool, .defaults = Always("false"),
       .doc = "Use off-heap memory for execution and storage.", .since = "1.6.0"});
  add({.name = keys::kOffHeapSize, .type = ValueType::kBytes, .defaults = Always("0"),
       .doc = "Off-heap memory per executor; added to the container since 3.0.", .since = "1.6.0",
       .bytes_unit = 'b', .min = 0});
  add({.name = keys::kMemoryFraction, .type = ValueType::kDouble, .defaults = Always("0.6"),
       .doc = "Fraction of (heap - 300 MiB) for execution and storage.", .since = "1.6.0",
       .min = 0, .max = 1});
  add({.name = keys::kMemoryStorageFraction, .type = ValueType::kDouble, .defaults = Always("0.5"),
       .doc = "Storage share of unified memory immune to eviction.", .since = "1.6.0", .min = 0,
       .max = 1});
  add({.name = keys::kTaskCpus, .type = ValueType::kInt, .defaults = Always("1"),
       .doc = "Cores each task occupies.", .since = "0.5.0", .min = 1});
  add({.name = keys::kMaster, .type = ValueType::kString, .defaults = {},
       .doc = "Cluster manager URL (yarn, k8s://..., spark://..., local[N]).", .since = "0.9.0"});
  add({.name = keys::kSubmitDeployMode, .type = ValueType::kEnum, .defaults = Always("client"),
       .doc = "Where the driver runs.", .since = "1.5.0", .choices = {"client", "cluster"}});
  add({.name = keys::kDefaultParallelism, .type = ValueType::kInt, .defaults = {},
       .doc = "Default partitions of RDD shuffles; default total executor cores.", .since = "0.5.0",
       .min = 1});
  // --- SQL and AQE (SQLConf.scala) ---
  add({.name = keys::kSqlShufflePartitions, .type = ValueType::kInt, .defaults = Always("200"),
       .doc = "Partitions of SQL shuffles (the initial count under AQE).", .since = "1.1.0",
       .min = 1, .tunable = true});
  add({.name = keys::kAutoBroadcastJoinThreshold, .type = ValueType::kBytes,
       .defaults = Always("10m"),
       .doc = "Largest estimated side broadcast at planning time; -1 disables.", .since = "1.1.0",
       .bytes_unit = 'b', .min = -1, .tunable = true});
  add({.name = keys::kAdaptiveEnabled, .type = ValueType::kBool,
       .defaults = {{V(0, 0), "false"}, {V(3, 2), "true"}},
       .doc = "Adaptive query execution (on by default since 3.2, SPARK-33679).", .since = "1.6.0",
       .tunable = true});
  add({.name = keys::kAdaptiveCoalesceEnabled, .type = ValueType::kBool, .defaults = Always("true"),
       .doc = "AQE coalesces small post-shuffle partitions.", .since = "3.0.0", .tunable = true});
  add({.name = keys::kAdaptiveAdvisoryPartitionSize, .type = ValueType::kBytes,
       .defaults = Always("64m"), .doc = "AQE target post-shuffle partition size.",
       .since = "3.0.0", .bytes_unit = 'b', .min = 1, .tunable = true});
  add({.name = keys::kAdaptiveSkewJoinEnabled, .type = ValueType::kBool, .defaults = Always("true"),
       .doc = "AQE splits skewed partitions of sort-merge and shuffled-hash joins.",
       .since = "3.0.0", .tunable = true});
  // --- Dynamic allocation (ExecutorAllocationManager) ---
  add({.name = keys::kDynamicAllocationEnabled, .type = ValueType::kBool,
       .defaults = Always("false"), .doc = "Scale executors with the task backlog.",
       .since = "1.2.0", .tunable = true});
  add({.name = keys::kDynamicAllocationMinExecutors, .type = ValueType::kInt,
       .defaults = Always("0"), .doc = "Lower bound of dynamic allocation.", .since = "1.2.0",
       .min = 0, .tunable = true});
  add({.name = keys::kDynamicAllocationMaxExecutors, .type = ValueType::kInt,
       .defaults = Always("2147483647"), .doc = "Upper bound of dynamic allocation.",
       .since = "1.2.0", .min = 0, .tunable = true});
  // ---------------------------------------------------------------------------------------------
  // Keys added for the linter (issue 6). Sources, per key family:
  //   core: core/src/main/scala/org/apache/spark/internal/config/package.scala (and Network.scala,
  //         Kryo.scala, Deploy.scala) at v3.0.0 .. v4.0.0; deprecations from SparkConf.scala
  //         (deprecatedConfigs, configsWithAlternatives);
  //   SQL:  sql/catalyst/src/main/scala/org/apache/spark/sql/internal/SQLConf.scala
  //         (deprecatedSQLConfigs, removedSQLConfigs) at v3.0.0 .. v4.0.0.
  // ---------------------------------------------------------------------------------------------
  // --- Submission (SparkSubmitArguments / package.scala) ---
  add({.name = keys::kAppName, .type = ValueType::kString, .defaults = {},
       .doc = "Application name (spark-submit --name).", .since = "0.9.0"});
  add({.name = keys::kCoresMax, .type = ValueType::kInt, .defaults = {},
       .doc = "Standalone/Mesos: total cores for the app (--total-executor-cores).",
       .since = "0.6.0", .min = 1});
  add({.name = keys::kYarnQueue, .type = ValueType::kString, .defaults = Always("default"),
       .doc = "YARN queue (--queue).", .since = "1.0.0"});
  add({.name = keys::kJars, .type = ValueType::kString, .defaults = {},
       .doc = "Jars on the driver and executor class paths (--jars).", .since = "0.9.0"});
  add({.name = keys::kJarsPackages, .type = ValueType::kString, .defaults = {},
       .doc = "Maven coordinates to resolve (--packages).", .since = "1.5.0"});
  add({.name = keys::kFiles, .type = ValueType::kString, .defaults = {},
       .doc = "Files placed in each executor's working directory (--files).", .since = "1.0.0"});
  add({.name = keys::kArchives, .type = ValueType::kString, .defaults = {},
       .doc = "Archives extracted in each executor's working directory (--archives).",
       .since = "3.1.0"});
  add({.name = keys::kSubmitPyFiles, .type = ValueType::kString, .defaults = {},
       .doc = "Python files on the PYTHONPATH (--py-files); its presence marks a PySpark app.",
       .since = "1.0.1"});
  add({.name = keys::kPysparkPython, .type = ValueType::kString, .defaults = {},
       .doc = "Python binary for driver and executors.", .since = "2.1.0"});
  add({.name = keys::kDriverExtraJavaOptions, .type = ValueType::kString, .defaults = {},
       .doc = "Extra JVM options of the driver (--driver-java-options).", .since = "1.0.0"});
  add({.name = keys::kDriverExtraClassPath, .type = ValueType::kString, .defaults = {},
       .doc = "Extra class path of the driver (--driver-class-path).", .since = "1.0.0"});
  add({.name = keys::kDriverExtraLibraryPath, .type = ValueType::kString, .defaults = {},
       .doc = "Extra native library path of the driver (--driver-library-path).", .since = "1.0.0"});
  add({.name = keys::kExecutorExtraJavaOptions, .type = ValueType::kString, .defaults = {},
       .doc = "Extra JVM options of executors (no -Xmx: use spark.executor.memory).",
       .since = "1.0.0"});
  add({.name = keys::kDriverMaxResultSize, .type = ValueType::kBytes, .defaults = Always("1g"),
       .doc = "Limit of serialized results collected to the driver per action; 0 = unlimited.",
       .since = "1.2.0", .bytes_unit = 'b', .min = 0});
  add({.name = keys::kYarnAmMemory, .type = ValueType::kBytes, .defaults = Always("512m"),
       .doc = "YARN application master heap in client mode.", .since = "1.3.0", .bytes_unit = 'm',
       .min = 0});
  add({.name = keys::kKubernetesExecutorRequestCores, .type = ValueType::kString, .defaults = {},
       .doc = "CPU request of executor pods (Kubernetes quantity); default spark.executor.cores.",
       .since = "2.4.0"});
  add({.name = keys::kKubernetesExecutorLimitCores, .type = ValueType::kString, .defaults = {},
       .doc = "CPU limit of executor pods (Kubernetes quantity).", .since = "2.3.0"});
  add({.name = keys::kKubernetesDriverRequestCores, .type = ValueType::kString, .defaults = {},
       .doc = "CPU request of the driver pod.", .since = "3.0.0"});
  add({.name = keys::kKubernetesDriverLimitCores, .type = ValueType::kString, .defaults = {},
       .doc = "CPU limit of the driver pod.", .since = "2.3.0"});
  add({.name = keys::kKubernetesContainerImage, .type = ValueType::kString, .defaults = {},
       .doc = "Container image of driver and executors.", .since = "2.3.0"});
  add({.name = keys::kKubernetesNamespace, .type = ValueType::kString, .defaults = Always("default"),
       .doc = "Namespace of driver and executor pods.", .since = "2.3.0"});
  // --- Legacy memory management (removed with the legacy mode in 3.0, SPARK-26218) ---
  add({.name = keys::kMemoryUseLegacyMode, .type = ValueType::kBool, .defaults = Always("false"),
       .doc = "Static (pre-1.6) memory manager; removed in 3.0.", .since = "1.6.0",
       .deprecated_in = "1.6.0", .removed_in = "3.0.0"});
  add({.name = keys::kShuffleMemoryFraction, .type = ValueType::kDouble, .defaults = Always("0.2"),
       .doc = "Legacy-mode shuffle share of the heap; no effect since 1.6 unless legacy mode, "
              "ignored from 3.0.",
       .since = "0.7.0", .min = 0, .max = 1, .deprecated_in = "1.6.0",
       .replaced_by = keys::kMemoryFraction, .removed_in = "3.0.0"});
  add({.name = keys::kStorageMemoryFraction, .type = ValueType::kDouble, .defaults = Always("0.6"),
       .doc = "Legacy-mode storage share of the heap; ignored from 3.0.", .since = "0.7.0",
       .min = 0, .max = 1, .deprecated_in = "1.6.0", .replaced_by = keys::kMemoryStorageFraction,
       .removed_in = "3.0.0"});
  add({.name = keys::kStorageUnrollFraction, .type = ValueType::kDouble, .defaults = Always("0.2"),
       .doc = "Legacy-mode unroll share of storage memory; ignored from 3.0.", .since = "1.0.0",
       .min = 0, .max = 1, .deprecated_in = "1.6.0", .removed_in = "3.0.0"});
  add({.name = keys::kShuffleSpill, .type = ValueType::kBool, .defaults = Always("true"),
       .doc = "Spilling can no longer be disabled; the key is ignored since 1.6.", .since = "0.9.0",
       .deprecated_in = "1.6.0", .removed_in = "1.6.0"});
  add({.name = keys::kYarnExecutorMemoryOverhead, .type = ValueType::kBytes, .defaults = {},
       .doc = "Old name of spark.executor.memoryOverhead (still read as an alternative).",
       .since = "1.0.0", .bytes_unit = 'm', .min = 0, .deprecated_in = "2.3.0",
       .replaced_by = keys::kExecutorMemoryOverhead});
  add({.name = keys::kYarnDriverMemoryOverhead, .type = ValueType::kBytes, .defaults = {},
       .doc = "Old name of spark.driver.memoryOverhead (still read as an alternative).",
       .since = "1.0.0", .bytes_unit = 'm', .min = 0, .deprecated_in = "2.3.0",
       .replaced_by = keys::kDriverMemoryOverhead});
  add({.name = keys::kReducerMaxReqSizeShuffleToMem, .type = ValueType::kBytes, .defaults = {},
       .doc = "Old name of spark.network.maxRemoteBlockSizeFetchToMem.", .since = "2.2.0",
       .bytes_unit = 'b', .min = 0, .deprecated_in = "2.3.0",
       .replaced_by = keys::kMaxRemoteBlockSizeFetchToMem});
  add({.name = keys::kMaxRemoteBlockSizeFetchToMem, .type = ValueType::kBytes,
       .defaults = Always("200m"), .doc = "Remote blocks above this size are fetched to disk.",
       .since = "3.0.0", .bytes_unit = 'b', .min = 0});
  // --- Excluding failing executors (renamed from blacklist in 3.1, SPARK-32037) ---
  add({.name = keys::kExcludeOnFailureEnabled, .type = ValueType::kBool, .defaults = Always("false"),
       .doc = "Exclude executors and nodes with repeated task failures.", .since = "3.1.0"});
  add({.name = keys::kExcludeOnFailureTimeout, .type = ValueType::kDuration, .defaults = Always("1h"),
       .doc = "How long a node or executor stays excluded.", .since = "3.1.0", .time_unit = 'm'});
  add({.name = keys::kExcludeOnFailureKillExcludedExecutors, .type = ValueType::kBool,
       .defaults = Always("false"), .doc = "Kill excluded executors.", .since = "3.1.0"});
  add({.name = keys::kExcludeOnFailureFetchFailure, .type = ValueType::kBool,
       .defaults = Always("false"), .doc = "Exclude an executor on a fetch failure.",
       .since = "3.1.0"});
  add({.name = keys::kBlacklistEnabled, .type = ValueType::kBool, .defaults = Always("false"),
       .doc = "Old name of spark.excludeOnFailure.enabled.", .since = "2.1.0",
       .deprecated_in = "3.1.0", .replaced_by = keys::kExcludeOnFailureEnabled});
  add({.name = keys::kBlacklistTimeout, .type = ValueType::kDuration, .defaults = Always("1h"),
       .doc = "Old name of spark.excludeOnFailure.timeout.", .since = "2.1.0", .time_unit = 'm',
       .deprecated_in = "3.1.0", .replaced_by = keys::kExcludeOnFailureTimeout});
  add({.name = keys::kBlacklistKillBlacklistedExecutors, .type = ValueType::kBool,
       .defaults = Always("false"), .doc = "Old name of spark.excludeOnFailure.killExcludedExecutors.",
       .since = "2.2.0", .deprecated_in = "3.1.0",
       .replaced_by = keys::kExcludeOnFailureKillExcludedExecutors});
  add({.name = keys::kBlacklistFetchFailure, .type = ValueType::kBool, .defaults = Always("false"),
       .doc = "Old name of spark.excludeOnFailure.application.fetchFailure.enabled.",
       .since = "2.3.0", .deprecated_in = "3.1.0", .replaced_by = keys::kExcludeOnFailureFetchFailure});
  // --- AQE, continued (SQLConf.scala; spark-reference.md 3.1) ---
  add({.name = keys::kAdaptiveParallelismFirst, .type = ValueType::kBool, .defaults = Always("true"),
       .doc = "When true, AQE coalescing ignores the advisory size and keeps default parallelism "
              "(minimum size minPartitionSize instead).",
       .since = "3.2.0", .tunable = true});
  add({.name = keys::kAdaptiveMinPartitionSize, .type = ValueType::kBytes, .defaults = Always("1m"),
       .doc = "Smallest post-coalesce partition.", .since = "3.2.0", .bytes_unit = 'b', .min = 1,
       .tunable = true});
  add({.name = keys::kAdaptiveMinPartitionNum, .type = ValueType::kInt, .defaults = {},
       .doc = "Minimum post-coalesce partition count; deprecated in favour of minPartitionSize.",
       .since = "3.0.0", .min = 1, .deprecated_in = "3.2.0",
       .replaced_by = keys::kAdaptiveMinPartitionSize});
  add({.name = keys::kAdaptiveInitialPartitionNum, .type = ValueType::kInt, .defaults = {},
       .doc = "Initial shuffle partitions under AQE coalescing; default spark.sql.shuffle.partitions.",
       .since = "3.0.0", .min = 1, .tunable = true});
  add({.name = keys::kAdaptiveLocalShuffleReader, .type = ValueType::kBool, .defaults = Always("true"),
       .doc = "AQE reads shuffle output locally when a join became a broadcast join.",
       .since = "3.0.0"});
  add({.name = keys::kAdaptiveSkewedPartitionFactor, .type = ValueType::kDouble,
       .defaults = Always("5"),
       .doc = "A partition is skewed when larger than factor x median and the threshold (an int "
              "before 3.4, SPARK-40772).",
       .since = "3.0.0", .min = 0, .tunable = true});
  add({.name = keys::kAdaptiveSkewedPartitionThreshold, .type = ValueType::kBytes,
       .defaults = Always("256m"), .doc = "A partition is skewed only above this size.",
       .since = "3.0.0", .bytes_unit = 'b', .min = 0, .tunable = true});
  add({.name = keys::kAdaptiveForceOptimizeSkewedJoin, .type = ValueType::kBool,
       .defaults = Always("false"), .doc = "Split skew even when it adds a shuffle.",
       .since = "3.3.0"});
  add({.name = keys::kAdaptiveAutoBroadcastJoinThreshold, .type = ValueType::kBytes, .defaults = {},
       .doc = "Broadcast threshold used by AQE at run time; default spark.sql.autoBroadcastJoinThreshold.",
       .since = "3.2.0", .bytes_unit = 'b', .min = -1, .tunable = true});
  add({.name = keys::kAdaptiveMaxShuffledHashJoinLocalMapThreshold, .type = ValueType::kBytes,
       .defaults = Always("0"),
       .doc = "AQE prefers shuffled hash join when every partition is below this size.",
       .since = "3.2.0", .bytes_unit = 'b', .min = 0, .tunable = true});
  add({.name = keys::kAdaptiveOptimizeSkewsInRebalance, .type = ValueType::kBool,
       .defaults = Always("true"), .doc = "AQE splits skewed partitions of REBALANCE.",
       .since = "3.2.0"});
  add({.name = keys::kAdaptiveTargetPostShuffleInputSize, .type = ValueType::kBytes,
       .defaults = Always("64m"), .doc = "Old name of spark.sql.adaptive.advisoryPartitionSizeInBytes.",
       .since = "2.0.0", .bytes_unit = 'b', .min = 1, .deprecated_in = "3.0.0",
       .replaced_by = keys::kAdaptiveAdvisoryPartitionSize});
  add({.name = keys::kAdaptiveMinNumPostShufflePartitions, .type = ValueType::kInt, .defaults = {},
       .doc = "Old name of spark.sql.adaptive.coalescePartitions.minPartitionNum.", .since = "2.4.0",
       .min = 1, .deprecated_in = "3.0.0", .replaced_by = keys::kAdaptiveMinPartitionNum});
  add({.name = keys::kAdaptiveMaxNumPostShufflePartitions, .type = ValueType::kInt, .defaults = {},
       .doc = "Old name of spark.sql.adaptive.coalescePartitions.initialPartitionNum.",
       .since = "2.4.0", .min = 1, .deprecated_in = "3.0.0",
       .replaced_by = keys::kAdaptiveInitialPartitionNum});
  add({.name = keys::kPreferSortMergeJoin, .type = ValueType::kBool, .defaults = Always("true"),
       .doc = "Prefer sort-merge join over shuffled hash join.", .since = "2.0.0"});
  // AQE keys read by engine/aqe (SQLConf.scala; spark-reference.md 3.1, 3.6, 3.7).
  add({.name = "spark.sql.adaptive.nonEmptyPartitionRatioForBroadcastJoin", .type = ValueType::kDouble,
       .defaults = Always("0.2"),
       .doc = "AQE demotes broadcasting a side whose non-empty partition ratio is below this "
              "(internal).",
       .since = "3.0.0", .min = 0, .max = 1});
  add({.name = "spark.sql.adaptive.rebalancePartitionsSmallPartitionFactor", .type = ValueType::kDouble,
       .defaults = Always("0.2"),
       .doc = "A rebalance split smaller than this fraction of the advisory size merges with its "
              "neighbour.",
       .since = "3.3.0", .min = 0, .max = 1});
  add({.name = "spark.sql.shuffledHashJoinFactor", .type = ValueType::kInt, .defaults = Always("3"),
       .doc = "A side this many times smaller than the other may be planned as a shuffled hash join "
              "build side.",
       .since = "3.3.0", .min = 1});
  add({.name = keys::kBroadcastTimeout, .type = ValueType::kDuration, .defaults = Always("300"),
       .doc = "Timeout in seconds of a broadcast exchange.", .since = "1.3.0", .time_unit = 's'});
  add({.name = keys::kArrowPysparkEnabled, .type = ValueType::kBool, .defaults = Always("false"),
       .doc = "Arrow for toPandas/createDataFrame from pandas.", .since = "3.0.0"});
  add({.name = keys::kLegacyBucketedTableScanOutputOrdering,
       .type = ValueType::kBool,
       .defaults = Always("false"),
       .doc = "A sorted bucketed scan reports its ordering (as 2.x did), so a bucketed "
              "sort-merge join needs no sort.",
       .since = "3.0.0"});
  // --- File-scan splits (SQLConf.scala; spark-reference.md 6.4) ---
  add({.name = keys::kFilesMaxPartitionBytes, .type = ValueType::kBytes, .defaults = Always("128m"),
       .doc = "Largest split of a file-source scan task.", .since = "2.0.0", .bytes_unit = 'b',
       .min = 1, .tunable = true});
  add({.name = keys::kFilesOpenCostInBytes, .type = ValueType::kBytes, .defaults = Always("4m"),
       .doc = "Estimated cost of opening a file, in bytes, when packing splits.", .since = "2.0.0",
       .bytes_unit = 'b', .min = 0, .tunable = true});
  add({.name = keys::kFilesMinPartitionNum, .type = ValueType::kInt, .defaults = {},
       .doc = "Suggested minimum number of scan splits; default defaultParallelism.",
       .since = "3.1.0", .min = 1});
  add({.name = keys::kFilesMaxPartitionNum, .type = ValueType::kInt, .defaults = {},
       .doc = "Scan splits are repacked when above this count.", .since = "3.5.0", .min = 1});
  add({.name = keys::kLeafNodeDefaultParallelism, .type = ValueType::kInt, .defaults = {},
       .doc = "Default parallelism of leaf scans.", .since = "3.2.0", .min = 1});
  add({.name = keys::kHadoopDfsBlockSize, .type = ValueType::kBytes, .defaults = Always("128m"),
       .doc = "HDFS block size handed to Hadoop (dfs.blocksize, hdfs-default.xml).",
       .since = "0.0.0", .bytes_unit = 'b', .min = 1});
  // --- Network and timeouts (package.scala, Network.scala) ---
  add({.name = keys::kNetworkTimeout, .type = ValueType::kDuration, .defaults = Always("120s"),
       .doc = "Default timeout of all network interactions.", .since = "1.3.0", .time_unit = 's',
       .min = 1, .tunable = true});
  add({.name = keys::kExecutorHeartbeatInterval, .type = ValueType::kDuration,
       .defaults = Always("10s"),
       .doc = "Executor heartbeat period; must be below spark.network.timeout.", .since = "1.1.0",
       .time_unit = 'm', .min = 1});
  add({.name = keys::kRpcAskTimeout, .type = ValueType::kDuration, .defaults = {},
       .doc = "RPC ask timeout; default spark.network.timeout.", .since = "1.4.0",
       .time_unit = 's', .min = 1});
  add({.name = keys::kShuffleIoMaxRetries, .type = ValueType::kInt, .defaults = Always("3"),
       .doc = "Retries of a failed shuffle fetch.", .since = "1.2.0", .min = 0});
  add({.name = keys::kShuffleIoRetryWait, .type = ValueType::kDuration, .defaults = Always("5s"),
       .doc = "Wait between shuffle fetch retries.", .since = "1.2.1", .time_unit = 's', .min = 0});
  add({.name = keys::kLocalityWait, .type = ValueType::kDuration, .defaults = Always("3s"),
       .doc = "Delay-scheduling wait per locality level.", .since = "0.5.0", .time_unit = 'm',
       .min = 0, .tunable = true});
  add({.name = keys::kTaskMaxFailures, .type = ValueType::kInt, .defaults = Always("4"),
       .doc = "Failures of one task before the job is aborted.", .since = "0.8.0", .min = 1});
  add({.name = keys::kSchedulerMode, .type = ValueType::kEnum, .defaults = Always("FIFO"),
       .doc = "Scheduling between jobs of one app.", .since = "0.8.0", .choices = {"fifo", "fair"}});
  // --- Speculation (package.scala; spark-reference.md 5.4) ---
  add({.name = keys::kSpeculation, .type = ValueType::kBool, .defaults = Always("false"),
       .doc = "Re-launch slow tasks speculatively.", .since = "0.6.0", .tunable = true});
  add({.name = keys::kSpeculationInterval, .type = ValueType::kDuration, .defaults = Always("100ms"),
       .doc = "How often to check for tasks to speculate.", .since = "0.6.0", .time_unit = 'm',
       .min = 1});
  add({.name = keys::kSpeculationMultiplier, .type = ValueType::kDouble,
       .defaults = {{V(0, 0), "1.5"}, {V(4, 0), "3"}},
       .doc = "A task is slow when it runs longer than multiplier x the median (1.5 in 3.x, 3 from "
              "4.0, SPARK-47720).",
       .since = "0.6.0", .min = 1, .tunable = true});
  add({.name = keys::kSpeculationQuantile, .type = ValueType::kDouble,
       .defaults = {{V(0, 0), "0.75"}, {V(4, 0), "0.9"}},
       .doc = "Fraction of tasks that must finish before speculation (0.75 in 3.x, 0.9 from 4.0, "
              "SPARK-47720).",
       .since = "0.6.0", .min = 0, .max = 1, .tunable = true});
  add({.name = keys::kSpeculationMinTaskRuntime, .type = ValueType::kDuration,
       .defaults = Always("100ms"), .doc = "Shortest task runtime considered for speculation.",
       .since = "3.2.0", .time_unit = 'm', .min = 0});
  add({.name = keys::kSpeculationTaskDurationThreshold, .type = ValueType::kDuration,
       .defaults = {}, .doc = "Speculate tasks running longer than this, even in small stages.",
       .since = "3.0.0", .time_unit = 'm', .min = 0});
  add({.name = keys::kSpeculationEfficiencyEnabled, .type = ValueType::kBool,
       .defaults = Always("true"), .doc = "Efficiency-based speculation.", .since = "3.4.0"});
  // --- Serialization (package.scala, Kryo.scala) ---
  add({.name = keys::kSerializer, .type = ValueType::kString,
       .defaults = Always("org.apache.spark.serializer.JavaSerializer"),
       .doc = "Serializer class for shuffled and cached data (Spark SQL uses its own encoders).",
       .since = "0.5.0"});
  add({.name = keys::kKryoBuffer, .type = ValueType::kBytes, .defaults = Always("64k"),
       .doc = "Initial Kryo buffer per core; must be below 2048m.", .since = "1.4.0",
       .bytes_unit = 'k', .min = 1, .max = 2047.0 * 1024 * 1024});
  add({.name = keys::kKryoBufferMax, .type = ValueType::kBytes, .defaults = Always("64m"),
       .doc = "Largest Kryo buffer; must be below 2048m.", .since = "1.4.0", .bytes_unit = 'm',
       .min = 1, .max = 2047.0 * 1024 * 1024});
  add({.name = keys::kKryoRegistrationRequired, .type = ValueType::kBool, .defaults = Always("false"),
       .doc = "Fail on unregistered Kryo classes.", .since = "1.1.0"});
  // --- Shuffle and compression (package.scala) ---
  add({.name = keys::kShuffleCompress, .type = ValueType::kBool, .defaults = Always("true"),
       .doc = "Compress map output files.", .since = "0.6.0"});
  add({.name = keys::kShuffleSpillCompress, .type = ValueType::kBool, .defaults = Always("true"),
       .doc = "Compress data spilled during shuffles.", .since = "0.9.0"});
  add({.name = keys::kIoCompressionCodec, .type = ValueType::kString, .defaults = Always("lz4"),
       .doc = "Codec of shuffle, spill, broadcast and RDD blocks: lz4, lzf, snappy, zstd or a class.",
       .since = "0.8.0"});
  add({.name = keys::kShuffleFileBuffer, .type = ValueType::kBytes, .defaults = Always("32k"),
       .doc = "In-memory buffer of each shuffle file output stream.", .since = "1.4.0",
       .bytes_unit = 'k', .min = 1, .max = 2097151.0 * 1024});
  add({.name = keys::kReducerMaxSizeInFlight, .type = ValueType::kBytes, .defaults = Always("48m"),
       .doc = "Map output fetched at once by each reduce task.", .since = "1.4.0",
       .bytes_unit = 'm', .min = 1});
  add({.name = keys::kShuffleServiceEnabled, .type = ValueType::kBool, .defaults = Always("false"),
       .doc = "Use the external shuffle service.", .since = "1.2.0"});
  add({.name = keys::kShuffleSortBypassMergeThreshold, .type = ValueType::kInt,
       .defaults = Always("200"), .doc = "Bypass-merge sort shuffle below this many reducers.",
       .since = "1.1.1", .min = 0});
  add({.name = keys::kRddCompress, .type = ValueType::kBool, .defaults = Always("false"),
       .doc = "Compress serialized cached RDD partitions.", .since = "0.6.0"});
  // --- Event logs (package.scala; spark-reference.md 1.4) ---
  add({.name = keys::kEventLogEnabled, .type = ValueType::kBool, .defaults = Always("false"),
       .doc = "Write an event log (what the History Server and sparktune read).", .since = "1.0.0"});
  add({.name = keys::kEventLogDir, .type = ValueType::kString,
       .defaults = Always("file:///tmp/spark-events"),
       .doc = "Base directory of event logs.", .since = "1.0.0"});
  add({.name = keys::kEventLogCompress, .type = ValueType::kBool,
       .defaults = {{V(0, 0), "false"}, {V(4, 0), "true"}},
       .doc = "Compress event logs (default true from 4.0, SPARK-45257).", .since = "1.0.0"});
  add({.name = keys::kEventLogCompressionCodec, .type = ValueType::kString,
       .defaults = {{V(0, 0), ""}, {V(3, 2), "zstd"}},
       .doc = "Event log codec: before 3.2 falls back to spark.io.compression.codec; zstd from 3.2 "
              "(SPARK-34503); 'none' accepted from 4.0 (SPARK-45261).",
       .since = "3.0.0"});
  add({.name = keys::kEventLogRollingEnabled, .type = ValueType::kBool,
       .defaults = {{V(0, 0), "false"}, {V(4, 0), "true"}},
       .doc = "Roll event logs into eventlog_v2_ directories (default true from 4.0, SPARK-45771).",
       .since = "3.0.0"});
  add({.name = keys::kEventLogRollingMaxFileSize, .type = ValueType::kBytes,
       .defaults = Always("128m"), .doc = "Size of one rolled event log file (at least 10m).",
       .since = "3.0.0", .bytes_unit = 'b', .min = 10.0 * 1024 * 1024});
  add({.name = keys::kEventLogBufferKb, .type = ValueType::kBytes, .defaults = Always("100k"),
       .doc = "Event log output buffer; a bare number means KiB.", .since = "1.0.0",
       .bytes_unit = 'k', .min = 1});
  // --- Dynamic allocation, continued (package.scala; spark-reference.md 5.5) ---
  add({.name = keys::kDynamicAllocationInitialExecutors, .type = ValueType::kInt, .defaults = {},
       .doc = "Initial executors; default minExecutors (effective: max of min, initial, "
              "spark.executor.instances).",
       .since = "1.3.0", .min = 0, .tunable = true});
  add({.name = keys::kDynamicAllocationExecutorIdleTimeout, .type = ValueType::kDuration,
       .defaults = Always("60s"), .doc = "Remove an executor idle this long.", .since = "1.2.0",
       .time_unit = 's', .min = 0, .tunable = true});
  add({.name = keys::kDynamicAllocationCachedExecutorIdleTimeout, .type = ValueType::kDuration,
       .defaults = {}, .doc = "Idle timeout of executors with cached blocks; default infinity.",
       .since = "1.4.0", .time_unit = 's', .min = 0});
  add({.name = keys::kDynamicAllocationSchedulerBacklogTimeout, .type = ValueType::kDuration,
       .defaults = Always("1s"), .doc = "Backlog age before requesting executors.",
       .since = "1.2.0", .time_unit = 's', .min = 1, .tunable = true});
  add({.name = keys::kDynamicAllocationSustainedBacklogTimeout, .type = ValueType::kDuration,
       .defaults = {}, .doc = "Backlog period between further requests; default the backlog timeout.",
       .since = "1.2.0", .time_unit = 's', .min = 1});
  add({.name = keys::kDynamicAllocationShuffleTrackingEnabled, .type = ValueType::kBool,
       .defaults = {{V(0, 0), "false"}, {V(3, 4), "true"}},
       .doc = "Track shuffle files so dynamic allocation works without the external shuffle "
              "service (default true from 3.4, SPARK-39846).",
       .since = "3.0.0"});
  add({.name = keys::kDynamicAllocationShuffleTrackingTimeout, .type = ValueType::kDuration,
       .defaults = {}, .doc = "Keep executors holding shuffle data at most this long; default infinity.",
       .since = "3.0.0", .time_unit = 'm', .min = 0});
  add({.name = keys::kDynamicAllocationExecutorAllocationRatio, .type = ValueType::kDouble,
       .defaults = Always("1.0"), .doc = "Fraction of the fully parallel executor count to request.",
       .since = "2.4.0", .min = 0, .max = 1});
  add({.name = keys::kDecommissionEnabled, .type = ValueType::kBool, .defaults = Always("false"),
       .doc = "Decommission executors instead of killing them.", .since = "3.1.0"});
  // --- Not Spark's, but read from Hadoop properties for YARN container rounding ---
  add({.name = keys::kYarnMinAllocationMb, .type = ValueType::kInt, .defaults = Always("1024"),
       .doc = "YARN CapacityScheduler container step (MiB); read from Hadoop Properties.",
       .since = "0.0.0", .min = 1});
  return c;
}

const std::vector<ConfigKey>& CatalogVector() {
  static const std::vector<ConfigKey> catalog = BuildCatalog();
  return catalog;
}

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t sub = prev[j - 1] + (std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                                          std::tolower(static_cast<unsigned char>(b[j - 1]))
                                      ? 0
                                      : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return out;
}

// Splits "123.5gb" into number and suffix; both trimmed.
bool SplitNumberSuffix(std::string_view text, double* number, std::string* suffix) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  size_t i = 0;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
  while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.')) ++i;
  if (i == 0 || (i == 1 && (text[0] == '-' || text[0] == '+'))) return false;
  std::string num(text.substr(0, i));
  char* end = nullptr;
  *number = std::strtod(num.c_str(), &end);
  if (end != num.c_str() + num.size()) return false;
  *suffix = Lower(text.substr(i));
  while (!suffix->empty() && std::isspace(static_cast<unsigned char>(suffix->front()))) suffix->erase(0, 1);
  return true;
}

}  // namespace

std::span<const ConfigKey> Catalog() { return CatalogVector(); }

const ConfigKey* FindKey(std::string_view name) {
  // Index built once (thread-safe static initialization); the linter looks
  // keys up for every setting of every job.
  static const std::unordered_map<std::string_view, const ConfigKey*> index = [] {
    std::unordered_map<std::string_view, const ConfigKey*> m;
    for (const ConfigKey& key : CatalogVector()) m.emplace(key.name, &key);
    return m;
  }();
  auto it = index.find(name);
  return it == index.end() ? nullptr : it->second;
}

std::optional<std::string_view> DefaultFor(const ConfigKey& key, const SparkVersion& version) {
  if (key.defaults.empty()) return std::nullopt;
  const VersionedDefault* chosen = &key.defaults.front();
  for (const VersionedDefault& row : key.defaults) {
    if (!version.known() || row.since <= version) chosen = &row;
  }
  if (chosen->value.empty()) return std::nullopt;
  return chosen->value;
}

size_t KeyEditDistance(std::string_view a, std::string_view b) { return EditDistance(a, b); }

std::optional<std::string_view> ClosestKey(std::string_view name, size_t max_distance) {
  auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
  std::optional<std::string_view> best;
  size_t best_d = max_distance + 1;
  std::vector<size_t> prev, cur;
  for (const ConfigKey& key : CatalogVector()) {
    std::string_view b = key.name;
    size_t diff = name.size() > b.size() ? name.size() - b.size() : b.size() - name.size();
    if (diff >= best_d) continue;
    prev.assign(b.size() + 1, 0);
    cur.assign(b.size() + 1, 0);
    for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    bool over = false;
    for (size_t i = 1; i <= name.size() && !over; ++i) {
      cur[0] = i;
      size_t row_min = cur[0];
      for (size_t j = 1; j <= b.size(); ++j) {
        size_t sub = prev[j - 1] + (lower(name[i - 1]) == lower(b[j - 1]) ? 0 : 1);
        cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
        row_min = std::min(row_min, cur[j]);
      }
      over = row_min >= best_d;  // every path already exceeds the best
      std::swap(prev, cur);
    }
    if (!over && prev[b.size()] < best_d) {
      best_d = prev[b.size()];
      best = b;
    }
  }
  return best;
}

bool IsDeprecatedIn(const ConfigKey& key, const SparkVersion& version) {
  if (key.deprecated_in.empty()) return false;
  return !version.known() || SparkVersion::Parse(key.deprecated_in) <= version;
}

bool IsRemovedIn(const ConfigKey& key, const SparkVersion& version) {
  if (key.removed_in.empty()) return false;
  return !version.known() || SparkVersion::Parse(key.removed_in) <= version;
}

bool IsNewerThan(const ConfigKey& key, const SparkVersion& version) {
  if (key.since.empty() || !version.known()) return false;
  return version < SparkVersion::Parse(key.since);
}

Result<bool> ParseBool(std::string_view text) {
  std::string lower = Lower(text);
  while (!lower.empty() && std::isspace(static_cast<unsigned char>(lower.front()))) lower.erase(0, 1);
  while (!lower.empty() && std::isspace(static_cast<unsigned char>(lower.back()))) lower.pop_back();
  if (lower == "true") return true;
  if (lower == "false") return false;
  return Status::InvalidArgument("expected true or false, got '" + std::string(text) + "'");
}

Status ValidateValue(const ConfigKey& key, std::string_view value) {
  std::optional<double> number;
  switch (key.type) {
    case ValueType::kBool: {
      Result<bool> b = ParseBool(value);
      if (!b.ok()) return b.status();
      return Status::Ok();
    }
    case ValueType::kInt: {
      std::string trimmed(value);
      while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.back()))) trimmed.pop_back();
      while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.front()))) trimmed.erase(0, 1);
      int64_t v = 0;
      auto [ptr, ec] = std::from_chars(trimmed.data(), trimmed.data() + trimmed.size(), v);
      if (trimmed.empty() || ec != std::errc() || ptr != trimmed.data() + trimmed.size()) {
        return Status::InvalidArgument("expected an integer, got '" + std::string(value) + "'");
      }
      number = static_cast<double>(v);
      break;
    }
    case ValueType::kDouble: {
      std::string trimmed(value);
      char* end = nullptr;
      double v = trimmed.empty() ? 0 : std::strtod(trimmed.c_str(), &end);
      if (trimmed.empty() || end != trimmed.c_str() + trimmed.size() || v != v) {
        return Status::InvalidArgument("expected a number, got '" + std::string(value) + "'");
      }
      number = v;
      break;
    }
    case ValueType::kBytes: {
      // JavaUtils.byteStringAs accepts whole numbers only ("1.5g" throws).
      if (value.find('.') != std::string_view::npos) {
        return Status::InvalidArgument("fractional sizes are rejected by Spark, got '" +
                                       std::string(value) + "' (write 1536m, not 1.5g)");
      }
      Result<int64_t> b = ParseBytes(value, key.bytes_unit);
      if (!b.ok()) return b.status();
      number = static_cast<double>(*b);
      break;
    }
    case ValueType::kDuration: {
      // JavaUtils.timeStringAs accepts whole numbers only.
      if (value.find('.') != std::string_view::npos) {
        return Status::InvalidArgument("fractional durations are rejected by Spark, got '" +
                                       std::string(value) + "' (write 1500ms, not 1.5s)");
      }
      Result<int64_t> ms = ParseDurationMs(value, key.time_unit);
      if (!ms.ok()) return ms.status();
      // The range of a duration key is in its base unit (ms or s).
      number = key.time_unit == 'm' ? static_cast<double>(*ms) : static_cast<double>(*ms) / 1000.0;
      break;
    }
    case ValueType::kEnum: {
      std::string lower = Lower(value);
      for (std::string_view choice : key.choices) {
        if (lower == choice) return Status::Ok();
      }
      std::string expected;
      for (std::string_view choice : key.choices) {
        if (!expected.empty()) expected += ", ";
        expected += choice;
      }
      return Status::InvalidArgument("expected one of " + expected + ", got '" + std::string(value) +
                                     "'");
    }
    case ValueType::kString:
      return Status::Ok();
  }
  // Limits in the key's own terms: sizes in MiB/GiB, durations with a unit.
  auto limit = [&key](double v) {
    char buf[64];
    if (key.type == ValueType::kBytes && v >= 1024.0 * 1024 && std::fmod(v, 1024.0 * 1024) == 0) {
      std::snprintf(buf, sizeof buf, "%.0fm", v / (1024.0 * 1024));
    } else if (key.type == ValueType::kBytes) {
      std::snprintf(buf, sizeof buf, "%.0f bytes", v);
    } else if (key.type == ValueType::kDuration) {
      std::snprintf(buf, sizeof buf, "%g%s", v, key.time_unit == 'm' ? "ms" : "s");
    } else {
      std::snprintf(buf, sizeof buf, "%g", v);
    }
    return std::string(buf);
  };
  if (number && key.min && *number < *key.min) {
    return Status::InvalidArgument("'" + std::string(value) + "' is below the minimum (" + limit(*key.min) + ")");
  }
  if (number && key.max && *number > *key.max) {
    return Status::InvalidArgument("'" + std::string(value) + "' is above the maximum (" + limit(*key.max) + ")");
  }
  return Status::Ok();
}

std::vector<std::string_view> SuggestKeys(std::string_view name, size_t max_suggestions) {
  std::vector<std::pair<size_t, std::string_view>> scored;
  for (const ConfigKey& key : CatalogVector()) {
    size_t d = EditDistance(name, key.name);
    if (d <= std::max<size_t>(3, name.size() / 4)) scored.emplace_back(d, key.name);
  }
  std::sort(scored.begin(), scored.end());
  std::vector<std::string_view> out;
  for (size_t i = 0; i < scored.size() && i < max_suggestions; ++i) out.push_back(scored[i].second);
  return out;
}

Result<int64_t> ParseBytes(std::string_view text, char default_unit) {
  double number = 0;
  std::string suffix;
  if (!SplitNumberSuffix(text, &number, &suffix)) {
    return Status::InvalidArgument("expected a size such as 4g, 512m or 1024, got '" +
                                   std::string(text) + "'");
  }
  if (suffix.empty()) suffix = std::string(1, default_unit);
  if (suffix.size() > 1 && suffix.back() == 'b') suffix.pop_back();            // "gb" -> "g"
  if (suffix.size() > 1 && suffix.substr(suffix.size() - 2) == "ib") suffix.resize(suffix.size() - 2);
  double mult = 0;
  if (suffix == "b" || suffix.empty()) mult = 1;
  else if (suffix == "k") mult = 1024.0;
  else if (suffix == "m") mult = 1024.0 * 1024;
  else if (suffix == "g") mult = 1024.0 * 1024 * 1024;
  else if (suffix == "t") mult = 1024.0 * 1024 * 1024 * 1024;
  else if (suffix == "p") mult = 1024.0 * 1024 * 1024 * 1024 * 1024;
  else {
    return Status::InvalidArgument("unknown size unit '" + suffix + "' in '" + std::string(text) +
                                   "' (expected b, k, m, g, t or p)");
  }
  // Reject what cannot be a real size (and would overflow int64 arithmetic).
  if (!(std::fabs(number * mult) <= kMaxMagnitude)) {
    return Status::InvalidArgument("size '" + std::string(text) + "' is out of range");
  }
  return static_cast<int64_t>(number * mult);
}

Result<int64_t> ParseDurationMs(std::string_view text, char default_unit) {
  double number = 0;
  std::string suffix;
  if (!SplitNumberSuffix(text, &number, &suffix)) {
    return Status::InvalidArgument("expected a duration such as 120s, 5min or 100ms, got '" +
                                   std::string(text) + "'");
  }
  double mult = 0;
  if (suffix.empty()) mult = default_unit == 'm' ? 1 : 1000;
  else if (suffix == "us") mult = 0.001;
  else if (suffix == "ms") mult = 1;
  else if (suffix == "s") mult = 1000;
  else if (suffix == "m" || suffix == "min") mult = 60'000;
  else if (suffix == "h") mult = 3'600'000;
  else if (suffix == "d") mult = 86'400'000;
  else {
    return Status::InvalidArgument("unknown time unit '" + suffix + "' in '" + std::string(text) +
                                   "' (expected us, ms, s, m/min, h or d)");
  }
  if (!(std::fabs(number * mult) <= kMaxMagnitude)) {
    return Status::InvalidArgument("duration '" + std::string(text) + "' is out of range");
  }
  return static_cast<int64_t>(number * mult);
}

}  // namespace sparktune::config
