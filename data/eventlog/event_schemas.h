// The top-level fields JsonProtocol writes for each core event (1.2-4.x) and
// which of them its reader requires (spark-reference.md 2.3), as KeyIndex
// tables in the order JsonProtocol writes them (so that FieldSet's guess of
// the next key is usually right), with kRequired naming the required ones in
// the order they are checked. A missing required key makes the event
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
enum Field {
  kEvent,
  kAppName,
  kAppId,
  kTimestamp,
  kUser,
  kAppAttemptId,
  kDriverLogs,
  kDriverAttributes
};
inline constexpr int kRequired[] = {kAppName, kTimestamp};
inline const KeyIndex& Keys() {
  static const KeyIndex keys{"Event", "App Name",       "App ID",      "Timestamp",
                             "User",  "App Attempt ID", "Driver Logs", "Driver Attributes"};
  return keys;
}
}  // namespace application_start

namespace application_end {
enum Field { kEvent, kTimestamp, kExitCode };
inline constexpr int kRequired[] = {kTimestamp};
inline const KeyIndex& Keys() {
  static const KeyIndex keys{"Event", "Timestamp", "ExitCode"};
  return keys;
}
}  // namespace application_end

namespace environment_update {
enum Field {
  kEvent,
  kJvmInformation,
  kSparkProperties,
  kHadoopProperties,
  kSystemProperties,
  kMetricsProperties,
  kClasspathEntries,
  kBuildProperties
};
inline constexpr int kRequired[] = {kSparkProperties};
inline const KeyIndex& Keys() {
  static const KeyIndex keys{"Event",
                             "JVM Information",
                             "Spark Properties",
                             "Hadoop Properties",
                             "System Properties",
                             "Metrics Properties",
                             "Classpath Entries",
                             "Build Properties"};  // Databricks runtimes
  return keys;
}
}  // namespace environment_update

namespace executor_added {
enum Field { kEvent, kTimestamp, kExecutorId, kExecutorInfo };
inline constexpr int kRequired[] = {kTimestamp, kExecutorId, kExecutorInfo};
inline const KeyIndex& Keys() {
  static const KeyIndex keys{"Event", "Timestamp", "Executor ID", "Executor Info"};
  return keys;
}
}  // namespace executor_added

namespace executor_removed {
enum Field { kEvent, kTimestamp, kExecutorId, kRemovedReason };
inline constexpr int kRequired[] = {kTimestamp, kExecutorId};
inline const KeyIndex& Keys() {
  static const KeyIndex keys{"Event", "Timestamp", "Executor ID", "Removed Reason"};
  return keys;
}
}  // namespace executor_removed

namespace block_manager_added {
enum Field {
  kEvent,
  kBlockManagerId,
  kMaximumMemory,
  kTimestamp,
  kMaximumOnheapMemory,
  kMaximumOffheapMemory
};
inline constexpr int kRequired[] = {kBlockManagerId};
inline const KeyIndex& Keys() {
  static const KeyIndex keys{"Event",     "Block Manager ID",      "Maximum Memory",
                             "Timestamp", "Maximum Onheap Memory", "Maximum Offheap Memory"};
  return keys;
}
}  // namespace block_manager_added

namespace job_start {
enum Field { kEvent, kJobId, kSubmissionTime, kStageInfos, kStageIds, kProperties };
inline constexpr int kRequired[] = {kJobId};
inline const KeyIndex& Keys() {
  static const KeyIndex keys{"Event",       "Job ID",    "Submission Time",
                             "Stage Infos", "Stage IDs", "Properties"};
  return keys;
}
}  // namespace job_start

namespace job_end {
enum Field { kEvent, kJobId, kCompletionTime, kJobResult };
inline constexpr int kRequired[] = {kJobId, kJobResult};
inline const KeyIndex& Keys() {
  static const KeyIndex keys{"Event", "Job ID", "Completion Time", "Job Result"};
  return keys;
}
}  // namespace job_end

namespace stage_submitted {
enum Field { kEvent, kStageInfo, kProperties };
inline constexpr int kRequired[] = {kStageInfo};
inline const KeyIndex& Keys() {
  static const KeyIndex keys{"Event", "Stage Info", "Properties"};
  return keys;
}
}  // namespace stage_submitted

namespace stage_completed {
enum Field { kEvent, kStageInfo };
inline constexpr int kRequired[] = {kStageInfo};
inline const KeyIndex& Keys() {
  static const KeyIndex keys{"Event", "Stage Info"};
  return keys;
}
}  // namespace stage_completed

namespace task_start {
enum Field { kEvent, kStageId, kStageAttemptId, kTaskInfo };
inline constexpr int kRequired[] = {kStageId, kTaskInfo};
inline const KeyIndex& Keys() {
  static const KeyIndex keys{"Event", "Stage ID", "Stage Attempt ID", "Task Info"};
  return keys;
}
}  // namespace task_start

namespace task_end {
enum Field {
  kEvent,
  kStageId,
  kStageAttemptId,
  kTaskType,
  kTaskEndReason,
  kTaskInfo,
  kTaskExecutorMetrics,
  kTaskMetrics
};
inline constexpr int kRequired[] = {kStageId, kTaskInfo, kTaskEndReason};
inline const KeyIndex& Keys() {
  static const KeyIndex keys{
      "Event",           "Stage ID",  "Stage Attempt ID",      "Task Type",
      "Task End Reason", "Task Info", "Task Executor Metrics", "Task Metrics"};
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
  kExecutorId,
  kHost,
  kLocality,
  kSpeculative,
  kGettingResultTime,
  kFinishTime
};
inline const KeyIndex& Keys() {
  static const KeyIndex keys{
      "Task ID", "Index",    "Attempt",     "Partition ID",        "Launch Time", "Executor ID",
      "Host",    "Locality", "Speculative", "Getting Result Time", "Finish Time"};
  return keys;
}
}  // namespace task_info

namespace task_metrics {
enum Field {
  kExecutorDeserializeTime,
  kExecutorDeserializeCpuTime,
  kExecutorRunTime,
  kExecutorCpuTime,
  kPeakExecutionMemory,
  kResultSize,
  kJvmGcTime,
  kResultSerializationTime,
  kMemoryBytesSpilled,
  kDiskBytesSpilled,
  kShuffleReadMetrics,
  kShuffleWriteMetrics,
  kInputMetrics,
  kOutputMetrics
};
inline const KeyIndex& Keys() {
  static const KeyIndex keys{"Executor Deserialize Time",
                             "Executor Deserialize CPU Time",
                             "Executor Run Time",
                             "Executor CPU Time",
                             "Peak Execution Memory",
                             "Result Size",
                             "JVM GC Time",
                             "Result Serialization Time",
                             "Memory Bytes Spilled",
                             "Disk Bytes Spilled",
                             "Shuffle Read Metrics",
                             "Shuffle Write Metrics",
                             "Input Metrics",
                             "Output Metrics"};
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

namespace input_metrics {
enum Field { kBytesRead, kRecordsRead };
inline const KeyIndex& Keys() {
  static const KeyIndex keys{"Bytes Read", "Records Read"};
  return keys;
}
}  // namespace input_metrics

namespace output_metrics {
enum Field { kBytesWritten, kRecordsWritten };
inline const KeyIndex& Keys() {
  static const KeyIndex keys{"Bytes Written", "Records Written"};
  return keys;
}
}  // namespace output_metrics

namespace shuffle_write_metrics {
enum Field { kShuffleBytesWritten, kShuffleWriteTime, kShuffleRecordsWritten };
inline const KeyIndex& Keys() {
  static const KeyIndex keys{"Shuffle Bytes Written", "Shuffle Write Time",
                             "Shuffle Records Written"};
  return keys;
}
}  // namespace shuffle_write_metrics

namespace stage_info {
enum Field {
  kStageId,
  kStageAttemptId,
  kStageName,
  kNumberOfTasks,
  kRddInfo,
  kParentIds,
  kDetails,
  kSubmissionTime,
  kCompletionTime,
  kFailureReason,
  kAccumulables,
  kResourceProfileId
};
inline const KeyIndex& Keys() {
  static const KeyIndex keys{"Stage ID",        "Stage Attempt ID", "Stage Name",
                             "Number of Tasks", "RDD Info",         "Parent IDs",
                             "Details",         "Submission Time",  "Completion Time",
                             "Failure Reason",  "Accumulables",     "Resource Profile Id"};
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
