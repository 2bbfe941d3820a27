// EventParser: see event_parser.h.
#include "data/eventlog/event_parser.h"

#include <utility>

namespace sparktune::eventlog {

namespace {
constexpr size_t kMaxUnknownEventNames = 64;  // distinct names kept in the evidence
}  // namespace

EventParser::EventParser(model::Application* app, ModelBuilder* builder)
    : app_(app), builder_(builder) {}

LineOutcome EventParser::ParseLine(std::string_view line) {
  decoder_.Decode(line, &scratch_);
  return Apply(scratch_);
}

LineOutcome EventParser::Apply(DecodedLine& line) {
  switch (line.kind) {
    case LineKind::kBlank:
      return {LineKind::kBlank, ""};
    case LineKind::kMalformed:
      return {LineKind::kMalformed, std::move(line.error)};
    case LineKind::kUnknownEvent: {
      model::Evidence& evidence = app_->evidence;
      evidence.unknown_events += 1;
      if (evidence.unknown_event_names.size() < kMaxUnknownEventNames ||
          evidence.unknown_event_names.count(line.unknown_event_name))
        evidence.unknown_event_names[line.unknown_event_name] += 1;
      return {LineKind::kUnknownEvent, ""};
    }
    case LineKind::kEvent:
      break;
  }
  // A missing required field: the event is not applied.
  if (!line.error.empty()) return {LineKind::kEvent, std::move(line.error)};
  std::string problem;
  if (line.unknown_fields > 0) {
    app_->evidence.unknown_fields += line.unknown_fields;
    bool& reported = unknown_field_reported_[line.event_name];
    if (!reported) {
      reported = true;
      problem = std::string(line.event_name) + " has an unknown field \"" +
                line.first_unknown_field +
                "\" (counted; later unknown fields of this event are counted silently)";
    }
  }
  builder_->Apply(std::move(line.event));
  return {LineKind::kEvent, problem};
}

}  // namespace sparktune::eventlog
