#include "data/config/config_catalog.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <string>

namespace sparktune::config {

namespace {

SparkVersion V(int major, int minor, int patch = 0) { return SparkVersion{major, minor, patch, ""}; }
std::vector<VersionedDefault> Always(std::string_view value) { return {{V(0, 0), value}}; }

// The catalog. Each key is declared once, here. Sources for defaults:
// core/src/main/scala/org/apache/spark/internal/config/package.scala and
// sql/catalyst/src/main/scala/org/apache/spark/sql/internal/SQLConf.scala at the
// versions named (spark-reference.md sections 1.4, 3.1, 4.6, 5).
std::vector<ConfigKey> BuildCatalog() {
  std::vector<ConfigKey> c;
  auto add = [&c](ConfigKey key) { c.push_back(std::move(key)); };

  // --- Executor and driver resources (ResourceProfile, package.scala) ---
  add({.name = keys::kExecutorMemory, .type = ValueType::kBytes, .defaults = Always("1g"),
       .doc = "Heap size of each executor JVM (-Xmx).", .since = "0.7.0", .bytes_unit = 'm',
       .min = 450.0 * 1024 * 1024, .tunable = true});
  add({.name = keys::kExecutorCores, .type = ValueType::kInt, .defaults = Always("1"),
       .doc = "Cores per executor (YARN/K8s default 1; standalone: all worker cores unless set).",
       .since = "1.0.0", .min = 1, .tunable = true});
  add({.name = keys::kExecutorInstances, .type = ValueType::kInt, .defaults = {},
       .doc = "Executors to start without dynamic allocation (YARN/K8s default 2).",
       .since = "1.0.0", .min = 0, .tunable = true});
  add({.name = keys::kExecutorMemoryOverhead, .type = ValueType::kBytes, .defaults = {},
       .doc = "Non-heap memory per executor container; default max(factor x heap, minimum).",
       .since = "2.3.0", .bytes_unit = 'm', .min = 0, .tunable = true});
  add({.name = keys::kExecutorMemoryOverheadFactor, .type = ValueType::kDouble,
       .defaults = Always("0.1"),
       .doc = "Overhead as a fraction of executor memory when memoryOverhead is unset.",
       .since = "3.3.0", .min = 0, .max = 1, .tunable = true});
  add({.name = keys::kExecutorMinMemoryOverhead, .type = ValueType::kBytes,
       .defaults = Always("384m"), .doc = "Minimum executor memory overhead (fixed 384 MiB before 4.0).",
       .since = "4.0.0", .bytes_unit = 'm', .min = 0});
  add({.name = keys::kKubernetesMemoryOverheadFactor, .type = ValueType::kDouble,
       .defaults = Always("0.1"),
       .doc = "Kubernetes overhead factor (0.4 for non-JVM apps unless set).",
       .since = "2.4.0", .min = 0, .max = 1, .deprecated_in = "3.3.0",
       .replaced_by = keys::kExecutorMemoryOverheadFactor});
  add({.name = keys::kExecutorPysparkMemory, .type = ValueType::kBytes, .defaults = {},
       .doc = "Memory for Python workers per executor, added to the container when set.",
       .since = "2.4.0", .bytes_unit = 'm', .min = 0});
  add({.name = keys::kDriverMemory, .type = ValueType::kBytes, .defaults = Always("1g"),
       .doc = "Heap size of the driver JVM.", .since = "1.1.1", .bytes_unit = 'm',
       .min = 450.0 * 1024 * 1024});
  add({.name = keys::kDriverCores, .type = ValueType::kInt, .defaults = Always("1"),
       .doc = "Driver cores (cluster mode).", .since = "1.3.0", .min = 1});
  add({.name = keys::kDriverMemoryOverhead, .type = ValueType::kBytes, .defaults = {},
       .doc = "Non-heap memory of the driver container.", .since = "2.3.0", .bytes_unit = 'm',
       .min = 0});
  add({.name = keys::kDriverMemoryOverheadFactor, .type = ValueType::kDouble,
       .defaults = Always("0.1"), .doc = "Driver overhead fraction.", .since = "3.3.0", .min = 0,
       .max = 1});
  add({.name = keys::kDriverMinMemoryOverhead, .type = ValueType::kBytes,
       .defaults = Always("384m"), .doc = "Minimum driver memory overhead.", .since = "4.0.0",
       .bytes_unit = 'm', .min = 0});
  add({.name = keys::kOffHeapEnabled, .type = ValueType::kBool, .defaults = Always("false"),
       .doc = "Use off-heap memory for execution and storage.", .since = "1.6.0"});
  add({.name = keys::kOffHeapSize, .type = ValueType::kBytes, .defaults = Always("0"),
       .doc = "Off-heap memory per executor; added to the container since 3.0.", .since = "1.6.0",
       .bytes_unit = 'b', .min = 0});
  add({.name = keys::kMemoryFraction, .type = ValueType::kDouble, .defaults = Always("0.6"),
       .doc = "Fraction of (heap - 300 MiB) for execution and storage.", .since = "1.6.0",
       .min = 0, .max = 1});
  add({.name = keys::kMemoryStorageFraction, .type = ValueType::kDouble, .defaults = Always("0.5"),
       .doc = "Storage share of unified memory immune to eviction.", .since = "1.6.0", .min = 0,
       .max = 1});
  add({.name = keys::kTaskCpus, .type = ValueType::kInt, .defaults = Always("1"),
       .doc = "Cores each task occupies.", .since = "0.5.0", .min = 1});
  add({.name = keys::kMaster, .type = ValueType::kString, .defaults = {},
       .doc = "Cluster manager URL (yarn, k8s://..., spark://..., local[N]).", .since = "0.9.0"});
  add({.name = keys::kSubmitDeployMode, .type = ValueType::kEnum, .defaults = Always("client"),
       .doc = "Where the driver runs.", .since = "1.5.0", .choices = {"client", "cluster"}});
  add({.name = keys::kDefaultParallelism, .type = ValueType::kInt, .defaults = {},
       .doc = "Default partitions of RDD shuffles; default total executor cores.", .since = "0.5.0",
       .min = 1});
  // --- SQL and AQE (SQLConf.scala) ---
  add({.name = keys::kSqlShufflePartitions, .type = ValueType::kInt, .defaults = Always("200"),
       .doc = "Partitions of SQL shuffles (the initial count under AQE).", .since = "1.1.0",
       .min = 1, .tunable = true});
  add({.name = keys::kAutoBroadcastJoinThreshold, .type = ValueType::kBytes,
       .defaults = Always("10m"),
       .doc = "Largest estimated side broadcast at planning time; -1 disables.", .since = "1.1.0",
       .bytes_unit = 'b', .min = -1, .tunable = true});
  add({.name = keys::kAdaptiveEnabled, .type = ValueType::kBool,
       .defaults = {{V(0, 0), "false"}, {V(3, 2), "true"}},
       .doc = "Adaptive query execution (on by default since 3.2, SPARK-33679).", .since = "1.6.0",
       .tunable = true});
  add({.name = keys::kAdaptiveCoalesceEnabled, .type = ValueType::kBool, .defaults = Always("true"),
       .doc = "AQE coalesces small post-shuffle partitions.", .since = "3.0.0", .tunable = true});
  add({.name = keys::kAdaptiveAdvisoryPartitionSize, .type = ValueType::kBytes,
       .defaults = Always("64m"), .doc = "AQE target post-shuffle partition size.",
       .since = "3.0.0", .bytes_unit = 'b', .min = 1, .tunable = true});
  add({.name = keys::kAdaptiveSkewJoinEnabled, .type = ValueType::kBool, .defaults = Always("true"),
       .doc = "AQE splits skewed partitions of sort-merge and shuffled-hash joins.",
       .since = "3.0.0", .tunable = true});
  // --- Dynamic allocation (ExecutorAllocationManager) ---
  add({.name = keys::kDynamicAllocationEnabled, .type = ValueType::kBool,
       .defaults = Always("false"), .doc = "Scale executors with the task backlog.",
       .since = "1.2.0", .tunable = true});
  add({.name = keys::kDynamicAllocationMinExecutors, .type = ValueType::kInt,
       .defaults = Always("0"), .doc = "Lower bound of dynamic allocation.", .since = "1.2.0",
       .min = 0, .tunable = true});
  add({.name = keys::kDynamicAllocationMaxExecutors, .type = ValueType::kInt,
       .defaults = Always("2147483647"), .doc = "Upper bound of dynamic allocation.",
       .since = "1.2.0", .min = 0, .tunable = true});
  // --- Not Spark's, but read from Hadoop properties for YARN container rounding ---
  add({.name = keys::kYarnMinAllocationMb, .type = ValueType::kInt, .defaults = Always("1024"),
       .doc = "YARN CapacityScheduler container step (MiB); read from Hadoop Properties.",
       .since = "0.0.0", .min = 1});
  return c;
}

const std::vector<ConfigKey>& CatalogVector() {
  static const std::vector<ConfigKey> catalog = BuildCatalog();
  return catalog;
}

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t sub = prev[j - 1] + (std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                                          std::tolower(static_cast<unsigned char>(b[j - 1]))
                                      ? 0
                                      : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return out;
}

// Splits "123.5gb" into number and suffix; both trimmed.
bool SplitNumberSuffix(std::string_view text, double* number, std::string* suffix) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  size_t i = 0;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
  while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.')) ++i;
  if (i == 0 || (i == 1 && (text[0] == '-' || text[0] == '+'))) return false;
  std::string num(text.substr(0, i));
  char* end = nullptr;
  *number = std::strtod(num.c_str(), &end);
  if (end != num.c_str() + num.size()) return false;
  *suffix = Lower(text.substr(i));
  while (!suffix->empty() && std::isspace(static_cast<unsigned char>(suffix->front()))) suffix->erase(0, 1);
  return true;
}

}  // namespace

std::span<const ConfigKey> Catalog() { return CatalogVector(); }

const ConfigKey* FindKey(std::string_view name) {
  for (const ConfigKey& key : CatalogVector()) {
    if (key.name == name) return &key;
  }
  return nullptr;
}

std::optional<std::string_view> DefaultFor(const ConfigKey& key, const SparkVersion& version) {
  if (key.defaults.empty()) return std::nullopt;
  const VersionedDefault* chosen = &key.defaults.front();
  for (const VersionedDefault& row : key.defaults) {
    if (!version.known() || row.since <= version) chosen = &row;
  }
  if (chosen->value.empty()) return std::nullopt;
  return chosen->value;
}

std::vector<std::string_view> SuggestKeys(std::string_view name, size_t max_suggestions) {
  std::vector<std::pair<size_t, std::string_view>> scored;
  for (const ConfigKey& key : CatalogVector()) {
    size_t d = EditDistance(name, key.name);
    if (d <= std::max<size_t>(3, name.size() / 4)) scored.emplace_back(d, key.name);
  }
  std::sort(scored.begin(), scored.end());
  std::vector<std::string_view> out;
  for (size_t i = 0; i < scored.size() && i < max_suggestions; ++i) out.push_back(scored[i].second);
  return out;
}

Result<int64_t> ParseBytes(std::string_view text, char default_unit) {
  double number = 0;
  std::string suffix;
  if (!SplitNumberSuffix(text, &number, &suffix)) {
    return Status::InvalidArgument("expected a size such as 4g, 512m or 1024, got '" +
                                   std::string(text) + "'");
  }
  if (suffix.empty()) suffix = std::string(1, default_unit);
  if (suffix.size() > 1 && suffix.back() == 'b') suffix.pop_back();            // "gb" -> "g"
  if (suffix.size() > 1 && suffix.substr(suffix.size() - 2) == "ib") suffix.resize(suffix.size() - 2);
  double mult = 0;
  if (suffix == "b" || suffix.empty()) mult = 1;
  else if (suffix == "k") mult = 1024.0;
  else if (suffix == "m") mult = 1024.0 * 1024;
  else if (suffix == "g") mult = 1024.0 * 1024 * 1024;
  else if (suffix == "t") mult = 1024.0 * 1024 * 1024 * 1024;
  else if (suffix == "p") mult = 1024.0 * 1024 * 1024 * 1024 * 1024;
  else {
    return Status::InvalidArgument("unknown size unit '" + suffix + "' in '" + std::string(text) +
                                   "' (expected b, k, m, g, t or p)");
  }
  return static_cast<int64_t>(number * mult);
}

Result<int64_t> ParseDurationMs(std::string_view text, char default_unit) {
  double number = 0;
  std::string suffix;
  if (!SplitNumberSuffix(text, &number, &suffix)) {
    return Status::InvalidArgument("expected a duration such as 120s, 5min or 100ms, got '" +
                                   std::string(text) + "'");
  }
  double mult = 0;
  if (suffix.empty()) mult = default_unit == 'm' ? 1 : 1000;
  else if (suffix == "us") mult = 0.001;
  else if (suffix == "ms") mult = 1;
  else if (suffix == "s") mult = 1000;
  else if (suffix == "m" || suffix == "min") mult = 60'000;
  else if (suffix == "h") mult = 3'600'000;
  else if (suffix == "d") mult = 86'400'000;
  else {
    return Status::InvalidArgument("unknown time unit '" + suffix + "' in '" + std::string(text) +
                                   "' (expected us, ms, s, m/min, h or d)");
  }
  return static_cast<int64_t>(number * mult);
}

}  // namespace sparktune::config
