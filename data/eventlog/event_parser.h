// EventParser: one JSON line of an event log at a time, decoded
// (EventDecoder) and applied to the model (ModelBuilder) in log order. The
// reader decodes lines on worker threads and calls Apply() in order; ParseLine
// does both for one line (tests, fuzzing, small logs).
//
// Unknown event types and unknown top-level fields are counted in
// Application::evidence, never fatal; the first unknown field of each event
// type is worth a warning. A line that is not a JSON object with an "Event"
// string is reported as malformed with a reason.
// Not thread-safe; one parser per log.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "data/eventlog/event_decoder.h"
#include "data/eventlog/model_builder.h"
#include "data/model/application.h"

namespace sparktune::eventlog {

struct LineOutcome {
  LineKind kind = LineKind::kBlank;
  std::string error;  // kMalformed: what was wrong; kEvent: a problem worth a warning
                      // (a required field missing, so the event was ignored, or the
                      // first unknown field of this event type), else empty
};

class EventParser {
 public:
  EventParser(model::Application* app, ModelBuilder* builder);

  // Decodes and applies one line. `line` must be followed by at least
  // kLinePadding readable bytes.
  LineOutcome ParseLine(std::string_view line);
  // Applies a line decoded elsewhere; lines must come in log order. Moves the
  // event out of `line`.
  LineOutcome Apply(DecodedLine& line);

 private:
  model::Application* app_;
  ModelBuilder* builder_;
  EventDecoder decoder_;
  DecodedLine scratch_;
  std::unordered_map<std::string_view, bool> unknown_field_reported_;  // per event name
};

}  // namespace sparktune::eventlog
