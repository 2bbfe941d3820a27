#include "engine/plan/file_splits.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "data/config/config_catalog.h"

namespace sparktune::engine::plan {

namespace keys = config::keys;

FileScanSettings FileScanSettingsOf(const EffectiveConfig& config, double default_parallelism) {
  FileScanSettings s;
  int64_t open = config.GetBytes(std::string(keys::kFilesOpenCostInBytes));
  int64_t max_part = config.GetBytes(std::string(keys::kFilesMaxPartitionBytes));
  if (open >= 0) s.open_cost = static_cast<double>(open);
  if (max_part > 0) s.max_partition_bytes = static_cast<double>(max_part);
  int64_t min_parts = config.GetInt(std::string(keys::kFilesMinPartitionNum), -1);
  if (min_parts <= 0) min_parts = config.GetInt(std::string(keys::kLeafNodeDefaultParallelism), -1);
  s.min_partitions =
      min_parts > 0 ? static_cast<double>(min_parts) : std::max(1.0, default_parallelism);
  return s;
}

double MaxSplitBytes(double file_bytes, double files, const FileScanSettings& settings) {
  double total = file_bytes + files * settings.open_cost;
  double per_partition = total / std::max(1.0, settings.min_partitions);
  return std::max(
      1.0, std::min(settings.max_partition_bytes, std::max(settings.open_cost, per_partition)));
}

FileSplits SplitUniformFiles(double file_bytes, double files, const FileScanSettings& settings) {
  FileSplits out;
  files = std::max(1.0, std::round(files));
  out.max_split = MaxSplitBytes(file_bytes, files, settings);
  double file = file_bytes / files;
  double full_per_file = std::floor(file / out.max_split);
  double rest = file - full_per_file * out.max_split;
  if (rest < 1e-9 * out.max_split) rest = 0;
  out.full_tasks = static_cast<int64_t>(full_per_file * files);
  if (rest > 0) {
    // Next fit of equal remainders: a partition takes one more while
    // current + remainder <= maxSplit, the open cost counted per chunk.
    double per_task =
        std::max(1.0, 1 + std::floor((out.max_split - rest) / (rest + settings.open_cost)));
    out.rest_per_file = rest;
    out.files_per_rest_task = per_task;
    out.rest_tasks = static_cast<int64_t>(std::ceil(files / per_task));
  }
  return out;
}

}  // namespace sparktune::engine::plan
