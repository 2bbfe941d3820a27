// The top-level fields JsonProtocol writes for each core event (1.2-4.x) and
// which of them its reader requires (spark-reference.md 2.3), as KeyIndex
// tables: each event's required keys come first (kRequired of them), then the
// optional ones, then "Event". A missing required key makes the event
// unusable; a key outside the table is counted as unknown. The enumerators
// name the positions the decoders read; each enum and its key list are kept
// side by side so that they cannot drift apart.
//
// Also the nested objects read for every task (Task Info, Task Metrics and its
// parts) and for every stage (Stage Info, accumulables). Internal to
// data/eventlog (event_decoder.cc and the *_event_decoders.cc files).
#pragma once

#include "data/eventlog/json_fields.h"

namespace sparktune::eventlog::schema {

namespace application_start {
enum Field { kAppName, kTimestamp, kAppId, kUser, kAppAttemptId, kDriverLogs, kDriverAttributes };
inline constexpr int kRequired = 2;
inline const KeyIndex& Keys() {
  static const KeyIndex keys{"App Name",    "Timestamp",         "App ID", "User", "App Attempt ID",
                             "Driver Logs", "Driver Attributes", "Event"};
  return keys;
}
}  // namespace application_start

namespace application_end {
enum Field { kTimestamp, kExitCode };
inline constexpr int kRequired = 1;
inline const KeyIndex& Keys() {
  static const KeyIndex keys{"Timestamp", "ExitCode", "Event"};
  return keys;
}
}  // namespace application_end

namespace environment_update {
enum Field { kSparkProperties, kJvmInformation, kHadoopProperties, kSystemProperties };
inline constexpr int kRequired = 1;
inline const KeyIndex& Keys() {
  static const KeyIndex keys{"Spark Properties",   "JVM Information",
                             "Hadoop Properties",  "System Properties",
                             "Metrics Properties",
                             "Build Properties",  // Databricks runtimes
                             "Classpath Entries",  "Event"};
  return keys;
}
}  // namespace environment_update

namespace executor_added {
enum Field { kTimestamp, kExecutorId, kExecutorInfo };
inline constexpr int kRequired = 3;
inline const KeyIndex& Keys() {
  static const KeyIndex keys{"Timestamp", "Executor ID", "Executor Info", "Event"};
  return keys;
}
}  // namespace executor_added

namespace executor_removed {
enum Field { kTimestamp, kExecutorId, kRemovedReason };
inline constexpr int kRequired = 2;
inline const KeyIndex& Keys() {
  static const KeyIndex keys{"Timestamp", "Executor ID", "Removed Reason", "Event"};
  return keys;
}
}  // namespace executor_removed

namespace block_manager_added {
enum Field { kBlockManagerId, kMaximumMemory, kTimestamp };
inline constexpr int kRequired = 1;
inline const KeyIndex& Keys() {
  static const KeyIndex keys{"Block Manager ID",      "Maximum Memory",         "Timestamp",
                             "Maximum Onheap Memory", "Maximum Offheap Memory", "Event"};
  return keys;
}
}  // namespace block_manager_added

namespace job_start {
enum Field { kJobId, kSubmissionTime, kStageInfos, kStageIds, kProperties };
inline constexpr int kRequired = 1;
inline const KeyIndex& Keys() {
  static const KeyIndex keys{"Job ID",    "Submission Time", "Stage Infos",
                             "Stage IDs", "Properties",      "Event"};
  return keys;
}
}  // namespace job_start

namespace job_end {
enum Field { kJobId, kJobResult, kCompletionTime };
inline constexpr int kRequired = 2;
inline const KeyIndex& Keys() {
  static const KeyIndex keys{"Job ID", "Job Result", "Completion Time", "Event"};
  return keys;
}
}  // namespace job_end

namespace stage_submitted {
enum Field { kStageInfo, kProperties };
inline constexpr int kRequired = 1;
inline const KeyIndex& Keys() {
  static const KeyIndex keys{"Stage Info", "Properties", "Event"};
  return keys;
}
}  // namespace stage_submitted

namespace stage_completed {
enum Field { kStageInfo };
inline constexpr int kRequired = 1;
inline const KeyIndex& Keys() {
  static const KeyIndex keys{"Stage Info", "Event"};
  return keys;
}
}  // namespace stage_completed

namespace task_start {
enum Field { kStageId, kTaskInfo, kStageAttemptId };
inline constexpr int kRequired = 2;
inline const KeyIndex& Keys() {
  static const KeyIndex keys{"Stage ID", "Task Info", "Stage Attempt ID", "Event"};
  return keys;
}
}  // namespace task_start

namespace task_end {
enum Field {
  kStageId,
  kTaskInfo,
  kTaskEndReason,
  kStageAttemptId,
  kTaskType,
  kTaskMetrics,
  kTaskExecutorMetrics
};
inline constexpr int kRequired = 3;
inline const KeyIndex& Keys() {
  static const KeyIndex keys{
      "Stage ID",  "Task Info",    "Task End Reason",       "Stage Attempt ID",
      "Task Type", "Task Metrics", "Task Executor Metrics", "Event"};
  return keys;
}
}  // namespace task_end

// Nested objects (no unknown-field accounting).

namespace task_info {
enum Field {
  kTaskId,
  kIndex,
  kAttempt,
  kPartitionId,
  kLaunchTime,
  kFinishTime,
  kGettingResultTime,
  kSpeculative,
  kExecutorId,
  kHost,
  kLocality
};
inline const KeyIndex& Keys() {
  static const KeyIndex keys{"Task ID",
                             "Index",
                             "Attempt",
                             "Partition ID",
                             "Launch Time",
                             "Finish Time",
                             "Getting Result Time",
                             "Speculative",
                             "Executor ID",
                             "Host",
                             "Locality"};
  return keys;
}
}  // namespace task_info

namespace task_metrics {
enum Field {
  kExecutorDeserializeTime,
  kExecutorDeserializeCpuTime,
  kExecutorRunTime,
  kExecutorCpuTime,
  kResultSize,
  kJvmGcTime,
  kResultSerializationTime,
  kMemoryBytesSpilled,
  kDiskBytesSpilled,
  kPeakExecutionMemory,
  kInputMetrics,
  kOutputMetrics,
  kShuffleReadMetrics,
  kShuffleWriteMetrics
};
inline const KeyIndex& Keys() {
  static const KeyIndex keys{"Executor Deserialize Time",
                             "Executor Deserialize CPU Time",
                             "Executor Run Time",
                             "Executor CPU Time",
                             "Result Size",
                             "JVM GC Time",
                             "Result Serialization Time",
                             "Memory Bytes Spilled",
                             "Disk Bytes Spilled",
                             "Peak Execution Memory",
                             "Input Metrics",
                             "Output Metrics",
                             "Shuffle Read Metrics",
                             "Shuffle Write Metrics"};
  return keys;
}
}  // namespace task_metrics

namespace shuffle_read_metrics {
enum Field {
  kRemoteBlocksFetched,
  kLocalBlocksFetched,
  kFetchWaitTime,
  kRemoteBytesRead,
  kRemoteBytesReadToDisk,
  kLocalBytesRead,
  kTotalRecordsRead
};
inline const KeyIndex& Keys() {
  static const KeyIndex keys{
      "Remote Blocks Fetched",     "Local Blocks Fetched", "Fetch Wait Time",   "Remote Bytes Read",
      "Remote Bytes Read To Disk", "Local Bytes Read",     "Total Records Read"};
  return keys;
}
}  // namespace shuffle_read_metrics

namespace stage_info {
enum Field {
  kStageId,
  kStageAttemptId,
  kStageName,
  kDetails,
  kNumberOfTasks,
  kSubmissionTime,
  kCompletionTime,
  kResourceProfileId,
  kFailureReason,
  kParentIds,
  kRddInfo,
  kAccumulables
};
inline const KeyIndex& Keys() {
  static const KeyIndex keys{
      "Stage ID",        "Stage Attempt ID", "Stage Name",      "Details",
      "Number of Tasks", "Submission Time",  "Completion Time", "Resource Profile Id",
      "Failure Reason",  "Parent IDs",       "RDD Info",        "Accumulables"};
  return keys;
}
}  // namespace stage_info

namespace accumulable {
enum Field { kId, kName, kValue, kMetadata };
inline const KeyIndex& Keys() {
  static const KeyIndex keys{"ID", "Name", "Value", "Metadata"};
  return keys;
}
}  // namespace accumulable

}  // namespace sparktune::eventlog::schema
