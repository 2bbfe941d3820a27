#include "advisor/recommend/fleet_grid.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "data/config/config_catalog.h"
#include "data/store/stored_config.h"

namespace sparktune::advisor {

namespace {

namespace keys = config::keys;

// The dimensions of the grid (data, not code): every combination is a
// candidate. Memory per core in GiB; cores per executor; shuffle policy;
// planning-time broadcast threshold.
constexpr int kMemoryPerCoreGib[] = {1, 2, 3, 4, 5, 6, 8};
constexpr int kCores[] = {2, 4};
struct ShufflePolicy {
  const char* label;
  const char* initial_partitions;  // nullptr: the job's own partitioning and AQE settings
  const char* advisory_size;
};
constexpr ShufflePolicy kShufflePolicies[] = {
    {"own partitions", nullptr, nullptr},
    {"aqe 200 -> 64m", "200", "64m"},
    {"aqe 2000 -> 64m", "2000", "64m"},
    {"aqe 10000 -> 128m", "10000", "128m"},
};
constexpr const char* kBroadcastThresholds[] = {nullptr, "32m"};

// Overhead as Spark computes it by default (max(384 MiB, 0.10 x heap), the
// factor of spark.executor.memoryOverheadFactor; YarnAllocator /
// ResourceProfile, 3.x-4.x) for the container-size limit only.
long ContainerMib(long heap_mib) { return heap_mib + std::max(384L, heap_mib / 10); }

}  // namespace

std::optional<AqeShufflePolicy> AqePolicyOf(const FleetCandidate& candidate) {
  auto partitions = candidate.config.find(std::string(keys::kSqlShufflePartitions));
  auto advisory = candidate.config.find(std::string(keys::kAdaptiveAdvisoryPartitionSize));
  auto aqe = candidate.config.find(std::string(keys::kAdaptiveEnabled));
  if (partitions == candidate.config.end() || advisory == candidate.config.end() ||
      aqe == candidate.config.end() || aqe->second != "true") {
    return std::nullopt;
  }
  auto bytes = config::ParseBytes(advisory->second, 'b');
  if (!bytes.ok() || *bytes <= 0) return std::nullopt;
  return AqeShufflePolicy{std::stoll(partitions->second), *bytes};
}

bool FitsFleetShuffle(const FleetCandidate& candidate, double max_stage_shuffle_bytes) {
  if (max_stage_shuffle_bytes <= 0) return true;
  std::optional<AqeShufflePolicy> p = AqePolicyOf(candidate);
  if (!p) return true;
  const double needed = max_stage_shuffle_bytes / static_cast<double>(p->advisory_bytes);
  return static_cast<double>(p->initial_partitions) <=
         std::max(static_cast<double>(kSparkDefaultShufflePartitions), 2.0 * needed);
}

std::string CanonicalConfigJson(const ConfigMap& config) {
  return store::CanonicalConfigJson(config);
}

std::vector<FleetCandidate> FleetGrid(const FleetGridOptions& options) {
  std::vector<FleetCandidate> out;
  // Candidate 0: change nothing (each job keeps its own settings). The fleet
  // defaults only move when a candidate beats the status quo.
  out.push_back({"keep current settings", {}});
  for (int per_core : kMemoryPerCoreGib) {
    for (int cores : kCores) {
      if (options.max_cores > 0 && cores > options.max_cores) continue;
      long heap_mib = 1024L * per_core * cores;
      if (options.max_container_mib > 0 && ContainerMib(heap_mib) > options.max_container_mib) {
        continue;
      }
      for (const ShufflePolicy& shuffle : kShufflePolicies) {
        for (const char* bcast : kBroadcastThresholds) {
          FleetCandidate c;
          c.config[std::string(keys::kExecutorMemory)] = std::to_string(per_core * cores) + "g";
          c.config[std::string(keys::kExecutorCores)] = std::to_string(cores);
          char label[160];
          std::snprintf(label, sizeof label, "%dg/core x%d cores, %s, bcast %s", per_core, cores,
                        shuffle.label, bcast ? bcast : "own");
          c.label = label;
          if (shuffle.initial_partitions != nullptr) {
            c.config[std::string(keys::kAdaptiveEnabled)] = "true";
            c.config[std::string(keys::kAdaptiveCoalesceEnabled)] = "true";
            c.config[std::string(keys::kAdaptiveParallelismFirst)] = "false";
            c.config[std::string(keys::kSqlShufflePartitions)] = shuffle.initial_partitions;
            c.config[std::string(keys::kAdaptiveAdvisoryPartitionSize)] = shuffle.advisory_size;
          }
          if (bcast != nullptr) c.config[std::string(keys::kAutoBroadcastJoinThreshold)] = bcast;
          out.push_back(std::move(c));
        }
      }
    }
  }
  return out;
}

}  // namespace sparktune::advisor
