// One struct per SparkListener event that the model uses, decoded from the
// JSON that JsonProtocol (core events) or Jackson (SQL and other events) wrote.
// Field names follow spark-reference.md section 2; optional fields default to
// "absent" values (-1 or empty). Versions: 1.2-4.x (fields added later are
// optional, per JsonProtocol's reading contract).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
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
  model::Task task;           // Task Info fields
  std::string executor_id;
  std::string host;
};

struct TaskEndEvent {
  int stage_id = 0;
  int stage_attempt_id = 0;
  model::Task task;  // Task Info + Task Metrics + reason
  std::string executor_id;
  std::string host;
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

}  // namespace sparktune::eventlog
