// Part of the config catalog table (catalog_table.h): AQE, file scans, network and speculation.
// Sources for defaults: core/src/main/scala/org/apache/spark/internal/config/
// package.scala and sql/catalyst/src/main/scala/org/apache/spark/sql/internal/
// SQLConf.scala at the versions named (spark-reference.md sections 1.4, 3.1, 4.6, 5).
#include <vector>

#include "data/config/catalog_table.h"

namespace sparktune::config::catalog_table {

// AQE, continued (SQLConf.scala; spark-reference.md 3.1).
void AddAqeKeys(std::vector<ConfigKey>& c) {
  auto add = [&c](ConfigKey key) { c.push_back(std::move(key)); };

  // --- AQE, continued (SQLConf.scala; spark-reference.md 3.1) ---
  add({.name = keys::kAdaptiveParallelismFirst,
       .type = ValueType::kBool,
       .defaults = Always("true"),
       .doc = "When true, AQE coalescing ignores the advisory size and keeps default parallelism "
              "(minimum size minPartitionSize instead).",
       .since = "3.2.0",
       .tunable = true});
  add({.name = keys::kAdaptiveMinPartitionSize,
       .type = ValueType::kBytes,
       .defaults = Always("1m"),
       .doc = "Smallest post-coalesce partition.",
       .since = "3.2.0",
       .bytes_unit = 'b',
       .min = 1,
       .tunable = true});
  add({.name = keys::kAdaptiveMinPartitionNum,
       .type = ValueType::kInt,
       .defaults = {},
       .doc = "Minimum post-coalesce partition count; deprecated in favour of minPartitionSize.",
       .since = "3.0.0",
       .min = 1,
       .deprecated_in = "3.2.0",
       .replaced_by = keys::kAdaptiveMinPartitionSize});
  add({.name = keys::kAdaptiveInitialPartitionNum,
       .type = ValueType::kInt,
       .defaults = {},
       .doc =
           "Initial shuffle partitions under AQE coalescing; default spark.sql.shuffle.partitions.",
       .since = "3.0.0",
       .min = 1,
       .tunable = true});
  add({.name = keys::kAdaptiveLocalShuffleReader,
       .type = ValueType::kBool,
       .defaults = Always("true"),
       .doc = "AQE reads shuffle output locally when a join became a broadcast join.",
       .since = "3.0.0"});
  add({.name = keys::kAdaptiveSkewedPartitionFactor,
       .type = ValueType::kDouble,
       .defaults = Always("5"),
       .doc = "A partition is skewed when larger than factor x median and the threshold (an int "
              "before 3.4, SPARK-40772).",
       .since = "3.0.0",
       .min = 0,
       .tunable = true});
  add({.name = keys::kAdaptiveSkewedPartitionThreshold,
       .type = ValueType::kBytes,
       .defaults = Always("256m"),
       .doc = "A partition is skewed only above this size.",
       .since = "3.0.0",
       .bytes_unit = 'b',
       .min = 0,
       .tunable = true});
  add({.name = keys::kAdaptiveForceOptimizeSkewedJoin,
       .type = ValueType::kBool,
       .defaults = Always("false"),
       .doc = "Split skew even when it adds a shuffle.",
       .since = "3.3.0"});
  add({.name = keys::kAdaptiveAutoBroadcastJoinThreshold,
       .type = ValueType::kBytes,
       .defaults = {},
       .doc = "Broadcast threshold used by AQE at run time; default "
              "spark.sql.autoBroadcastJoinThreshold.",
       .since = "3.2.0",
       .bytes_unit = 'b',
       .min = -1,
       .tunable = true});
  add({.name = keys::kAdaptiveMaxShuffledHashJoinLocalMapThreshold,
       .type = ValueType::kBytes,
       .defaults = Always("0"),
       .doc = "AQE prefers shuffled hash join when every partition is below this size.",
       .since = "3.2.0",
       .bytes_unit = 'b',
       .min = 0,
       .tunable = true});
  add({.name = keys::kAdaptiveOptimizeSkewsInRebalance,
       .type = ValueType::kBool,
       .defaults = Always("true"),
       .doc = "AQE splits skewed partitions of REBALANCE.",
       .since = "3.2.0"});
  add({.name = keys::kAdaptiveTargetPostShuffleInputSize,
       .type = ValueType::kBytes,
       .defaults = Always("64m"),
       .doc = "Old name of spark.sql.adaptive.advisoryPartitionSizeInBytes.",
       .since = "2.0.0",
       .bytes_unit = 'b',
       .min = 1,
       .deprecated_in = "3.0.0",
       .replaced_by = keys::kAdaptiveAdvisoryPartitionSize});
  add({.name = keys::kAdaptiveMinNumPostShufflePartitions,
       .type = ValueType::kInt,
       .defaults = {},
       .doc = "Old name of spark.sql.adaptive.coalescePartitions.minPartitionNum.",
       .since = "2.4.0",
       .min = 1,
       .deprecated_in = "3.0.0",
       .replaced_by = keys::kAdaptiveMinPartitionNum});
  add({.name = keys::kAdaptiveMaxNumPostShufflePartitions,
       .type = ValueType::kInt,
       .defaults = {},
       .doc = "Old name of spark.sql.adaptive.coalescePartitions.initialPartitionNum.",
       .since = "2.4.0",
       .min = 1,
       .deprecated_in = "3.0.0",
       .replaced_by = keys::kAdaptiveInitialPartitionNum});
  add({.name = keys::kPreferSortMergeJoin,
       .type = ValueType::kBool,
       .defaults = Always("true"),
       .doc = "Prefer sort-merge join over shuffled hash join.",
       .since = "2.0.0"});
}

// AQE keys read by engine/aqe (SQLConf.scala; spark-reference.md 3.1, 3.6, 3.7) and the rest of the
// SQL keys.
void AddAqeInternalKeys(std::vector<ConfigKey>& c) {
  auto add = [&c](ConfigKey key) { c.push_back(std::move(key)); };

  // AQE keys read by engine/aqe (SQLConf.scala; spark-reference.md 3.1, 3.6, 3.7).
  add({.name = keys::kAdaptiveNonEmptyPartitionRatioForBroadcastJoin,
       .type = ValueType::kDouble,
       .defaults = Always("0.2"),
       .doc = "AQE demotes broadcasting a side whose non-empty partition ratio is below this "
              "(internal).",
       .since = "3.0.0",
       .min = 0,
       .max = 1});
  add({.name = keys::kAdaptiveRebalanceSmallPartitionFactor,
       .type = ValueType::kDouble,
       .defaults = Always("0.2"),
       .doc = "A rebalance split smaller than this fraction of the advisory size merges with its "
              "neighbour.",
       .since = "3.3.0",
       .min = 0,
       .max = 1});
  add({.name = keys::kShuffledHashJoinFactor,
       .type = ValueType::kInt,
       .defaults = Always("3"),
       .doc =
           "A side this many times smaller than the other may be planned as a shuffled hash join "
           "build side.",
       .since = "3.3.0",
       .min = 1});
  add({.name = keys::kBroadcastTimeout,
       .type = ValueType::kDuration,
       .defaults = Always("300"),
       .doc = "Timeout in seconds of a broadcast exchange.",
       .since = "1.3.0",
       .time_unit = 's'});
  add({.name = keys::kArrowPysparkEnabled,
       .type = ValueType::kBool,
       .defaults = Always("false"),
       .doc = "Arrow for toPandas/createDataFrame from pandas.",
       .since = "3.0.0"});
  add({.name = keys::kLegacyBucketedTableScanOutputOrdering,
       .type = ValueType::kBool,
       .defaults = Always("false"),
       .doc = "A sorted bucketed scan reports its ordering (as 2.x did), so a bucketed "
              "sort-merge join needs no sort.",
       .since = "3.0.0"});
}

// File-scan splits, network and timeouts, speculation.
void AddFileNetworkAndSpeculationKeys(std::vector<ConfigKey>& c) {
  auto add = [&c](ConfigKey key) { c.push_back(std::move(key)); };

  // --- File-scan splits (SQLConf.scala; spark-reference.md 6.4) ---
  add({.name = keys::kFilesMaxPartitionBytes,
       .type = ValueType::kBytes,
       .defaults = Always("128m"),
       .doc = "Largest split of a file-source scan task.",
       .since = "2.0.0",
       .bytes_unit = 'b',
       .min = 1,
       .tunable = true});
  add({.name = keys::kFilesOpenCostInBytes,
       .type = ValueType::kBytes,
       .defaults = Always("4m"),
       .doc = "Estimated cost of opening a file, in bytes, when packing splits.",
       .since = "2.0.0",
       .bytes_unit = 'b',
       .min = 0,
       .tunable = true});
  add({.name = keys::kFilesMinPartitionNum,
       .type = ValueType::kInt,
       .defaults = {},
       .doc = "Suggested minimum number of scan splits; default defaultParallelism.",
       .since = "3.1.0",
       .min = 1});
  add({.name = keys::kFilesMaxPartitionNum,
       .type = ValueType::kInt,
       .defaults = {},
       .doc = "Scan splits are repacked when above this count.",
       .since = "3.5.0",
       .min = 1});
  add({.name = keys::kLeafNodeDefaultParallelism,
       .type = ValueType::kInt,
       .defaults = {},
       .doc = "Default parallelism of leaf scans.",
       .since = "3.2.0",
       .min = 1});
  add({.name = keys::kHadoopDfsBlockSize,
       .type = ValueType::kBytes,
       .defaults = Always("128m"),
       .doc = "HDFS block size handed to Hadoop (dfs.blocksize, hdfs-default.xml).",
       .since = "0.0.0",
       .bytes_unit = 'b',
       .min = 1});
  // --- Network and timeouts (package.scala, Network.scala) ---
  add({.name = keys::kNetworkTimeout,
       .type = ValueType::kDuration,
       .defaults = Always("120s"),
       .doc = "Default timeout of all network interactions.",
       .since = "1.3.0",
       .time_unit = 's',
       .min = 1,
       .tunable = true});
  add({.name = keys::kExecutorHeartbeatInterval,
       .type = ValueType::kDuration,
       .defaults = Always("10s"),
       .doc = "Executor heartbeat period; must be below spark.network.timeout.",
       .since = "1.1.0",
       .time_unit = 'm',
       .min = 1});
  add({.name = keys::kRpcAskTimeout,
       .type = ValueType::kDuration,
       .defaults = {},
       .doc = "RPC ask timeout; default spark.network.timeout.",
       .since = "1.4.0",
       .time_unit = 's',
       .min = 1});
  add({.name = keys::kShuffleIoMaxRetries,
       .type = ValueType::kInt,
       .defaults = Always("3"),
       .doc = "Retries of a failed shuffle fetch.",
       .since = "1.2.0",
       .min = 0});
  add({.name = keys::kShuffleIoRetryWait,
       .type = ValueType::kDuration,
       .defaults = Always("5s"),
       .doc = "Wait between shuffle fetch retries.",
       .since = "1.2.1",
       .time_unit = 's',
       .min = 0});
  add({.name = keys::kLocalityWait,
       .type = ValueType::kDuration,
       .defaults = Always("3s"),
       .doc = "Delay-scheduling wait per locality level.",
       .since = "0.5.0",
       .time_unit = 'm',
       .min = 0,
       .tunable = true});
  add({.name = keys::kTaskMaxFailures,
       .type = ValueType::kInt,
       .defaults = Always("4"),
       .doc = "Failures of one task before the job is aborted.",
       .since = "0.8.0",
       .min = 1});
  add({.name = keys::kSchedulerMode,
       .type = ValueType::kEnum,
       .defaults = Always("FIFO"),
       .doc = "Scheduling between jobs of one app.",
       .since = "0.8.0",
       .choices = {"fifo", "fair"}});
  // --- Speculation (package.scala; spark-reference.md 5.4) ---
  add({.name = keys::kSpeculation,
       .type = ValueType::kBool,
       .defaults = Always("false"),
       .doc = "Re-launch slow tasks speculatively.",
       .since = "0.6.0",
       .tunable = true});
  add({.name = keys::kSpeculationInterval,
       .type = ValueType::kDuration,
       .defaults = Always("100ms"),
       .doc = "How often to check for tasks to speculate.",
       .since = "0.6.0",
       .time_unit = 'm',
       .min = 1});
  add({.name = keys::kSpeculationMultiplier,
       .type = ValueType::kDouble,
       .defaults = {{V(0, 0), "1.5"}, {V(4, 0), "3"}},
       .doc = "A task is slow when it runs longer than multiplier x the median (1.5 in 3.x, 3 from "
              "4.0, SPARK-47720).",
       .since = "0.6.0",
       .min = 1,
       .tunable = true});
  add({.name = keys::kSpeculationQuantile,
       .type = ValueType::kDouble,
       .defaults = {{V(0, 0), "0.75"}, {V(4, 0), "0.9"}},
       .doc = "Fraction of tasks that must finish before speculation (0.75 in 3.x, 0.9 from 4.0, "
              "SPARK-47720).",
       .since = "0.6.0",
       .min = 0,
       .max = 1,
       .tunable = true});
  add({.name = keys::kSpeculationMinTaskRuntime,
       .type = ValueType::kDuration,
       .defaults = Always("100ms"),
       .doc = "Shortest task runtime considered for speculation.",
       .since = "3.2.0",
       .time_unit = 'm',
       .min = 0});
  add({.name = keys::kSpeculationTaskDurationThreshold,
       .type = ValueType::kDuration,
       .defaults = {},
       .doc = "Speculate tasks running longer than this, even in small stages.",
       .since = "3.0.0",
       .time_unit = 'm',
       .min = 0});
  add({.name = keys::kSpeculationEfficiencyEnabled,
       .type = ValueType::kBool,
       .defaults = Always("true"),
       .doc = "Efficiency-based speculation.",
       .since = "3.4.0"});
}

}  // namespace sparktune::config::catalog_table
