// EventDecoder: decodes one JSON line of an event log (simdjson DOM, parsed
// in place, so every line is fully validated) into a DecodedLine: its kind,
// the listener event it carries and what was odd about it. Event and field
// names per JsonProtocol (core events, "Stage ID" style) and Jackson (SQL
// events, camelCase); spark-reference.md section 2, Spark 1.2-4.x.
//
// Pure: it touches no model, so several decoders can work on different lines
// at once (one decoder per thread; it reuses its buffers) while the results
// are applied to the model in log order (EventParser::Apply).
#pragma once

#include <simdjson.h>

#include <string>
#include <string_view>

#include "data/eventlog/listener_events.h"

namespace sparktune::eventlog {

enum class LineKind { kEvent, kUnknownEvent, kBlank, kMalformed };

struct DecodedLine {
  LineKind kind = LineKind::kBlank;
  // kMalformed: what was wrong. kEvent: a required field was missing, so the
  // event was ignored (its message), else empty.
  std::string error;
  // kEvent: the event's name as Spark writes it (static storage).
  std::string_view event_name;
  // kUnknownEvent: the name the line carried.
  std::string unknown_event_name;
  // kEvent of a core event: top-level fields JsonProtocol does not write, and the first one's key.
  int unknown_fields = 0;
  std::string first_unknown_field;
  ListenerEvent event;  // std::monostate when the model needs nothing from the line
};

class EventDecoder {
 public:
  EventDecoder();
  // `line` must be followed by at least kLinePadding readable bytes. `out` is
  // overwritten (its buffers are reused).
  void Decode(std::string_view line, DecodedLine* out);

 private:
  simdjson::dom::parser parser_;
};

}  // namespace sparktune::eventlog
