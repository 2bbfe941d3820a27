// CoalesceOptions: what ShufflePartitionsUtil.coalescePartitions packs with
// for one stage, resolved from the AqeConfig and the version row, and the
// target size it packs to. Shared by the CoalesceShufflePartitions rule
// (engine/aqe) and the plan reader (engine/plan), which undoes the coalescing
// it observes in a log with the same target.
//
// Mirrors (sql/core/.../execution/adaptive/, 3.0-4.x):
//   CoalesceShufflePartitions.scala  minNumPartitions: minPartitionNum if set, else
//                                    defaultParallelism when parallelismFirst (3.2+;
//                                    always in 3.0-3.1), else 1
//   ShufflePartitionsUtil.scala      3.0-3.1 target = min(max(ceil(total/minNum), 16), advisory)
//                                    3.2+    target = max(min(ceil(total/minNum), advisory),
//                                                         minPartitionSize)
// Plain value type; pure functions.
#pragma once

#include <cstdint>

#include "data/base/units.h"
#include "engine/aqe_settings/aqe_config.h"
#include "engine/aqe_settings/aqe_version_table.h"

namespace sparktune::engine::aqe {

struct CoalesceOptions {
  int64_t advisory_target_size = 64 * units::kMib;
  int min_num_partitions = 1;
  int64_t min_partition_size = 0;
  CoalesceLoop loop = CoalesceLoop::kMergeSmall;
  bool target_floor_16 = false;
  bool apply_only_if_fewer = true;
};

// The options of a stage whose shuffles form one coalesce group.
CoalesceOptions CoalesceOptionsFor(const AqeConfig& config, const AqeVersionBehavior& behavior);

// The target size coalescePartitions packs to (logged by Spark at INFO).
int64_t CoalesceTargetSize(int64_t total_bytes, const CoalesceOptions& options);

}  // namespace sparktune::engine::aqe
