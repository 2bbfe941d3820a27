// The file-range producer of line_batch.h: a plain log cut into byte ranges,
// each read with pread(2) in small pieces into the decoding thread's buffer
// and decoded line by line. A line belongs to the range its first byte is in.
#include <algorithm>
#include <cstring>

#include "data/eventlog/line_batch.h"

namespace sparktune::eventlog {

namespace {

// Bytes per pread: small enough that the copy stays in this core's cache
// until it is decoded.
constexpr size_t kPieceBytes = 128 * 1024;

// The bytes of the file held in a thread's buffer: [begin, begin + size),
// stored from buffer offset `shift` = begin (mod 64) so that every pread lands
// on the file offset's alignment (kReadAlignment).
class Window {
 public:
  Window(const PositionalFile& file, PaddedBuffer* buffer) : file_(file), buffer_(*buffer) {}

  uint64_t begin() const { return begin_; }
  uint64_t end() const { return begin_ + size_; }
  const char* At(uint64_t offset) { return buffer_.data() + shift_ + (offset - begin_); }
  const Status& error() const { return error_; }
  // Starts empty at `offset`.
  void Reset(uint64_t offset) {
    begin_ = offset;
    size_ = 0;
    shift_ = offset % kReadAlignment;
  }
  // Drops the bytes before `keep_from` (in [begin, end]) and reads the next
  // piece after end(); false at end of file or on an error (error()).
  bool Extend(uint64_t keep_from);

 private:
  const PositionalFile& file_;
  PaddedBuffer& buffer_;
  uint64_t begin_ = 0;
  size_t size_ = 0;
  size_t shift_ = 0;
  Status error_;
};

bool Window::Extend(uint64_t keep_from) {
  const size_t keep = static_cast<size_t>(end() - keep_from);
  const size_t shift = keep_from > begin_ ? keep_from % kReadAlignment : shift_;
  const size_t needed = shift + keep + kPieceBytes;
  if (buffer_.capacity() < needed) {
    buffer_.Reserve(std::max(2 * buffer_.capacity(), needed), shift_ + size_);
  }
  if (keep_from > begin_) {
    std::memmove(buffer_.data() + shift, At(keep_from), keep);
    begin_ = keep_from;
    size_ = keep;
    shift_ = shift;
  }
  Result<size_t> n =
      file_.ReadAt(end(), reinterpret_cast<uint8_t*>(buffer_.data()) + shift_ + size_, kPieceBytes);
  if (!n.ok()) {
    error_ = n.status();
    return false;
  }
  size_ += *n;
  return *n > 0;
}

enum class Scan { kFound, kLimit, kEnd };  // kEnd: end of file, or Window::error()

// Finds the first '\n' at or after `from` and before `limit`, keeping the
// window's bytes from `from` on.
Scan FindNewline(Window& w, uint64_t from, uint64_t limit, uint64_t* newline_at) {
  if (from < w.begin() || from > w.end()) w.Reset(from);
  uint64_t scan = from;
  while (true) {
    const uint64_t stop = std::min(w.end(), limit);
    if (scan < stop) {
      const char* base = w.At(scan);
      if (const void* p = std::memchr(base, '\n', stop - scan); p != nullptr) {
        *newline_at = scan + static_cast<uint64_t>(static_cast<const char*>(p) - base);
        return Scan::kFound;
      }
    }
    if (w.end() >= limit) return Scan::kLimit;
    scan = w.end();
    if (!w.Extend(from)) return Scan::kEnd;
  }
}

class FileRangeBatchProducer final : public BatchProducer {
 public:
  FileRangeBatchProducer(std::unique_ptr<PositionalFile> file, const BatchOptions& options)
      : file_(std::move(file)), options_(options) {}

  void Fill(LineBatch* b) override {
    b->Reset();
    b->range_begin = next_;
    b->range_end = next_ + options_.batch_bytes;
    next_ = b->range_end;
    b->resume = b->range_begin;
    b->resume_known = b->range_begin == 0;
    // The last range as the file was when opened; its last line is read to its end.
    b->end = b->range_end >= file_->size_when_opened();
  }

  void Decode(LineBatch* b, DecodeScratch* scratch) const override;
  bool truncated() const override { return false; }

 private:
  std::unique_ptr<PositionalFile> file_;
  BatchOptions options_;
  uint64_t next_ = 0;
};

void FileRangeBatchProducer::Decode(LineBatch* b, DecodeScratch* scratch) const {
  Window w(*file_, &scratch->buffer);
  b->count = 0;
  b->tail_unterminated = b->more = false;
  uint64_t pos = b->resume;
  uint64_t newline = 0;
  if (!b->resume_known) {
    // The first line starting in the range follows the first '\n' at or after range_begin - 1.
    switch (FindNewline(w, b->range_begin - 1, b->range_end - 1, &newline)) {
      case Scan::kFound:
        pos = newline + 1;
        break;
      case Scan::kLimit:
        return;  // inside a line that began earlier
      case Scan::kEnd:
        b->error = w.error();
        b->end = true;
        b->data_end = w.end();
        return;
    }
  }
  bool stopped = false;  // the input ended (or failed) in this pass
  while (!stopped && pos < b->range_end && b->count < kMaxLinesPerBatch) {
    const Scan found = FindNewline(w, pos, pos + options_.max_line_bytes + 1, &newline);
    if (found == Scan::kLimit) {
      b->line_too_long = stopped = true;
      break;
    }
    if (found == Scan::kEnd && (!w.error().ok() || w.end() == pos)) {
      b->error = w.error();  // the line being read is lost, as with a stream
      stopped = true;
      break;
    }
    const bool terminated = found == Scan::kFound;
    const char* start = w.At(pos);
    size_t len = static_cast<size_t>((terminated ? newline : w.end()) - pos);
    pos += len;
    if (terminated) {
      ++pos;
      if (len > 0 && start[len - 1] == '\r') --len;
    }
    if (b->count == b->lines.size()) b->lines.emplace_back();
    scratch->decoder.Decode(std::string_view(start, len), &b->lines[b->count]);
    ++b->count;
    if (!terminated) {
      b->tail_unterminated = stopped = true;
    }
  }
  if (stopped) b->end = true;
  b->more = !stopped && b->count == kMaxLinesPerBatch && pos < b->range_end;
  b->resume = pos;
  b->resume_known = true;
  b->data_end = pos;
}

}  // namespace

std::unique_ptr<BatchProducer> MakeFileRangeBatchProducer(std::unique_ptr<PositionalFile> file,
                                                          const BatchOptions& options) {
  return std::make_unique<FileRangeBatchProducer>(std::move(file), options);
}

}  // namespace sparktune::eventlog
