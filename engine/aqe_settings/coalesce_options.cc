#include "engine/aqe_settings/coalesce_options.h"

#include <algorithm>
#include <cmath>

namespace sparktune::engine::aqe {

CoalesceOptions CoalesceOptionsFor(const AqeConfig& c, const AqeVersionBehavior& b) {
  CoalesceOptions o;
  o.advisory_target_size = c.advisory_partition_size;
  o.min_num_partitions = c.min_partition_num > 0                             ? c.min_partition_num
                         : !b.min_num_from_parallelism                       ? 1
                         : (!b.has_parallelism_first || c.parallelism_first) ? c.default_parallelism
                                                                             : 1;
  o.min_partition_size = b.has_min_partition_size ? c.min_partition_size : 0;
  o.loop = b.coalesce_loop;
  o.target_floor_16 = b.target_floor_16;
  o.apply_only_if_fewer = b.apply_only_if_fewer;
  return o;
}

int64_t CoalesceTargetSize(int64_t total_bytes, const CoalesceOptions& o) {
  int min_num = std::max(o.min_num_partitions, 1);
  int64_t max_target = static_cast<int64_t>(std::ceil(static_cast<double>(total_bytes) / min_num));
  if (o.target_floor_16) return std::min(std::max<int64_t>(max_target, 16), o.advisory_target_size);
  return std::max(std::min(max_target, o.advisory_target_size), o.min_partition_size);
}

}  // namespace sparktune::engine::aqe
