// The plain records the history store keeps (one struct per table row) and
// the shapes its queries return. No behaviour, no simulator types: the
// advisor fills them from an Application and a SimResult (advisor/ingest) and
// reports render them. Units: times in epoch ms or ms, sizes in bytes,
// MB-seconds as defined in engine/cost/app_cost.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sparktune::store {

// One row of `applications`: one application attempt as its log tells it.
struct ApplicationRow {
  int64_t pk = 0;            // assigned by the store
  std::string content_hash;  // XXH3-128 hex of the raw log bytes (eventlog/content_hash.h)
  std::string source_path;   // where it was read from (informative; identity is the hash)
  std::string app_id;
  std::string attempt_id;  // empty for single-attempt cluster managers
  std::string name;
  std::string job_key;  // JobKeyFor(name), store/job_key.h
  std::string user;
  std::string spark_version;  // "4.3.0", or empty when unknown
  int64_t start_ms = -1;
  int64_t end_ms = -1;  // -1: no ApplicationEnd
  double duration_ms = 0;
  double job_time_ms = 0;  // wall time with at least one job running
  double mb_seconds = 0;
  double core_seconds = 0;
  int executor_count = 0;  // rows in `executors` for this app
  int stage_count = 0;     // rows in `stages` (stage attempts)
  int64_t task_count = 0;
  bool complete = false;  // ApplicationEnd seen and the layout is not in progress
  int64_t warning_count = 0;
  std::vector<std::string> warnings;  // the first few, "file:line: warning: ..."
  int64_t log_bytes = 0;              // raw bytes on disk
  int64_t ingested_at_ms = 0;         // set by the store
  std::optional<int64_t> night_id;
};

// One row of `stages`: a stage attempt's summary over its tasks.
struct StageRow {
  int stage_id = 0;
  int attempt_id = 0;
  std::string name;
  std::string status;  // "COMPLETE", "FAILED", ... (model::StageStatusName)
  int num_tasks = 0;
  int64_t completed_tasks = 0;
  int64_t failed_tasks = 0;
  int64_t submission_ms = -1;
  int64_t completion_ms = -1;
  int64_t duration_ms = 0;   // completion - submission, 0 when either is missing
  int64_t task_time_ms = 0;  // sum of executor run time
  int64_t input_bytes = 0;
  int64_t output_bytes = 0;
  int64_t shuffle_read_bytes = 0;
  int64_t shuffle_write_bytes = 0;
  int64_t memory_spilled_bytes = 0;
  int64_t disk_spilled_bytes = 0;
  int64_t gc_ms = 0;
  int64_t peak_execution_memory = 0;  // largest of any task
  int64_t task_ms_max = 0;            // successful tasks' durations
  int64_t task_ms_median = 0;
  std::optional<double> skew_ratio;  // max / median; absent without successful tasks
};

// One row of `executors`: an executor's lifetime and container (driver excluded).
struct ExecutorRow {
  std::string executor_id;
  std::string host;
  int cores = 0;
  int64_t start_ms = 0;
  int64_t end_ms = 0;  // removal, or application end
  int64_t container_mib = 0;
  double mb_seconds = 0;
};

enum class ConfigSource { kLogged, kDefault };
const char* ConfigSourceName(ConfigSource source);  // "logged" / "default"

// One row of `configs`: a Spark setting in force for the app.
struct ConfigRow {
  std::string key;
  std::string value;
  ConfigSource source = ConfigSource::kLogged;
};

enum class PredictionKind { kBaseline, kGrid, kOptimize, kRecommendation };
const char* PredictionKindName(
    PredictionKind kind);  // "baseline", "grid", "optimize", "recommendation"

// One row of `predictions`: a simulated run of the app under `config_json`
// (overrides on top of the logged config; "{}" for the baseline).
struct PredictionRow {
  int64_t pk = 0;
  PredictionKind kind = PredictionKind::kBaseline;
  std::string config_json = "{}";  // canonical: CanonicalConfigJson
  double duration_ms = 0, duration_ms_low = 0, duration_ms_high = 0;
  double mb_seconds = 0, mb_seconds_low = 0, mb_seconds_high = 0;
  bool oom_risk = false;
  // Baseline only: (predicted - observed) / observed, the replay error shown
  // next to every prediction of this app.
  std::optional<double> duration_error;
  std::optional<double> mb_seconds_error;
  std::optional<int64_t> recommendation_id;  // kind == kRecommendation: which one
};

// One row of `advice`: a plan-level recommendation for the app
// (advisor/advice), with the evidence from its log and, where the simulator
// could price it, the predicted MB-seconds change.
struct AdviceRow {
  std::string advisor;                   // the advisor's id ("broadcast-small-join", ...)
  std::string title;                     // one line
  std::string action;                    // what to change
  std::string evidence;                  // "; "-separated facts from the log
  std::optional<double> mb_seconds_pct;  // predicted change, percent (negative = saving)
  std::string config_json = "{}";        // settings that implement it, canonical
};

// Everything stored for one application, written in one transaction.
struct AppRecord {
  ApplicationRow app;
  std::vector<StageRow> stages;
  std::vector<ExecutorRow> executors;
  std::vector<ConfigRow> configs;
  std::vector<PredictionRow> predictions;
  std::vector<AdviceRow> advice;
};

enum class RecommendationScope { kFleet, kJob };
const char* RecommendationScopeName(RecommendationScope scope);  // "fleet" / "job"

enum class RecommendationStatus { kProposed, kActive, kRejected, kSuperseded };
const char* RecommendationStatusName(RecommendationStatus status);

// What a recommendation predicts for one job's runs under its config; the
// yardstick of accuracy tracking.
struct JobExpectation {
  std::string job_key;
  double duration_ms = 0;
  double mb_seconds = 0;
  double mb_seconds_low = 0, mb_seconds_high = 0;
};

// One row of `recommendations` with its expectations.
struct RecommendationRow {
  int64_t pk = 0;
  std::optional<int64_t> night_id;
  RecommendationScope scope = RecommendationScope::kJob;
  std::string job_key;             // empty for fleet scope
  std::string config_json = "{}";  // canonical: the settings to apply
  double saving_mb_seconds = 0, saving_low = 0, saving_high = 0;  // per night of runs
  double saving_fraction = 0;                                     // of the covered MB-seconds
  RecommendationStatus status = RecommendationStatus::kProposed;
  int64_t created_at_ms = 0;
  std::vector<JobExpectation> expectations;  // per covered job
};

enum class NightStatus { kRunning, kOk, kFailed };
const char* NightStatusName(NightStatus status);

struct NightRow {
  int64_t id = 0;
  int64_t started_at_ms = 0;
  std::optional<int64_t> finished_at_ms;
  NightStatus status = NightStatus::kRunning;
  std::string summary_json;  // empty until finished
};

// One row of `accuracy`: a later run under a recommended config.
struct AccuracyRow {
  int64_t pk = 0;
  std::string job_key;
  int64_t recommendation_id = 0;
  int64_t app_pk = 0;
  std::string app_id;
  double predicted_duration_ms = 0, actual_duration_ms = 0;
  double predicted_mb_seconds = 0, actual_mb_seconds = 0;
  int64_t created_at_ms = 0;
};

// Fleet totals of the apps of one night (the trend chart).
struct NightTotals {
  int64_t night_id = 0;
  int64_t started_at_ms = 0;
  int64_t apps = 0;
  double duration_ms = 0;
  double mb_seconds = 0;
  double core_seconds = 0;
};

// An app with its stages, executors, configs and predictions.
struct AppDetail {
  ApplicationRow app;
  std::vector<StageRow> stages;
  std::vector<ExecutorRow> executors;
  std::vector<ConfigRow> configs;
  std::vector<PredictionRow> predictions;
};

}  // namespace sparktune::store
