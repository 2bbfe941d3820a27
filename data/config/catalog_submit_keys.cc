// Part of the config catalog table (catalog_table.h): submission, legacy memory, exclusion,
// serialization, shuffle and event logs. Sources for defaults:
// core/src/main/scala/org/apache/spark/internal/config/ package.scala and
// sql/catalyst/src/main/scala/org/apache/spark/sql/internal/ SQLConf.scala at the versions named
// (spark-reference.md sections 1.4, 3.1, 4.6, 5).
#include <vector>

#include "data/config/catalog_table.h"

namespace sparktune::config::catalog_table {

// Keys added for the linter (issue 6), from submission (SparkSubmitArguments, package.scala).
void AddSubmissionKeys(std::vector<ConfigKey>& c) {
  auto add = [&c](ConfigKey key) { c.push_back(std::move(key)); };

  // ---------------------------------------------------------------------------------------------
  // Keys added for the linter (issue 6). Sources, per key family:
  //   core: core/src/main/scala/org/apache/spark/internal/config/package.scala (and Network.scala,
  //         Kryo.scala, Deploy.scala) at v3.0.0 .. v4.0.0; deprecations from SparkConf.scala
  //         (deprecatedConfigs, configsWithAlternatives);
  //   SQL:  sql/catalyst/src/main/scala/org/apache/spark/sql/internal/SQLConf.scala
  //         (deprecatedSQLConfigs, removedSQLConfigs) at v3.0.0 .. v4.0.0.
  // ---------------------------------------------------------------------------------------------
  // --- Submission (SparkSubmitArguments / package.scala) ---
  add({.name = keys::kAppName,
       .type = ValueType::kString,
       .defaults = {},
       .doc = "Application name (spark-submit --name).",
       .since = "0.9.0"});
  add({.name = keys::kCoresMax,
       .type = ValueType::kInt,
       .defaults = {},
       .doc = "Standalone/Mesos: total cores for the app (--total-executor-cores).",
       .since = "0.6.0",
       .min = 1});
  add({.name = keys::kYarnQueue,
       .type = ValueType::kString,
       .defaults = Always("default"),
       .doc = "YARN queue (--queue).",
       .since = "1.0.0"});
  add({.name = keys::kJars,
       .type = ValueType::kString,
       .defaults = {},
       .doc = "Jars on the driver and executor class paths (--jars).",
       .since = "0.9.0"});
  add({.name = keys::kJarsPackages,
       .type = ValueType::kString,
       .defaults = {},
       .doc = "Maven coordinates to resolve (--packages).",
       .since = "1.5.0"});
  add({.name = keys::kFiles,
       .type = ValueType::kString,
       .defaults = {},
       .doc = "Files placed in each executor's working directory (--files).",
       .since = "1.0.0"});
  add({.name = keys::kArchives,
       .type = ValueType::kString,
       .defaults = {},
       .doc = "Archives extracted in each executor's working directory (--archives).",
       .since = "3.1.0"});
  add({.name = keys::kSubmitPyFiles,
       .type = ValueType::kString,
       .defaults = {},
       .doc = "Python files on the PYTHONPATH (--py-files); its presence marks a PySpark app.",
       .since = "1.0.1"});
  add({.name = keys::kPysparkPython,
       .type = ValueType::kString,
       .defaults = {},
       .doc = "Python binary for driver and executors.",
       .since = "2.1.0"});
  add({.name = keys::kPysparkDriverPython,
       .type = ValueType::kString,
       .defaults = {},
       .doc = "Python binary for the driver only (default: spark.pyspark.python).",
       .since = "2.1.0"});
  add({.name = keys::kDriverExtraJavaOptions,
       .type = ValueType::kString,
       .defaults = {},
       .doc = "Extra JVM options of the driver (--driver-java-options).",
       .since = "1.0.0"});
  add({.name = keys::kDriverExtraClassPath,
       .type = ValueType::kString,
       .defaults = {},
       .doc = "Extra class path of the driver (--driver-class-path).",
       .since = "1.0.0"});
  add({.name = keys::kDriverExtraLibraryPath,
       .type = ValueType::kString,
       .defaults = {},
       .doc = "Extra native library path of the driver (--driver-library-path).",
       .since = "1.0.0"});
  add({.name = keys::kExecutorExtraJavaOptions,
       .type = ValueType::kString,
       .defaults = {},
       .doc = "Extra JVM options of executors (no -Xmx: use spark.executor.memory).",
       .since = "1.0.0"});
  add({.name = keys::kDriverMaxResultSize,
       .type = ValueType::kBytes,
       .defaults = Always("1g"),
       .doc = "Limit of serialized results collected to the driver per action; 0 = unlimited.",
       .since = "1.2.0",
       .bytes_unit = 'b',
       .min = 0});
  add({.name = keys::kYarnAmMemory,
       .type = ValueType::kBytes,
       .defaults = Always("512m"),
       .doc = "YARN application master heap in client mode.",
       .since = "1.3.0",
       .bytes_unit = 'm',
       .min = 0});
  add({.name = keys::kKubernetesExecutorRequestCores,
       .type = ValueType::kString,
       .defaults = {},
       .doc = "CPU request of executor pods (Kubernetes quantity); default spark.executor.cores.",
       .since = "2.4.0"});
  add({.name = keys::kKubernetesExecutorLimitCores,
       .type = ValueType::kString,
       .defaults = {},
       .doc = "CPU limit of executor pods (Kubernetes quantity).",
       .since = "2.3.0"});
  add({.name = keys::kKubernetesDriverRequestCores,
       .type = ValueType::kString,
       .defaults = {},
       .doc = "CPU request of the driver pod.",
       .since = "3.0.0"});
  add({.name = keys::kKubernetesDriverLimitCores,
       .type = ValueType::kString,
       .defaults = {},
       .doc = "CPU limit of the driver pod.",
       .since = "2.3.0"});
  add({.name = keys::kKubernetesContainerImage,
       .type = ValueType::kString,
       .defaults = {},
       .doc = "Container image of driver and executors.",
       .since = "2.3.0"});
  add({.name = keys::kKubernetesNamespace,
       .type = ValueType::kString,
       .defaults = Always("default"),
       .doc = "Namespace of driver and executor pods.",
       .since = "2.3.0"});
}

// Legacy memory management, excluding failing executors.
void AddLegacyMemoryAndExclusionKeys(std::vector<ConfigKey>& c) {
  auto add = [&c](ConfigKey key) { c.push_back(std::move(key)); };

  // --- Legacy memory management (removed with the legacy mode in 3.0, SPARK-26218) ---
  add({.name = keys::kMemoryUseLegacyMode,
       .type = ValueType::kBool,
       .defaults = Always("false"),
       .doc = "Static (pre-1.6) memory manager; removed in 3.0.",
       .since = "1.6.0",
       .deprecated_in = "1.6.0",
       .removed_in = "3.0.0"});
  add({.name = keys::kShuffleMemoryFraction,
       .type = ValueType::kDouble,
       .defaults = Always("0.2"),
       .doc = "Legacy-mode shuffle share of the heap; no effect since 1.6 unless legacy mode, "
              "ignored from 3.0.",
       .since = "0.7.0",
       .min = 0,
       .max = 1,
       .deprecated_in = "1.6.0",
       .replaced_by = keys::kMemoryFraction,
       .removed_in = "3.0.0"});
  add({.name = keys::kStorageMemoryFraction,
       .type = ValueType::kDouble,
       .defaults = Always("0.6"),
       .doc = "Legacy-mode storage share of the heap; ignored from 3.0.",
       .since = "0.7.0",
       .min = 0,
       .max = 1,
       .deprecated_in = "1.6.0",
       .replaced_by = keys::kMemoryStorageFraction,
       .removed_in = "3.0.0"});
  add({.name = keys::kStorageUnrollFraction,
       .type = ValueType::kDouble,
       .defaults = Always("0.2"),
       .doc = "Legacy-mode unroll share of storage memory; ignored from 3.0.",
       .since = "1.0.0",
       .min = 0,
       .max = 1,
       .deprecated_in = "1.6.0",
       .removed_in = "3.0.0"});
  add({.name = keys::kShuffleSpill,
       .type = ValueType::kBool,
       .defaults = Always("true"),
       .doc = "Spilling can no longer be disabled; the key is ignored since 1.6.",
       .since = "0.9.0",
       .deprecated_in = "1.6.0",
       .removed_in = "1.6.0"});
  add({.name = keys::kYarnExecutorMemoryOverhead,
       .type = ValueType::kBytes,
       .defaults = {},
       .doc = "Old name of spark.executor.memoryOverhead (still read as an alternative).",
       .since = "1.0.0",
       .bytes_unit = 'm',
       .min = 0,
       .deprecated_in = "2.3.0",
       .replaced_by = keys::kExecutorMemoryOverhead});
  add({.name = keys::kYarnDriverMemoryOverhead,
       .type = ValueType::kBytes,
       .defaults = {},
       .doc = "Old name of spark.driver.memoryOverhead (still read as an alternative).",
       .since = "1.0.0",
       .bytes_unit = 'm',
       .min = 0,
       .deprecated_in = "2.3.0",
       .replaced_by = keys::kDriverMemoryOverhead});
  add({.name = keys::kReducerMaxReqSizeShuffleToMem,
       .type = ValueType::kBytes,
       .defaults = {},
       .doc = "Old name of spark.network.maxRemoteBlockSizeFetchToMem.",
       .since = "2.2.0",
       .bytes_unit = 'b',
       .min = 0,
       .deprecated_in = "2.3.0",
       .replaced_by = keys::kMaxRemoteBlockSizeFetchToMem});
  add({.name = keys::kMaxRemoteBlockSizeFetchToMem,
       .type = ValueType::kBytes,
       .defaults = Always("200m"),
       .doc = "Remote blocks above this size are fetched to disk.",
       .since = "3.0.0",
       .bytes_unit = 'b',
       .min = 0});
  // --- Excluding failing executors (renamed from blacklist in 3.1, SPARK-32037) ---
  add({.name = keys::kExcludeOnFailureEnabled,
       .type = ValueType::kBool,
       .defaults = Always("false"),
       .doc = "Exclude executors and nodes with repeated task failures.",
       .since = "3.1.0"});
  add({.name = keys::kExcludeOnFailureTimeout,
       .type = ValueType::kDuration,
       .defaults = Always("1h"),
       .doc = "How long a node or executor stays excluded.",
       .since = "3.1.0",
       .time_unit = 'm'});
  add({.name = keys::kExcludeOnFailureKillExcludedExecutors,
       .type = ValueType::kBool,
       .defaults = Always("false"),
       .doc = "Kill excluded executors.",
       .since = "3.1.0"});
  add({.name = keys::kExcludeOnFailureFetchFailure,
       .type = ValueType::kBool,
       .defaults = Always("false"),
       .doc = "Exclude an executor on a fetch failure.",
       .since = "3.1.0"});
  add({.name = keys::kBlacklistEnabled,
       .type = ValueType::kBool,
       .defaults = Always("false"),
       .doc = "Old name of spark.excludeOnFailure.enabled.",
       .since = "2.1.0",
       .deprecated_in = "3.1.0",
       .replaced_by = keys::kExcludeOnFailureEnabled});
  add({.name = keys::kBlacklistTimeout,
       .type = ValueType::kDuration,
       .defaults = Always("1h"),
       .doc = "Old name of spark.excludeOnFailure.timeout.",
       .since = "2.1.0",
       .time_unit = 'm',
       .deprecated_in = "3.1.0",
       .replaced_by = keys::kExcludeOnFailureTimeout});
  add({.name = keys::kBlacklistKillBlacklistedExecutors,
       .type = ValueType::kBool,
       .defaults = Always("false"),
       .doc = "Old name of spark.excludeOnFailure.killExcludedExecutors.",
       .since = "2.2.0",
       .deprecated_in = "3.1.0",
       .replaced_by = keys::kExcludeOnFailureKillExcludedExecutors});
  add({.name = keys::kBlacklistFetchFailure,
       .type = ValueType::kBool,
       .defaults = Always("false"),
       .doc = "Old name of spark.excludeOnFailure.application.fetchFailure.enabled.",
       .since = "2.3.0",
       .deprecated_in = "3.1.0",
       .replaced_by = keys::kExcludeOnFailureFetchFailure});
}

// Serialization, shuffle and compression, event logs.
void AddSerializationShuffleAndEventLogKeys(std::vector<ConfigKey>& c) {
  auto add = [&c](ConfigKey key) { c.push_back(std::move(key)); };

  // --- Serialization (package.scala, Kryo.scala) ---
  add({.name = keys::kSerializer,
       .type = ValueType::kString,
       .defaults = Always("org.apache.spark.serializer.JavaSerializer"),
       .doc = "Serializer class for shuffled and cached data (Spark SQL uses its own encoders).",
       .since = "0.5.0"});
  add({.name = keys::kKryoBuffer,
       .type = ValueType::kBytes,
       .defaults = Always("64k"),
       .doc = "Initial Kryo buffer per core; must be below 2048m.",
       .since = "1.4.0",
       .bytes_unit = 'k',
       .min = 1,
       .max = 2047.0 * 1024 * 1024});
  add({.name = keys::kKryoBufferMax,
       .type = ValueType::kBytes,
       .defaults = Always("64m"),
       .doc = "Largest Kryo buffer; must be below 2048m.",
       .since = "1.4.0",
       .bytes_unit = 'm',
       .min = 1,
       .max = 2047.0 * 1024 * 1024});
  add({.name = keys::kKryoRegistrationRequired,
       .type = ValueType::kBool,
       .defaults = Always("false"),
       .doc = "Fail on unregistered Kryo classes.",
       .since = "1.1.0"});
  // --- Shuffle and compression (package.scala) ---
  add({.name = keys::kShuffleCompress,
       .type = ValueType::kBool,
       .defaults = Always("true"),
       .doc = "Compress map output files.",
       .since = "0.6.0"});
  add({.name = keys::kShuffleSpillCompress,
       .type = ValueType::kBool,
       .defaults = Always("true"),
       .doc = "Compress data spilled during shuffles.",
       .since = "0.9.0"});
  add({.name = keys::kIoCompressionCodec,
       .type = ValueType::kString,
       .defaults = Always("lz4"),
       .doc =
           "Codec of shuffle, spill, broadcast and RDD blocks: lz4, lzf, snappy, zstd or a class.",
       .since = "0.8.0"});
  add({.name = keys::kShuffleFileBuffer,
       .type = ValueType::kBytes,
       .defaults = Always("32k"),
       .doc = "In-memory buffer of each shuffle file output stream.",
       .since = "1.4.0",
       .bytes_unit = 'k',
       .min = 1,
       .max = 2097151.0 * 1024});
  add({.name = keys::kReducerMaxSizeInFlight,
       .type = ValueType::kBytes,
       .defaults = Always("48m"),
       .doc = "Map output fetched at once by each reduce task.",
       .since = "1.4.0",
       .bytes_unit = 'm',
       .min = 1});
  add({.name = keys::kShuffleServiceEnabled,
       .type = ValueType::kBool,
       .defaults = Always("false"),
       .doc = "Use the external shuffle service.",
       .since = "1.2.0"});
  add({.name = keys::kShuffleSortBypassMergeThreshold,
       .type = ValueType::kInt,
       .defaults = Always("200"),
       .doc = "Bypass-merge sort shuffle below this many reducers.",
       .since = "1.1.1",
       .min = 0});
  add({.name = keys::kRddCompress,
       .type = ValueType::kBool,
       .defaults = Always("false"),
       .doc = "Compress serialized cached RDD partitions.",
       .since = "0.6.0"});
  // --- Event logs (package.scala; spark-reference.md 1.4) ---
  add({.name = keys::kEventLogEnabled,
       .type = ValueType::kBool,
       .defaults = Always("false"),
       .doc = "Write an event log (what the History Server and sparktune read).",
       .since = "1.0.0"});
  add({.name = keys::kEventLogDir,
       .type = ValueType::kString,
       .defaults = Always("file:///tmp/spark-events"),
       .doc = "Base directory of event logs.",
       .since = "1.0.0"});
  add({.name = keys::kEventLogCompress,
       .type = ValueType::kBool,
       .defaults = {{V(0, 0), "false"}, {V(4, 0), "true"}},
       .doc = "Compress event logs (default true from 4.0, SPARK-45257).",
       .since = "1.0.0"});
  add({.name = keys::kEventLogCompressionCodec,
       .type = ValueType::kString,
       .defaults = {{V(0, 0), ""}, {V(3, 2), "zstd"}},
       .doc = "Event log codec: before 3.2 falls back to spark.io.compression.codec; zstd from 3.2 "
              "(SPARK-34503); 'none' accepted from 4.0 (SPARK-45261).",
       .since = "3.0.0"});
  add({.name = keys::kEventLogRollingEnabled,
       .type = ValueType::kBool,
       .defaults = {{V(0, 0), "false"}, {V(4, 0), "true"}},
       .doc = "Roll event logs into eventlog_v2_ directories (default true from 4.0, SPARK-45771).",
       .since = "3.0.0"});
  add({.name = keys::kEventLogRollingMaxFileSize,
       .type = ValueType::kBytes,
       .defaults = Always("128m"),
       .doc = "Size of one rolled event log file (at least 10m).",
       .since = "3.0.0",
       .bytes_unit = 'b',
       .min = 10.0 * 1024 * 1024});
  add({.name = keys::kEventLogBufferKb,
       .type = ValueType::kBytes,
       .defaults = Always("100k"),
       .doc = "Event log output buffer; a bare number means KiB.",
       .since = "1.0.0",
       .bytes_unit = 'k',
       .min = 1});
}

}  // namespace sparktune::config::catalog_table
