#include "engine/aqe_settings/aqe_config.h"

#include <algorithm>
#include <string>

#include "data/base/units.h"
#include "data/config/config_catalog.h"

namespace sparktune::engine::aqe {

namespace keys = config::keys;

namespace {

std::string K(std::string_view key) { return std::string(key); }

// A broadcast threshold: "-1" (or any negative) disables broadcasting.
int64_t Threshold(const EffectiveConfig& c, std::string_view key) {
  std::string v = c.Get(K(key));
  if (!v.empty() && v[0] == '-') return -1;
  return c.GetBytes(K(key));
}

}  // namespace

AqeConfig ResolveAqeConfig(const EffectiveConfig& c, int default_parallelism) {
  AqeConfig a;
  a.version = c.version();
  a.enabled = c.GetBool(K(keys::kAdaptiveEnabled), c.version().AtLeast(3, 2));
  a.coalesce_enabled = c.GetBool(K(keys::kAdaptiveCoalesceEnabled), true);
  if (c.IsSet(K(keys::kAdaptiveAdvisoryPartitionSize)) ||
      !c.IsSet(K(keys::kAdaptiveTargetPostShuffleInputSize)))
    a.advisory_partition_size = c.GetBytes(K(keys::kAdaptiveAdvisoryPartitionSize));
  else
    a.advisory_partition_size = c.GetBytes(K(keys::kAdaptiveTargetPostShuffleInputSize));
  if (a.advisory_partition_size <= 0) a.advisory_partition_size = 64 * units::kMib;
  a.parallelism_first = c.GetBool(K(keys::kAdaptiveParallelismFirst), true);
  a.min_partition_size = c.GetBytes(K(keys::kAdaptiveMinPartitionSize));
  if (a.min_partition_size <= 0) a.min_partition_size = units::kMib;
  a.min_partition_num = static_cast<int>(c.GetInt(K(keys::kAdaptiveMinPartitionNum), -1));
  if (a.min_partition_num < 0)
    a.min_partition_num =
        static_cast<int>(c.GetInt(K(keys::kAdaptiveMinNumPostShufflePartitions), -1));
  int64_t configured_parallelism = c.GetInt(K(keys::kDefaultParallelism), -1);
  a.default_parallelism = configured_parallelism > 0 ? static_cast<int>(configured_parallelism)
                                                     : std::max(default_parallelism, 1);
  a.shuffle_partitions = static_cast<int>(c.GetInt(K(keys::kSqlShufflePartitions), 200));
  a.initial_partition_num = static_cast<int>(c.GetInt(K(keys::kAdaptiveInitialPartitionNum), -1));
  a.local_shuffle_reader_enabled = c.GetBool(K(keys::kAdaptiveLocalShuffleReader), true);
  a.skew_join_enabled = c.GetBool(K(keys::kAdaptiveSkewJoinEnabled), true);
  a.skewed_partition_factor = c.GetDouble(K(keys::kAdaptiveSkewedPartitionFactor), 5.0);
  a.skewed_partition_threshold = c.GetBytes(K(keys::kAdaptiveSkewedPartitionThreshold));
  if (a.skewed_partition_threshold <= 0) a.skewed_partition_threshold = 256 * units::kMib;
  a.force_optimize_skewed_join = c.GetBool(K(keys::kAdaptiveForceOptimizeSkewedJoin), false);
  a.optimize_skews_in_rebalance = c.GetBool(K(keys::kAdaptiveOptimizeSkewsInRebalance), true);
  a.rebalance_small_partition_factor =
      c.GetDouble(K(keys::kAdaptiveRebalanceSmallPartitionFactor), 0.2);
  a.non_empty_partition_ratio_for_broadcast_join =
      c.GetDouble(K(keys::kAdaptiveNonEmptyPartitionRatioForBroadcastJoin), 0.2);
  a.auto_broadcast_join_threshold = Threshold(c, keys::kAutoBroadcastJoinThreshold);
  a.adaptive_auto_broadcast_join_threshold =
      c.IsSet(K(keys::kAdaptiveAutoBroadcastJoinThreshold)) && c.version().AtLeast(3, 2)
          ? Threshold(c, keys::kAdaptiveAutoBroadcastJoinThreshold)
          : a.auto_broadcast_join_threshold;
  a.max_shuffled_hash_join_local_map_threshold =
      c.GetBytes(K(keys::kAdaptiveMaxShuffledHashJoinLocalMapThreshold));
  a.prefer_sort_merge_join = c.GetBool(K(keys::kPreferSortMergeJoin), true);
  a.shuffled_hash_join_factor = c.GetDouble(K(keys::kShuffledHashJoinFactor), 3.0);
  return a;
}

}  // namespace sparktune::engine::aqe
