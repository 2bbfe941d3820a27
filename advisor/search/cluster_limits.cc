#include "advisor/search/cluster_limits.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <utility>
#include <vector>

#include "data/config/config_catalog.h"

namespace sparktune::search {

namespace {

Result<int64_t> SizeMib(const nlohmann::json& v, const std::string& where) {
  if (v.is_number_integer() && v.get<int64_t>() > 0) return v.get<int64_t>();  // bare number: MiB
  if (v.is_string()) {
    auto bytes = config::ParseBytes(v.get<std::string>(), 'm');
    if (bytes.ok() && *bytes > 0) return *bytes / (1024 * 1024);
  }
  return Status::InvalidArgument(
      where + ": expected a size such as \"64g\" or a number of MiB, got " + v.dump());
}

}  // namespace

Result<ClusterLimits> ParseClusterLimits(const std::string& json_text,
                                         const std::string& file_name) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(json_text);
  } catch (const nlohmann::json::exception& e) {
    return Status::InvalidArgument(file_name + ": not valid JSON (" + e.what() + ")");
  }
  if (!j.is_object()) return Status::InvalidArgument(file_name + ": expected a JSON object");
  ClusterLimits limits;
  limits.source = file_name;
  for (auto& [key, v] : j.items()) {
    std::string where = file_name + ": " + key;
    if (key == "largestContainer") {
      SPARKTUNE_ASSIGN_OR_RETURN(limits.largest_container_mib, SizeMib(v, where));
    } else if (key == "coresPerNode") {
      if (!v.is_number_integer() || v.get<int64_t>() < 1 || v.get<int64_t>() > 4096)
        return Status::InvalidArgument(where + ": expected a whole number of cores (1-4096), got " +
                                       v.dump());
      limits.cores_per_node = v.get<int>();
    } else if (key == "memorySteps") {
      if (!v.is_array() || v.empty())
        return Status::InvalidArgument(
            where + ": expected a non-empty list of sizes such as [\"4g\", \"8g\"]");
      for (size_t i = 0; i < v.size(); ++i) {
        SPARKTUNE_ASSIGN_OR_RETURN(int64_t mib,
                                   SizeMib(v[i], where + "[" + std::to_string(i) + "]"));
        limits.memory_steps_mib.push_back(mib);
      }
      std::sort(limits.memory_steps_mib.begin(), limits.memory_steps_mib.end());
      limits.memory_steps_mib.erase(
          std::unique(limits.memory_steps_mib.begin(), limits.memory_steps_mib.end()),
          limits.memory_steps_mib.end());
    } else if (key == "maxExecutors") {
      if (!v.is_number_integer() || v.get<int64_t>() < 1 || v.get<int64_t>() > 1000000)
        return Status::InvalidArgument(where + ": expected a whole number of executors, got " +
                                       v.dump());
      limits.max_executors = v.get<int>();
    } else {
      return Status::InvalidArgument(
          file_name + ": unknown field '" + key +
          "' (expected largestContainer, coresPerNode, memorySteps, maxExecutors)");
    }
  }
  return limits;
}

Result<ClusterLimits> LoadClusterLimits(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open cluster profile " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return ParseClusterLimits(text.str(), path);
}

int ObservedCoresPerNode(const model::Application& app) {
  // The most cores alive at once on one host: a sweep over executor
  // add/remove times (dynamic allocation replaces executors over time).
  std::map<std::string, std::vector<std::pair<int64_t, int>>> edges;
  for (const model::Executor& e : app.executors) {
    if (e.is_driver() || !e.seen_executor_added) continue;
    int cores = std::max(0, e.total_cores);
    edges[e.host].push_back({e.add_time, cores});
    if (e.remove_time >= 0) edges[e.host].push_back({e.remove_time, -cores});
  }
  int best = 0;
  for (auto& [host, list] : edges) {
    // Removals before additions at the same instant.
    std::sort(list.begin(), list.end());
    int cur = 0;
    for (auto& [t, d] : list) best = std::max(best, cur += d);
  }
  return best;
}

}  // namespace sparktune::search
