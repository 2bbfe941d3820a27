#include "engine/memory/container_size.h"

#include <algorithm>
#include <cmath>

#include "data/base/units.h"
#include "data/config/config_catalog.h"

namespace sparktune::engine {

namespace keys = config::keys;

const char* ClusterManagerName(ClusterManager manager) {
  switch (manager) {
    case ClusterManager::kYarn:
      return "yarn";
    case ClusterManager::kKubernetes:
      return "kubernetes";
    case ClusterManager::kStandalone:
      return "standalone";
    case ClusterManager::kLocal:
      return "local";
    case ClusterManager::kMesos:
      return "mesos";
    case ClusterManager::kUnknown:
      return "unknown";
  }
  return "unknown";
}

ClusterManager ClusterManagerFromMaster(const std::string& master) {
  if (master.starts_with("yarn")) return ClusterManager::kYarn;
  if (master.starts_with("k8s://")) return ClusterManager::kKubernetes;
  if (master.starts_with("spark://")) return ClusterManager::kStandalone;
  // local-cluster[N,cores,memMiB] starts a standalone Master and N Workers in separate JVMs
  // (SparkContext.createTaskScheduler's LOCAL_CLUSTER_REGEX, Spark 1.x-4.x): executors are
  // real processes with their own heap, as on a standalone cluster, not the driver's threads.
  if (master.starts_with("local-cluster")) return ClusterManager::kStandalone;
  if (master.starts_with("local")) return ClusterManager::kLocal;
  if (master.starts_with("mesos://")) return ClusterManager::kMesos;
  return ClusterManager::kUnknown;
}

EffectiveConfig EffectiveConfig::FromApplication(const model::Application& app) {
  return EffectiveConfig(app.spark_properties, app.spark_version);
}

std::string EffectiveConfig::Get(const std::string& key) const {
  auto it = properties_.find(key);
  if (it != properties_.end()) return it->second;
  const config::ConfigKey* k = config::FindKey(key);
  if (k == nullptr) return "";
  auto d = config::DefaultFor(*k, version_);
  return d ? std::string(*d) : "";
}

int64_t EffectiveConfig::GetBytes(const std::string& key) const {
  const config::ConfigKey* k = config::FindKey(key);
  char unit = k ? k->bytes_unit : 'b';
  auto parsed = config::ParseBytes(Get(key), unit);
  if (parsed.ok()) return *parsed;
  if (k) {
    auto d = config::DefaultFor(*k, version_);
    if (d) {
      auto fallback = config::ParseBytes(*d, unit);
      if (fallback.ok()) return *fallback;
    }
  }
  return 0;
}

int64_t EffectiveConfig::GetInt(const std::string& key, int64_t fallback) const {
  std::string v = Get(key);
  if (v.empty()) return fallback;
  char* end = nullptr;
  long long n = std::strtoll(v.c_str(), &end, 10);
  return end == v.c_str() ? fallback : n;
}

double EffectiveConfig::GetDouble(const std::string& key, double fallback) const {
  std::string v = Get(key);
  if (v.empty()) return fallback;
  char* end = nullptr;
  double d = std::strtod(v.c_str(), &end);
  return end == v.c_str() ? fallback : d;
}

bool EffectiveConfig::GetBool(const std::string& key, bool fallback) const {
  std::string v = Get(key);
  if (v == "true" || v == "TRUE" || v == "True") return true;
  if (v == "false" || v == "FALSE" || v == "False") return false;
  return fallback;
}

int64_t ContainerStepMib(ClusterManager manager,
                         const std::map<std::string, std::string>& hadoop_properties) {
  if (manager != ClusterManager::kYarn) return 1;
  auto it = hadoop_properties.find(std::string(keys::kYarnMinAllocationMb));
  if (it != hadoop_properties.end()) {
    long long v = std::strtoll(it->second.c_str(), nullptr, 10);
    if (v > 0) return v;
  }
  return 1024;
}

namespace {

using units::kMib;
// Fixed minimum overhead before 4.0 (ResourceProfile.MEMORY_OVERHEAD_MIN_MIB).
constexpr int64_t kLegacyMinOverheadMib = 384;

int64_t RoundUp(int64_t value, int64_t step) {
  if (step <= 1) return value;
  return (value + step - 1) / step * step;
}

double OverheadFactor(const EffectiveConfig& c, ClusterManager manager,
                      const std::string& factor_key) {
  if (c.version().AtLeast(3, 3) && c.IsSet(factor_key)) return c.GetDouble(factor_key, 0.1);
  if (manager == ClusterManager::kKubernetes &&
      c.IsSet(std::string(keys::kKubernetesMemoryOverheadFactor)))
    return c.GetDouble(std::string(keys::kKubernetesMemoryOverheadFactor), 0.1);
  return c.GetDouble(factor_key, 0.1);
}

ContainerSize Size(const EffectiveConfig& c, ClusterManager manager, int64_t step_mib,
                   const std::string& memory_key, const std::string& overhead_key,
                   const std::string& factor_key, const std::string& min_overhead_key,
                   bool executor) {
  ContainerSize s;
  s.heap_mib = c.GetBytes(memory_key) / kMib;
  if (c.IsSet(overhead_key)) {
    s.overhead_mib = c.GetBytes(overhead_key) / kMib;
  } else {
    int64_t min_overhead =
        c.version().AtLeast(4, 0) ? c.GetBytes(min_overhead_key) / kMib : kLegacyMinOverheadMib;
    s.overhead_mib = std::max<int64_t>(static_cast<int64_t>(OverheadFactor(c, manager, factor_key) *
                                                            static_cast<double>(s.heap_mib)),
                                       min_overhead);
  }
  if (executor) {
    if (c.GetBool(std::string(keys::kOffHeapEnabled), false) &&
        (c.version().AtLeast(3, 0) || !c.version().known()))
      s.offheap_mib = c.GetBytes(std::string(keys::kOffHeapSize)) / kMib;
    if (c.IsSet(std::string(keys::kExecutorPysparkMemory)))
      s.pyspark_mib = c.GetBytes(std::string(keys::kExecutorPysparkMemory)) / kMib;
    s.cores = static_cast<int>(c.GetInt(std::string(keys::kExecutorCores), 1));
  } else {
    s.cores = static_cast<int>(c.GetInt(std::string(keys::kDriverCores), 1));
  }
  s.requested_mib = s.heap_mib + s.overhead_mib + s.offheap_mib + s.pyspark_mib;
  s.granted_mib = RoundUp(s.requested_mib, step_mib);
  return s;
}

}  // namespace

ContainerSize ExecutorContainer(const EffectiveConfig& config, ClusterManager manager,
                                int64_t step_mib) {
  return Size(config, manager, step_mib, std::string(keys::kExecutorMemory),
              std::string(keys::kExecutorMemoryOverhead),
              std::string(keys::kExecutorMemoryOverheadFactor),
              std::string(keys::kExecutorMinMemoryOverhead), true);
}

ContainerSize DriverContainer(const EffectiveConfig& config, ClusterManager manager,
                              int64_t step_mib) {
  return Size(config, manager, step_mib, std::string(keys::kDriverMemory),
              std::string(keys::kDriverMemoryOverhead),
              std::string(keys::kDriverMemoryOverheadFactor),
              std::string(keys::kDriverMinMemoryOverhead), false);
}

}  // namespace sparktune::engine
