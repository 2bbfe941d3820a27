#include "engine/aqe/skew_partition_split.h"

namespace sparktune::engine::aqe {

std::vector<int> SplitSizeListByTargetSize(const std::vector<int64_t>& sizes, int64_t target_size,
                                           double small_factor) {
  std::vector<int> starts = {0};
  int64_t current = 0;
  int64_t last = -1;
  const double target = static_cast<double>(target_size);
  auto try_merge = [&]() {
    bool merge =
        last > -1 && (static_cast<double>(current + last) < target * kMergedPartitionFactor ||
                      static_cast<double>(current) < target * small_factor ||
                      static_cast<double>(last) < target * small_factor);
    if (merge) {
      starts.pop_back();
      last += current;
    } else {
      last = current;
    }
  };
  for (size_t i = 0; i < sizes.size(); ++i) {
    if (i > 0 && current + sizes[i] > target_size) {
      try_merge();
      starts.push_back(static_cast<int>(i));
      current = sizes[i];
    } else {
      current += sizes[i];
    }
  }
  try_merge();
  return starts;
}

std::optional<PartitionSpecs> CreateSkewPartitionSpecs(int reducer,
                                                       const std::vector<int64_t>& map_sizes,
                                                       int64_t target_size, double small_factor,
                                                       bool skip_missing_map_outputs) {
  for (int64_t s : map_sizes)
    if (s < 0 && skip_missing_map_outputs) return std::nullopt;
  std::vector<int> starts = SplitSizeListByTargetSize(map_sizes, target_size, small_factor);
  if (starts.size() <= 1) return std::nullopt;
  PartitionSpecs specs;
  for (size_t i = 0; i < starts.size(); ++i) {
    int begin = starts[i];
    int end = i + 1 == starts.size() ? static_cast<int>(map_sizes.size()) : starts[i + 1];
    int64_t size = 0;
    for (int m = begin; m < end; ++m) size += map_sizes[m] > 0 ? map_sizes[m] : 0;
    specs.push_back(ShufflePartitionSpec::PartialReducer(reducer, begin, end, size));
  }
  return specs;
}

}  // namespace sparktune::engine::aqe
