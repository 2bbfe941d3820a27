// LineReader: splits a decoded event-log stream into JSON lines without
// holding the log in memory. Each line handed out is followed by at least
// kLinePadding readable bytes, as simdjson requires for parsing in place.
//
// Lines longer than kMaxLineBytes (hostile input) are an error; a final line
// without '\n' is still returned (the caller decides whether it was cut).
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "data/base/result.h"
#include "data/eventlog/byte_source.h"

namespace sparktune::eventlog {

inline constexpr size_t kLinePadding = 64;           // >= simdjson::SIMDJSON_PADDING
inline constexpr size_t kMaxLineBytes = 1ull << 30;  // 1 GiB: no real event comes close

class LineReader {
 public:
  explicit LineReader(std::unique_ptr<ByteSource> source);

  // Sets *line to the next line (without '\n' or '\r'); returns false at end of
  // data. The view stays valid until the next call. *ended_with_newline tells
  // whether the line was terminated (false only for the last line).
  Result<bool> Next(std::string_view* line, bool* ended_with_newline);

  // 1-based number of the line last returned.
  int64_t line_number() const { return line_number_; }
  const ByteSource& source() const { return *source_; }
  uint64_t bytes_consumed() const { return total_bytes_; }

 private:
  Status Fill();
  std::unique_ptr<ByteSource> source_;
  std::vector<uint8_t> buffer_;
  size_t begin_ = 0;  // start of unconsumed data
  size_t end_ = 0;    // end of valid data
  size_t scan_ = 0;   // where to resume searching for '\n'
  bool eof_ = false;
  int64_t line_number_ = 0;
  uint64_t total_bytes_ = 0;
};

}  // namespace sparktune::eventlog
