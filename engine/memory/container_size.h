// ContainerSize: the memory and cores a cluster manager grants one executor
// or driver container, from the config in force (spark-reference.md 4.6).
//
//   heap      = spark.executor.memory                          (default 1g)
//   overhead  = spark.executor.memoryOverhead if set, else
//               max(factor x heap, minOverhead)
//                 factor: spark.executor.memoryOverheadFactor (3.3+), else on
//                 Kubernetes spark.kubernetes.memoryOverheadFactor, else 0.10
//                 minOverhead: spark.executor.minMemoryOverhead (4.0+), else 384 MiB
//   offHeap   = spark.memory.offHeap.size when offHeap.enabled (added to the
//               container since 3.0, SPARK-28577)
//   pyspark   = spark.executor.pyspark.memory when set
//   container = round_up(heap + overhead + offHeap + pyspark, step)
//                 step: YARN yarn.scheduler.minimum-allocation-mb (1024 if not
//                 logged; Hadoop SchedulerUtils.getNormalizedResource), else 1 MiB
//
// Mirrors ResourceProfile.calculateOverHeadMemory / getResourcesForClusterManager
// (Spark 3.0-4.x) and YARN's normalization. The version table is in the
// config catalog (defaults per version), not here.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "data/base/spark_version.h"
#include "data/model/application.h"

namespace sparktune::engine {

enum class ClusterManager { kYarn, kKubernetes, kStandalone, kLocal, kMesos, kUnknown };
const char* ClusterManagerName(ClusterManager manager);
ClusterManager ClusterManagerFromMaster(const std::string& master);

// The config in force: logged properties over catalog defaults for a version.
class EffectiveConfig {
 public:
  EffectiveConfig(std::map<std::string, std::string> properties, SparkVersion version)
      : properties_(std::move(properties)), version_(std::move(version)) {}
  // From an application's logged Spark properties and version.
  static EffectiveConfig FromApplication(const model::Application& app);

  // Value as set, else the catalog default for the version, else empty.
  std::string Get(const std::string& key) const;
  bool IsSet(const std::string& key) const { return properties_.count(key) > 0; }
  // Typed accessors; a malformed value falls back to the default.
  int64_t GetBytes(const std::string& key) const;  // bytes
  int64_t GetInt(const std::string& key, int64_t fallback) const;
  double GetDouble(const std::string& key, double fallback) const;
  bool GetBool(const std::string& key, bool fallback) const;

  void Set(const std::string& key, const std::string& value) { properties_[key] = value; }
  void Unset(const std::string& key) { properties_.erase(key); }
  const SparkVersion& version() const { return version_; }
  const std::map<std::string, std::string>& properties() const { return properties_; }

 private:
  std::map<std::string, std::string> properties_;
  SparkVersion version_;
};

struct ContainerSize {
  int64_t heap_mib = 0;
  int64_t overhead_mib = 0;
  int64_t offheap_mib = 0;
  int64_t pyspark_mib = 0;
  int64_t requested_mib = 0;  // sum of the above
  int64_t granted_mib = 0;    // after the cluster manager's rounding
  int cores = 1;
};

// Container step in MiB for a cluster manager (YARN: min-allocation from the
// logged Hadoop properties, else 1024; others 1).
int64_t ContainerStepMib(ClusterManager manager,
                         const std::map<std::string, std::string>& hadoop_properties);

ContainerSize ExecutorContainer(const EffectiveConfig& config, ClusterManager manager,
                                int64_t step_mib);
ContainerSize DriverContainer(const EffectiveConfig& config, ClusterManager manager,
                              int64_t step_mib);

}  // namespace sparktune::engine
