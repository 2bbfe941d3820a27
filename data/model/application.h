// Application: everything one event log says about one application attempt,
// as plain facts (no tuning logic). Built by eventlog::ModelBuilder.
//
// Counters on jobs, stages and executors follow the History Server's
// AppStatusListener (core/.../status/AppStatusListener.scala, 2.3-4.x), so
// that `profile --json` reproduces the REST API's numbers; the comment on each
// counter says which listener rule it mirrors.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "data/base/spark_version.h"
#include "data/model/sql_execution.h"
#include "data/model/task.h"

namespace sparktune::model {

struct Executor {
  std::string id;  // "1", "driver" (local mode and the driver's block manager)
  std::string host;
  int total_cores = 0;
  int resource_profile_id = 0;
  int64_t add_time = -1;     // ExecutorAdded (or first BlockManagerAdded) timestamp, epoch ms
  int64_t remove_time = -1;  // ExecutorRemoved timestamp, -1 if never removed
  // "Request Time" of the Executor Info (3.4+): when it was asked of the
  // cluster manager; -1 when the log does not say (older Spark).
  int64_t request_time = -1;
  std::string remove_reason;
  int64_t max_memory = 0;            // BlockManagerAdded "Maximum Memory" (storage, bytes)
  bool seen_executor_added = false;  // vs known only from a block manager / task
  // AppStatusListener.onTaskStart/onTaskEnd counters.
  int64_t total_tasks = 0;
  int64_t completed_tasks = 0;
  int64_t failed_tasks = 0;
  int64_t active_tasks = 0;
  int64_t total_duration = 0;  // sum of task durations (ms)
  int64_t total_gc_time = 0;   // excluding Resubmitted
  int64_t total_input_bytes = 0;
  int64_t total_shuffle_read = 0;  // local + remote bytes read
  int64_t total_shuffle_write = 0;
  // Peak "TotalGCTime" executor metric (3.3+) from StageExecutorMetrics,
  // ExecutorMetricsUpdate or per-task executor metrics; -1 if never logged.
  int64_t peak_total_gc_time = -1;
  bool is_driver() const { return id == "driver" || id == "<driver>"; }
};

enum class StageStatus { kPending, kActive, kComplete, kFailed, kSkipped };
const char* StageStatusName(StageStatus status);  // "PENDING", ... as the REST API spells it

struct Accumulable {
  int64_t id = 0;
  std::string name;
  std::string value;  // numbers kept as text; SQL metrics arrive as strings
  bool sql = false;   // Metadata == "sql"
};

struct StageAttempt {
  int stage_id = 0;
  int attempt_id = 0;
  std::string name;
  std::string details;
  int num_tasks = 0;
  std::vector<int> parent_ids;
  std::vector<int> rdd_ids;
  int resource_profile_id = 0;
  int64_t submission_time = -1;
  int64_t completion_time = -1;
  int64_t first_task_launched_time = -1;
  std::string failure_reason;
  StageStatus status = StageStatus::kPending;
  std::vector<int> job_ids;               // jobs whose DAG contains this stage attempt
  std::vector<Accumulable> accumulables;  // from StageCompleted
  // AppStatusListener.onTaskEnd counters and metric totals.
  int64_t active_tasks = 0;
  int64_t complete_tasks = 0;
  int64_t failed_tasks = 0;
  int64_t killed_tasks = 0;
  TaskMetrics totals;
  std::vector<uint32_t> tasks;  // indices into Application::tasks, in TaskEnd order
};

enum class JobStatus { kRunning, kSucceeded, kFailed, kUnknown };
const char* JobStatusName(JobStatus status);

struct Job {
  int job_id = 0;
  std::string name;  // last stage's name, as the History Server shows it
  std::string description;
  std::string job_group;
  int64_t submission_time = -1;
  int64_t completion_time = -1;
  std::vector<int> stage_ids;
  std::optional<int64_t> sql_execution_id;
  JobStatus status = JobStatus::kRunning;
  // AppStatusListener counters.
  int64_t num_tasks = 0;  // tasks of stages not already completed at JobStart
  int64_t completed_tasks = 0;
  int64_t skipped_tasks = 0;
  int64_t failed_tasks = 0;
  int64_t killed_tasks = 0;
  int64_t active_tasks = 0;
  std::vector<int> completed_stages;  // distinct stage ids
  std::vector<int> skipped_stages;    // distinct stage ids
  int64_t failed_stages = 0;          // attempts
};

// A resource profile (SparkListenerResourceProfileAdded, 3.1+).
struct ResourceProfile {
  int id = 0;
  int64_t executor_memory_mib = -1;  // -1: not in the profile
  int64_t executor_overhead_mib = -1;
  int64_t executor_offheap_mib = -1;
  int64_t executor_pyspark_mib = -1;
  int executor_cores = -1;
  double task_cpus = 1.0;
};

// What the log could and could not tell (the profile's "evidence" section).
struct Evidence {
  bool has_log_start = false;      // SparkListenerLogStart (1.3+), or Databricks header
  bool databricks_header = false;  // DBCEventLoggingListenerMetadata
  bool has_app_end = false;
  bool has_environment = false;
  bool has_peak_execution_memory = false;  // 3.0+
  bool has_executor_cpu_time = false;      // 2.1+
  bool in_progress = false;                // layout says the app had not finished
  bool compacted = false;                  // .compact part: finished jobs' events dropped
  int64_t malformed_lines = 0;
  int64_t unknown_events = 0;
  int64_t unknown_fields = 0;
  std::map<std::string, int64_t> unknown_event_names;  // name -> count (capped)
};

struct Application {
  std::string app_id;
  std::string attempt_id;
  std::string name;
  std::string user;
  SparkVersion spark_version;
  int64_t start_time = -1;       // ApplicationStart Timestamp, epoch ms
  int64_t end_time = -1;         // ApplicationEnd Timestamp, or -1
  int64_t last_event_time = -1;  // latest timestamp seen in any event
  std::optional<int> exit_code;  // ApplicationEnd ExitCode (4.0+)

  std::map<std::string, std::string> spark_properties;   // EnvironmentUpdate, as logged
  std::map<std::string, std::string> hadoop_properties;  // only yarn.* and a few more
  std::map<std::string, std::string> system_properties;  // only a few (java version...)
  std::map<int, ResourceProfile> resource_profiles;

  std::vector<Executor> executors;
  std::unordered_map<std::string, uint32_t> executor_index;  // id -> index in executors
  std::vector<Job> jobs;                                     // in JobStart order
  std::vector<StageAttempt> stages;                          // in first-seen order
  std::vector<Task> tasks;                                   // in TaskStart/TaskEnd order
  std::map<int64_t, SqlExecution> sql_executions;
  // SparkListenerDriverAccumUpdates: accumulator id -> values in arrival order
  // (AQE shuffle reads post one "partition data size" update per read partition).
  std::unordered_map<int64_t, std::vector<int64_t>> driver_accum_updates;
  Evidence evidence;

  // Duration: end - start; when the log has no end, last event - start (a lower bound).
  int64_t duration_ms() const;
  // Lookups; nullptr when absent.
  const StageAttempt* FindStage(int stage_id, int attempt_id) const;
  const Job* FindJob(int job_id) const;
  // A property as logged, or nullptr.
  const std::string* Property(const std::string& key) const;
};

}  // namespace sparktune::model
