#include "data/eventlog/event_log_reader.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstring>

#include "data/eventlog/codec.h"
#include "data/eventlog/decoded_line_stream.h"
#include "data/eventlog/event_parser.h"
#include "data/eventlog/log_layout.h"
#include "data/eventlog/model_builder.h"

namespace sparktune::eventlog {

std::string Warning::ToString() const {
  if (line > 0) return file + ":" + std::to_string(line) + ": warning: " + message;
  return file + ": warning: " + message;
}

namespace {

constexpr size_t kSniffBytes = 64;
// Bytes of a plain part read before the task table is sized for the whole part.
constexpr uint64_t kTaskEstimateBytes = 8 << 20;
constexpr double kMinBytesPerTask = 256;

std::string Printable(std::string_view bytes, size_t max) {
  std::string out;
  for (size_t i = 0; i < bytes.size() && i < max; ++i) {
    unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c >= 0x20 && c < 0x7f)
      out.push_back(static_cast<char>(c));
    else
      out += "\\x" + std::string(1, "0123456789abcdef"[c >> 4]) + "0123456789abcdef"[c & 15];
  }
  return out;
}

// Reads the first bytes of a file for codec sniffing.
Result<std::string> Head(const std::string& path) {
  SPARKTUNE_ASSIGN_OR_RETURN(auto source, OpenFileSource(path));
  std::string head(kSniffBytes, '\0');
  size_t got = 0;
  while (got < head.size()) {
    SPARKTUNE_ASSIGN_OR_RETURN(
        size_t n, source->Read(reinterpret_cast<uint8_t*>(head.data()) + got, head.size() - got));
    if (n == 0) break;
    got += n;
  }
  head.resize(got);
  return head;
}

class LogReadState {
 public:
  LogReadState(LoadedLog* out, const ReadOptions& options)
      : out_(out), options_(options), builder_(&out->app), parser_(&out->app, &builder_) {}

  void Warn(const std::string& file, int64_t line, std::string message) {
    ++out_->warning_count;
    if (out_->warnings.size() < options_.max_warnings_kept)
      out_->warnings.push_back({file, line, std::move(message)});
  }

  Status ReadPart(const LogPart& part) {
    SPARKTUNE_ASSIGN_OR_RETURN(std::string head, Head(part.path));
    struct stat st {};
    if (::stat(part.path.c_str(), &st) == 0)
      out_->bytes_on_disk += static_cast<uint64_t>(st.st_size);
    if (head.empty()) {
      Warn(part.path, 0, "empty file");
      return Status::Ok();
    }
    Codec codec = part.codec;
    std::optional<Codec> sniffed = SniffCodec(head);
    if (codec != Codec::kNone) {
      if (sniffed && *sniffed != codec) {
        return Status::Unreadable(part.path + ": the name says " + std::string(CodecName(codec)) +
                                  " but the bytes are " + std::string(CodecName(*sniffed)));
      }
      if (!sniffed) {
        return Status::Unreadable(part.path + ": the name says " + std::string(CodecName(codec)) +
                                  " but the bytes are not " + std::string(CodecName(codec)) +
                                  " (starts with '" + Printable(head, 16) + "')");
      }
    } else if (sniffed && *sniffed != Codec::kNone) {
      Warn(part.path, 0,
           "no codec suffix but the bytes are " + std::string(CodecName(*sniffed)) +
               "; decoding as " + std::string(CodecName(*sniffed)));
      codec = *sniffed;
    }
    std::unique_ptr<DecodedLineStream> stream;
    if (codec == Codec::kNone) {
      SPARKTUNE_ASSIGN_OR_RETURN(auto file, OpenPositionalFile(part.path));
      stream = std::make_unique<DecodedLineStream>(std::move(file), options_.line_stream);
    } else {
      SPARKTUNE_ASSIGN_OR_RETURN(auto raw, OpenFileSource(part.path));
      stream = std::make_unique<DecodedLineStream>(MakeDecoder(codec, std::move(raw), part.path),
                                                   options_.line_stream);
    }
    DecodedLineStream& lines = *stream;
    const size_t tasks_before = out_->app.tasks.size();
    bool tasks_reserved = codec != Codec::kNone;  // a compressed part's decoded size is unknown
    DecodedLine* line = nullptr;
    bool newline = true;
    int64_t malformed_here = 0;
    int64_t last_malformed_line = 0;
    std::string last_error;
    while (true) {
      Result<bool> next = lines.Next(&line, &newline);
      if (!next.ok()) {
        // A decoding error mid-file: keep what was read, warn, stop this part.
        Warn(part.path, lines.line_number() + 1, next.status().message());
        break;
      }
      if (!*next) break;
      if (!tasks_reserved && lines.bytes_consumed() >= kTaskEstimateBytes) {
        tasks_reserved = true;
        ReserveTasks(tasks_before, lines.bytes_consumed(), static_cast<uint64_t>(st.st_size));
      }
      LineOutcome outcome = parser_.Apply(*line);
      switch (outcome.kind) {
        case LineKind::kEvent:
          ++events_;
          if (!outcome.error.empty()) Warn(part.path, lines.line_number(), outcome.error);
          break;
        case LineKind::kUnknownEvent:
          ++events_;
          break;
        case LineKind::kBlank:
          break;
        case LineKind::kMalformed:
          ++malformed_here;
          ++out_->app.evidence.malformed_lines;
          last_malformed_line = lines.line_number();
          last_error = outcome.error;
          if (!newline) {
            Warn(part.path, lines.line_number(),
                 "last line is cut off (log still being written or truncated)");
          } else {
            Warn(part.path, lines.line_number(), outcome.error);
          }
          if (events_ == 0 && malformed_here >= 3) {
            return Status::Unreadable(part.path + ": not a Spark event log (line " +
                                      std::to_string(last_malformed_line) + ": " + last_error +
                                      ")");
          }
          break;
      }
    }
    if (lines.truncated()) {
      Warn(part.path, lines.line_number(),
           "compressed stream ends inside a block: the log was still being written or is "
           "truncated; events after line " +
               std::to_string(lines.line_number()) + " are missing");
      out_->app.evidence.in_progress = true;
    }
    out_->bytes_decoded += lines.bytes_consumed();
    last_line_ = lines.line_number();
    if (events_ == 0 && malformed_here > 0) {
      return Status::Unreadable(part.path + ": not a Spark event log (line " +
                                std::to_string(last_malformed_line) + ": " + last_error + ")");
    }
    return Status::Ok();
  }

  // Sizes the task table for the tasks a part of `part_bytes` likely holds,
  // judged from its first `consumed` bytes, so that it does not grow by
  // copying (holding the old and the new table at once). Room not used is
  // never touched, so it costs no resident memory.
  void ReserveTasks(size_t tasks_before, uint64_t consumed, uint64_t part_bytes) {
    const double seen = static_cast<double>(out_->app.tasks.size() - tasks_before);
    const double expected = seen * static_cast<double>(part_bytes) / static_cast<double>(consumed);
    // A TaskEnd line alone is far longer than kMinBytesPerTask: no real log needs more.
    const double most = static_cast<double>(part_bytes) / kMinBytesPerTask;
    builder_.ReserveTasks(tasks_before + static_cast<size_t>(std::min(expected * 1.1, most)));
  }

  int64_t events() const { return events_; }
  int64_t last_line() const { return last_line_; }
  ModelBuilder& builder() { return builder_; }

 private:
  LoadedLog* out_;
  const ReadOptions& options_;
  ModelBuilder builder_;
  EventParser parser_;
  int64_t events_ = 0;
  int64_t last_line_ = 0;
};

std::string BaseName(const std::string& path) {
  std::string p = path;
  while (p.size() > 1 && p.back() == '/') p.pop_back();
  size_t slash = p.rfind('/');
  return slash == std::string::npos ? p : p.substr(slash + 1);
}

}  // namespace

Result<LoadedLog> ReadEventLog(const std::string& path, const ReadOptions& options) {
  SPARKTUNE_ASSIGN_OR_RETURN(LogLayout layout, DetectLayout(path));
  LoadedLog out;
  LogReadState state(&out, options);
  for (const LogPart& part : layout.parts) {
    SPARKTUNE_RETURN_IF_ERROR(state.ReadPart(part));
  }
  if (state.events() == 0) {
    return Status::Unreadable(path + ": no Spark events found (empty file or not an event log)");
  }
  state.builder().Finish();
  model::Application& app = out.app;
  app.evidence.in_progress = app.evidence.in_progress || layout.in_progress;
  app.evidence.compacted = layout.compacted;
  if (!app.spark_version.known() && !layout.legacy_spark_version.empty())
    app.spark_version = SparkVersion::Parse(layout.legacy_spark_version);
  if (app.app_id.empty()) {
    auto id = app.spark_properties.find("spark.app.id");
    app.app_id = id != app.spark_properties.end() ? id->second : BaseName(path);
  }
  if (app.start_time < 0) {
    state.Warn(path, 0,
               "no usable ApplicationStart event: app name, user and start time are unknown");
  }
  if (!app.evidence.has_environment) {
    state.Warn(path, 0,
               "no usable EnvironmentUpdate event: the config in force is unknown; "
               "Spark defaults are assumed");
  }
  if (!app.evidence.has_app_end) {
    const std::string& last = layout.parts.empty() ? path : layout.parts.back().path;
    state.Warn(last, state.last_line(),
               "no ApplicationEnd event: the application had not finished or the log was cut; "
               "its duration is a lower bound");
  }
  if (layout.compacted) {
    state.Warn(path, 0,
               "compacted rolling log: events of finished jobs were dropped by the History "
               "Server, so jobs, stages and tasks are incomplete");
  }
  return out;
}

}  // namespace sparktune::eventlog
