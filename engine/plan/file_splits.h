// File-scan splits of Spark SQL file sources (spark-reference.md 6.4):
// FilePartition.maxSplitBytes and getFilePartitions (2.0-4.x;
// spark.sql.files.minPartitionNum from 3.1, spark.sql.leafNodeDefaultParallelism
// from 3.2, read when set):
//   maxSplitBytes = min(maxPartitionBytes, max(openCostInBytes, totalBytes / minParts))
//   totalBytes    = file bytes + files x openCostInBytes
//   minParts      = minPartitionNum, else leafNodeDefaultParallelism, else defaultParallelism
// Each splittable file is cut into maxSplitBytes chunks; the chunks are packed
// next-fit by size with the open cost added per chunk.
//
// Used on files of one size (the scenario simulator's tables; a log's scan,
// whose file count and bytes come from the scan's "number of files read" and
// "size of files read" metrics when logged, else are fitted to the observed
// task count): `SplitUniformFiles` then has a closed form.
#pragma once

#include <cstdint>

#include "engine/memory/container_size.h"

namespace sparktune::engine::plan {

struct FileScanSettings {
  double open_cost = 4.0 * 1024 * 1024;              // spark.sql.files.openCostInBytes
  double max_partition_bytes = 128.0 * 1024 * 1024;  // spark.sql.files.maxPartitionBytes
  double min_partitions = 2;                         // see the header comment
};

// The settings of `config`, with `default_parallelism` standing for
// SparkContext.defaultParallelism when neither partition-number key is set.
FileScanSettings FileScanSettingsOf(const EffectiveConfig& config, double default_parallelism);

// maxSplitBytes for `files` files holding `file_bytes` together.
double MaxSplitBytes(double file_bytes, double files, const FileScanSettings& settings);

struct FileSplits {
  double max_split = 0;
  int64_t full_tasks = 0;    // partitions holding one whole maxSplitBytes chunk
  int64_t rest_tasks = 0;    // partitions packing the files' remainders
  double rest_per_file = 0;  // bytes of each file's remainder
  double files_per_rest_task = 0;
  int64_t tasks() const { return full_tasks + rest_tasks; }
};

// The partitions of `files` files of equal size holding `file_bytes`.
FileSplits SplitUniformFiles(double file_bytes, double files, const FileScanSettings& settings);

}  // namespace sparktune::engine::plan
