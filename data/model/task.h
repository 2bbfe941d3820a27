// Task: one task attempt as the event log records it (SparkListenerTaskStart /
// SparkListenerTaskEnd, JsonProtocol taskInfoToJson / taskMetricsToJson, all
// versions 1.2-4.x). Plain facts, kept compact (about 230 bytes) because an
// application can hold millions of them.
//
// Units: times in ms unless the name says _ns; sizes in bytes. A metric the
// log did not carry is 0 (see Application::evidence for what was absent).
#pragma once

#include <cstdint>

namespace sparktune::model {

enum class TaskStatus : uint8_t { kRunning, kSuccess, kFailed, kKilled };

// Task End Reason "Reason" (JsonProtocol taskEndReasonToJson).
enum class TaskEndReason : uint8_t {
  kNone,  // no TaskEnd seen yet
  kSuccess,
  kResubmitted,
  kTaskResultLost,
  kFetchFailed,
  kExceptionFailure,
  kTaskCommitDenied,
  kExecutorLostFailure,
  kTaskKilled,
  kUnknownReason,
};

enum class TaskLocality : uint8_t {
  kProcessLocal,
  kNodeLocal,
  kNoPref,
  kRackLocal,
  kAny,
  kUnknown
};

struct TaskMetrics {
  int64_t executor_deserialize_time = 0;
  int64_t executor_deserialize_cpu_time_ns = 0;
  int64_t executor_run_time = 0;
  int64_t executor_cpu_time_ns = 0;
  int64_t result_size = 0;
  int64_t jvm_gc_time = 0;
  int64_t result_serialization_time = 0;
  int64_t memory_bytes_spilled = 0;
  int64_t disk_bytes_spilled = 0;
  int64_t peak_execution_memory = 0;
  int64_t input_bytes = 0;
  int64_t input_records = 0;
  int64_t output_bytes = 0;
  int64_t output_records = 0;
  int64_t shuffle_remote_blocks_fetched = 0;
  int64_t shuffle_local_blocks_fetched = 0;
  int64_t shuffle_fetch_wait_time = 0;
  int64_t shuffle_remote_bytes_read = 0;
  int64_t shuffle_remote_bytes_read_to_disk = 0;
  int64_t shuffle_local_bytes_read = 0;
  int64_t shuffle_records_read = 0;
  int64_t shuffle_bytes_written = 0;
  int64_t shuffle_write_time_ns = 0;
  int64_t shuffle_records_written = 0;

  int64_t shuffle_read_bytes() const {
    return shuffle_remote_bytes_read + shuffle_local_bytes_read;
  }
  // Adds every field of `other` (stage and executor totals).
  void Add(const TaskMetrics& other);
};

struct Task {
  int64_t task_id = 0;
  int32_t stage_id = 0;
  int32_t stage_attempt_id = 0;
  int32_t index = 0;
  int32_t attempt = 0;
  int32_t partition_id = -1;  // 3.3+, else -1
  uint32_t executor = 0;      // index into Application::executors
  int64_t launch_time = 0;    // epoch ms
  int64_t finish_time = 0;    // epoch ms, 0 while running
  int64_t getting_result_time = 0;
  TaskStatus status = TaskStatus::kRunning;
  TaskEndReason end_reason = TaskEndReason::kNone;
  TaskLocality locality = TaskLocality::kUnknown;
  bool speculative = false;
  bool shuffle_map_task = false;  // "Task Type": ShuffleMapTask vs ResultTask
  bool has_metrics = false;       // "Task Metrics" present in TaskEnd
  TaskMetrics metrics;

  int64_t duration() const { return finish_time > 0 ? finish_time - launch_time : 0; }
  // AppStatusUtils.schedulerDelay (2.x-4.x): duration minus run, deserialize,
  // result serialization and getting-result time, floored at 0.
  int64_t scheduler_delay() const;
};

}  // namespace sparktune::model
