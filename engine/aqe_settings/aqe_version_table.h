// AqeVersionBehavior: how adaptive query execution differs between Spark
// versions, as one table of rows (aqe_version_table.cc), not as version checks
// scattered through the rules. Each rule reads the row for the application's
// version. Sources: spark-reference.md 3.1-3.10 and the Spark sources named on
// each field. Key defaults per version live in the config catalog.
//
// Thread safety: the table is immutable after static initialization.
#pragma once

#include <string_view>
#include <vector>

#include "data/base/spark_version.h"

namespace sparktune::engine::aqe {

// Which ShufflePartitionsUtil.coalescePartitions packing loop a version runs.
enum class CoalesceLoop {
  kEmitAll,     // 3.0: every range is emitted, empty ones included
  kSkipEmpty,   // 3.1: empty ranges skipped, at least one spec
  kMergeSmall,  // 3.2+: plus the minPartitionSize merge with a neighbour
};

// How DynamicJoinSelection decides to demote a broadcast side.
enum class DemoteRule {
  kDemoteBroadcastHashJoin,  // 3.0-3.1: DemoteBroadcastHashJoin, manyEmpty(side) only
  kAnyJoinType,              // 3.2: manyEmpty(side), no join-type check
  kJoinTypeAware,            // 3.3+: SPARK-37753
};

struct AqeVersionBehavior {
  SparkVersion since;  // the row applies from here until the next row
  // CoalesceShufflePartitions / ShufflePartitionsUtil.
  CoalesceLoop coalesce_loop = CoalesceLoop::kMergeSmall;
  bool target_floor_16 = false;  // 3.0-3.1: maxTarget = max(ceil(total/minNum), 16)
  bool has_parallelism_first =
      true;  // 3.2+: spark.sql.adaptive.coalescePartitions.parallelismFirst
  bool has_min_partition_size = true;       // 3.2+: coalescePartitions.minPartitionSize
  bool apply_only_if_fewer = true;          // 3.2+: keep the result only if it has fewer partitions
  bool union_children_independent = false;  // 3.3+ (SPARK-34980)
  bool broadcast_children_independent = false;  // 3.5.1+ (SPARK-46590)
  bool exploding_join_uses_min_size = false;    // 4.0+ (SPARK-47247)
  bool all_leaves_must_be_stages = true;        // 3.0-3.2: every leaf must be a query stage
  // 3.0+: defaultParallelism is the least number of coalesced partitions unless
  // set; 1.6-2.4 (ExchangeCoordinator): only minNumPostShufflePartitions.
  bool min_num_from_parallelism = true;
  // 3.0+: joins are re-selected at run time (broadcast from materialized sizes);
  // 1.6-2.4 adaptive execution only coalesces.
  bool runtime_join_selection = true;
  // OptimizeSkewedJoin.
  bool skew_join_before_coalesce = true;  // 3.2+ (SPARK-35447); 3.0-3.1 run it after
  bool skew_join_multi_join = false;      // 3.3+: preparation rule over the whole plan
  bool skew_join_shuffled_hash = true;    // 3.2+ (SPARK-35214)
  bool skew_median_of_coalesced = false;  // 3.0.x only (SPARK-31864, reverted in 3.1)
  bool skip_missing_map_outputs = true;   // 3.2+: a -1 map size prevents the split
  // OptimizeSkewInRebalancePartitions.
  bool has_rebalance_rule = true;             // 3.2+
  bool rebalance_small_factor_config = true;  // 3.3+: rebalancePartitionsSmallPartitionFactor
  // Runtime join selection.
  DemoteRule demote_rule = DemoteRule::kJoinTypeAware;
  bool adaptive_broadcast_threshold = true;  // 3.2+: spark.sql.adaptive.autoBroadcastJoinThreshold
  bool prefer_shuffled_hash_join = true;     // 3.2+: maxShuffledHashJoinLocalMapThreshold
  // Stage-rule order (stable rule names, AdaptiveSparkPlanExec at the branch).
  std::vector<std::string_view> rule_order;
};

// The row in force for `version`; an unknown version uses the newest row.
const AqeVersionBehavior& AqeBehaviorFor(const SparkVersion& version);

// All rows, oldest first.
const std::vector<AqeVersionBehavior>& AqeVersionTable();

// Stable rule names (the Spark class names).
namespace rule_names {
inline constexpr std::string_view kDynamicJoinSelection = "DynamicJoinSelection";
inline constexpr std::string_view kCoalesceShufflePartitions = "CoalesceShufflePartitions";
inline constexpr std::string_view kOptimizeSkewedJoin = "OptimizeSkewedJoin";
inline constexpr std::string_view kOptimizeSkewInRebalancePartitions =
    "OptimizeSkewInRebalancePartitions";
inline constexpr std::string_view kOptimizeShuffleWithLocalRead = "OptimizeShuffleWithLocalRead";
}  // namespace rule_names

}  // namespace sparktune::engine::aqe
