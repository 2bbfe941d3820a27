// EnginePlan: what the engine re-plans from, built from a model::Application:
//   * per SQL execution, its query stages (final plan: the last AQE update, else
//     the initial plan; the initial plan is cut too), cut at exchanges (query_stage_plan.h) and
//     mapped to the Spark stages that ran them (stage_mapping.h); the joins of the initial plan
//     (their strategy before AQE changed anything);
//   * per shuffle exchange: partitioning and count, origin, map tasks, bytes written,
//     uncompressed "data size" and rows, and a ShuffleSizeModel estimated from the
//     reading stage (AQE's per-read "partition data size" when logged, else the
//     reading tasks' shuffle-read bytes): one read per partition when not rewritten;
//     a coalesced read spread over its range; skew splits folded back into their
//     partition; local reads spread evenly;
//   * the plain stage DAG (parent ids) of every stage, for non-SQL jobs too.
// Observed task counts of stages are kept for comparison only; the size models
// never store how many reads AQE made.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "data/model/application.h"
#include "engine/plan/plan_node_parse.h"
#include "engine/plan/query_stage_plan.h"
#include "engine/plan/shuffle_size_model.h"

namespace sparktune::engine::plan {

struct PlannedExchange {
  int node = -1;  // node index in the execution's final plan
  bool broadcast = false;
  ExchangeInfo info;
  int writer_stage = -1;             // query stage writing it
  int reader_stage = -1;             // query stage reading it (first), -1 if none
  int num_mappers = 0;               // tasks of the Spark stage writing it
  int64_t bytes_written = 0;         // shuffle bytes written by that stage
  int64_t data_size = -1;            // "data size" SQL metric (uncompressed), -1 unknown
  int64_t rows = -1;                 // "shuffle records written", -1 unknown
  int64_t map_completion_time = -1;  // when its map stage finished (epoch ms)
  ShuffleSizeModel sizes;
  std::string size_source;  // "driver partition sizes", "task shuffle reads", "uniform"
};

struct SqlExecutionPlan {
  int64_t execution_id = 0;
  bool adaptive = false;
  const model::PlanTree* final_plan = nullptr;  // points into the Application
  PlanStages stages;
  std::vector<std::vector<int>> spark_stages;  // stage attempt indices per query stage
  std::vector<PlannedExchange> exchanges;
  std::vector<int> exchange_of_node;    // node index -> exchanges index, or -1
  std::vector<JoinInfo> initial_joins;  // joins of the initial plan
  PlanStages initial_stages;            // the initial plan cut into stages (before AQE)
};

struct DagStage {
  int stage_id = 0;
  std::vector<int> parent_ids;
  int num_tasks = 0;  // of the latest attempt (observed)
  std::vector<int> job_ids;
  std::optional<int64_t> sql_execution_id;
};

struct EnginePlan {
  std::vector<SqlExecutionPlan> executions;
  std::vector<DagStage> dag;  // every stage, by stage id
};

// Coalesced reads are spread with the packing target of the config in force at
// the time each reading stage was planned (aqe_config.h, default_parallelism.h).
EnginePlan BuildEnginePlan(const model::Application& app);

// The shuffle exchange (index into ex.exchanges) a broadcast exchange only re-reads: the build
// side of a join AQE converted to a broadcast at run time (its query stage is a bare read of
// one shuffle); -1 otherwise. `broadcast_node` is the broadcast exchange's node index.
int ShuffleUnderBroadcast(const SqlExecutionPlan& ex, int broadcast_node);

// The latest attempt of a Spark stage that ran tasks, or nullptr.
const model::StageAttempt* LatestAttempt(const model::Application& app, int stage_id);

}  // namespace sparktune::engine::plan
