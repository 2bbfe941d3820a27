#include "engine/aqe_settings/aqe_version_table.h"

namespace sparktune::engine::aqe {

namespace {

SparkVersion V(int major, int minor, int patch = 0) {
  SparkVersion v;
  v.major = major;
  v.minor = minor;
  v.patch = patch;
  return v;
}

using namespace rule_names;  // NOLINT(build/namespaces)

std::vector<AqeVersionBehavior> BuildTable() {
  std::vector<AqeVersionBehavior> rows;
  // 1.6-2.4: ExchangeCoordinator (spark.sql.adaptive.enabled before AdaptiveSparkPlanExec): it
  // only coalesces post-shuffle partitions to targetPostShuffleInputSize, from which
  // ShufflePartitionsUtil's 3.0 loop was taken; no parallelism floor, no join re-selection, no
  // skew join, no local reads.
  AqeVersionBehavior v16;
  v16.since = V(1, 6);
  v16.coalesce_loop = CoalesceLoop::kEmitAll;
  v16.target_floor_16 = true;
  v16.has_parallelism_first = false;
  v16.has_min_partition_size = false;
  v16.apply_only_if_fewer = false;
  v16.has_rebalance_rule = false;
  v16.rebalance_small_factor_config = false;
  v16.adaptive_broadcast_threshold = false;
  v16.prefer_shuffled_hash_join = false;
  v16.min_num_from_parallelism = false;
  v16.runtime_join_selection = false;
  v16.rule_order = {kCoalesceShufflePartitions};
  rows.push_back(v16);
  // 3.0: CoalesceShufflePartitions, then OptimizeSkewedJoin (SMJ only, median of the
  // coalesced sizes), then OptimizeLocalShuffleReader; DemoteBroadcastHashJoin only.
  AqeVersionBehavior v30;
  v30.since = V(3, 0);
  v30.coalesce_loop = CoalesceLoop::kEmitAll;
  v30.target_floor_16 = true;
  v30.has_parallelism_first = false;
  v30.has_min_partition_size = false;
  v30.apply_only_if_fewer = false;
  v30.skew_join_before_coalesce = false;
  v30.skew_join_shuffled_hash = false;
  v30.skew_median_of_coalesced = true;
  v30.skip_missing_map_outputs = false;
  v30.has_rebalance_rule = false;
  v30.rebalance_small_factor_config = false;
  v30.demote_rule = DemoteRule::kDemoteBroadcastHashJoin;
  v30.adaptive_broadcast_threshold = false;
  v30.prefer_shuffled_hash_join = false;
  v30.rule_order = {kDynamicJoinSelection, kCoalesceShufflePartitions, kOptimizeSkewedJoin,
                    kOptimizeShuffleWithLocalRead};
  rows.push_back(v30);
  // 3.1: empty ranges are skipped; the median is of the raw sizes again (SPARK-31942).
  AqeVersionBehavior v31 = v30;
  v31.since = V(3, 1);
  v31.coalesce_loop = CoalesceLoop::kSkipEmpty;
  v31.skew_median_of_coalesced = false;
  rows.push_back(v31);
  // 3.2: parallelismFirst/minPartitionSize, skew join before coalescing (and for SHJ),
  // rebalance rule, DynamicJoinSelection with the adaptive threshold.
  AqeVersionBehavior v32;
  v32.since = V(3, 2);
  v32.demote_rule = DemoteRule::kAnyJoinType;
  v32.rebalance_small_factor_config = false;
  v32.rule_order = {kDynamicJoinSelection, kOptimizeSkewedJoin, kOptimizeSkewInRebalancePartitions,
                    kCoalesceShufflePartitions, kOptimizeShuffleWithLocalRead};
  rows.push_back(v32);
  // 3.3: skew join as a preparation rule over the whole plan; union children coalesce
  // independently; join-type-aware demotion.
  AqeVersionBehavior v33 = v32;
  v33.since = V(3, 3);
  v33.skew_join_multi_join = true;
  v33.union_children_independent = true;
  v33.all_leaves_must_be_stages = false;
  v33.rebalance_small_factor_config = true;
  v33.demote_rule = DemoteRule::kJoinTypeAware;
  rows.push_back(v33);
  // 3.5.1: children of broadcast and cartesian joins coalesce independently.
  AqeVersionBehavior v351 = v33;
  v351.since = V(3, 5, 1);
  v351.broadcast_children_independent = true;
  rows.push_back(v351);
  // 4.0: groups under an exploding join use minPartitionSize as advisory size.
  AqeVersionBehavior v40 = v351;
  v40.since = V(4, 0);
  v40.exploding_join_uses_min_size = true;
  rows.push_back(v40);
  return rows;
}

}  // namespace

const std::vector<AqeVersionBehavior>& AqeVersionTable() {
  static const std::vector<AqeVersionBehavior> table = BuildTable();
  return table;
}

const AqeVersionBehavior& AqeBehaviorFor(const SparkVersion& version) {
  const auto& table = AqeVersionTable();
  if (!version.known()) return table.back();
  const AqeVersionBehavior* row = &table.front();
  for (const auto& r : table) {
    if (version.AtLeast(r.since.major, r.since.minor, r.since.patch)) row = &r;
  }
  return *row;
}

}  // namespace sparktune::engine::aqe
