// EventDecoder: see event_decoder.h. The event table names every event Spark
// logs (spark-reference.md 2.2); core events are checked against their
// schema (event_schemas.h) in the same pass that finds their fields.
#include "data/eventlog/event_decoder.h"

#include <unordered_map>

#include "data/eventlog/decoded_line_stream.h"
#include "data/eventlog/event_decoders.h"
#include "data/eventlog/event_schemas.h"

namespace sparktune::eventlog {

namespace {

static_assert(kLinePadding >= simdjson::SIMDJSON_PADDING, "line padding too small for simdjson");

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

// A core event's schema and decoder.
struct CoreEvent {
  const KeyIndex* keys;
  const int* required;  // positions in `keys`, in the order they are checked
  int required_count;
  void (*decode)(const FieldSet&, ListenerEvent*);
};

// Core events by type.
struct CoreEventTable {
  CoreEvent entries[static_cast<int>(EventType::kKnownIgnored) + 1] = {};
  bool present[static_cast<int>(EventType::kKnownIgnored) + 1] = {};
  template <size_t N>
  void Add(EventType t, const KeyIndex& keys, const int (&required)[N],
           void (*decode)(const FieldSet&, ListenerEvent*)) {
    entries[static_cast<int>(t)] = {&keys, required, static_cast<int>(N), decode};
    present[static_cast<int>(t)] = true;
  }
};

// The core event of `type`, or nullptr for the events without a schema.
const CoreEvent* CoreEventFor(EventType type) {
  namespace s = schema;
  static const CoreEventTable* table = [] {
    auto* t = new CoreEventTable;
    t->Add(EventType::kApplicationStart, s::application_start::Keys(),
           s::application_start::kRequired, decoders::ApplicationStart);
    t->Add(EventType::kApplicationEnd, s::application_end::Keys(), s::application_end::kRequired,
           decoders::ApplicationEnd);
    t->Add(EventType::kEnvironmentUpdate, s::environment_update::Keys(),
           s::environment_update::kRequired, decoders::EnvironmentUpdate);
    t->Add(EventType::kExecutorAdded, s::executor_added::Keys(), s::executor_added::kRequired,
           decoders::ExecutorAdded);
    t->Add(EventType::kExecutorRemoved, s::executor_removed::Keys(), s::executor_removed::kRequired,
           decoders::ExecutorRemoved);
    t->Add(EventType::kBlockManagerAdded, s::block_manager_added::Keys(),
           s::block_manager_added::kRequired, decoders::BlockManagerAdded);
    t->Add(EventType::kJobStart, s::job_start::Keys(), s::job_start::kRequired, decoders::JobStart);
    t->Add(EventType::kJobEnd, s::job_end::Keys(), s::job_end::kRequired, decoders::JobEnd);
    t->Add(EventType::kStageSubmitted, s::stage_submitted::Keys(), s::stage_submitted::kRequired,
           decoders::StageSubmitted);
    t->Add(EventType::kStageCompleted, s::stage_completed::Keys(), s::stage_completed::kRequired,
           decoders::StageCompleted);
    t->Add(EventType::kTaskStart, s::task_start::Keys(), s::task_start::kRequired,
           decoders::TaskStart);
    t->Add(EventType::kTaskEnd, s::task_end::Keys(), s::task_end::kRequired, decoders::TaskEnd);
    return t;
  }();
  const int i = static_cast<int>(type);
  return table->present[i] ? &table->entries[i] : nullptr;
}

void DecodeOther(EventType type, object o, ListenerEvent* out) {
  switch (type) {
    case EventType::kLogStart:
      decoders::LogStart(o, false, out);
      break;
    case EventType::kDatabricksMetadata:
      decoders::LogStart(o, true, out);
      break;
    case EventType::kResourceProfileAdded:
      decoders::ResourceProfileAdded(o, out);
      break;
    case EventType::kSqlExecutionStart:
      decoders::SqlExecutionStart(o, out);
      break;
    case EventType::kSqlExecutionEnd:
      decoders::SqlExecutionEnd(o, out);
      break;
    case EventType::kSqlAdaptiveExecutionUpdate:
      decoders::SqlAdaptiveExecutionUpdate(o, out);
      break;
    case EventType::kSqlAdaptiveSqlMetricUpdates:
      decoders::SqlAdaptiveMetricUpdates(o, out);
      break;
    case EventType::kDriverAccumUpdates:
      decoders::DriverAccumUpdates(o, out);
      break;
    case EventType::kStageExecutorMetrics:
      decoders::StageExecutorMetrics(o, out);
      break;
    case EventType::kExecutorMetricsUpdate:
      decoders::ExecutorMetricsUpdate(o, out);
      break;
    default:
      break;  // kKnownIgnored; core events do not come here
  }
}

}  // namespace

EventDecoder::EventDecoder() = default;

void EventDecoder::Decode(std::string_view line, DecodedLine* out) {
  out->kind = LineKind::kBlank;
  out->error.clear();
  out->event_name = {};
  out->unknown_event_name.clear();
  out->unknown_fields = 0;
  out->first_unknown_field.clear();
  out->event.emplace<std::monostate>();
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  if (i == line.size()) return;
  out->kind = LineKind::kMalformed;
  element doc;
  auto error = parser_.parse(line.data(), line.size(), false).get(doc);
  if (error != simdjson::SUCCESS) {
    out->error = std::string("invalid JSON (") + simdjson::error_message(error) +
                 "); expected one JSON object per line";
    return;
  }
  object o;
  if (doc.get_object().get(o) != simdjson::SUCCESS) {
    out->error = "expected a JSON object with an \"Event\" field";
    return;
  }
  element ev;
  std::string_view name;
  if (o.at_key("Event").get(ev) != simdjson::SUCCESS ||
      ev.get_string().get(name) != simdjson::SUCCESS) {
    out->error = "JSON object has no \"Event\" string";
    return;
  }
  auto it = EventTable().find(name);
  if (it == EventTable().end()) {
    out->kind = LineKind::kUnknownEvent;
    out->unknown_event_name = name;
    return;
  }
  out->kind = LineKind::kEvent;
  out->event_name = it->first;
  const CoreEvent* core = CoreEventFor(it->second);
  if (core == nullptr) {
    DecodeOther(it->second, o, &out->event);
    return;
  }
  const FieldSet fields(*core->keys, o);
  for (int r = 0; r < core->required_count; ++r) {
    const int field = core->required[r];
    if (!fields.Has(field)) {
      out->error = std::string(name) + " lacks the required field \"" +
                   std::string(core->keys->key(field)) + "\"; event ignored";
      return;
    }
  }
  out->unknown_fields = fields.unknown_count();
  if (out->unknown_fields > 0) out->first_unknown_field = fields.first_unknown();
  core->decode(fields, &out->event);
}

}  // namespace sparktune::eventlog
