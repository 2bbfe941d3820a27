// The `sparktune profile` document: one object per log with
// "schema": "sparktune.profile/1". Field names follow the Spark History
// Server REST API (status/api/v1/api.scala) wherever it has the same concept,
// with its meaning: jobs[] (JobData), stages[] (StageData, one per attempt),
// executors[] (ExecutorSummary, all executors with isActive), plus sql[] with
// the AQE decisions observed, cost (MB-seconds, core-seconds as in
// architecture.md section 5), evidence, and warnings. Also the human summary.
//
// A renderer: the log and the figures the engine derived from it come in as
// plain values (ProfileInput, built by advisor/profile/profile_input.h).
// Strings from the log are reduced to printable text in the human summary.
// Thread safety: pure functions.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "data/eventlog/event_log_reader.h"
#include "data/model/aqe_observations.h"

namespace sparktune::reports {

// The observed cost of the run (engine/cost: ComputeObservedCost).
struct ProfileCost {
  std::string cluster_manager;  // "yarn", "kubernetes", ...
  int64_t container_step_mib = 1;
  int64_t executor_container_mib = 0;  // granted, default resource profile
  int64_t executor_heap_mib = 0;
  int64_t executor_overhead_mib = 0;
  int64_t driver_container_mib = 0;
  double executor_mb_seconds = 0;
  double driver_mb_seconds = 0;
  double mb_seconds = 0;  // executors + driver
  double core_seconds = 0;
  bool end_is_lower_bound = false;  // the log has no ApplicationEnd
};

// The engine variant (engine/variants: ClassifyEngineVariant) and its evidence.
struct ProfileEngine {
  std::string variant = "vanilla";    // vanilla, remote-shuffle, native, native+remote-shuffle
  std::string shuffle_manager;        // as set (one printable line), or empty
  std::string shuffle_kind = "sort";  // sort, gluten-columnar, celeborn, uniffle, unknown
  std::string native_engine;          // "gluten" or empty
  bool native_plugin_configured = false;
  bool native_disabled_by_config = false;
  int64_t plan_nodes = 0;
  int64_t native_plan_nodes = 0;
  std::vector<std::string> native_node_examples;
  std::vector<std::string> notes;
};

struct ProfileInput {
  const eventlog::LoadedLog* log = nullptr;
  std::string path;  // as given on the command line
  ProfileCost cost;
  ProfileEngine engine;
  // AQE observations per SQL execution id, in the order of app.sql_executions.
  std::vector<std::pair<int64_t, model::AqeObservations>> aqe;
};

nlohmann::ordered_json ProfileJson(const ProfileInput& in);

// The human summary: aligned, plain text (no color unless `color`).
std::string ProfileText(const ProfileInput& in, bool color);

}  // namespace sparktune::reports
