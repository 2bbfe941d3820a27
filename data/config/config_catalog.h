// The one catalog of every Spark configuration key sparktune reads, checks or
// recommends. Each key is declared exactly once (config_catalog.cc): type,
// unit, default per Spark version (a table, not scattered ifs), doc, the
// version that introduced it, valid range, whether the advisor may tune it,
// and what replaced it. The engine, the lint rules, the advisor and the
// reports all read this table.
//
// Defaults per version mirror Spark's own declarations: core keys in
// core/src/main/scala/org/apache/spark/internal/config/package.scala, SQL keys
// in sql/catalyst/.../internal/SQLConf.scala (see spark-reference.md).
//
// Thread safety: the catalog is immutable after static initialization.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "data/base/result.h"
#include "data/base/spark_version.h"

namespace sparktune::config {

enum class ValueType {
  kBool,
  kInt,
  kDouble,
  kBytes,     // a size such as "4g"; bare numbers use ConfigKey::bytes_unit
  kDuration,  // a time such as "120s"; bare numbers use ConfigKey::time_unit
  kString,
  kEnum,      // one of ConfigKey::choices
};

// One row of a key's default-by-version table: `value` applies from `since`
// (inclusive) until the next row. An empty value means "no default" (unset).
struct VersionedDefault {
  SparkVersion since;
  std::string_view value;
};

struct ConfigKey {
  std::string_view name;
  ValueType type = ValueType::kString;
  std::vector<VersionedDefault> defaults;  // ascending by `since`
  std::string_view doc;
  std::string_view since;              // first Spark version with this key
  char bytes_unit = 'b';               // unit of a bare number for kBytes: b, k, m, g
  char time_unit = 's';                // unit of a bare number for kDuration: 'm' = ms, 's' = s
  std::optional<double> min;           // valid range (inclusive), in the key's base unit
  std::optional<double> max;           //   (bytes, ms, or the plain number)
  std::vector<std::string_view> choices;  // kEnum values (lower-case comparison)
  bool tunable = false;                // the advisor may change it
  std::string_view deprecated_in;      // version that deprecated it, or empty
  std::string_view replaced_by;        // the key to use instead, or empty
};

// All keys, in declaration order.
std::span<const ConfigKey> Catalog();

// The key named `name`, or nullptr.
const ConfigKey* FindKey(std::string_view name);

// The default of `key` in force for `version` (an unknown version uses the
// newest row). nullopt when the key has no default (unset).
std::optional<std::string_view> DefaultFor(const ConfigKey& key, const SparkVersion& version);

// Closest catalog key names to `name` (edit distance), for did-you-mean.
std::vector<std::string_view> SuggestKeys(std::string_view name, size_t max_suggestions = 3);

// Spark's JavaUtils.byteStringAs: "4g", "512m", "100k", "1024" (bare number in
// `default_unit`), case-insensitive, optional "b"/"ib" ("4gb"). Returns bytes.
Result<int64_t> ParseBytes(std::string_view text, char default_unit);

// Spark's JavaUtils.timeStringAs: "120s", "5min", "100ms", "2h", "1d", bare
// number in `default_unit` ('m' = ms, 's' = seconds). Returns milliseconds.
Result<int64_t> ParseDurationMs(std::string_view text, char default_unit);

// Well-known key names, so code never spells a key twice.
namespace keys {
inline constexpr std::string_view kExecutorMemory = "spark.executor.memory";
inline constexpr std::string_view kExecutorCores = "spark.executor.cores";
inline constexpr std::string_view kExecutorInstances = "spark.executor.instances";
inline constexpr std::string_view kExecutorMemoryOverhead = "spark.executor.memoryOverhead";
inline constexpr std::string_view kExecutorMemoryOverheadFactor = "spark.executor.memoryOverheadFactor";
inline constexpr std::string_view kExecutorMinMemoryOverhead = "spark.executor.minMemoryOverhead";
inline constexpr std::string_view kKubernetesMemoryOverheadFactor = "spark.kubernetes.memoryOverheadFactor";
inline constexpr std::string_view kExecutorPysparkMemory = "spark.executor.pyspark.memory";
inline constexpr std::string_view kDriverMemory = "spark.driver.memory";
inline constexpr std::string_view kDriverCores = "spark.driver.cores";
inline constexpr std::string_view kDriverMemoryOverhead = "spark.driver.memoryOverhead";
inline constexpr std::string_view kDriverMemoryOverheadFactor = "spark.driver.memoryOverheadFactor";
inline constexpr std::string_view kDriverMinMemoryOverhead = "spark.driver.minMemoryOverhead";
inline constexpr std::string_view kOffHeapEnabled = "spark.memory.offHeap.enabled";
inline constexpr std::string_view kOffHeapSize = "spark.memory.offHeap.size";
inline constexpr std::string_view kMemoryFraction = "spark.memory.fraction";
inline constexpr std::string_view kMemoryStorageFraction = "spark.memory.storageFraction";
inline constexpr std::string_view kTaskCpus = "spark.task.cpus";
inline constexpr std::string_view kMaster = "spark.master";
inline constexpr std::string_view kSubmitDeployMode = "spark.submit.deployMode";
inline constexpr std::string_view kDefaultParallelism = "spark.default.parallelism";
inline constexpr std::string_view kSqlShufflePartitions = "spark.sql.shuffle.partitions";
inline constexpr std::string_view kAutoBroadcastJoinThreshold = "spark.sql.autoBroadcastJoinThreshold";
inline constexpr std::string_view kAdaptiveEnabled = "spark.sql.adaptive.enabled";
inline constexpr std::string_view kAdaptiveCoalesceEnabled = "spark.sql.adaptive.coalescePartitions.enabled";
inline constexpr std::string_view kAdaptiveAdvisoryPartitionSize = "spark.sql.adaptive.advisoryPartitionSizeInBytes";
inline constexpr std::string_view kAdaptiveSkewJoinEnabled = "spark.sql.adaptive.skewJoin.enabled";
inline constexpr std::string_view kDynamicAllocationEnabled = "spark.dynamicAllocation.enabled";
inline constexpr std::string_view kDynamicAllocationMinExecutors = "spark.dynamicAllocation.minExecutors";
inline constexpr std::string_view kDynamicAllocationMaxExecutors = "spark.dynamicAllocation.maxExecutors";
inline constexpr std::string_view kYarnMinAllocationMb = "yarn.scheduler.minimum-allocation-mb";
}  // namespace keys

}  // namespace sparktune::config
