// LineBatch and BatchProducer: the units of work behind DecodedLineStream.
// A producer cuts the input into batches on the caller's thread (Fill: cheap,
// in log order) and decodes a batch's lines on any thread (Decode). Two
// producers:
//  * a stream (a decoded ByteSource: compressed logs): Fill reads whole lines
//    into the batch's own buffer, Decode splits and decodes them;
//  * a plain file read at offsets: Fill only assigns the next byte range, and
//    Decode reads it with pread(2) in small pieces into the decoding thread's
//    own buffer and decodes each line while its bytes are still in that
//    core's cache. A line belongs to the range its first byte is in (the last
//    one is read past the range's end). The caller's thread then does no
//    reading at all for plain logs, only ordering and applying.
// Line rules for both: '\n' ends a line and a '\r' before it is dropped; a
// final line without '\n' is kept; a line longer than max_line_bytes ends the
// input with an error; an I/O or codec error ends it after the last complete
// line before it. Internal to data/eventlog.
#pragma once

#include <cstdint>
#include <memory>
#include <new>
#include <vector>

#include "data/base/result.h"
#include "data/eventlog/byte_source.h"
#include "data/eventlog/event_decoder.h"

namespace sparktune::eventlog {

inline constexpr size_t kLinePadding = 64;           // >= simdjson::SIMDJSON_PADDING
inline constexpr size_t kMaxLineBytes = 1ull << 30;  // 1 GiB: no real event comes close
inline constexpr size_t kMaxLinesPerBatch = 4096;    // decoded lines held per batch and pass

// Alignment of read(2)/pread(2) destinations: the kernel's copy from the page
// cache runs 3.6x slower into a buffer that is not 64-byte aligned with the
// file offset (bench/README.md), so buffers start on a 64-byte boundary and
// readers keep `buffer offset = file offset (mod 64)`.
inline constexpr size_t kReadAlignment = 64;

// A growable byte buffer, 64-byte aligned, followed by kLinePadding readable bytes.
class PaddedBuffer {
 public:
  // Ensures room for `bytes`, keeping the first `keep` bytes.
  char* Reserve(size_t bytes, size_t keep);
  char* data() { return data_.get(); }
  size_t capacity() const { return capacity_; }

 private:
  struct AlignedDelete {
    void operator()(char* p) const { ::operator delete[](p, std::align_val_t{kReadAlignment}); }
  };
  std::unique_ptr<char[], AlignedDelete> data_;
  size_t capacity_ = 0;
};

enum class BatchState { kPending, kClaimed, kDone };

struct LineBatch {
  // Input (set by Fill). Stream: text[0, size) holds whole lines. File: lines
  // starting in [range_begin, range_end).
  PaddedBuffer text;
  size_t size = 0;
  uint64_t range_begin = 0;
  uint64_t range_end = 0;
  // Where the next pass starts: a text offset, or a file offset once a line start is known.
  uint64_t resume = 0;
  bool resume_known = false;  // file: `resume` is a line start (else search from range_begin)

  // Output (set by Decode).
  std::vector<DecodedLine> lines;  // [0, count), reused across batches
  size_t count = 0;
  bool tail_unterminated = false;  // the last decoded line had no '\n'
  bool more = false;               // the pass stopped at kMaxLinesPerBatch: decode again
  bool end = false;                // no line follows this batch's lines
  bool line_too_long = false;      // the input ends in a line longer than max_line_bytes
  Status error;                    // the input failed after this batch's lines
  uint64_t data_end = 0;           // input bytes consumed through this batch

  BatchState state = BatchState::kPending;

  void Reset();
};

// What one decoding thread owns.
struct DecodeScratch {
  EventDecoder decoder;
  PaddedBuffer buffer;  // file producer: the window of the file being decoded
};

class BatchProducer {
 public:
  virtual ~BatchProducer() = default;
  // Caller's thread, in order: prepares `batch` (reset) as the next batch.
  // Sets batch->end when Fill already knows that no batch follows.
  virtual void Fill(LineBatch* batch) = 0;
  // Any thread: decodes the batch's lines from its resume point (one pass).
  virtual void Decode(LineBatch* batch, DecodeScratch* scratch) const = 0;
  // The input ended inside a block (compressed stream of an unfinished log).
  virtual bool truncated() const = 0;
};

struct BatchOptions {
  size_t batch_bytes = 1 << 20;
  size_t max_line_bytes = kMaxLineBytes;
};

std::unique_ptr<BatchProducer> MakeStreamBatchProducer(std::unique_ptr<ByteSource> source,
                                                       const BatchOptions& options);
std::unique_ptr<BatchProducer> MakeFileRangeBatchProducer(std::unique_ptr<PositionalFile> file,
                                                          const BatchOptions& options);

}  // namespace sparktune::eventlog
