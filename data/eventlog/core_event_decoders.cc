// Decoders of the core listener events other than tasks (JsonProtocol,
// 1.2-4.x: application, environment, executors, block managers, jobs, stages,
// resource profiles, executor metrics) and of the Databricks log header. See
// event_decoders.h.
#include <string_view>

#include "data/eventlog/event_decoders.h"
#include "data/eventlog/event_schemas.h"

namespace sparktune::eventlog::decoders {

namespace {

// Keys of interest in JobStart/StageSubmitted "Properties".
bool IsKeptJobProperty(std::string_view key) {
  return key == "spark.sql.execution.id" || key == "spark.job.description" ||
         key == "spark.jobGroup.id" || key == "spark.scheduler.pool" ||
         key == "spark.sql.execution.root.id";
}

// Hadoop properties the cost model reads (YARN container rounding).
bool IsKeptHadoopProperty(std::string_view key) {
  return key.starts_with("yarn.scheduler.") || key.starts_with("yarn.resource-types.memory-mb");
}

void DecodeAccumulables(array a, std::vector<model::Accumulable>* out) {
  namespace k = schema::accumulable;
  for (element acc : a) {
    object ao;
    if (acc.get_object().get(ao) != simdjson::SUCCESS) continue;
    const FieldSet f(k::Keys(), ao);
    model::Accumulable m;
    m.id = f.Int(k::kId, 0);
    m.name = f.String(k::kName);
    m.value = f.String(k::kValue);
    m.sql = f.String(k::kMetadata) == "sql";
    out->push_back(std::move(m));
  }
}

}  // namespace

void StageInfo(object o, StageInfoEvent* s) {
  namespace k = schema::stage_info;
  const FieldSet f(k::Keys(), o);
  s->stage_id = static_cast<int>(f.Int(k::kStageId, 0));
  s->attempt_id = static_cast<int>(f.Int(k::kStageAttemptId, 0));
  s->name = f.String(k::kStageName);
  s->details = f.String(k::kDetails);
  s->num_tasks = static_cast<int>(f.Int(k::kNumberOfTasks, 0));
  s->submission_time = f.Int(k::kSubmissionTime, -1);
  s->completion_time = f.Int(k::kCompletionTime, -1);
  s->resource_profile_id = static_cast<int>(f.Int(k::kResourceProfileId, 0));
  if (f.Has(k::kFailureReason) && !f.Get(k::kFailureReason).is_null())
    s->failure_reason = AsString(f.Get(k::kFailureReason));
  array a;
  if (f.Array(k::kParentIds, &a)) {
    for (element p : a) s->parent_ids.push_back(static_cast<int>(AsInt(p)));
  }
  if (f.Array(k::kRddInfo, &a)) {
    for (element r : a) {
      object ro;
      if (r.get_object().get(ro) == simdjson::SUCCESS)
        s->rdd_ids.push_back(static_cast<int>(GetInt(ro, "RDD ID", 0)));
    }
  }
  if (f.Array(k::kAccumulables, &a)) DecodeAccumulables(a, &s->accumulables);
}

void ApplicationStart(const FieldSet& f, ListenerEvent* out) {
  namespace k = schema::application_start;
  ApplicationStartEvent& e = out->emplace<ApplicationStartEvent>();
  e.name = f.String(k::kAppName);
  e.app_id = f.String(k::kAppId);
  e.attempt_id = f.String(k::kAppAttemptId);
  e.user = f.String(k::kUser);
  e.time = f.Int(k::kTimestamp, -1);
}

void ApplicationEnd(const FieldSet& f, ListenerEvent* out) {
  namespace k = schema::application_end;
  ApplicationEndEvent& e = out->emplace<ApplicationEndEvent>();
  const int64_t code = f.Int(k::kExitCode, INT64_MIN);
  if (code != INT64_MIN) e.exit_code = static_cast<int>(code);
  e.time = f.Int(k::kTimestamp, -1);
}

void EnvironmentUpdate(const FieldSet& f, ListenerEvent* out) {
  namespace k = schema::environment_update;
  EnvironmentUpdateEvent& e = out->emplace<EnvironmentUpdateEvent>();
  object props;
  if (f.Object(k::kSparkProperties, &props)) {
    for (auto field : props) e.spark.emplace_back(field.key, AsString(field.value));
  }
  if (f.Object(k::kHadoopProperties, &props)) {
    for (auto field : props) {
      if (IsKeptHadoopProperty(field.key)) e.hadoop.emplace_back(field.key, AsString(field.value));
    }
  }
  if (f.Object(k::kSystemProperties, &props)) {
    for (auto field : props) {
      if (field.key == "java.version" || field.key == "sun.java.command")
        e.system.emplace_back(field.key, AsString(field.value));
    }
  }
}

void ExecutorAdded(const FieldSet& f, ListenerEvent* out) {
  namespace k = schema::executor_added;
  ExecutorAddedEvent& e = out->emplace<ExecutorAddedEvent>();
  e.time = f.Int(k::kTimestamp, 0);
  e.executor_id = f.String(k::kExecutorId);
  object info;
  if (f.Object(k::kExecutorInfo, &info)) {
    e.host = GetString(info, "Host");
    e.total_cores = static_cast<int>(GetInt(info, "Total Cores", 0));
    e.resource_profile_id = static_cast<int>(GetInt(info, "Resource Profile Id", 0));
    e.request_time = GetInt(info, "Request Time", -1);
  }
}

void ExecutorRemoved(const FieldSet& f, ListenerEvent* out) {
  namespace k = schema::executor_removed;
  ExecutorRemovedEvent& e = out->emplace<ExecutorRemovedEvent>();
  e.time = f.Int(k::kTimestamp, 0);
  e.executor_id = f.String(k::kExecutorId);
  e.reason = f.String(k::kRemovedReason);
}

void BlockManagerAdded(const FieldSet& f, ListenerEvent* out) {
  namespace k = schema::block_manager_added;
  BlockManagerAddedEvent& e = out->emplace<BlockManagerAddedEvent>();
  e.time = f.Int(k::kTimestamp, 0);
  e.max_memory = f.Int(k::kMaximumMemory, 0);
  object bm;
  if (f.Object(k::kBlockManagerId, &bm)) {
    e.executor_id = GetString(bm, "Executor ID");
    e.host = GetString(bm, "Host");
  }
}

void JobStart(const FieldSet& f, ListenerEvent* out) {
  namespace k = schema::job_start;
  JobStartEvent& e = out->emplace<JobStartEvent>();
  e.job_id = static_cast<int>(f.Int(k::kJobId, 0));
  e.submission_time = f.Int(k::kSubmissionTime, -1);
  array arr;
  if (f.Array(k::kStageInfos, &arr)) {
    for (element s : arr) {
      object so;
      if (s.get_object().get(so) != simdjson::SUCCESS) continue;
      e.stage_infos.emplace_back();
      StageInfo(so, &e.stage_infos.back());
    }
  }
  if (f.Array(k::kStageIds, &arr)) {
    for (element s : arr) e.stage_ids.push_back(static_cast<int>(AsInt(s)));
  } else {
    for (const auto& s : e.stage_infos) e.stage_ids.push_back(s.stage_id);
  }
  object props;
  if (f.Object(k::kProperties, &props)) {
    for (auto field : props) {
      if (IsKeptJobProperty(field.key))
        e.properties[std::string(field.key)] = AsString(field.value);
    }
  }
}

void JobEnd(const FieldSet& f, ListenerEvent* out) {
  namespace k = schema::job_end;
  JobEndEvent& e = out->emplace<JobEndEvent>();
  e.job_id = static_cast<int>(f.Int(k::kJobId, 0));
  e.completion_time = f.Int(k::kCompletionTime, -1);
  object result;
  if (f.Object(k::kJobResult, &result)) e.succeeded = GetString(result, "Result") == "JobSucceeded";
}

void StageSubmitted(const FieldSet& f, ListenerEvent* out) {
  object info;
  if (!f.Object(schema::stage_submitted::kStageInfo, &info)) return;
  StageInfo(info, &out->emplace<StageSubmittedEvent>().info);
}

void StageCompleted(const FieldSet& f, ListenerEvent* out) {
  object info;
  if (!f.Object(schema::stage_completed::kStageInfo, &info)) return;
  StageInfo(info, &out->emplace<StageCompletedEvent>().info);
}

void LogStart(object o, bool databricks, ListenerEvent* out) {
  LogStartEvent& e = out->emplace<LogStartEvent>();
  e.spark_version = GetString(o, "Spark Version");
  e.databricks = databricks;
  if (databricks) e.timestamp = GetInt(o, "Timestamp", -1);
}

void ResourceProfileAdded(object o, ListenerEvent* out) {
  model::ResourceProfile& rp = out->emplace<ResourceProfileAddedEvent>().profile;
  rp.id = static_cast<int>(GetInt(o, "Resource Profile Id", 0));
  object reqs;
  if (GetObject(o, "Executor Resource Requests", &reqs)) {
    for (auto field : reqs) {
      object r;
      if (field.value.get_object().get(r) != simdjson::SUCCESS) continue;
      int64_t amount = GetInt(r, "Amount", -1);
      if (field.key == "memory")
        rp.executor_memory_mib = amount;
      else if (field.key == "memoryOverhead")
        rp.executor_overhead_mib = amount;
      else if (field.key == "offHeap")
        rp.executor_offheap_mib = amount;
      else if (field.key == "pyspark.memory")
        rp.executor_pyspark_mib = amount;
      else if (field.key == "cores")
        rp.executor_cores = static_cast<int>(amount);
    }
  }
  if (GetObject(o, "Task Resource Requests", &reqs)) {
    object cpus;
    if (GetObject(reqs, "cpus", &cpus)) {
      element amount;
      if (cpus.at_key("Amount").get(amount) == simdjson::SUCCESS) rp.task_cpus = AsDouble(amount);
    }
  }
}

void StageExecutorMetrics(object o, ListenerEvent* out) {
  object metrics;
  if (!GetObject(o, "Executor Metrics", &metrics)) return;
  ExecutorGcPeaksEvent& e = out->emplace<ExecutorGcPeaksEvent>();
  e.executor_id = GetString(o, "Executor ID");
  e.total_gc_times.push_back(GetInt(metrics, "TotalGCTime", -1));
}

void ExecutorMetricsUpdate(object o, ListenerEvent* out) {
  array updates;
  if (!GetArray(o, "Executor Metrics Updated", &updates)) return;
  ExecutorGcPeaksEvent& e = out->emplace<ExecutorGcPeaksEvent>();
  e.executor_id = GetString(o, "Executor ID");
  for (element u : updates) {
    object uo, metrics;
    if (u.get_object().get(uo) == simdjson::SUCCESS && GetObject(uo, "Executor Metrics", &metrics))
      e.total_gc_times.push_back(GetInt(metrics, "TotalGCTime", -1));
  }
}

}  // namespace sparktune::eventlog::decoders
