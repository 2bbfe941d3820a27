// ReadEventLog: the whole path from an event log on disk (any layout and
// codec, see log_layout.h and codec.h) to a model::Application, streaming:
// memory is bounded by the model, not by the file.
//
// Error policy (issue 2, architecture.md section 4):
//  * a malformed or cut line becomes a Warning naming the file and line; the
//    rest of the log is still read;
//  * a file that is empty, not an event log, or whose bytes contradict its
//    codec suffix is an Unreadable Status (the CLI exits 3);
//  * a decoder that hits EOF inside a block (in-progress log) is a Warning.
#pragma once

#include <string>
#include <vector>

#include "data/base/result.h"
#include "data/eventlog/decoded_line_stream.h"
#include "data/model/application.h"

namespace sparktune::eventlog {

struct Warning {
  std::string file;
  int64_t line = 0;  // 1-based; 0 when it concerns the whole file
  std::string message;
  std::string ToString() const;  // "file:line: warning: message"
};

struct ReadOptions {
  size_t max_warnings_kept = 100;  // Default: 100; all are counted.
  // Threads decoding lines, batch size, longest line (decoded_line_stream.h).
  // Default: the machine's hardware threads; the model does not depend on it.
  LineStreamOptions line_stream;
};

struct LoadedLog {
  model::Application app;
  std::vector<Warning> warnings;  // first max_warnings_kept
  int64_t warning_count = 0;
  uint64_t bytes_decoded = 0;  // uncompressed bytes read
  uint64_t bytes_on_disk = 0;
};

Result<LoadedLog> ReadEventLog(const std::string& path, const ReadOptions& options = {});

}  // namespace sparktune::eventlog
