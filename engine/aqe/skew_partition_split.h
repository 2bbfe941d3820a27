// Skew partition splitting: how one large reduce partition is cut into ranges
// of map outputs of about a target size.
//
// Mirrors ShufflePartitionsUtil.splitSizeListByTargetSize and
// createSkewPartitionSpecs (sql/core/.../adaptive/ShufflePartitionsUtil.scala,
// 3.0-4.x): ranges are packed greedily up to the target; when a range closes it
// merges into the previous one if together they stay below 1.2 x target
// (MERGED_PARTITION_FACTOR) or either is below small_factor x target
// (SMALL_PARTITION_FACTOR 0.2; rebalance uses its own config from 3.3).
// From 3.2 a missing map output (size -1) prevents the split.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "engine/aqe/partition_spec.h"

namespace sparktune::engine::aqe {

inline constexpr double kMergedPartitionFactor =
    1.2;  // ShufflePartitionsUtil.MERGED_PARTITION_FACTOR
inline constexpr double kSmallPartitionFactor =
    0.2;  // ShufflePartitionsUtil.SMALL_PARTITION_FACTOR

// Start indices of the ranges `sizes` is split into (always begins with 0).
std::vector<int> SplitSizeListByTargetSize(const std::vector<int64_t>& sizes, int64_t target_size,
                                           double small_partition_factor);

// PartialReducerPartitionSpecs for `reducer` given its per-map sizes, or nullopt
// when it does not split (one range, or a missing map output when
// `skip_missing_map_outputs`).
std::optional<PartitionSpecs> CreateSkewPartitionSpecs(int reducer,
                                                       const std::vector<int64_t>& map_sizes,
                                                       int64_t target_size,
                                                       double small_partition_factor,
                                                       bool skip_missing_map_outputs = true);

}  // namespace sparktune::engine::aqe
