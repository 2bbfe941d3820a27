#include "advisor/recommend/config_change.h"

#include "advisor/search/search_space.h"
#include "data/base/unit_format.h"
#include "data/config/config_catalog.h"

namespace sparktune::advisor {

namespace {

namespace keys = config::keys;

// The catalog default of `key` for the job's version, or "".
std::string DefaultOf(const engine::EffectiveConfig& job, const std::string& key) {
  const config::ConfigKey* k = config::FindKey(key);
  if (k == nullptr) return "";
  std::optional<std::string_view> d = config::DefaultFor(*k, job.version());
  return d ? std::string(*d) : "";
}

bool Same(const std::string& key, const std::string& a, const std::string& b) {
  return search::CanonicalValue(key, a) == search::CanonicalValue(key, b);
}

std::string Quoted(const std::string& key, int64_t value) {
  return key + "=" + std::to_string(value);
}

}  // namespace

const char* ChangeKindName(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::kAdd:
      return "add";
    case ChangeKind::kUpdate:
      return "update";
    case ChangeKind::kRemove:
      return "remove";
  }
  return "update";
}

std::vector<ProposedChange> ClassifyChanges(const engine::EffectiveConfig& job,
                                            const ConfigMap& proposed) {
  std::vector<ProposedChange> out;
  for (const auto& [key, value] : proposed) {
    const std::string current = job.Get(key);  // as set, else the version default
    if (Same(key, value, current)) continue;   // already in force: no advice
    ProposedChange c{.key = key, .current = current, .proposed = value};
    if (!job.IsSet(key)) {
      c.kind = ChangeKind::kAdd;
    } else {
      const std::string def = DefaultOf(job, key);
      c.kind = !def.empty() && Same(key, value, def) ? ChangeKind::kRemove : ChangeKind::kUpdate;
    }
    out.push_back(std::move(c));
  }
  return out;
}

std::string DescribeValue(const std::string& key, const std::string& value) {
  if (value.empty()) return "unset";
  const config::ConfigKey* k = config::FindKey(key);
  if (k == nullptr) return value;
  if (k->type == config::ValueType::kBytes) {
    auto bytes = config::ParseBytes(value, k->bytes_unit);
    if (bytes.ok() && *bytes >= 0) return value + " (" + units::FormatBytes(*bytes) + ")";
  } else if (k->type == config::ValueType::kDuration) {
    auto ms = config::ParseDurationMs(value, k->time_unit);
    if (ms.ok() && *ms >= 0) return value + " (" + units::FormatDurationMs(*ms) + ")";
  }
  return value;
}

Status ValidateCombination(const engine::EffectiveConfig& config,
                           const search::ClusterLimits& limits, engine::ClusterManager manager) {
  const std::string da_min(keys::kDynamicAllocationMinExecutors);
  const std::string da_max(keys::kDynamicAllocationMaxExecutors);
  const std::string da_initial(keys::kDynamicAllocationInitialExecutors);
  const std::string instances(keys::kExecutorInstances);
  if (config.GetBool(std::string(keys::kDynamicAllocationEnabled), false)) {
    const int64_t min = config.GetInt(da_min, 0);
    const int64_t max = config.GetInt(da_max, INT32_MAX);
    if (min < 0 || max <= 0) {
      return Status::InvalidArgument("dynamic allocation needs " + da_min + " >= 0 and " + da_max +
                                     " > 0, got " + Quoted(da_min, min) + ", " +
                                     Quoted(da_max, max));
    }
    if (min > max) {
      return Status::InvalidArgument(Quoted(da_min, min) + " is above " + Quoted(da_max, max));
    }
    if (config.IsSet(da_initial)) {
      const int64_t initial = config.GetInt(da_initial, min);
      if (initial < min || initial > max) {
        return Status::InvalidArgument(Quoted(da_initial, initial) + " is outside [" +
                                       std::to_string(min) + ", " + std::to_string(max) + "]");
      }
    }
    if (config.IsSet(instances) && config.GetInt(instances, min) < min) {
      return Status::InvalidArgument(Quoted(instances, config.GetInt(instances, min)) +
                                     " is below " + Quoted(da_min, min) +
                                     ": Spark ignores it under dynamic allocation");
    }
  }
  const std::string cores_key(keys::kExecutorCores);
  const int64_t cores = config.GetInt(cores_key, 1);
  if (limits.cores_per_node > 0 && cores > limits.cores_per_node) {
    return Status::InvalidArgument(Quoted(cores_key, cores) + " is above the node's " +
                                   std::to_string(limits.cores_per_node) + " cores");
  }
  if (limits.largest_container_mib > 0) {
    engine::ContainerSize c = engine::ExecutorContainer(config, manager, 1);
    if (c.requested_mib > limits.largest_container_mib) {
      return Status::InvalidArgument(
          "executor container of " + std::to_string(c.requested_mib) + " MiB (heap " +
          std::to_string(c.heap_mib) + " + overhead " + std::to_string(c.overhead_mib) +
          (c.offheap_mib + c.pyspark_mib > 0
               ? " + off-heap/PySpark " + std::to_string(c.offheap_mib + c.pyspark_mib)
               : "") +
          ") is above the largest container the cluster grants, " +
          std::to_string(limits.largest_container_mib) + " MiB");
    }
  }
  return Status::Ok();
}

}  // namespace sparktune::advisor
