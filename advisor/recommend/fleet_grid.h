// FleetGrid: the candidate cluster-wide defaults `recommend` chooses among.
//
// A candidate is a set of spark.* settings applied to every job of the fleet:
// memory per core x executor cores (spark.executor.memory = per-core x cores),
// the shuffle-partition policy (the job's own, or AQE with a large initial
// partition count and an advisory post-shuffle size, with
// coalescePartitions.parallelismFirst=false so the advisory size is honoured:
// CoalesceShufflePartitions, Spark 3.2+), and the planning-time broadcast
// threshold. The grid is data (kFleetGridDimensions in fleet_grid.cc), stable
// across nights so that per-app predictions stored by `ingest` on different
// nights line up candidate by candidate (each candidate is keyed by its
// canonical JSON).
//
// Scaled to the fleet's data: the grid holds AQE policies from Spark's default
// 200 initial partitions up to 10000, and a policy is a candidate for a fleet
// only when its initial partition count is at most
// max(200, 2 x the largest stage shuffle / advisory size) (FitsFleetShuffle):
// AQE's coalescing (CoalesceShufflePartitions, ShufflePartitionsUtil.
// coalescePartitions, Spark 3.2-4.x) merges the reducers of a shuffle back to
// about its bytes / advisoryPartitionSizeInBytes, so initial partitions beyond
// that only add map-side blocks, fetch requests and driver work. A fleet of
// small jobs therefore never gets 10000 partitions.
//
// The seed case it is built to find (seed-cases.md, eBay): 5 GB per core,
// 4 cores, AQE on, a large initial partition count and ~100 MB per reducer.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sparktune::advisor {

using ConfigMap = std::map<std::string, std::string>;

struct FleetCandidate {
  std::string label;  // e.g. "5g/core x4, aqe 10000 -> 128m, bcast 10m"
  ConfigMap config;   // spark.* overrides applied on top of each job's own config
};

// Canonical JSON of a config (sorted keys, compact); the store's key.
std::string CanonicalConfigJson(const ConfigMap& config);

struct FleetGridOptions {
  // Largest executor container the cluster grants, MiB (heap + overhead);
  // candidates above it are left out. 0 = no limit.
  long max_container_mib = 0;
  // Largest cores per executor (cores per node). 0 = no limit.
  int max_cores = 0;
};

// The initial shuffle partitions a candidate sets under AQE with its advisory
// size, bytes; nullopt for candidates that keep the job's own partitioning.
struct AqeShufflePolicy {
  int64_t initial_partitions = 0;
  int64_t advisory_bytes = 0;
};
std::optional<AqeShufflePolicy> AqePolicyOf(const FleetCandidate& candidate);

// Spark's default spark.sql.shuffle.partitions (SQLConf, 1.x-4.x): always
// an acceptable initial count.
inline constexpr int64_t kSparkDefaultShufflePartitions = 200;

// Whether the candidate's initial partition count suits a fleet whose largest
// stage writes `max_stage_shuffle_bytes` (0 = unknown: every candidate fits).
bool FitsFleetShuffle(const FleetCandidate& candidate, double max_stage_shuffle_bytes);

// The candidates of the grid, in a stable order: first "keep current
// settings" (an empty config: every job at its own settings), then the
// smallest memory per core with the fewest cores, and so on.
std::vector<FleetCandidate> FleetGrid(const FleetGridOptions& options = {});

}  // namespace sparktune::advisor
