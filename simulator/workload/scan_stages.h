// ScanStages: the file-scan stages of a logged application, with what their
// task count depends on (engine/plan/file_splits): the files and bytes the
// scan read, and the defaultParallelism when it was planned.
//
// A stage qualifies when its query stage reads no exchange and has exactly
// one leaf, a file source scan ("FileScan ..." / "Scan parquet|orc|csv|json|
// text|avro ..."), not bucketed (a bucketed scan has one task per bucket
// whatever the split settings). Files and bytes come from the scan's "number
// of files read" / "size of files read" metrics (driver accumulator updates,
// 3.0+); without them the file count is fitted so that the split model
// reproduces the observed task count from the bytes the tasks read. A stage
// the model cannot explain within 10% at the observed config is left out
// (non-uniform files, partition pruning, a source that splits otherwise).
#pragma once

#include <map>
#include <string>

#include "data/model/application.h"
#include "engine/memory/container_size.h"
#include "engine/plan/engine_plan.h"

namespace sparktune::simulator {

struct ScanStage {
  double file_bytes = 0;           // bytes of the files the scan split
  double files = 0;                // their number (uniform sizes assumed)
  bool measured = false;           // from the scan's metrics (else fitted)
  double default_parallelism = 2;  // SparkContext.defaultParallelism at planning
  int observed_tasks = 0;
};

// Stage id -> its scan.
std::map<int, ScanStage> FindScanStages(const model::Application& app,
                                        const engine::plan::EnginePlan& plan,
                                        const engine::EffectiveConfig& observed);

}  // namespace sparktune::simulator
