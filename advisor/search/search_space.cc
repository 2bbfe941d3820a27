#include "advisor/search/search_space.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <span>

#include "data/base/text.h"
#include "data/base/units.h"
#include "data/config/config_catalog.h"

namespace sparktune::search {

namespace keys = config::keys;

namespace {

using units::kMib;
// Heap ladder (MiB) and how far from the log's heap it reaches: x1/4 .. x4.
constexpr int64_t kMemoryLadderMib[] = {512,   768,   1024,  1536,  2048,  3072,
                                        4096,  6144,  8192,  12288, 16384, 24576,
                                        32768, 49152, 65536, 98304, 131072};
constexpr double kMemoryReach = 4.0;
// No heap below 1 GiB is proposed (unless the log ran below it): Spark
// reserves 300 MiB of every heap (UnifiedMemoryManager), so a smaller heap
// leaves tasks a sliver of memory, and the simulator's GC model has no
// evidence from such heaps.
constexpr int64_t kMinProposedHeapMib = 1024;
constexpr int kCoreLadder[] = {1, 2, 3, 4, 5, 6, 8};
// Shuffle partitions: the log's count times these factors.
constexpr double kPartitionFactors[] = {0.125, 0.25, 0.5, 1, 2, 4, 8};
constexpr int64_t kMaxShufflePartitions = 100000;
// Broadcast thresholds (MiB; -1 = broadcast off). eBay's join case needed 20 MB.
constexpr int64_t kBroadcastMib[] = {-1, 10, 32, 64, 128, 256};
constexpr int64_t kAdvisoryMib[] = {16, 32, 64, 128, 256};
constexpr int64_t kSkewThresholdMib[] = {64, 128, 256, 512};
constexpr const char* kSkewFactors[] = {"2", "5", "10"};
constexpr int64_t kMaxPartitionBytesMib[] = {32, 64, 128, 256, 512};

bool Available(std::string_view key, const SparkVersion& version) {
  const config::ConfigKey* k = config::FindKey(key);
  return k != nullptr && k->tunable && !config::IsNewerThan(*k, version) &&
         !config::IsRemovedIn(*k, version);
}

// Adds `value` unless a value canonically equal is there; returns its index.
int AddValue(Dimension& d, const std::string& value) {
  std::string canon = CanonicalValue(d.key, value);
  for (size_t i = 0; i < d.values.size(); ++i) {
    if (CanonicalValue(d.key, d.values[i]) == canon) return static_cast<int>(i);
  }
  d.values.push_back(value);
  return static_cast<int>(d.values.size() - 1);
}

// Orders a dimension's values ascending by a numeric reading of the canonical
// value (bools: false < true; the empty "unset" first) and fixes observed_index.
void SortValues(Dimension& d) {
  std::string observed = d.values[d.observed_index];
  auto rank = [&](const std::string& v) {
    if (v.empty()) return -1e300;
    std::string c = CanonicalValue(d.key, v);
    if (c == "false") return 0.0;
    if (c == "true") return 1.0;
    char* end = nullptr;
    double x = std::strtod(c.c_str(), &end);
    return end != c.c_str() ? x : 0.0;
  };
  std::stable_sort(d.values.begin(), d.values.end(),
                   [&](const std::string& a, const std::string& b) { return rank(a) < rank(b); });
  d.observed_index =
      static_cast<int>(std::find(d.values.begin(), d.values.end(), observed) - d.values.begin());
}

// A dimension whose log value is what `observed` has in force ("" when unset
// with no default).
Dimension Start(const engine::EffectiveConfig& observed, std::string_view key) {
  Dimension d;
  d.key = std::string(key);
  std::string v = observed.Get(d.key);
  d.values.push_back(v);
  d.observed_index = 0;
  return d;
}

}  // namespace

std::string CanonicalValue(const std::string& key, const std::string& value) {
  std::string v(text::TrimWhitespace(value));
  const config::ConfigKey* k = config::FindKey(key);
  if (k == nullptr || v.empty()) return v;
  switch (k->type) {
    case config::ValueType::kBytes: {
      if (v == "-1") return "-1";
      auto b = config::ParseBytes(v, k->bytes_unit);
      return b.ok() ? std::to_string(*b) : v;
    }
    case config::ValueType::kDuration: {
      auto ms = config::ParseDurationMs(v, k->time_unit);
      return ms.ok() ? std::to_string(*ms) + "ms" : v;
    }
    case config::ValueType::kBool: {
      auto b = config::ParseBool(v);
      return b.ok() ? (*b ? "true" : "false") : v;
    }
    case config::ValueType::kInt: {
      char* end = nullptr;
      long long x = std::strtoll(v.c_str(), &end, 10);
      return end && *end == '\0' ? std::to_string(x) : v;
    }
    case config::ValueType::kDouble: {
      char* end = nullptr;
      double x = std::strtod(v.c_str(), &end);
      if (!end || *end != '\0') return v;
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.12g", x);
      return buf;
    }
    case config::ValueType::kEnum:
      return text::AsciiLower(v);
    case config::ValueType::kString:
      return v;
  }
  return v;
}

ConfigMap DropUnchanged(const engine::EffectiveConfig& observed, const ConfigMap& overrides) {
  ConfigMap out;
  for (const auto& [k, v] : overrides) {
    if (CanonicalValue(k, v) != CanonicalValue(k, observed.Get(k))) out[k] = v;
  }
  return out;
}

std::string CanonicalKey(const ConfigMap& overrides) {
  std::string s;
  for (const auto& [k, v] : overrides) {
    s += k;
    s += '=';
    s += CanonicalValue(k, v);
    s += '\n';
  }
  return s;
}

SearchSpace SearchSpace::Build(const engine::EffectiveConfig& observed,
                               const ClusterLimits& limits) {
  const SparkVersion& version = observed.version();
  std::vector<Dimension> dims;
  auto push = [&](Dimension d) {
    SortValues(d);
    if (d.values.size() > 1) dims.push_back(std::move(d));
  };

  // Executor memory.
  if (Available(keys::kExecutorMemory, version)) {
    Dimension d = Start(observed, keys::kExecutorMemory);
    int64_t obs_mib = std::max<int64_t>(1, observed.GetBytes(d.key) / kMib);
    std::vector<int64_t> ladder;
    if (!limits.memory_steps_mib.empty()) {
      ladder = limits.memory_steps_mib;
    } else {
      for (int64_t m : kMemoryLadderMib) {
        if (m >= obs_mib / kMemoryReach && m <= obs_mib * kMemoryReach &&
            m >= std::min(obs_mib, kMinProposedHeapMib))
          ladder.push_back(m);
      }
    }
    for (int64_t m : ladder) {
      // The container of this heap with Spark's default overhead must fit.
      int64_t container = m + std::max<int64_t>(384, m / 10);
      if (limits.largest_container_mib > 0 && container > limits.largest_container_mib) continue;
      AddValue(d, config::FormatSizeSetting(m * kMib));
    }
    push(std::move(d));
  }
  // Executor cores.
  if (Available(keys::kExecutorCores, version)) {
    Dimension d = Start(observed, keys::kExecutorCores);
    for (int c : kCoreLadder) {
      if (limits.cores_per_node > 0 && c > limits.cores_per_node) continue;
      AddValue(d, std::to_string(c));
    }
    push(std::move(d));
  }
  // Memory overhead: only lowered toward Spark's default when the log set it above.
  if (Available(keys::kExecutorMemoryOverhead, version) &&
      observed.IsSet(std::string(keys::kExecutorMemoryOverhead))) {
    Dimension d = Start(observed, keys::kExecutorMemoryOverhead);
    int64_t obs = observed.GetBytes(d.key) / kMib;
    int64_t heap = observed.GetBytes(std::string(keys::kExecutorMemory)) / kMib;
    int64_t floor_mib = std::max<int64_t>(384, heap / 10);
    for (int64_t m = obs / 2; m >= floor_mib; m /= 2)
      AddValue(d, config::FormatSizeSetting(m * kMib));
    if (obs > floor_mib) AddValue(d, config::FormatSizeSetting(floor_mib * kMib));
    push(std::move(d));
  }
  // Shuffle partitions.
  if (Available(keys::kSqlShufflePartitions, version)) {
    Dimension d = Start(observed, keys::kSqlShufflePartitions);
    int64_t obs = observed.GetInt(d.key, 200);
    for (double f : kPartitionFactors) {
      int64_t n =
          std::clamp<int64_t>(std::llround(static_cast<double>(obs) * f), 1, kMaxShufflePartitions);
      AddValue(d, std::to_string(n));
    }
    push(std::move(d));
  }
  bool aqe_obs = observed.GetBool(std::string(keys::kAdaptiveEnabled), false);
  bool aqe_possible = aqe_obs;
  if (!aqe_obs && Available(keys::kAdaptiveEnabled, version) && version.major >= 3) {
    Dimension d = Start(observed, keys::kAdaptiveEnabled);
    AddValue(d, "true");
    push(std::move(d));
    aqe_possible = true;
  }
  auto sizes = [&](std::string_view key, std::span<const int64_t> mib_list) {
    Dimension d = Start(observed, key);
    for (int64_t m : mib_list) AddValue(d, m < 0 ? "-1" : config::FormatSizeSetting(m * kMib));
    push(std::move(d));
  };
  if (Available(keys::kAutoBroadcastJoinThreshold, version))
    sizes(keys::kAutoBroadcastJoinThreshold, kBroadcastMib);
  if (aqe_possible) {
    if (Available(keys::kAdaptiveAutoBroadcastJoinThreshold, version))
      sizes(keys::kAdaptiveAutoBroadcastJoinThreshold, kBroadcastMib);
    if (Available(keys::kAdaptiveAdvisoryPartitionSize, version))
      sizes(keys::kAdaptiveAdvisoryPartitionSize, kAdvisoryMib);
    if (Available(keys::kAdaptiveSkewJoinEnabled, version)) {
      Dimension d = Start(observed, keys::kAdaptiveSkewJoinEnabled);
      AddValue(d, "true");
      AddValue(d, "false");
      push(std::move(d));
    }
    if (Available(keys::kAdaptiveSkewedPartitionThreshold, version))
      sizes(keys::kAdaptiveSkewedPartitionThreshold, kSkewThresholdMib);
    if (Available(keys::kAdaptiveSkewedPartitionFactor, version)) {
      Dimension d = Start(observed, keys::kAdaptiveSkewedPartitionFactor);
      for (const char* f : kSkewFactors) AddValue(d, f);
      push(std::move(d));
    }
  }
  // Dynamic allocation bound, when the log uses dynamic allocation.
  if (observed.GetBool(std::string(keys::kDynamicAllocationEnabled), false) &&
      Available(keys::kDynamicAllocationMaxExecutors, version)) {
    Dimension d = Start(observed, keys::kDynamicAllocationMaxExecutors);
    int64_t obs = observed.GetInt(d.key, 0);
    int64_t cap = limits.max_executors > 0 ? limits.max_executors : 100000;
    if (obs <= 0 || obs >= 100000) obs = std::min<int64_t>(cap, 100);
    for (double f : {0.25, 0.5, 1.0, 2.0, 4.0}) {
      int64_t n = std::clamp<int64_t>(std::llround(static_cast<double>(obs) * f), 1, cap);
      AddValue(d, std::to_string(n));
    }
    push(std::move(d));
  }
  if (Available(keys::kFilesMaxPartitionBytes, version))
    sizes(keys::kFilesMaxPartitionBytes, kMaxPartitionBytesMib);
  return SearchSpace(observed, std::move(dims));
}

Point SearchSpace::ObservedPoint() const {
  Point p;
  for (const Dimension& d : dims_) p.push_back(d.observed_index);
  return p;
}

double SearchSpace::Size() const {
  double n = 1;
  for (const Dimension& d : dims_) n *= static_cast<double>(d.values.size());
  return n;
}

ConfigMap SearchSpace::Materialize(const Point& p) const {
  ConfigMap out;
  for (size_t i = 0; i < dims_.size() && i < p.size(); ++i) {
    const Dimension& d = dims_[i];
    if (p[i] == d.observed_index) continue;
    const std::string& v = d.values[p[i]];
    if (!v.empty()) out[d.key] = v;
  }
  return DropUnchanged(observed_, out);
}

std::vector<double> SearchSpace::Normalize(const Point& p) const {
  std::vector<double> x(p.size(), 0.0);
  for (size_t i = 0; i < p.size() && i < dims_.size(); ++i) {
    size_t n = dims_[i].values.size();
    x[i] = n > 1 ? static_cast<double>(p[i]) / static_cast<double>(n - 1) : 0.0;
  }
  return x;
}

}  // namespace sparktune::search
