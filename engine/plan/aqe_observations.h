// AqeObservations: what adaptive query execution did in one SQL execution, read
// from the plans the log carries (the initial plan of SQLExecutionStart and the
// last SQLAdaptiveExecutionUpdate) and the driver-side metric values of
// SQLDriverAccumUpdates (AQEShuffleReadExec, 3.2+; CustomShuffleReaderExec,
// 3.0-3.1). These are observations, used by `profile` and as the targets that
// re-planning must reproduce; they are never fed back into predictions.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "data/model/application.h"

namespace sparktune::engine {

struct ShuffleReadObservation {
  std::string kind;           // "coalesced", "coalesced and skewed", "local", "skewed", ...
  int64_t partitions = -1;    // "number of partitions" (-1 when not logged)
  int64_t coalesced = -1;     // "number of coalesced partitions"
  int64_t skewed_partitions = -1;
  int64_t skew_splits = -1;   // "number of skewed partition splits"
  std::vector<int64_t> partition_sizes;  // "partition data size", one per read partition
};

struct JoinStrategyChange {
  std::string from;  // e.g. "SortMergeJoin"
  std::string to;    // e.g. "BroadcastHashJoin"
};

struct AqeObservations {
  bool adaptive = false;  // the plan has an AdaptiveSparkPlan root
  int plan_updates = 0;
  std::vector<ShuffleReadObservation> shuffle_reads;
  int64_t skew_join_splits = 0;  // sum of skew splits over the final plan
  int skew_joins = 0;            // joins marked isSkewJoin=true
  std::vector<std::string> initial_joins;
  std::vector<std::string> final_joins;
  std::vector<JoinStrategyChange> join_changes;
};

AqeObservations ObserveAqe(const model::SqlExecution& sql, const model::Application& app);

}  // namespace sparktune::engine
