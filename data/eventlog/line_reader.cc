#include "data/eventlog/line_reader.h"

#include <cstring>

namespace sparktune::eventlog {

namespace {
constexpr size_t kChunk = 1 << 20;  // read 1 MiB at a time
}

LineReader::LineReader(std::unique_ptr<ByteSource> source)
    : source_(std::move(source)), buffer_(kChunk + kLinePadding) {}

Status LineReader::Fill() {
  // Compact: move unconsumed bytes to the front.
  if (begin_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    scan_ -= begin_;
    begin_ = 0;
  }
  if (buffer_.size() - kLinePadding - end_ < kChunk / 2) {
    size_t want = buffer_.size() * 2;
    if (want - kLinePadding > kMaxLineBytes + kChunk) {
      return Status::Corrupt("line longer than " + std::to_string(kMaxLineBytes >> 20) +
                             " MiB at line " + std::to_string(line_number_ + 1) +
                             " (expected one JSON event per line)");
    }
    buffer_.resize(want);
  }
  size_t room = buffer_.size() - kLinePadding - end_;
  Result<size_t> n = source_->Read(buffer_.data() + end_, room);
  if (!n.ok()) return n.status();
  if (*n == 0) eof_ = true;
  end_ += *n;
  total_bytes_ += *n;
  return Status::Ok();
}

Result<bool> LineReader::Next(std::string_view* line, bool* ended_with_newline) {
  while (true) {
    const uint8_t* base = buffer_.data();
    const void* nl = scan_ < end_ ? std::memchr(base + scan_, '\n', end_ - scan_) : nullptr;
    if (nl != nullptr) {
      size_t pos = static_cast<const uint8_t*>(nl) - base;
      size_t len = pos - begin_;
      if (len > 0 && base[begin_ + len - 1] == '\r') --len;
      *line = std::string_view(reinterpret_cast<const char*>(base + begin_), len);
      *ended_with_newline = true;
      begin_ = pos + 1;
      scan_ = begin_;
      ++line_number_;
      return true;
    }
    scan_ = end_;
    if (eof_) {
      if (begin_ >= end_) return false;
      *line = std::string_view(reinterpret_cast<const char*>(base + begin_), end_ - begin_);
      *ended_with_newline = false;
      begin_ = end_;
      scan_ = end_;
      ++line_number_;
      return true;
    }
    if (end_ - begin_ > kMaxLineBytes) {
      return Status::Corrupt("line " + std::to_string(line_number_ + 1) + " is longer than " +
                             std::to_string(kMaxLineBytes >> 20) +
                             " MiB (expected one JSON event per line)");
    }
    SPARKTUNE_RETURN_IF_ERROR(Fill());
  }
}

}  // namespace sparktune::eventlog
