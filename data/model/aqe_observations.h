// AqeObservations: what adaptive query execution did in one SQL execution, as
// facts read from the log (computed by engine/plan/aqe_observations.h:
// ObserveAqe from the initial and last adaptive plans and the driver-side
// metrics of the AQE shuffle reads). Plain values for reports and tests;
// never fed back into predictions.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace sparktune::model {

struct ShuffleReadObservation {
  std::string kind;         // "coalesced", "coalesced and skewed", "local", "skewed", ...
  int64_t partitions = -1;  // "number of partitions" (-1 when not logged)
  int64_t coalesced = -1;   // "number of coalesced partitions"
  int64_t skewed_partitions = -1;
  int64_t skew_splits = -1;              // "number of skewed partition splits"
  std::vector<int64_t> partition_sizes;  // "partition data size", one per read partition
};

struct JoinStrategyChange {
  std::string from;  // e.g. "SortMergeJoin"
  std::string to;    // e.g. "BroadcastHashJoin"
};

// A broadcast exchange of the final plan and its driver-side metrics (-1 when not logged);
// see engine/plan/broadcast_exchanges.h.
struct BroadcastObservation {
  int node = -1;  // node index in the final plan
  int64_t data_size = -1;
  int64_t rows = -1;
  int64_t collect_ms = -1;
  int64_t build_ms = -1;
  int64_t broadcast_ms = -1;

  // collect + build + broadcast where known, else -1.
  int64_t DriverMs() const {
    if (collect_ms < 0 && build_ms < 0 && broadcast_ms < 0) return -1;
    return (collect_ms > 0 ? collect_ms : 0) + (build_ms > 0 ? build_ms : 0) +
           (broadcast_ms > 0 ? broadcast_ms : 0);
  }
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
  std::vector<BroadcastObservation> broadcasts;
};

}  // namespace sparktune::model
