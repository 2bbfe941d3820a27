// Scenario: a workload described without an event log (docs/scenarios.md):
// tables (size, rows, files, buckets), key skew, a list of queries (scan ->
// filter -> aggregate / join / repartition -> write), cost parameters of the
// task-time model (documented defaults), and the cluster and Spark config.
//
// ParseScenarioFile / ParseScenarioJson validate everything: an error names
// the file, the JSON path (e.g. "queries[1].ops[0].selectivity") and what was
// expected; a JSON syntax error carries nlohmann's line and column. Unknown
// members are warnings (a typo must not silently change a run); spark.* keys
// not in the config catalog are warnings too. Sizes are bounded (1 EiB, 1e15
// rows, 1e7 files, 1e6 buckets, 64 levels of nesting) so that hostile files
// fail fast with a clear error instead of exhausting memory.
//
// Plain value types; no global state.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "data/base/result.h"
#include "data/base/spark_version.h"
#include "engine/aqe/stage_planning_input.h"

namespace sparktune::simulator {

// How keys spread over hash partitions. Heavy keys hold a share of all rows
// each and stay whole whatever the partition count; the rest spreads by a Zipf
// law over `distinct_keys` (exponent 0 = uniform).
struct KeySkew {
  std::vector<double> heavy_shares;  // each in (0, 1), sum < 1
  double zipf_exponent = 0;
  double distinct_keys = 1e9;
};

struct ScenarioTable {
  std::string name;
  double bytes = 0;  // on-disk bytes, what Spark's file scan and size estimate see
  double rows = 0;
  int64_t files = 1;
  int64_t buckets = 0;  // bucketed table: one scan task per bucket, no exchange on the bucket key
  bool sorted_by_bucket_key = false;  // SORT BY on the bucket columns: joins need no sort
};

enum class OpKind { kAggregate, kJoin, kRepartition, kWrite };

struct ScenarioOp {
  OpKind kind = OpKind::kAggregate;
  double output_ratio = 1.0;   // bytes (and rows) out / in
  KeySkew skew;                // key distribution of this exchange's key
  bool on_bucket_key = false;  // aggregate/join key is the scanned table's bucket key
  // join
  std::string table;         // the other side
  double selectivity = 1.0;  // filter on the other side
  double columns = 1.0;      // share of the other table's bytes its scan reads
  engine::aqe::JoinType join_type = engine::aqe::JoinType::kInner;
  // repartition
  int64_t partitions = 0;  // repartition(n); 0 = spark.sql.shuffle.partitions
};

struct ScenarioQuery {
  std::string name;
  std::string table;         // scanned table
  double selectivity = 1.0;  // filter right after the scan
  double columns = 1.0;      // share of the table's bytes the scan reads (column pruning)
  std::vector<ScenarioOp> ops;
};

// Task-time model without a log (docs/scenarios.md gives the reasoning). All
// per-MB costs are per MB of the bytes Spark reports (file or shuffle bytes).
struct ScenarioCost {
  double task_fixed_ms = 50;   // launch, deserialization, result, scheduler delay
  double scan_ms_per_mb = 10;  // read and decode one MB of a (columnar, compressed) file
  double cpu_ms_per_mb =
      40;  // process one MB of shuffle read (decompress, deserialize rows, operators)
  double cpu_ms_per_million_rows = 50;  // per-row work
  double write_ms_per_mb = 20;          // serialize, compress, write shuffle or output
  double fetch_ms_per_block = 1.0;  // one remote shuffle block read (HDD-backed shuffle service)
  double sort_ms_per_mb = 20;       // sort one MB (sort-merge join sides, unsorted buckets)
  double memory_expansion = 30;     // in-memory bytes per byte (eBay: 15x compression x 2 scratch)
  double spill_ms_per_mb = 2;       // per in-memory MB spilled (write, read back, merge)
  double gc_fraction_per_live_gb = 0.05;  // GC time / run time per GB a task holds live
  double gc_fraction_max = 0.5;
  double executor_startup_ms = 0;  // executors register this long after the app starts
  double driver_ms_per_job = 100;  // planning and scheduling on the driver per job
};

struct Scenario {
  std::string path;  // for messages
  std::string name;
  std::string description;
  SparkVersion version;
  std::map<std::string, std::string> config;  // spark.* settings (before --set)
  std::vector<ScenarioTable> tables;
  std::vector<ScenarioQuery> queries;
  ScenarioCost cost;
  std::vector<std::string> warnings;

  const ScenarioTable* FindTable(const std::string& name) const;
};

// Hard limits on what a scenario may ask for.
inline constexpr double kMaxScenarioBytes = 1.152921504606846976e18;  // 1 EiB
inline constexpr double kMaxScenarioRows = 1e15;
inline constexpr int64_t kMaxScenarioFiles = 10'000'000;
inline constexpr int64_t kMaxScenarioBuckets = 1'000'000;
inline constexpr int kMaxScenarioDepth = 64;

Result<Scenario> ParseScenarioJson(const std::string& text, const std::string& path);
Result<Scenario> ParseScenarioFile(const std::string& path);

}  // namespace sparktune::simulator
