// StagePlanningInput: what AQE knows when it plans one query stage (or the
// final stage): the materialized shuffle stages it reads, with their map-output
// statistics, the joins between them, and the plan shape facts the rules test.
// Plain structs, filled either from an event log (engine/plan) or by the
// simulator with simulated statistics.
//
// Sizes are MapOutputStatistics.bytesByPartitionId (compressed shuffle block
// bytes as MapStatus reports them); data_size is the uncompressed "data size"
// SQL metric that runtime join selection compares with broadcast thresholds.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/plan/physical_operators.h"

namespace sparktune::engine::aqe {

// The plan vocabulary (shuffle origins, join types and strategies, build sides)
// is engine/plan's; the rules use it under these names.
using plan::BuildSide;
using plan::JoinStrategy;
using plan::JoinStrategyName;
using plan::JoinType;
using plan::JoinTypeName;
using plan::ShuffleOrigin;

// One materialized shuffle query stage read by the stage being planned.
struct ShuffleStageStats {
  std::string name;  // for decisions and reports, e.g. "Exchange plan_id=247"
  ShuffleOrigin origin = ShuffleOrigin::kEnsureRequirements;
  bool single_partition = false;            // SinglePartition output: never rewritten
  std::vector<int64_t> bytes_by_partition;  // one per reduce partition
  int num_mappers = 0;                      // map tasks of the shuffle
  // Optional per-reduce-partition, per-map sizes ([reducer][mapper]); when empty
  // the skew split assumes each mapper wrote an equal share of every partition.
  std::vector<std::vector<int64_t>> map_sizes;
  int64_t data_size = -1;  // uncompressed bytes ("data size"), -1 unknown
  int64_t row_count = -1;  // "shuffle records written", -1 unknown
  // When the stage finished materializing (any monotonic clock, e.g. epoch ms), -1
  // unknown. AQE re-optimizes at each completion, so a join side that finishes first
  // is judged alone, with the other side's static estimate.
  int64_t materialized_at = -1;

  int num_partitions() const { return static_cast<int>(bytes_by_partition.size()); }
  int64_t total_bytes() const;
  // Per-map sizes of reduce partition `reducer` (map_sizes, or an equal split).
  std::vector<int64_t> MapSizesFor(int reducer) const;
};

// A join whose sides are (possibly) shuffle stages read by this stage.
struct JoinInput {
  JoinType type = JoinType::kInner;
  JoinStrategy strategy = JoinStrategy::kSortMerge;  // as currently planned
  BuildSide build_side = BuildSide::kNone;           // for hash joins
  int left_shuffle = -1;  // index into StagePlanningInput::shuffles, -1 if not a shuffle stage
  int right_shuffle = -1;
  // Static size estimates for sides that are not materialized (-1 unknown).
  int64_t left_estimated_size = -1;
  int64_t right_estimated_size = -1;
  bool equi_join = true;
  bool user_hint = false;  // a user join hint fixes the strategy
  // True when operators above this join in the stage need its output
  // hash-partitioned (an aggregate, window or join on the same keys): then a local
  // read of the probe side would add a shuffle and is reverted.
  bool distribution_required_above = false;
  bool is_skew_join = false;  // already optimized
};

struct StagePlanningInput {
  std::vector<ShuffleStageStats> shuffles;
  std::vector<JoinInput> joins;
  // Coalesce groups: shuffles read co-partitioned (zipped). Empty means one group of
  // every shuffle. A union of groups sums their task counts (3.3+ independent groups).
  std::vector<std::vector<int>> coalesce_groups;
  bool is_final_stage = false;
  // The stage root is a shuffle query stage read as is (no operator needs its
  // partitioning): OptimizeShuffleWithLocalRead may turn it into a local read.
  bool root_is_shuffle_read = false;
  // Every leaf of the stage plan is a query stage (3.0-3.2 coalesce requirement).
  bool all_leaves_are_stages = true;
  // The stage's shuffles are also read through a broadcast of a converted join
  // (build side collected): filled by runtime join selection.
};

}  // namespace sparktune::engine::aqe
