// The one catalog of every Spark configuration key sparktune reads, checks or
// recommends. Each key is declared exactly once (config_catalog.cc): type,
// unit, default per Spark version (a table, not scattered ifs), doc, the
// version that introduced it, valid range, whether the advisor may tune it,
// and what replaced it. The engine, the lint rules, the advisor and the
// reports all read this table.
//
// Defaults per version mirror Spark's own declarations: core keys in
// core/src/main/scala/org/apache/spark/internal/config/package.scala, SQL keys
// in sql/catalyst/.../internal/SQLConf.scala (see spark-reference.md).
//
// Thread safety: the catalog is immutable after static initialization.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "data/base/result.h"
#include "data/base/spark_version.h"

namespace sparktune::config {

enum class ValueType {
  kBool,
  kInt,
  kDouble,
  kBytes,     // a size such as "4g"; bare numbers use ConfigKey::bytes_unit
  kDuration,  // a time such as "120s"; bare numbers use ConfigKey::time_unit
  kString,
  kEnum,  // one of ConfigKey::choices
};

// One row of a key's default-by-version table: `value` applies from `since`
// (inclusive) until the next row. An empty value means "no default" (unset).
struct VersionedDefault {
  SparkVersion since;
  std::string_view value;
};

struct ConfigKey {
  std::string_view name;
  ValueType type = ValueType::kString;
  std::vector<VersionedDefault> defaults;  // ascending by `since`
  std::string_view doc;
  std::string_view since;                 // first Spark version with this key
  char bytes_unit = 'b';                  // unit of a bare number for kBytes: b, k, m, g
  char time_unit = 's';                   // unit of a bare number for kDuration: 'm' = ms, 's' = s
  std::optional<double> min;              // valid range (inclusive), in the key's base unit
  std::optional<double> max;              //   (bytes, ms, or the plain number)
  std::vector<std::string_view> choices;  // kEnum values (lower-case comparison)
  bool tunable = false;                   // the advisor may change it
  std::string_view deprecated_in;         // version that deprecated it, or empty
  std::string_view replaced_by;           // the key to use instead, or empty
  std::string_view removed_in;  // version from which Spark ignores or rejects it, or empty
};

// All keys, in declaration order.
std::span<const ConfigKey> Catalog();

// The key named `name`, or nullptr.
const ConfigKey* FindKey(std::string_view name);

// The default of `key` in force for `version` (an unknown version uses the
// newest row). nullopt when the key has no default (unset).
std::optional<std::string_view> DefaultFor(const ConfigKey& key, const SparkVersion& version);

// True when `key` is deprecated (deprecated_in set and <= version) for
// `version`; an unknown version counts as the newest.
bool IsDeprecatedIn(const ConfigKey& key, const SparkVersion& version);
// True when Spark ignores or rejects `key` at `version` (removed_in <= version).
bool IsRemovedIn(const ConfigKey& key, const SparkVersion& version);
// True when `key` did not exist yet at `version` (since > version).
bool IsNewerThan(const ConfigKey& key, const SparkVersion& version);

// Parses a Spark boolean ("true"/"false", case-insensitive, trimmed), as
// ConfigBuilder.booleanConf does; anything else is an error.
Result<bool> ParseBool(std::string_view text);

// Checks `value` against the key's type, unit, range and choices. Ok when it
// would be accepted by Spark's ConfigBuilder; otherwise an InvalidArgument
// whose message says what was expected.
Status ValidateValue(const ConfigKey& key, std::string_view value);

// Case-insensitive Levenshtein distance between two key names (the metric
// SuggestKeys ranks by).
size_t KeyEditDistance(std::string_view a, std::string_view b);

// The catalog key closest to `name` (case-insensitive edit distance) if it
// is at most `max_distance` edits away; ties go to declaration order. Fast
// path for linting: skips keys whose length alone rules them out and stops a
// comparison once it exceeds the bound.
std::optional<std::string_view> ClosestKey(std::string_view name, size_t max_distance);

// Closest catalog key names to `name` (edit distance), for did-you-mean.
std::vector<std::string_view> SuggestKeys(std::string_view name, size_t max_suggestions = 3);

// Spark's JavaUtils.byteStringAs: "4g", "512m", "100k", "1024" (bare number in
// `default_unit`), case-insensitive, optional "b"/"ib" ("4gb"). Returns bytes.
Result<int64_t> ParseBytes(std::string_view text, char default_unit);

// The shortest exact Spark spelling of a size, the inverse of ParseBytes:
// "4g", "512m", "64k", "1000" (bytes); "-1" for any negative (disabled).
std::string FormatSizeSetting(int64_t bytes);

// Spark's JavaUtils.timeStringAs: "120s", "5min", "100ms", "2h", "1d", bare
// number in `default_unit` ('m' = ms, 's' = seconds). Returns milliseconds.
Result<int64_t> ParseDurationMs(std::string_view text, char default_unit);

// Well-known key names, so code never spells a key twice.
namespace keys {
inline constexpr std::string_view kExecutorMemory = "spark.executor.memory";
inline constexpr std::string_view kExecutorCores = "spark.executor.cores";
inline constexpr std::string_view kExecutorInstances = "spark.executor.instances";
inline constexpr std::string_view kExecutorMemoryOverhead = "spark.executor.memoryOverhead";
inline constexpr std::string_view kExecutorMemoryOverheadFactor =
    "spark.executor.memoryOverheadFactor";
inline constexpr std::string_view kExecutorMinMemoryOverhead = "spark.executor.minMemoryOverhead";
inline constexpr std::string_view kKubernetesMemoryOverheadFactor =
    "spark.kubernetes.memoryOverheadFactor";
inline constexpr std::string_view kExecutorPysparkMemory = "spark.executor.pyspark.memory";
inline constexpr std::string_view kDriverMemory = "spark.driver.memory";
inline constexpr std::string_view kDriverCores = "spark.driver.cores";
inline constexpr std::string_view kDriverMemoryOverhead = "spark.driver.memoryOverhead";
inline constexpr std::string_view kDriverMemoryOverheadFactor = "spark.driver.memoryOverheadFactor";
inline constexpr std::string_view kDriverMinMemoryOverhead = "spark.driver.minMemoryOverhead";
inline constexpr std::string_view kOffHeapEnabled = "spark.memory.offHeap.enabled";
inline constexpr std::string_view kOffHeapSize = "spark.memory.offHeap.size";
inline constexpr std::string_view kMemoryFraction = "spark.memory.fraction";
inline constexpr std::string_view kMemoryStorageFraction = "spark.memory.storageFraction";
inline constexpr std::string_view kTaskCpus = "spark.task.cpus";
inline constexpr std::string_view kMaster = "spark.master";
inline constexpr std::string_view kSubmitDeployMode = "spark.submit.deployMode";
inline constexpr std::string_view kDefaultParallelism = "spark.default.parallelism";
inline constexpr std::string_view kSqlShufflePartitions = "spark.sql.shuffle.partitions";
inline constexpr std::string_view kAutoBroadcastJoinThreshold =
    "spark.sql.autoBroadcastJoinThreshold";
inline constexpr std::string_view kAdaptiveEnabled = "spark.sql.adaptive.enabled";
inline constexpr std::string_view kAdaptiveCoalesceEnabled =
    "spark.sql.adaptive.coalescePartitions.enabled";
inline constexpr std::string_view kAdaptiveAdvisoryPartitionSize =
    "spark.sql.adaptive.advisoryPartitionSizeInBytes";
inline constexpr std::string_view kAdaptiveSkewJoinEnabled = "spark.sql.adaptive.skewJoin.enabled";
inline constexpr std::string_view kDynamicAllocationEnabled = "spark.dynamicAllocation.enabled";
inline constexpr std::string_view kDynamicAllocationMinExecutors =
    "spark.dynamicAllocation.minExecutors";
inline constexpr std::string_view kDynamicAllocationMaxExecutors =
    "spark.dynamicAllocation.maxExecutors";
inline constexpr std::string_view kYarnMinAllocationMb = "yarn.scheduler.minimum-allocation-mb";
// Added for the linter (issue 6).
inline constexpr std::string_view kAppName = "spark.app.name";
inline constexpr std::string_view kCoresMax = "spark.cores.max";
inline constexpr std::string_view kYarnQueue = "spark.yarn.queue";
inline constexpr std::string_view kJars = "spark.jars";
inline constexpr std::string_view kJarsPackages = "spark.jars.packages";
inline constexpr std::string_view kFiles = "spark.files";
inline constexpr std::string_view kArchives = "spark.archives";
inline constexpr std::string_view kSubmitPyFiles = "spark.submit.pyFiles";
inline constexpr std::string_view kPysparkPython = "spark.pyspark.python";
inline constexpr std::string_view kPysparkDriverPython = "spark.pyspark.driver.python";
inline constexpr std::string_view kDriverExtraJavaOptions = "spark.driver.extraJavaOptions";
inline constexpr std::string_view kDriverExtraClassPath = "spark.driver.extraClassPath";
inline constexpr std::string_view kDriverExtraLibraryPath = "spark.driver.extraLibraryPath";
inline constexpr std::string_view kExecutorExtraJavaOptions = "spark.executor.extraJavaOptions";
inline constexpr std::string_view kDriverMaxResultSize = "spark.driver.maxResultSize";
inline constexpr std::string_view kKubernetesExecutorRequestCores =
    "spark.kubernetes.executor.request.cores";
inline constexpr std::string_view kKubernetesExecutorLimitCores =
    "spark.kubernetes.executor.limit.cores";
inline constexpr std::string_view kKubernetesDriverRequestCores =
    "spark.kubernetes.driver.request.cores";
inline constexpr std::string_view kKubernetesDriverLimitCores =
    "spark.kubernetes.driver.limit.cores";
inline constexpr std::string_view kKubernetesContainerImage = "spark.kubernetes.container.image";
inline constexpr std::string_view kKubernetesNamespace = "spark.kubernetes.namespace";
inline constexpr std::string_view kAdaptiveParallelismFirst =
    "spark.sql.adaptive.coalescePartitions.parallelismFirst";
inline constexpr std::string_view kAdaptiveMinPartitionSize =
    "spark.sql.adaptive.coalescePartitions.minPartitionSize";
inline constexpr std::string_view kAdaptiveMinPartitionNum =
    "spark.sql.adaptive.coalescePartitions.minPartitionNum";
inline constexpr std::string_view kAdaptiveInitialPartitionNum =
    "spark.sql.adaptive.coalescePartitions.initialPartitionNum";
inline constexpr std::string_view kAdaptiveLocalShuffleReader =
    "spark.sql.adaptive.localShuffleReader.enabled";
inline constexpr std::string_view kAdaptiveSkewedPartitionFactor =
    "spark.sql.adaptive.skewJoin.skewedPartitionFactor";
inline constexpr std::string_view kAdaptiveSkewedPartitionThreshold =
    "spark.sql.adaptive.skewJoin.skewedPartitionThresholdInBytes";
inline constexpr std::string_view kAdaptiveForceOptimizeSkewedJoin =
    "spark.sql.adaptive.forceOptimizeSkewedJoin";
inline constexpr std::string_view kAdaptiveAutoBroadcastJoinThreshold =
    "spark.sql.adaptive.autoBroadcastJoinThreshold";
inline constexpr std::string_view kAdaptiveMaxShuffledHashJoinLocalMapThreshold =
    "spark.sql.adaptive.maxShuffledHashJoinLocalMapThreshold";
inline constexpr std::string_view kAdaptiveOptimizeSkewsInRebalance =
    "spark.sql.adaptive.optimizeSkewsInRebalancePartitions.enabled";
inline constexpr std::string_view kAdaptiveTargetPostShuffleInputSize =
    "spark.sql.adaptive.shuffle.targetPostShuffleInputSize";
inline constexpr std::string_view kAdaptiveMinNumPostShufflePartitions =
    "spark.sql.adaptive.minNumPostShufflePartitions";
inline constexpr std::string_view kAdaptiveMaxNumPostShufflePartitions =
    "spark.sql.adaptive.maxNumPostShufflePartitions";
inline constexpr std::string_view kPreferSortMergeJoin = "spark.sql.join.preferSortMergeJoin";
inline constexpr std::string_view kAdaptiveNonEmptyPartitionRatioForBroadcastJoin =
    "spark.sql.adaptive.nonEmptyPartitionRatioForBroadcastJoin";
inline constexpr std::string_view kAdaptiveRebalanceSmallPartitionFactor =
    "spark.sql.adaptive.rebalancePartitionsSmallPartitionFactor";
inline constexpr std::string_view kShuffledHashJoinFactor = "spark.sql.shuffledHashJoinFactor";
inline constexpr std::string_view kBroadcastTimeout = "spark.sql.broadcastTimeout";
inline constexpr std::string_view kFilesMaxPartitionBytes = "spark.sql.files.maxPartitionBytes";
inline constexpr std::string_view kFilesOpenCostInBytes = "spark.sql.files.openCostInBytes";
inline constexpr std::string_view kFilesMinPartitionNum = "spark.sql.files.minPartitionNum";
inline constexpr std::string_view kFilesMaxPartitionNum = "spark.sql.files.maxPartitionNum";
inline constexpr std::string_view kLeafNodeDefaultParallelism =
    "spark.sql.leafNodeDefaultParallelism";
inline constexpr std::string_view kHadoopDfsBlockSize = "spark.hadoop.dfs.blocksize";
inline constexpr std::string_view kNetworkTimeout = "spark.network.timeout";
inline constexpr std::string_view kExecutorHeartbeatInterval = "spark.executor.heartbeatInterval";
inline constexpr std::string_view kRpcAskTimeout = "spark.rpc.askTimeout";
inline constexpr std::string_view kShuffleIoMaxRetries = "spark.shuffle.io.maxRetries";
inline constexpr std::string_view kShuffleIoRetryWait = "spark.shuffle.io.retryWait";
inline constexpr std::string_view kLocalityWait = "spark.locality.wait";
inline constexpr std::string_view kTaskMaxFailures = "spark.task.maxFailures";
inline constexpr std::string_view kSchedulerMode = "spark.scheduler.mode";
inline constexpr std::string_view kSpeculation = "spark.speculation";
inline constexpr std::string_view kSpeculationInterval = "spark.speculation.interval";
inline constexpr std::string_view kSpeculationMultiplier = "spark.speculation.multiplier";
inline constexpr std::string_view kSpeculationQuantile = "spark.speculation.quantile";
inline constexpr std::string_view kSpeculationMinTaskRuntime = "spark.speculation.minTaskRuntime";
inline constexpr std::string_view kSpeculationTaskDurationThreshold =
    "spark.speculation.task.duration.threshold";
inline constexpr std::string_view kSpeculationEfficiencyEnabled =
    "spark.speculation.efficiency.enabled";
inline constexpr std::string_view kSerializer = "spark.serializer";
inline constexpr std::string_view kKryoBuffer = "spark.kryoserializer.buffer";
inline constexpr std::string_view kKryoBufferMax = "spark.kryoserializer.buffer.max";
inline constexpr std::string_view kKryoRegistrationRequired = "spark.kryo.registrationRequired";
inline constexpr std::string_view kShuffleCompress = "spark.shuffle.compress";
inline constexpr std::string_view kShuffleSpillCompress = "spark.shuffle.spill.compress";
inline constexpr std::string_view kIoCompressionCodec = "spark.io.compression.codec";
inline constexpr std::string_view kShuffleFileBuffer = "spark.shuffle.file.buffer";
inline constexpr std::string_view kReducerMaxSizeInFlight = "spark.reducer.maxSizeInFlight";
inline constexpr std::string_view kShuffleServiceEnabled = "spark.shuffle.service.enabled";
inline constexpr std::string_view kShuffleSortBypassMergeThreshold =
    "spark.shuffle.sort.bypassMergeThreshold";
inline constexpr std::string_view kRddCompress = "spark.rdd.compress";
inline constexpr std::string_view kEventLogEnabled = "spark.eventLog.enabled";
inline constexpr std::string_view kEventLogDir = "spark.eventLog.dir";
inline constexpr std::string_view kEventLogCompress = "spark.eventLog.compress";
inline constexpr std::string_view kEventLogCompressionCodec = "spark.eventLog.compression.codec";
inline constexpr std::string_view kEventLogRollingEnabled = "spark.eventLog.rolling.enabled";
inline constexpr std::string_view kEventLogRollingMaxFileSize =
    "spark.eventLog.rolling.maxFileSize";
inline constexpr std::string_view kEventLogBufferKb = "spark.eventLog.buffer.kb";
inline constexpr std::string_view kDynamicAllocationInitialExecutors =
    "spark.dynamicAllocation.initialExecutors";
inline constexpr std::string_view kDynamicAllocationExecutorIdleTimeout =
    "spark.dynamicAllocation.executorIdleTimeout";
inline constexpr std::string_view kDynamicAllocationCachedExecutorIdleTimeout =
    "spark.dynamicAllocation.cachedExecutorIdleTimeout";
inline constexpr std::string_view kDynamicAllocationSchedulerBacklogTimeout =
    "spark.dynamicAllocation.schedulerBacklogTimeout";
inline constexpr std::string_view kDynamicAllocationSustainedBacklogTimeout =
    "spark.dynamicAllocation.sustainedSchedulerBacklogTimeout";
inline constexpr std::string_view kDynamicAllocationShuffleTrackingEnabled =
    "spark.dynamicAllocation.shuffleTracking.enabled";
inline constexpr std::string_view kDynamicAllocationShuffleTrackingTimeout =
    "spark.dynamicAllocation.shuffleTracking.timeout";
inline constexpr std::string_view kDynamicAllocationExecutorAllocationRatio =
    "spark.dynamicAllocation.executorAllocationRatio";
inline constexpr std::string_view kDecommissionEnabled = "spark.decommission.enabled";
inline constexpr std::string_view kYarnAmMemory = "spark.yarn.am.memory";
inline constexpr std::string_view kYarnExecutorMemoryOverhead =
    "spark.yarn.executor.memoryOverhead";
inline constexpr std::string_view kYarnDriverMemoryOverhead = "spark.yarn.driver.memoryOverhead";
inline constexpr std::string_view kMemoryUseLegacyMode = "spark.memory.useLegacyMode";
inline constexpr std::string_view kShuffleMemoryFraction = "spark.shuffle.memoryFraction";
inline constexpr std::string_view kStorageMemoryFraction = "spark.storage.memoryFraction";
inline constexpr std::string_view kStorageUnrollFraction = "spark.storage.unrollFraction";
inline constexpr std::string_view kShuffleSpill = "spark.shuffle.spill";
inline constexpr std::string_view kExcludeOnFailureEnabled = "spark.excludeOnFailure.enabled";
inline constexpr std::string_view kExcludeOnFailureTimeout = "spark.excludeOnFailure.timeout";
inline constexpr std::string_view kExcludeOnFailureKillExcludedExecutors =
    "spark.excludeOnFailure.killExcludedExecutors";
inline constexpr std::string_view kExcludeOnFailureFetchFailure =
    "spark.excludeOnFailure.application.fetchFailure.enabled";
inline constexpr std::string_view kBlacklistEnabled = "spark.blacklist.enabled";
inline constexpr std::string_view kBlacklistTimeout = "spark.blacklist.timeout";
inline constexpr std::string_view kBlacklistKillBlacklistedExecutors =
    "spark.blacklist.killBlacklistedExecutors";
inline constexpr std::string_view kBlacklistFetchFailure =
    "spark.blacklist.application.fetchFailure.enabled";
inline constexpr std::string_view kReducerMaxReqSizeShuffleToMem =
    "spark.reducer.maxReqSizeShuffleToMem";
inline constexpr std::string_view kMaxRemoteBlockSizeFetchToMem =
    "spark.network.maxRemoteBlockSizeFetchToMem";
inline constexpr std::string_view kArrowPysparkEnabled =
    "spark.sql.execution.arrow.pyspark.enabled";
inline constexpr std::string_view kLegacyBucketedTableScanOutputOrdering =
    "spark.sql.legacy.bucketedTableScan.outputOrdering";
// Engine variants (issue 15): shuffle manager, plugins, Celeborn and Gluten client keys.
inline constexpr std::string_view kShuffleManager = "spark.shuffle.manager";
inline constexpr std::string_view kShuffleSortIoPluginClass = "spark.shuffle.sort.io.plugin.class";
inline constexpr std::string_view kPlugins = "spark.plugins";
inline constexpr std::string_view kGlutenEnabled = "spark.gluten.enabled";
inline constexpr std::string_view kCelebornMasterEndpoints = "spark.celeborn.master.endpoints";
inline constexpr std::string_view kCelebornPushBufferMaxSize =
    "spark.celeborn.client.push.buffer.max.size";
inline constexpr std::string_view kCelebornShuffleWriter =
    "spark.celeborn.client.spark.shuffle.writer";
// Key families (prefixes), for "does an override touch this group of keys?".
inline constexpr std::string_view kSqlPrefix = "spark.sql.";
inline constexpr std::string_view kDynamicAllocationPrefix = "spark.dynamicAllocation.";
}  // namespace keys

}  // namespace sparktune::config
