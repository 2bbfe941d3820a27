#include "data/eventlog/event_parser.h"

#include <simdjson.h>

#include <algorithm>
#include <charconv>
#include <unordered_map>

#include "data/eventlog/line_reader.h"

namespace sparktune::eventlog {

namespace {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::element_type;
using simdjson::dom::object;

static_assert(kLinePadding >= simdjson::SIMDJSON_PADDING, "line padding too small for simdjson");

// Numbers arrive as JSON numbers, or as strings in SQL metrics and some
// vendor builds; read both leniently.
int64_t AsInt(element e) {
  switch (e.type()) {
    case element_type::INT64: return int64_t(e);
    case element_type::UINT64: return static_cast<int64_t>(uint64_t(e));
    case element_type::DOUBLE: {
      // Clamp: a hostile 1e81 must not be undefined behaviour.
      double d = double(e);
      if (!(d > -9.2e18)) return d != d ? 0 : INT64_MIN;
      if (!(d < 9.2e18)) return INT64_MAX;
      return static_cast<int64_t>(d);
    }
    case element_type::BOOL: return bool(e) ? 1 : 0;
    case element_type::STRING: {
      std::string_view s(e);
      int64_t v = 0;
      std::from_chars(s.data(), s.data() + s.size(), v);
      return v;
    }
    default: return 0;
  }
}

double AsDouble(element e) {
  switch (e.type()) {
    case element_type::INT64: return static_cast<double>(int64_t(e));
    case element_type::UINT64: return static_cast<double>(uint64_t(e));
    case element_type::DOUBLE: return double(e);
    case element_type::STRING: {
      std::string s{std::string_view(e)};
      return std::strtod(s.c_str(), nullptr);
    }
    default: return 0;
  }
}

std::string AsString(element e) {
  switch (e.type()) {
    case element_type::STRING: return std::string(std::string_view(e));
    case element_type::INT64: return std::to_string(int64_t(e));
    case element_type::UINT64: return std::to_string(uint64_t(e));
    case element_type::DOUBLE: return std::to_string(double(e));
    case element_type::BOOL: return bool(e) ? "true" : "false";
    default: return "";
  }
}

int64_t GetInt(object o, std::string_view key, int64_t fallback) {
  element v;
  if (o.at_key(key).get(v) != simdjson::SUCCESS || v.is_null()) return fallback;
  return AsInt(v);
}
std::string GetString(object o, std::string_view key) {
  element v;
  if (o.at_key(key).get(v) != simdjson::SUCCESS || v.is_null()) return {};
  return AsString(v);
}
bool GetBool(object o, std::string_view key) {
  element v;
  if (o.at_key(key).get(v) != simdjson::SUCCESS) return false;
  if (v.type() == element_type::BOOL) return bool(v);
  if (v.type() == element_type::STRING) return std::string_view(v) == "true";
  return AsInt(v) != 0;
}
bool GetObject(object o, std::string_view key, object* out) {
  element v;
  if (o.at_key(key).get(v) != simdjson::SUCCESS) return false;
  return v.get_object().get(*out) == simdjson::SUCCESS;
}
bool GetArray(object o, std::string_view key, array* out) {
  element v;
  if (o.at_key(key).get(v) != simdjson::SUCCESS) return false;
  return v.get_array().get(*out) == simdjson::SUCCESS;
}

enum class EventType {
  kLogStart,
  kDatabricksMetadata,
  kApplicationStart,
  kApplicationEnd,
  kEnvironmentUpdate,
  kResourceProfileAdded,
  kExecutorAdded,
  kExecutorRemoved,
  kBlockManagerAdded,
  kJobStart,
  kJobEnd,
  kStageSubmitted,
  kStageCompleted,
  kTaskStart,
  kTaskEnd,
  kSqlExecutionStart,
  kSqlExecutionEnd,
  kSqlAdaptiveExecutionUpdate,
  kSqlAdaptiveSqlMetricUpdates,
  kDriverAccumUpdates,
  kStageExecutorMetrics,
  kExecutorMetricsUpdate,
  kKnownIgnored,  // logged by Spark, not needed by the model
};

const std::unordered_map<std::string_view, EventType>& EventTable() {
  static const auto* table = new std::unordered_map<std::string_view, EventType>{
      {"SparkListenerLogStart", EventType::kLogStart},
      {"DBCEventLoggingListenerMetadata", EventType::kDatabricksMetadata},
      {"SparkListenerApplicationStart", EventType::kApplicationStart},
      {"SparkListenerApplicationEnd", EventType::kApplicationEnd},
      {"SparkListenerEnvironmentUpdate", EventType::kEnvironmentUpdate},
      {"SparkListenerResourceProfileAdded", EventType::kResourceProfileAdded},
      {"SparkListenerExecutorAdded", EventType::kExecutorAdded},
      {"SparkListenerExecutorRemoved", EventType::kExecutorRemoved},
      {"SparkListenerBlockManagerAdded", EventType::kBlockManagerAdded},
      {"SparkListenerJobStart", EventType::kJobStart},
      {"SparkListenerJobEnd", EventType::kJobEnd},
      {"SparkListenerStageSubmitted", EventType::kStageSubmitted},
      {"SparkListenerStageCompleted", EventType::kStageCompleted},
      {"SparkListenerTaskStart", EventType::kTaskStart},
      {"SparkListenerTaskEnd", EventType::kTaskEnd},
      {"org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart",
       EventType::kSqlExecutionStart},
      {"org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionEnd",
       EventType::kSqlExecutionEnd},
      {"org.apache.spark.sql.execution.ui.SparkListenerSQLAdaptiveExecutionUpdate",
       EventType::kSqlAdaptiveExecutionUpdate},
      {"org.apache.spark.sql.execution.ui.SparkListenerSQLAdaptiveSQLMetricUpdates",
       EventType::kSqlAdaptiveSqlMetricUpdates},
      {"org.apache.spark.sql.execution.ui.SparkListenerDriverAccumUpdates",
       EventType::kDriverAccumUpdates},
      // Logged by Spark but not used by the model (spark-reference.md 2.2).
      {"SparkListenerBlockManagerRemoved", EventType::kKnownIgnored},
      {"SparkListenerUnpersistRDD", EventType::kKnownIgnored},
      {"SparkListenerTaskGettingResult", EventType::kKnownIgnored},
      {"SparkListenerStageExecutorMetrics", EventType::kStageExecutorMetrics},
      {"SparkListenerExecutorMetricsUpdate", EventType::kExecutorMetricsUpdate},
      {"SparkListenerBlockUpdated", EventType::kKnownIgnored},
      {"org.apache.spark.scheduler.SparkListenerExecutorBlacklisted", EventType::kKnownIgnored},
      {"org.apache.spark.scheduler.SparkListenerExecutorBlacklistedForStage",
       EventType::kKnownIgnored},
      {"org.apache.spark.scheduler.SparkListenerExecutorUnblacklisted", EventType::kKnownIgnored},
      {"org.apache.spark.scheduler.SparkListenerNodeBlacklisted", EventType::kKnownIgnored},
      {"org.apache.spark.scheduler.SparkListenerNodeBlacklistedForStage", EventType::kKnownIgnored},
      {"org.apache.spark.scheduler.SparkListenerNodeUnblacklisted", EventType::kKnownIgnored},
      {"org.apache.spark.scheduler.SparkListenerExecutorExcluded", EventType::kKnownIgnored},
      {"org.apache.spark.scheduler.SparkListenerExecutorExcludedForStage",
       EventType::kKnownIgnored},
      {"org.apache.spark.scheduler.SparkListenerExecutorUnexcluded", EventType::kKnownIgnored},
      {"org.apache.spark.scheduler.SparkListenerNodeExcluded", EventType::kKnownIgnored},
      {"org.apache.spark.scheduler.SparkListenerNodeExcludedForStage", EventType::kKnownIgnored},
      {"org.apache.spark.scheduler.SparkListenerNodeUnexcluded", EventType::kKnownIgnored},
      {"org.apache.spark.scheduler.SparkListenerMiscellaneousProcessAdded",
       EventType::kKnownIgnored},
      {"org.apache.spark.sql.execution.ui.SparkListenerQueryExecutionMetrics",
       EventType::kKnownIgnored},
      {"org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionObservedMetrics",
       EventType::kKnownIgnored},
      {"org.apache.spark.sql.streaming.StreamingQueryListener$QueryStartedEvent",
       EventType::kKnownIgnored},
      {"org.apache.spark.sql.streaming.StreamingQueryListener$QueryProgressEvent",
       EventType::kKnownIgnored},
      {"org.apache.spark.sql.streaming.StreamingQueryListener$QueryTerminatedEvent",
       EventType::kKnownIgnored},
      {"org.apache.spark.sql.streaming.StreamingQueryListener$QueryIdleEvent",
       EventType::kKnownIgnored},
      {"org.apache.spark.sql.catalyst.catalog.CreateTablePreEvent", EventType::kKnownIgnored},
      {"org.apache.spark.sql.catalyst.catalog.CreateTableEvent", EventType::kKnownIgnored},
      {"org.apache.spark.sql.catalyst.catalog.DropTablePreEvent", EventType::kKnownIgnored},
      {"org.apache.spark.sql.catalyst.catalog.DropTableEvent", EventType::kKnownIgnored},
      {"org.apache.spark.sql.catalyst.catalog.AlterTablePreEvent", EventType::kKnownIgnored},
      {"org.apache.spark.sql.catalyst.catalog.AlterTableEvent", EventType::kKnownIgnored},
      {"org.apache.spark.sql.catalyst.catalog.CreateDatabasePreEvent", EventType::kKnownIgnored},
      {"org.apache.spark.sql.catalyst.catalog.CreateDatabaseEvent", EventType::kKnownIgnored},
      {"org.apache.spark.sql.catalyst.catalog.DropDatabasePreEvent", EventType::kKnownIgnored},
      {"org.apache.spark.sql.catalyst.catalog.DropDatabaseEvent", EventType::kKnownIgnored},
  };
  return *table;
}

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

void ParsePlanTree(element node, model::PlanTree* tree, int depth) {
  object o;
  if (depth > 512 || node.get_object().get(o) != simdjson::SUCCESS) return;
  int index = static_cast<int>(tree->nodes.size());
  tree->nodes.emplace_back();
  {
    model::PlanNode& n = tree->nodes.back();
    n.node_name = GetString(o, "nodeName");
    n.simple_string = GetString(o, "simpleString");
    array metrics;
    if (GetArray(o, "metrics", &metrics)) {
      for (element m : metrics) {
        object mo;
        if (m.get_object().get(mo) != simdjson::SUCCESS) continue;
        n.metrics.push_back({GetString(mo, "name"), GetInt(mo, "accumulatorId", 0),
                             GetString(mo, "metricType")});
      }
    }
  }
  array children;
  if (GetArray(o, "children", &children)) {
    for (element child : children) {
      int child_index = static_cast<int>(tree->nodes.size());
      ParsePlanTree(child, tree, depth + 1);
      if (child_index < static_cast<int>(tree->nodes.size()))
        tree->nodes[index].children.push_back(child_index);
    }
  }
  if (index == 0) {
    tree->final_plan = tree->nodes[0].simple_string.find("isFinalPlan=true") != std::string::npos;
  }
}

// Top-level fields JsonProtocol writes for each core event (1.2-4.x) and
// which of them its reader requires. Unknown fields are counted; a missing
// required field makes the event unusable.
struct FieldSpec {
  std::vector<std::string_view> required;
  std::vector<std::string_view> optional;
};

const FieldSpec* SpecFor(EventType type) {
  static const std::unordered_map<int, FieldSpec>* specs = new std::unordered_map<int, FieldSpec>{
      {static_cast<int>(EventType::kApplicationStart),
       {{"App Name", "Timestamp"}, {"App ID", "User", "App Attempt ID", "Driver Logs", "Driver Attributes"}}},
      {static_cast<int>(EventType::kApplicationEnd), {{"Timestamp"}, {"ExitCode"}}},
      {static_cast<int>(EventType::kEnvironmentUpdate),
       {{"Spark Properties"},
        {"JVM Information", "Hadoop Properties", "System Properties", "Metrics Properties",
         "Build Properties",  // Databricks runtimes
         "Classpath Entries"}}},
      {static_cast<int>(EventType::kExecutorAdded), {{"Timestamp", "Executor ID", "Executor Info"}, {}}},
      {static_cast<int>(EventType::kExecutorRemoved), {{"Timestamp", "Executor ID"}, {"Removed Reason"}}},
      {static_cast<int>(EventType::kBlockManagerAdded),
       {{"Block Manager ID"}, {"Maximum Memory", "Timestamp", "Maximum Onheap Memory", "Maximum Offheap Memory"}}},
      {static_cast<int>(EventType::kJobStart),
       {{"Job ID"}, {"Submission Time", "Stage Infos", "Stage IDs", "Properties"}}},
      {static_cast<int>(EventType::kJobEnd), {{"Job ID", "Job Result"}, {"Completion Time"}}},
      {static_cast<int>(EventType::kStageSubmitted), {{"Stage Info"}, {"Properties"}}},
      {static_cast<int>(EventType::kStageCompleted), {{"Stage Info"}, {}}},
      {static_cast<int>(EventType::kTaskStart), {{"Stage ID", "Task Info"}, {"Stage Attempt ID"}}},
      {static_cast<int>(EventType::kTaskEnd),
       {{"Stage ID", "Task Info", "Task End Reason"},
        {"Stage Attempt ID", "Task Type", "Task Metrics", "Task Executor Metrics"}}},
  };
  auto it = specs->find(static_cast<int>(type));
  return it == specs->end() ? nullptr : &it->second;
}

}  // namespace

struct EventParser::Impl {
  model::Application* app;
  ModelBuilder* builder;
  simdjson::dom::parser parser;
  std::unordered_map<int, bool> unknown_field_reported;  // per event type

  LineOutcome Parse(std::string_view line);
  void Dispatch(EventType type, object o);
  void ParseStageInfo(object o, StageInfoEvent* s);
  void ParseTaskInfo(object o, model::Task* t, std::string* executor_id, std::string* host);
  void ParseTaskMetrics(object o, model::TaskMetrics* m);
};

EventParser::EventParser(model::Application* app, ModelBuilder* builder)
    : impl_(std::make_unique<Impl>()) {
  impl_->app = app;
  impl_->builder = builder;
}
EventParser::~EventParser() = default;

LineOutcome EventParser::ParseLine(std::string_view line) { return impl_->Parse(line); }

LineOutcome EventParser::Impl::Parse(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  if (i == line.size()) return {LineKind::kBlank, ""};
  element doc;
  auto error = parser.parse(line.data(), line.size(), false).get(doc);
  if (error != simdjson::SUCCESS) {
    return {LineKind::kMalformed, std::string("invalid JSON (") + simdjson::error_message(error) +
                                      "); expected one JSON object per line"};
  }
  object o;
  if (doc.get_object().get(o) != simdjson::SUCCESS) {
    return {LineKind::kMalformed, "expected a JSON object with an \"Event\" field"};
  }
  element ev;
  std::string_view name;
  if (o.at_key("Event").get(ev) != simdjson::SUCCESS || ev.get_string().get(name) != simdjson::SUCCESS) {
    return {LineKind::kMalformed, "JSON object has no \"Event\" string"};
  }
  auto it = EventTable().find(name);
  if (it == EventTable().end()) {
    model::Evidence& ev_info = app->evidence;
    ev_info.unknown_events += 1;
    if (ev_info.unknown_event_names.size() < 64 || ev_info.unknown_event_names.count(std::string(name)))
      ev_info.unknown_event_names[std::string(name)] += 1;
    return {LineKind::kUnknownEvent, ""};
  }
  if (const FieldSpec* spec = SpecFor(it->second)) {
    for (std::string_view field : spec->required) {
      element v;
      if (o.at_key(field).get(v) != simdjson::SUCCESS) {
        return {LineKind::kEvent, std::string(name) + " lacks the required field \"" +
                                      std::string(field) + "\"; event ignored"};
      }
    }
    std::string problem;
    for (auto field : o) {
      if (field.key == "Event") continue;
      bool known = std::find(spec->required.begin(), spec->required.end(), field.key) != spec->required.end() ||
                   std::find(spec->optional.begin(), spec->optional.end(), field.key) != spec->optional.end();
      if (known) continue;
      app->evidence.unknown_fields += 1;
      bool& reported = unknown_field_reported[static_cast<int>(it->second)];
      if (!reported) {
        reported = true;
        problem = std::string(name) + " has an unknown field \"" + std::string(field.key) +
                  "\" (counted; later unknown fields of this event are counted silently)";
      }
    }
    Dispatch(it->second, o);
    return {LineKind::kEvent, problem};
  }
  Dispatch(it->second, o);
  return {LineKind::kEvent, ""};
}

void EventParser::Impl::ParseStageInfo(object o, StageInfoEvent* s) {
  s->stage_id = static_cast<int>(GetInt(o, "Stage ID", 0));
  s->attempt_id = static_cast<int>(GetInt(o, "Stage Attempt ID", 0));
  s->name = GetString(o, "Stage Name");
  s->details = GetString(o, "Details");
  s->num_tasks = static_cast<int>(GetInt(o, "Number of Tasks", 0));
  s->submission_time = GetInt(o, "Submission Time", -1);
  s->completion_time = GetInt(o, "Completion Time", -1);
  s->resource_profile_id = static_cast<int>(GetInt(o, "Resource Profile Id", 0));
  element fr;
  if (o.at_key("Failure Reason").get(fr) == simdjson::SUCCESS && !fr.is_null())
    s->failure_reason = AsString(fr);
  array a;
  if (GetArray(o, "Parent IDs", &a)) {
    for (element p : a) s->parent_ids.push_back(static_cast<int>(AsInt(p)));
  }
  if (GetArray(o, "RDD Info", &a)) {
    for (element r : a) {
      object ro;
      if (r.get_object().get(ro) == simdjson::SUCCESS)
        s->rdd_ids.push_back(static_cast<int>(GetInt(ro, "RDD ID", 0)));
    }
  }
  if (GetArray(o, "Accumulables", &a)) {
    for (element acc : a) {
      object ao;
      if (acc.get_object().get(ao) != simdjson::SUCCESS) continue;
      model::Accumulable m;
      m.id = GetInt(ao, "ID", 0);
      m.name = GetString(ao, "Name");
      m.value = GetString(ao, "Value");
      m.sql = GetString(ao, "Metadata") == "sql";
      s->accumulables.push_back(std::move(m));
    }
  }
}

void EventParser::Impl::ParseTaskInfo(object o, model::Task* t, std::string* executor_id,
                                      std::string* host) {
  t->task_id = GetInt(o, "Task ID", 0);
  t->index = static_cast<int32_t>(GetInt(o, "Index", 0));
  t->attempt = static_cast<int32_t>(GetInt(o, "Attempt", 0));
  t->partition_id = static_cast<int32_t>(GetInt(o, "Partition ID", -1));
  t->launch_time = GetInt(o, "Launch Time", 0);
  t->finish_time = GetInt(o, "Finish Time", 0);
  t->getting_result_time = GetInt(o, "Getting Result Time", 0);
  t->speculative = GetBool(o, "Speculative");
  *executor_id = GetString(o, "Executor ID");
  *host = GetString(o, "Host");
  element loc;
  std::string_view l;
  if (o.at_key("Locality").get(loc) == simdjson::SUCCESS && loc.get_string().get(l) == simdjson::SUCCESS)
    t->locality = LocalityFromName(l);
}

void EventParser::Impl::ParseTaskMetrics(object o, model::TaskMetrics* m) {
  m->executor_deserialize_time = GetInt(o, "Executor Deserialize Time", 0);
  m->executor_deserialize_cpu_time_ns = GetInt(o, "Executor Deserialize CPU Time", 0);
  m->executor_run_time = GetInt(o, "Executor Run Time", 0);
  m->executor_cpu_time_ns = GetInt(o, "Executor CPU Time", 0);
  m->result_size = GetInt(o, "Result Size", 0);
  m->jvm_gc_time = GetInt(o, "JVM GC Time", 0);
  m->result_serialization_time = GetInt(o, "Result Serialization Time", 0);
  m->memory_bytes_spilled = GetInt(o, "Memory Bytes Spilled", 0);
  m->disk_bytes_spilled = GetInt(o, "Disk Bytes Spilled", 0);
  m->peak_execution_memory = GetInt(o, "Peak Execution Memory", 0);
  object sub;
  if (GetObject(o, "Input Metrics", &sub)) {
    m->input_bytes = GetInt(sub, "Bytes Read", 0);
    m->input_records = GetInt(sub, "Records Read", 0);
  }
  if (GetObject(o, "Output Metrics", &sub)) {
    m->output_bytes = GetInt(sub, "Bytes Written", 0);
    m->output_records = GetInt(sub, "Records Written", 0);
  }
  if (GetObject(o, "Shuffle Read Metrics", &sub)) {
    m->shuffle_remote_blocks_fetched = GetInt(sub, "Remote Blocks Fetched", 0);
    m->shuffle_local_blocks_fetched = GetInt(sub, "Local Blocks Fetched", 0);
    m->shuffle_fetch_wait_time = GetInt(sub, "Fetch Wait Time", 0);
    m->shuffle_remote_bytes_read = GetInt(sub, "Remote Bytes Read", 0);
    m->shuffle_remote_bytes_read_to_disk = GetInt(sub, "Remote Bytes Read To Disk", 0);
    m->shuffle_local_bytes_read = GetInt(sub, "Local Bytes Read", 0);
    m->shuffle_records_read = GetInt(sub, "Total Records Read", 0);
  }
  if (GetObject(o, "Shuffle Write Metrics", &sub)) {
    m->shuffle_bytes_written = GetInt(sub, "Shuffle Bytes Written", 0);
    m->shuffle_write_time_ns = GetInt(sub, "Shuffle Write Time", 0);
    m->shuffle_records_written = GetInt(sub, "Shuffle Records Written", 0);
  }
}

void EventParser::Impl::Dispatch(EventType type, object o) {
  model::Application& a = *app;
  switch (type) {
    case EventType::kLogStart:
      a.spark_version = SparkVersion::Parse(GetString(o, "Spark Version"));
      a.evidence.has_log_start = true;
      break;
    case EventType::kDatabricksMetadata:
      a.spark_version = SparkVersion::Parse(GetString(o, "Spark Version"));
      a.evidence.has_log_start = true;
      a.evidence.databricks_header = true;
      builder->SeeTime(GetInt(o, "Timestamp", -1));
      break;
    case EventType::kApplicationStart:
      builder->OnApplicationStart(GetString(o, "App Name"), GetString(o, "App ID"),
                                  GetString(o, "App Attempt ID"), GetString(o, "User"),
                                  GetInt(o, "Timestamp", -1));
      break;
    case EventType::kApplicationEnd: {
      std::optional<int> exit_code;
      int64_t code = GetInt(o, "ExitCode", INT64_MIN);
      if (code != INT64_MIN) exit_code = static_cast<int>(code);
      builder->OnApplicationEnd(GetInt(o, "Timestamp", -1), exit_code);
      break;
    }
    case EventType::kEnvironmentUpdate: {
      a.evidence.has_environment = true;
      object props;
      if (GetObject(o, "Spark Properties", &props)) {
        for (auto field : props) a.spark_properties[std::string(field.key)] = AsString(field.value);
      }
      if (GetObject(o, "Hadoop Properties", &props)) {
        for (auto field : props) {
          if (IsKeptHadoopProperty(field.key))
            a.hadoop_properties[std::string(field.key)] = AsString(field.value);
        }
      }
      if (GetObject(o, "System Properties", &props)) {
        for (auto field : props) {
          if (field.key == "java.version" || field.key == "sun.java.command")
            a.system_properties[std::string(field.key)] = AsString(field.value);
        }
      }
      break;
    }
    case EventType::kResourceProfileAdded: {
      model::ResourceProfile rp;
      rp.id = static_cast<int>(GetInt(o, "Resource Profile Id", 0));
      object reqs;
      if (GetObject(o, "Executor Resource Requests", &reqs)) {
        for (auto field : reqs) {
          object r;
          if (field.value.get_object().get(r) != simdjson::SUCCESS) continue;
          int64_t amount = GetInt(r, "Amount", -1);
          if (field.key == "memory") rp.executor_memory_mib = amount;
          else if (field.key == "memoryOverhead") rp.executor_overhead_mib = amount;
          else if (field.key == "offHeap") rp.executor_offheap_mib = amount;
          else if (field.key == "pyspark.memory") rp.executor_pyspark_mib = amount;
          else if (field.key == "cores") rp.executor_cores = static_cast<int>(amount);
        }
      }
      if (GetObject(o, "Task Resource Requests", &reqs)) {
        object cpus;
        if (GetObject(reqs, "cpus", &cpus)) {
          element amount;
          if (cpus.at_key("Amount").get(amount) == simdjson::SUCCESS) rp.task_cpus = AsDouble(amount);
        }
      }
      a.resource_profiles[rp.id] = rp;
      break;
    }
    case EventType::kExecutorAdded: {
      ExecutorAddedEvent e;
      e.time = GetInt(o, "Timestamp", 0);
      e.executor_id = GetString(o, "Executor ID");
      object info;
      if (GetObject(o, "Executor Info", &info)) {
        e.host = GetString(info, "Host");
        e.total_cores = static_cast<int>(GetInt(info, "Total Cores", 0));
        e.resource_profile_id = static_cast<int>(GetInt(info, "Resource Profile Id", 0));
        e.request_time = GetInt(info, "Request Time", -1);
      }
      builder->OnExecutorAdded(e);
      break;
    }
    case EventType::kExecutorRemoved: {
      ExecutorRemovedEvent e;
      e.time = GetInt(o, "Timestamp", 0);
      e.executor_id = GetString(o, "Executor ID");
      e.reason = GetString(o, "Removed Reason");
      builder->OnExecutorRemoved(e);
      break;
    }
    case EventType::kBlockManagerAdded: {
      BlockManagerAddedEvent e;
      e.time = GetInt(o, "Timestamp", 0);
      e.max_memory = GetInt(o, "Maximum Memory", 0);
      object bm;
      if (GetObject(o, "Block Manager ID", &bm)) {
        e.executor_id = GetString(bm, "Executor ID");
        e.host = GetString(bm, "Host");
      }
      builder->OnBlockManagerAdded(e);
      break;
    }
    case EventType::kJobStart: {
      JobStartEvent e;
      e.job_id = static_cast<int>(GetInt(o, "Job ID", 0));
      e.submission_time = GetInt(o, "Submission Time", -1);
      array arr;
      if (GetArray(o, "Stage Infos", &arr)) {
        for (element s : arr) {
          object so;
          if (s.get_object().get(so) != simdjson::SUCCESS) continue;
          e.stage_infos.emplace_back();
          ParseStageInfo(so, &e.stage_infos.back());
        }
      }
      if (GetArray(o, "Stage IDs", &arr)) {
        for (element s : arr) e.stage_ids.push_back(static_cast<int>(AsInt(s)));
      } else {
        for (const auto& s : e.stage_infos) e.stage_ids.push_back(s.stage_id);
      }
      object props;
      if (GetObject(o, "Properties", &props)) {
        for (auto field : props) {
          if (IsKeptJobProperty(field.key)) e.properties[std::string(field.key)] = AsString(field.value);
        }
      }
      builder->OnJobStart(e);
      break;
    }
    case EventType::kJobEnd: {
      JobEndEvent e;
      e.job_id = static_cast<int>(GetInt(o, "Job ID", 0));
      e.completion_time = GetInt(o, "Completion Time", -1);
      object result;
      if (GetObject(o, "Job Result", &result)) e.succeeded = GetString(result, "Result") == "JobSucceeded";
      builder->OnJobEnd(e);
      break;
    }
    case EventType::kStageSubmitted:
    case EventType::kStageCompleted: {
      object info;
      if (!GetObject(o, "Stage Info", &info)) break;
      StageInfoEvent s;
      ParseStageInfo(info, &s);
      if (type == EventType::kStageSubmitted) builder->OnStageSubmitted(s);
      else builder->OnStageCompleted(s);
      break;
    }
    case EventType::kTaskStart: {
      TaskStartEvent e;
      e.stage_id = static_cast<int>(GetInt(o, "Stage ID", 0));
      e.stage_attempt_id = static_cast<int>(GetInt(o, "Stage Attempt ID", 0));
      object info;
      if (!GetObject(o, "Task Info", &info)) break;
      ParseTaskInfo(info, &e.task, &e.executor_id, &e.host);
      e.task.stage_id = e.stage_id;
      e.task.stage_attempt_id = e.stage_attempt_id;
      builder->OnTaskStart(e);
      break;
    }
    case EventType::kTaskEnd: {
      TaskEndEvent e;
      e.stage_id = static_cast<int>(GetInt(o, "Stage ID", 0));
      e.stage_attempt_id = static_cast<int>(GetInt(o, "Stage Attempt ID", 0));
      object info;
      if (!GetObject(o, "Task Info", &info)) break;
      ParseTaskInfo(info, &e.task, &e.executor_id, &e.host);
      e.task.stage_id = e.stage_id;
      e.task.stage_attempt_id = e.stage_attempt_id;
      e.task.shuffle_map_task = GetString(o, "Task Type") == "ShuffleMapTask";
      object reason;
      e.task.end_reason = GetObject(o, "Task End Reason", &reason)
                              ? ReasonFromName(GetString(reason, "Reason"))
                              : model::TaskEndReason::kSuccess;
      switch (e.task.end_reason) {
        case model::TaskEndReason::kSuccess: e.task.status = model::TaskStatus::kSuccess; break;
        case model::TaskEndReason::kTaskKilled:
        case model::TaskEndReason::kTaskCommitDenied: e.task.status = model::TaskStatus::kKilled; break;
        default: e.task.status = model::TaskStatus::kFailed; break;
      }
      object metrics;
      if (GetObject(o, "Task Metrics", &metrics)) {
        e.task.has_metrics = true;
        ParseTaskMetrics(metrics, &e.task.metrics);
        element peak;
        if (metrics.at_key("Peak Execution Memory").get(peak) == simdjson::SUCCESS)
          a.evidence.has_peak_execution_memory = true;
        if (metrics.at_key("Executor CPU Time").get(peak) == simdjson::SUCCESS)
          a.evidence.has_executor_cpu_time = true;
      }
      object task_exec_metrics;
      if (GetObject(o, "Task Executor Metrics", &task_exec_metrics))
        builder->UpdatePeakGcTime(e.executor_id, GetInt(task_exec_metrics, "TotalGCTime", -1));
      builder->OnTaskEnd(e);
      break;
    }
    case EventType::kSqlExecutionStart: {
      int64_t id = GetInt(o, "executionId", 0);
      model::SqlExecution& sql = a.sql_executions[id];
      sql.execution_id = id;
      sql.root_execution_id = GetInt(o, "rootExecutionId", -1);
      sql.description = GetString(o, "description");
      sql.start_time = GetInt(o, "time", -1);
      element plan;
      if (o.at_key("sparkPlanInfo").get(plan) == simdjson::SUCCESS) {
        sql.initial_plan = model::PlanTree();
        ParsePlanTree(plan, &sql.initial_plan, 0);
      }
      builder->SeeTime(sql.start_time);
      break;
    }
    case EventType::kSqlExecutionEnd: {
      int64_t id = GetInt(o, "executionId", 0);
      model::SqlExecution& sql = a.sql_executions[id];
      sql.execution_id = id;
      sql.end_time = GetInt(o, "time", -1);
      sql.error_message = GetString(o, "errorMessage");
      builder->SeeTime(sql.end_time);
      break;
    }
    case EventType::kSqlAdaptiveExecutionUpdate: {
      int64_t id = GetInt(o, "executionId", 0);
      model::SqlExecution& sql = a.sql_executions[id];
      sql.execution_id = id;
      element plan;
      if (o.at_key("sparkPlanInfo").get(plan) == simdjson::SUCCESS) {
        sql.adaptive_updates.emplace_back();
        ParsePlanTree(plan, &sql.adaptive_updates.back(), 0);
      }
      break;
    }
    case EventType::kSqlAdaptiveSqlMetricUpdates: {
      int64_t id = GetInt(o, "executionId", 0);
      model::SqlExecution& sql = a.sql_executions[id];
      sql.execution_id = id;
      array metrics;
      if (GetArray(o, "sqlPlanMetrics", &metrics)) {
        for (element m : metrics) {
          object mo;
          if (m.get_object().get(mo) != simdjson::SUCCESS) continue;
          sql.extra_metrics.push_back(
              {GetString(mo, "name"), GetInt(mo, "accumulatorId", 0), GetString(mo, "metricType")});
        }
      }
      break;
    }
    case EventType::kDriverAccumUpdates: {
      array updates;
      if (GetArray(o, "accumUpdates", &updates)) {
        for (element u : updates) {
          array pair;
          if (u.get_array().get(pair) != simdjson::SUCCESS) continue;
          int64_t id = 0, value = 0;
          int k = 0;
          for (element x : pair) {
            if (k == 0) id = AsInt(x);
            else if (k == 1) value = AsInt(x);
            ++k;
          }
          if (k >= 2) a.driver_accum_updates[id].push_back(value);
        }
      }
      break;
    }
    case EventType::kStageExecutorMetrics: {
      object metrics;
      if (GetObject(o, "Executor Metrics", &metrics))
        builder->UpdatePeakGcTime(GetString(o, "Executor ID"), GetInt(metrics, "TotalGCTime", -1));
      break;
    }
    case EventType::kExecutorMetricsUpdate: {
      array updates;
      if (GetArray(o, "Executor Metrics Updated", &updates)) {
        std::string id = GetString(o, "Executor ID");
        for (element u : updates) {
          object uo, metrics;
          if (u.get_object().get(uo) == simdjson::SUCCESS && GetObject(uo, "Executor Metrics", &metrics))
            builder->UpdatePeakGcTime(id, GetInt(metrics, "TotalGCTime", -1));
        }
      }
      break;
    }
    case EventType::kKnownIgnored: break;
  }
}

}  // namespace sparktune::eventlog
