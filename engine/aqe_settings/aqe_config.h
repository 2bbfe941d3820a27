// AqeConfig: the AQE settings one stage is planned with, resolved from the
// config in force (EffectiveConfig: logged properties over catalog defaults for
// the version) and from the cluster state at planning time (defaultParallelism
// depends on the executors alive then, spark-reference.md 3.4).
//
// Resolution rules (SQLConf.scala, 3.0-4.x):
//   advisory size: spark.sql.adaptive.advisoryPartitionSizeInBytes, else the
//     deprecated spark.sql.adaptive.shuffle.targetPostShuffleInputSize, else 64m
//   broadcast threshold at run time: spark.sql.adaptive.autoBroadcastJoinThreshold
//     (3.2+), else spark.sql.autoBroadcastJoinThreshold
//   initial partitions: coalescePartitions.initialPartitionNum when AQE and
//     coalescing are on and it is set, else spark.sql.shuffle.partitions
// Plain value type; callers may edit fields (what-if).
#pragma once

#include <cstdint>

#include "data/base/spark_version.h"
#include "data/base/units.h"
#include "engine/memory/container_size.h"

namespace sparktune::engine::aqe {

struct AqeConfig {
  SparkVersion version;
  bool enabled = true;
  bool coalesce_enabled = true;
  int64_t advisory_partition_size = 64 * units::kMib;
  bool parallelism_first = true;
  int64_t min_partition_size = units::kMib;
  int min_partition_num = -1;   // -1: unset
  int default_parallelism = 2;  // SparkContext.defaultParallelism when the stage is planned
  int shuffle_partitions = 200;
  int initial_partition_num = -1;  // -1: unset
  bool local_shuffle_reader_enabled = true;
  bool skew_join_enabled = true;
  double skewed_partition_factor = 5.0;
  int64_t skewed_partition_threshold = 256 * units::kMib;
  bool force_optimize_skewed_join = false;
  bool optimize_skews_in_rebalance = true;
  double rebalance_small_partition_factor = 0.2;
  double non_empty_partition_ratio_for_broadcast_join = 0.2;
  int64_t auto_broadcast_join_threshold = 10 * units::kMib;
  int64_t adaptive_auto_broadcast_join_threshold = 10 * units::kMib;  // resolved (falls back)
  int64_t max_shuffled_hash_join_local_map_threshold = 0;
  bool prefer_sort_merge_join = true;
  double shuffled_hash_join_factor = 3.0;

  // Partitions a SQL shuffle is planned with (SQLConf.numShufflePartitions).
  int PlannedShufflePartitions() const {
    if (enabled && coalesce_enabled && initial_partition_num > 0) return initial_partition_num;
    return shuffle_partitions;
  }
};

// Resolves every field from `config`; `default_parallelism` is the value
// SparkContext.defaultParallelism had (spark.default.parallelism wins when set).
AqeConfig ResolveAqeConfig(const EffectiveConfig& config, int default_parallelism);

}  // namespace sparktune::engine::aqe
