// EventParser: decodes one JSON line of an event log (simdjson DOM, parsed in
// place) into listener events and hands them to a ModelBuilder. Event and
// field names per JsonProtocol (core events, "Stage ID" style) and Jackson
// (SQL events, camelCase); spark-reference.md section 2, Spark 1.2-4.x.
//
// Unknown event types and unknown top-level fields are counted in
// Application::evidence, never fatal. A line that is not a JSON object with
// an "Event" string is reported as malformed with a reason.
// Not thread-safe; one parser per log (it reuses its buffers).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "data/eventlog/model_builder.h"
#include "data/model/application.h"

namespace sparktune::eventlog {

enum class LineKind { kEvent, kUnknownEvent, kBlank, kMalformed };

struct LineOutcome {
  LineKind kind = LineKind::kBlank;
  std::string error;  // kMalformed: what was wrong; kEvent: a problem worth a warning
                      // (a required field missing, so the event was ignored, or the
                      // first unknown field of this event type), else empty
};

class EventParser {
 public:
  EventParser(model::Application* app, ModelBuilder* builder);
  ~EventParser();

  // `line` must be followed by at least kLinePadding readable bytes.
  LineOutcome ParseLine(std::string_view line);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sparktune::eventlog
