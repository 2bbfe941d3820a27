// Peer baselines of optimize_choice_bench (issue 14, item 3): what two tools
// users compare sparktune with would choose from the same base run's log,
// mapped to the nearest of the same candidate configs. Re-implemented from
// their documented rules (not their code), CPU side only, with no cluster
// information (as both run without it):
//
//   AutoTuner (NVIDIA spark-rapids-tools, tuning/AutoTuner.scala):
//     AQE on with advisoryPartitionSizeInBytes 128m and
//     coalescePartitions.parallelismFirst=false; spark.sql.shuffle.partitions
//     doubled when tasks spilled and no stage is skewed (max task > 3x the
//     stage median), then raised to the largest stage shuffle / 128 MiB.
//     Executor memory per core needs the cluster's memory per core, which
//     the AutoTuner prints as [FILL_IN_VALUE] without it: kept as logged.
//   DataFlint alerts: executor memory peak above 95% of the executor's
//     memory -> +20%; below 70% -> peak x 1.2. The peak is estimated from
//     the log as (largest task peak execution memory x executor cores) over
//     Spark's unified memory pool, 0.6 x (heap - 300 MiB)
//     (UnifiedMemoryManager, 1.6-4.x), since the ground truth's logs carry
//     no JVM heap peak per executor.
//
// Nearest candidate: the smallest sum over the baseline's keys of
// |log2(candidate / wanted)| for numbers and sizes, 1 for another string;
// ties go to the candidate closest to the base run's own config (a tool
// changes only the properties it names).
#pragma once

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "advisor/search/search_space.h"
#include "data/base/stats.h"
#include "data/config/config_catalog.h"
#include "engine/memory/container_size.h"

namespace sparktune::bench {

using search::ConfigMap;

struct LogSignals {
  bool spilled = false;
  bool skewed = false;
  double max_stage_shuffle_bytes = 0;
  double max_task_peak_bytes = 0;
};

inline LogSignals SignalsOf(const model::Application& app) {
  LogSignals s;
  std::map<int, std::vector<double>> durations;
  std::map<int, double> shuffle;
  for (const model::Task& t : app.tasks) {
    if (!t.has_metrics) continue;
    s.spilled |= t.metrics.memory_bytes_spilled > 0 || t.metrics.disk_bytes_spilled > 0;
    s.max_task_peak_bytes =
        std::max(s.max_task_peak_bytes, static_cast<double>(t.metrics.peak_execution_memory));
    durations[t.stage_id].push_back(static_cast<double>(t.duration()));
    shuffle[t.stage_id] += static_cast<double>(t.metrics.shuffle_read_bytes());
  }
  for (auto& [stage, d] : durations) {
    double median = stats::Median(d);
    double max = *std::max_element(d.begin(), d.end());
    if (d.size() >= 4 && median > 0 && max > 3 * median) s.skewed = true;
  }
  for (auto& [stage, bytes] : shuffle)
    s.max_stage_shuffle_bytes = std::max(s.max_stage_shuffle_bytes, bytes);
  return s;
}

inline constexpr double kAutoTunerTargetBytes = 128.0 * 1024 * 1024;

inline ConfigMap AutoTunerWants(const engine::EffectiveConfig& base, const LogSignals& s) {
  namespace keys = config::keys;
  ConfigMap want;
  double partitions =
      static_cast<double>(base.GetInt(std::string(keys::kSqlShufflePartitions), 200));
  if (s.spilled && !s.skewed) partitions *= 2;
  partitions = std::max(partitions, std::ceil(s.max_stage_shuffle_bytes / kAutoTunerTargetBytes));
  want[std::string(keys::kSqlShufflePartitions)] = std::to_string(static_cast<int64_t>(partitions));
  want[std::string(keys::kAdaptiveEnabled)] = "true";
  want[std::string(keys::kAdaptiveAdvisoryPartitionSize)] = "128m";
  want[std::string(keys::kExecutorMemory)] = base.Get(std::string(keys::kExecutorMemory));
  return want;
}

inline ConfigMap DataFlintWants(const engine::EffectiveConfig& base, const LogSignals& s) {
  namespace keys = config::keys;
  const double mib = 1024.0 * 1024;
  double heap = static_cast<double>(base.GetBytes(std::string(keys::kExecutorMemory)));
  double cores = static_cast<double>(base.GetInt(std::string(keys::kExecutorCores), 1));
  double pool = 0.6 * std::max(heap - 300 * mib, 1.0);
  double ratio = s.max_task_peak_bytes * cores / pool;
  double wanted = heap;
  if (ratio > 0.95)
    wanted = heap * 1.2;
  else if (ratio < 0.70)
    wanted = std::max(heap * ratio * 1.2, 512 * mib);
  ConfigMap want;
  want[std::string(keys::kExecutorMemory)] =
      std::to_string(static_cast<int64_t>(wanted / mib)) + "m";
  return want;
}

inline double Distance(const std::string& key, const std::string& have, const std::string& want) {
  const config::ConfigKey* k = config::FindKey(key);
  if (k != nullptr &&
      (k->type == config::ValueType::kBytes || k->type == config::ValueType::kInt)) {
    auto a = config::ParseBytes(have, k->bytes_unit), b = config::ParseBytes(want, k->bytes_unit);
    if (a.ok() && b.ok() && *a > 0 && *b > 0)
      return std::abs(std::log2(static_cast<double>(*a) / *b));
  }
  return search::CanonicalValue(key, have) == search::CanonicalValue(key, want) ? 0 : 1;
}

// Index of the candidate nearest to `want`, each read over the base run's config.
inline size_t Nearest(const engine::EffectiveConfig& base, const std::vector<ConfigMap>& candidates,
                      const ConfigMap& want) {
  size_t best = 0;
  double best_d = INFINITY;
  for (size_t c = 0; c < candidates.size(); ++c) {
    engine::EffectiveConfig merged = base;
    for (const auto& [k, v] : candidates[c]) merged.Set(k, v);
    double d = 0;
    for (const auto& [k, v] : want) d += Distance(k, merged.Get(k), v);
    // Keys the tool leaves alone stay as the base run set them: among equally
    // near candidates, the one closest to the base run's own config.
    for (const auto& [k, v] : candidates[c]) {
      if (!want.count(k)) d += 1e-3 * Distance(k, v, base.Get(k));
    }
    if (d < best_d - 1e-12) {
      best = c;
      best_d = d;
    }
  }
  return best;
}

}  // namespace sparktune::bench
