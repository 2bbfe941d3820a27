// ReplanApplication: re-plans every shuffle-reading query stage of an
// application with the AQE rules, from the engine's data model (EnginePlan:
// shuffle size models, exchange facts, plan shape), under a config. At the
// observed config this must reproduce the task counts AQE produced; under another
// config it predicts them. Observed task counts are attached for comparison only
// and never read by the planning.
//
// Per query stage: the shuffles it reads (a broadcast build side that was a
// shuffle stage before a runtime conversion counts as a shuffle join side, so
// runtime join selection can decide again), the joins fed directly by them, union
// branches as coalesce groups, and defaultParallelism from the executors alive
// when the stage was planned. Partition counts of planner-made exchanges follow
// spark.sql.shuffle.partitions (or initialPartitionNum) when the config changes it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "data/model/application.h"
#include "engine/aqe/adaptive_rule_registry.h"
#include "engine/memory/container_size.h"
#include "engine/plan/engine_plan.h"

namespace sparktune::engine::aqe {

struct ReplannedStage {
  int64_t execution_id = 0;
  int query_stage = -1;
  int stage_id = -1;            // the Spark stage that ran it (observed), -1 if none
  std::string reads;            // observed AQE reads, e.g. "coalesced+coalesced", "local", "plain"
  int64_t observed_tasks = -1;  // -1 when it did not run
  int64_t replanned_tasks = 0;
  StagePlanningInput input;
  StagePlan plan;
};

struct ReplanOptions {
  bool adaptive_only = true;  // only SQL executions planned with AQE
};

// `observed` is the config in force in the log; `config` the one to plan with
// (equal for replay).
std::vector<ReplannedStage> ReplanApplication(const model::Application& app,
                                              const plan::EnginePlan& plan,
                                              const EffectiveConfig& observed,
                                              const EffectiveConfig& config,
                                              const AdaptiveRuleRegistry& registry,
                                              const ReplanOptions& options = {});

// Replay: re-plans at the log's own config with every rule enabled, from the
// application's EnginePlan (built once by its owner, e.g. AppSimulator::plan()).
std::vector<ReplannedStage> ReplanAtObservedConfig(const model::Application& app,
                                                   const plan::EnginePlan& plan,
                                                   const ReplanOptions& options = {});

}  // namespace sparktune::engine::aqe
