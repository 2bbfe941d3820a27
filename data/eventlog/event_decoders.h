// The per-event decoders behind EventDecoder: each reads one event's JSON
// object into its ListenerEvent alternative (or leaves std::monostate when the
// part the model needs is not usable, e.g. a TaskEnd whose "Task Info" is not
// an object). Core events receive their top-level fields already found by the
// event's schema (event_schemas.h); the others read their few keys directly.
// Internal to data/eventlog. Stateless; safe on several threads at once.
#pragma once

#include "data/eventlog/json_fields.h"
#include "data/eventlog/listener_events.h"

namespace sparktune::eventlog::decoders {

// Core events (task_event_decoders.cc, core_event_decoders.cc).
void ApplicationStart(const FieldSet& f, ListenerEvent* out);
void ApplicationEnd(const FieldSet& f, ListenerEvent* out);
void EnvironmentUpdate(const FieldSet& f, ListenerEvent* out);
void ExecutorAdded(const FieldSet& f, ListenerEvent* out);
void ExecutorRemoved(const FieldSet& f, ListenerEvent* out);
void BlockManagerAdded(const FieldSet& f, ListenerEvent* out);
void JobStart(const FieldSet& f, ListenerEvent* out);
void JobEnd(const FieldSet& f, ListenerEvent* out);
void StageSubmitted(const FieldSet& f, ListenerEvent* out);
void StageCompleted(const FieldSet& f, ListenerEvent* out);
void TaskStart(const FieldSet& f, ListenerEvent* out);
void TaskEnd(const FieldSet& f, ListenerEvent* out);

// Other events (core_event_decoders.cc, sql_event_decoders.cc).
void LogStart(object o, bool databricks, ListenerEvent* out);
void ResourceProfileAdded(object o, ListenerEvent* out);
void StageExecutorMetrics(object o, ListenerEvent* out);
void ExecutorMetricsUpdate(object o, ListenerEvent* out);
void SqlExecutionStart(object o, ListenerEvent* out);
void SqlExecutionEnd(object o, ListenerEvent* out);
void SqlAdaptiveExecutionUpdate(object o, ListenerEvent* out);
void SqlAdaptiveMetricUpdates(object o, ListenerEvent* out);
void DriverAccumUpdates(object o, ListenerEvent* out);

// A "Stage Info" object (JobStart's "Stage Infos", StageSubmitted, StageCompleted).
void StageInfo(object o, StageInfoEvent* s);

}  // namespace sparktune::eventlog::decoders
