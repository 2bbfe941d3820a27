// One struct per SparkListener event that the model uses, decoded from the
// JSON that JsonProtocol (core events) or Jackson (SQL and other events) wrote.
// Field names follow spark-reference.md section 2; optional fields default to
// "absent" values (-1 or empty). Versions: 1.2-4.x (fields added later are
// optional, per JsonProtocol's reading contract).
//
// The structs own their data (no views into the JSON), so that lines can be
// decoded on worker threads and applied to the model later, in log order
// (ListenerEvent; see event_decoder.h and model_builder.h).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "data/model/application.h"

namespace sparktune::eventlog {

struct StageInfoEvent {
  int stage_id = 0;
  int attempt_id = 0;
  std::string name;
  std::string details;
  int num_tasks = 0;
  std::vector<int> parent_ids;
  std::vector<int> rdd_ids;
  int resource_profile_id = 0;
  int64_t submission_time = -1;  // -1 = absent
  int64_t completion_time = -1;
  std::optional<std::string> failure_reason;
  std::vector<model::Accumulable> accumulables;
};

struct JobStartEvent {
  int job_id = 0;
  int64_t submission_time = -1;
  std::vector<StageInfoEvent> stage_infos;
  std::vector<int> stage_ids;
  std::map<std::string, std::string> properties;  // only the few keys the model uses
};

struct JobEndEvent {
  int job_id = 0;
  int64_t completion_time = -1;
  bool succeeded = true;
};

struct TaskStartEvent {
  int stage_id = 0;
  int stage_attempt_id = 0;
  model::Task task;  // Task Info fields
  std::string executor_id;
  std::string host;
};

struct TaskEndEvent {
  int stage_id = 0;
  int stage_attempt_id = 0;
  model::Task task;  // Task Info + Task Metrics + reason
  std::string executor_id;
  std::string host;
  // "Task Metrics" carried these fields (what the log can tell, Application::evidence).
  bool metrics_have_peak_execution_memory = false;
  bool metrics_have_executor_cpu_time = false;
  // "Task Executor Metrics" (3.0+) was an object; its "TotalGCTime" (-1 when absent).
  bool has_task_executor_metrics = false;
  int64_t task_executor_total_gc_time = -1;
};

struct ExecutorAddedEvent {
  int64_t time = 0;
  std::string executor_id;
  std::string host;
  int total_cores = 0;
  int resource_profile_id = 0;
  // Executor Info "Request Time" (3.4+, spark-reference.md 2.3): when the cluster manager was
  // asked for this executor; -1 when the log does not say.
  int64_t request_time = -1;
};

struct ExecutorRemovedEvent {
  int64_t time = 0;
  std::string executor_id;
  std::string reason;
};

struct BlockManagerAddedEvent {
  int64_t time = 0;
  std::string executor_id;
  std::string host;
  int64_t max_memory = 0;
};

// SparkListenerLogStart, or the Databricks header (DBCEventLoggingListenerMetadata).
struct LogStartEvent {
  std::string spark_version;
  bool databricks = false;
  int64_t timestamp = -1;  // Databricks header only
};

struct ApplicationStartEvent {
  std::string name;
  std::string app_id;
  std::string attempt_id;
  std::string user;
  int64_t time = -1;
};

struct ApplicationEndEvent {
  int64_t time = -1;
  std::optional<int> exit_code;  // 4.0+
};

// Properties in log order (a key logged twice: the later value wins when applied).
using PropertyList = std::vector<std::pair<std::string, std::string>>;

struct EnvironmentUpdateEvent {
  PropertyList spark;
  PropertyList hadoop;  // only the keys the cost model reads
  PropertyList system;  // only java.version and sun.java.command
};

struct ResourceProfileAddedEvent {
  model::ResourceProfile profile;
};

struct StageSubmittedEvent {
  StageInfoEvent info;
};

struct StageCompletedEvent {
  StageInfoEvent info;
};

struct SqlExecutionStartEvent {
  int64_t execution_id = 0;
  int64_t root_execution_id = -1;
  std::string description;
  int64_t time = -1;
  bool has_plan = false;  // "sparkPlanInfo" present (the tree may still be empty)
  model::PlanTree plan;
};

struct SqlExecutionEndEvent {
  int64_t execution_id = 0;
  int64_t time = -1;
  std::string error_message;
};

struct SqlAdaptiveExecutionUpdateEvent {
  int64_t execution_id = 0;
  bool has_plan = false;
  model::PlanTree plan;
};

struct SqlAdaptiveMetricUpdatesEvent {
  int64_t execution_id = 0;
  std::vector<model::PlanMetric> metrics;
};

struct DriverAccumUpdatesEvent {
  std::vector<std::pair<int64_t, int64_t>> updates;  // (accumulator id, value)
};

// "TotalGCTime" peaks of one executor, from StageExecutorMetrics or
// ExecutorMetricsUpdate (-1 where a metrics object lacked it).
struct ExecutorGcPeaksEvent {
  std::string executor_id;
  std::vector<int64_t> total_gc_times;
};

// One decoded event; std::monostate when the line asks nothing of the model
// (an event the model ignores, or one whose required parts were unusable).
using ListenerEvent =
    std::variant<std::monostate, LogStartEvent, ApplicationStartEvent, ApplicationEndEvent,
                 EnvironmentUpdateEvent, ResourceProfileAddedEvent, ExecutorAddedEvent,
                 ExecutorRemovedEvent, BlockManagerAddedEvent, JobStartEvent, JobEndEvent,
                 StageSubmittedEvent, StageCompletedEvent, TaskStartEvent, TaskEndEvent,
                 SqlExecutionStartEvent, SqlExecutionEndEvent, SqlAdaptiveExecutionUpdateEvent,
                 SqlAdaptiveMetricUpdatesEvent, DriverAccumUpdatesEvent, ExecutorGcPeaksEvent>;

}  // namespace sparktune::eventlog
