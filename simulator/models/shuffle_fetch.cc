#include "simulator/models/shuffle_fetch.h"

#include <algorithm>

namespace sparktune::simulator {

double BlocksPerReduceTask(double total_blocks, double tasks) {
  return tasks > 0 ? total_blocks / tasks : 0;
}

double CoalescedReadBlocks(double map_tasks, int64_t reducers, double bytes, bool batch_fetch) {
  double n = static_cast<double>(std::max<int64_t>(1, reducers));
  return bytes > 0 ? map_tasks * (batch_fetch ? 1 : n) : 0;
}

}  // namespace sparktune::simulator
