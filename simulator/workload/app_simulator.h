// AppSimulator: replays an application, read from its event log, at any
// configuration. The baseline (the log's own config) and every alternative go
// through this same predictive path (architecture.md, "Honesty"):
//  * task times come from the calibrated TaskTimeModel and each task's data,
//    never from an observed duration;
//  * task counts come from re-planning the data under the config (reduce
//    stages re-spread their shuffle over the partition count), never from the
//    log's counts;
//  * driver-side time outside jobs, gaps between jobs, stage-transition
//    latencies and executor start-up latency are carried over from the log as
//    the facts they are.
// The constructor reads and calibrates everything that does not depend on the
// config; Run assembles the models in this order (simulator/README.md):
// executors (ExecutorProvisioning), execution memory per task, re-planning
// (engine/aqe, engine/joins, TaskReplanner), task times (SpillModel,
// ReplayTaskTime), the schedule (ReplaySchedule on the StageScheduler, with
// DynamicAllocation), the result (ReplayResult). Run is const and keeps no
// state between calls.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "data/model/application.h"
#include "engine/aqe/adaptive_rule_registry.h"
#include "engine/memory/container_size.h"
#include "engine/plan/engine_plan.h"
#include "engine/variants/engine_variant.h"
#include "simulator/calibration/task_time_model.h"
#include "simulator/models/engine_variant_effect.h"
#include "simulator/models/executor_spec.h"
#include "simulator/models/spill_model.h"
#include "simulator/models/task_fixed_cost.h"
#include "simulator/result/sim_result.h"
#include "simulator/workload/observed_saturation.h"
#include "simulator/workload/replay_workload.h"
#include "simulator/workload/scan_stages.h"

namespace sparktune::simulator {

class AppSimulator {
 public:
  // Calibrates the models from `app` (kept by reference; must outlive this).
  explicit AppSimulator(const model::Application& app);
  ~AppSimulator();

  // Simulates the app with `overrides` applied on top of its logged config.
  SimResult Run(const std::map<std::string, std::string>& overrides) const;

  // Replaces the stated engine-variant assumptions (native speed-up, remote-shuffle push rate;
  // simulator/models/engine_variant_effect.h) later Runs use when a config switches a native
  // engine or a remote shuffle on or off. Not thread-safe against concurrent Runs.
  void set_engine_assumptions(const EngineVariantAssumptions& assumptions) {
    engine_assumptions_ = assumptions;
  }

  const model::Application& app() const { return app_; }
  const TaskTimeModel& task_model() const { return task_model_; }
  const engine::EffectiveConfig& observed_config() const { return observed_; }
  // The engine's data model of the application (built once; advisors read it).
  const engine::plan::EnginePlan& plan() const { return plan_; }

 private:
  const model::Application& app_;
  TaskTimeModel task_model_;
  engine::EffectiveConfig observed_;
  // The engine's data model and AQE rules: adaptive SQL stages get their task
  // count and per-task read sizes from re-planning (engine/aqe).
  engine::plan::EnginePlan plan_;
  std::unique_ptr<engine::aqe::AdaptiveRuleRegistry> registry_;
  // When every slot of the observed run was busy: that part of a stage's
  // wait for its first task is queueing, which the simulation redoes.
  ObservedSaturation saturation_;
  // File-scan stages: their task count follows spark.sql.files.* and
  // defaultParallelism (engine/plan/file_splits).
  std::map<int, ScanStage> scan_stages_;
  // Jobs, stages and executors as logged, and what their tasks show.
  ReplayWorkload workload_;
  std::vector<ExecutorSpec> observed_executors_;
  std::vector<SpillEvidence> spill_evidence_;  // parallel to workload_.stages
  TaskFixedCost fixed_cost_;
  engine::EngineVariantInfo observed_variant_;  // the logged run's engine (config and plans)
  EngineVariantAssumptions engine_assumptions_;
};

}  // namespace sparktune::simulator
