// BroadcastJoinConversion: which sort-merge joins of a SQL execution planned
// without AQE become broadcast hash joins under another config, and how.
//
//  * Static (SparkStrategies.JoinSelection, 1.x-4.x): when the alternative's
//    spark.sql.autoBroadcastJoinThreshold admits the smaller buildable side
//    that the observed threshold did not, the join is planned as a broadcast
//    hash join inside the big side's map stage: that stage stops writing its
//    shuffle and the join's reduce stage no longer runs. The side's
//    materialized size stands for the planner's estimate, which the log lacks.
//  * At run time (AdaptiveSparkPlanExec re-optimizing with the materialized
//    statistics, DynamicJoinSelection; 3.0-4.x): when the alternative turns AQE
//    on and the side's materialized size is under
//    spark.sql.adaptive.autoBroadcastJoinThreshold (3.2+, when set; else the
//    static threshold), both map stages still run and write their shuffles,
//    then the join reads the big side locally: one task per map task of the
//    big side (OptimizeShuffleWithLocalRead).
//  * When an operator above the join in its stage needs the join keys' hash
//    partitioning (a final aggregate or window on them, another sort-merge
//    join: StageJoin::distribution_required_above), the sort-merge join's
//    output partitioning had satisfied it; a broadcast hash join's is the
//    streamed side's, so EnsureRequirements (1.x-4.x) plans an exchange above
//    the broadcast hash join: statically, the big side's stage still writes a
//    shuffle (the join's output) and the reduce stage still runs reading it;
//    at run time, OptimizeShuffleWithLocalRead does not turn the reduce
//    stage's reads into local ones (it would add a shuffle, 3.0-4.x).
//
// The buildable sides follow the join type (JoinSelection's canBuildBroadcast
// Left/Right, engine/aqe/dynamic_join_selection). Executions planned with AQE
// are left to engine/aqe, which re-plans their joins itself. Conversions come
// in plan order (executions, query stages, joins); a later one may concern a
// stage an earlier one already changed. Pure function of its inputs.
#pragma once

#include <cstdint>
#include <vector>

#include "data/model/application.h"
#include "engine/memory/container_size.h"
#include "engine/plan/engine_plan.h"

namespace sparktune::engine {

enum class BroadcastConversionKind { kStatic, kRuntime };

struct BroadcastConversion {
  BroadcastConversionKind kind = BroadcastConversionKind::kStatic;
  int64_t small_side_bytes = 0;
  // Spark stage ids of the join's reduce stage (static: not run; run time: one
  // local-read task per map task of the big side).
  std::vector<int> reduce_stage_ids;
  // Spark stage ids writing the big side (static: they run the join instead of
  // writing their shuffle).
  std::vector<int> big_side_writer_stage_ids;
  int big_side_map_tasks = 0;
  // An operator above the join needs its keys' hash partitioning: an exchange
  // stays between the join and it (see above).
  bool exchange_above = false;
};

// Conversions of the logged sort-merge joins when `config` replaces `observed`.
std::vector<BroadcastConversion> ConvertSortMergeJoins(const model::Application& app,
                                                       const plan::EnginePlan& plan,
                                                       const EffectiveConfig& observed,
                                                       const EffectiveConfig& config);

}  // namespace sparktune::engine
