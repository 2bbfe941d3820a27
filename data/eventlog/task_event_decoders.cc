// Decoders of SparkListenerTaskStart and SparkListenerTaskEnd (JsonProtocol
// taskStartToJson / taskEndToJson, taskInfoToJson, taskMetricsToJson,
// taskEndReasonToJson; 1.2-4.x): the events a log holds millions of, so every
// object is read in one pass over its fields (FieldSet). See event_decoders.h.
#include <string_view>

#include "data/eventlog/event_decoders.h"
#include "data/eventlog/event_schemas.h"

namespace sparktune::eventlog::decoders {

namespace {

model::TaskEndReason ReasonFromName(std::string_view r) {
  using R = model::TaskEndReason;
  if (r == "Success") return R::kSuccess;
  if (r == "Resubmitted") return R::kResubmitted;
  if (r == "TaskResultLost") return R::kTaskResultLost;
  if (r == "FetchFailed") return R::kFetchFailed;
  if (r == "ExceptionFailure") return R::kExceptionFailure;
  if (r == "TaskCommitDenied") return R::kTaskCommitDenied;
  if (r == "ExecutorLostFailure") return R::kExecutorLostFailure;
  if (r == "TaskKilled") return R::kTaskKilled;
  return R::kUnknownReason;
}

model::TaskLocality LocalityFromName(std::string_view l) {
  using L = model::TaskLocality;
  if (l == "PROCESS_LOCAL") return L::kProcessLocal;
  if (l == "NODE_LOCAL") return L::kNodeLocal;
  if (l == "NO_PREF") return L::kNoPref;
  if (l == "RACK_LOCAL") return L::kRackLocal;
  if (l == "ANY") return L::kAny;
  return L::kUnknown;
}

void DecodeTaskInfo(object o, model::Task* t, std::string* executor_id, std::string* host) {
  namespace k = schema::task_info;
  const FieldSet f(k::Keys(), o);
  t->task_id = f.Int(k::kTaskId, 0);
  t->index = static_cast<int32_t>(f.Int(k::kIndex, 0));
  t->attempt = static_cast<int32_t>(f.Int(k::kAttempt, 0));
  t->partition_id = static_cast<int32_t>(f.Int(k::kPartitionId, -1));
  t->launch_time = f.Int(k::kLaunchTime, 0);
  t->finish_time = f.Int(k::kFinishTime, 0);
  t->getting_result_time = f.Int(k::kGettingResultTime, 0);
  t->speculative = f.Bool(k::kSpeculative);
  *executor_id = f.String(k::kExecutorId);
  *host = f.String(k::kHost);
  std::string_view l;
  if (f.Has(k::kLocality) && f.Get(k::kLocality).get_string().get(l) == simdjson::SUCCESS)
    t->locality = LocalityFromName(l);
}

void DecodeShuffleReadMetrics(object o, model::TaskMetrics* m) {
  namespace k = schema::shuffle_read_metrics;
  const FieldSet f(k::Keys(), o);
  m->shuffle_remote_blocks_fetched = f.Int(k::kRemoteBlocksFetched, 0);
  m->shuffle_local_blocks_fetched = f.Int(k::kLocalBlocksFetched, 0);
  m->shuffle_fetch_wait_time = f.Int(k::kFetchWaitTime, 0);
  m->shuffle_remote_bytes_read = f.Int(k::kRemoteBytesRead, 0);
  m->shuffle_remote_bytes_read_to_disk = f.Int(k::kRemoteBytesReadToDisk, 0);
  m->shuffle_local_bytes_read = f.Int(k::kLocalBytesRead, 0);
  m->shuffle_records_read = f.Int(k::kTotalRecordsRead, 0);
}

void DecodeTaskMetrics(object o, TaskEndEvent* e) {
  namespace k = schema::task_metrics;
  model::TaskMetrics* m = &e->task.metrics;
  const FieldSet f(k::Keys(), o);
  m->executor_deserialize_time = f.Int(k::kExecutorDeserializeTime, 0);
  m->executor_deserialize_cpu_time_ns = f.Int(k::kExecutorDeserializeCpuTime, 0);
  m->executor_run_time = f.Int(k::kExecutorRunTime, 0);
  m->executor_cpu_time_ns = f.Int(k::kExecutorCpuTime, 0);
  m->result_size = f.Int(k::kResultSize, 0);
  m->jvm_gc_time = f.Int(k::kJvmGcTime, 0);
  m->result_serialization_time = f.Int(k::kResultSerializationTime, 0);
  m->memory_bytes_spilled = f.Int(k::kMemoryBytesSpilled, 0);
  m->disk_bytes_spilled = f.Int(k::kDiskBytesSpilled, 0);
  m->peak_execution_memory = f.Int(k::kPeakExecutionMemory, 0);
  object sub;
  if (f.Object(k::kInputMetrics, &sub)) {
    namespace in = schema::input_metrics;
    const FieldSet input(in::Keys(), sub);
    m->input_bytes = input.Int(in::kBytesRead, 0);
    m->input_records = input.Int(in::kRecordsRead, 0);
  }
  if (f.Object(k::kOutputMetrics, &sub)) {
    namespace out = schema::output_metrics;
    const FieldSet output(out::Keys(), sub);
    m->output_bytes = output.Int(out::kBytesWritten, 0);
    m->output_records = output.Int(out::kRecordsWritten, 0);
  }
  if (f.Object(k::kShuffleReadMetrics, &sub)) DecodeShuffleReadMetrics(sub, m);
  if (f.Object(k::kShuffleWriteMetrics, &sub)) {
    namespace w = schema::shuffle_write_metrics;
    const FieldSet write(w::Keys(), sub);
    m->shuffle_bytes_written = write.Int(w::kShuffleBytesWritten, 0);
    m->shuffle_write_time_ns = write.Int(w::kShuffleWriteTime, 0);
    m->shuffle_records_written = write.Int(w::kShuffleRecordsWritten, 0);
  }
  e->metrics_have_peak_execution_memory = f.Has(k::kPeakExecutionMemory);
  e->metrics_have_executor_cpu_time = f.Has(k::kExecutorCpuTime);
}

}  // namespace

void TaskStart(const FieldSet& f, ListenerEvent* out) {
  namespace k = schema::task_start;
  object info;
  if (!f.Object(k::kTaskInfo, &info)) return;
  TaskStartEvent& e = out->emplace<TaskStartEvent>();
  e.stage_id = static_cast<int>(f.Int(k::kStageId, 0));
  e.stage_attempt_id = static_cast<int>(f.Int(k::kStageAttemptId, 0));
  DecodeTaskInfo(info, &e.task, &e.executor_id, &e.host);
  e.task.stage_id = e.stage_id;
  e.task.stage_attempt_id = e.stage_attempt_id;
}

void TaskEnd(const FieldSet& f, ListenerEvent* out) {
  namespace k = schema::task_end;
  object info;
  if (!f.Object(k::kTaskInfo, &info)) return;
  TaskEndEvent& e = out->emplace<TaskEndEvent>();
  e.stage_id = static_cast<int>(f.Int(k::kStageId, 0));
  e.stage_attempt_id = static_cast<int>(f.Int(k::kStageAttemptId, 0));
  DecodeTaskInfo(info, &e.task, &e.executor_id, &e.host);
  e.task.stage_id = e.stage_id;
  e.task.stage_attempt_id = e.stage_attempt_id;
  e.task.shuffle_map_task = f.String(k::kTaskType) == "ShuffleMapTask";
  object reason;
  e.task.end_reason = f.Object(k::kTaskEndReason, &reason)
                          ? ReasonFromName(GetString(reason, "Reason"))
                          : model::TaskEndReason::kSuccess;
  switch (e.task.end_reason) {
    case model::TaskEndReason::kSuccess:
      e.task.status = model::TaskStatus::kSuccess;
      break;
    case model::TaskEndReason::kTaskKilled:
    case model::TaskEndReason::kTaskCommitDenied:
      e.task.status = model::TaskStatus::kKilled;
      break;
    default:
      e.task.status = model::TaskStatus::kFailed;
      break;
  }
  object metrics;
  if (f.Object(k::kTaskMetrics, &metrics)) {
    e.task.has_metrics = true;
    DecodeTaskMetrics(metrics, &e);
  }
  object executor_metrics;
  if (f.Object(k::kTaskExecutorMetrics, &executor_metrics)) {
    e.has_task_executor_metrics = true;
    e.task_executor_total_gc_time = GetInt(executor_metrics, "TotalGCTime", -1);
  }
}

}  // namespace sparktune::eventlog::decoders
