// Mapping query stages of a SQL plan to the Spark stages that ran them,
// through accumulator ids (spark-reference.md 2.7 point 5): a Spark stage
// belongs to the query stage whose metric ids overlap most with the SQL
// accumulables (Metadata == "sql") its StageCompleted event reports.
// Candidates are the stage attempts of the execution's jobs that ran tasks.
#pragma once

#include <vector>

#include "data/model/application.h"
#include "engine/plan/query_stage_plan.h"

namespace sparktune::engine::plan {

// Spark stage attempts (indices into app.stages) per query stage, parallel to
// `stages.stages`; stage attempts that match no query stage are dropped.
std::vector<std::vector<int>> MapQueryStagesToSparkStages(const PlanStages& stages,
                                                          const model::Application& app,
                                                          const std::vector<int>& job_ids);

}  // namespace sparktune::engine::plan
