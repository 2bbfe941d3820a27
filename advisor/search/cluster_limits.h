// ClusterLimits: what the cluster can grant one executor, the bounds every
// configuration `optimize` proposes must respect: the largest container (heap
// + overhead + off-heap, as engine/memory/container_size.h computes it), the
// cores of one node (an executor cannot span nodes), the memory sizes the
// platform allows (a list of heap steps), and the most executors the job may
// hold. Each bound is optional (0 / empty = unbounded).
//
// A cluster profile file is JSON:
//   {"largestContainer": "64g", "coresPerNode": 16,
//    "memorySteps": ["2g", "4g", "8g", "16g"], "maxExecutors": 200}
// Unknown fields are an error (a typo would silently lift a limit).
//
// When no limit is given, cores per node is inferred from the log (the most
// cores its executors held on one host), because the simulator cannot place an
// executor larger than the machines the log ran on.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "data/base/result.h"
#include "data/model/application.h"

namespace sparktune::search {

struct ClusterLimits {
  int64_t largest_container_mib = 0;      // 0 = unbounded
  int cores_per_node = 0;                 // 0 = unbounded
  std::vector<int64_t> memory_steps_mib;  // allowed spark.executor.memory values; empty = any
  int max_executors = 0;                  // 0 = unbounded
  std::string source;                     // "flags", a file path, "inferred from the log", ...
};

// Parses a cluster profile (format above). Errors name the file and the field.
Result<ClusterLimits> ParseClusterLimits(const std::string& json_text,
                                         const std::string& file_name);
Result<ClusterLimits> LoadClusterLimits(const std::string& path);

// The most executor cores the log shows on one host (sum over its executors),
// or 0 when the log has no executors (local mode).
int ObservedCoresPerNode(const model::Application& app);

}  // namespace sparktune::search
