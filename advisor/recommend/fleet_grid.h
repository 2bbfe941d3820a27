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
// The seed case it is built to find (seed-cases.md, eBay): 5 GB per core,
// 4 cores, AQE on, a large initial partition count and ~100 MB per reducer.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace sparktune::advisor {

using ConfigMap = std::map<std::string, std::string>;

struct FleetCandidate {
  std::string label;   // e.g. "5g/core x4, aqe 10000 -> 128m, bcast 10m"
  ConfigMap config;    // spark.* overrides applied on top of each job's own config
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

// The candidates of the grid, in a stable order: first "keep current
// settings" (an empty config: every job at its own settings), then the
// smallest memory per core with the fewest cores, and so on.
std::vector<FleetCandidate> FleetGrid(const FleetGridOptions& options = {});

}  // namespace sparktune::advisor
