// DefaultParallelismAt: SparkContext.defaultParallelism as it was at a moment
// of the application (spark-reference.md 3.4): spark.default.parallelism when
// set; in local mode the local cores (local[N], local[*] = the driver's cores);
// otherwise max(total cores of the executors registered at that moment, 2)
// (CoarseGrainedSchedulerBackend). With dynamic allocation it changes over time,
// which is why AQE's coalescing differs between otherwise equal stages.
#pragma once

#include <cstdint>

#include "data/model/application.h"

namespace sparktune::engine::plan {

int DefaultParallelismAt(const model::Application& app, int64_t time_ms);

}  // namespace sparktune::engine::plan
