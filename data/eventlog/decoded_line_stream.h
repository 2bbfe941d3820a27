// DecodedLineStream: the lines of one decoded event-log stream (a ByteSource),
// each decoded by EventDecoder, handed out in log order. The caller's thread
// reads the bytes and cuts them into batches of whole lines; worker threads
// (and the caller, while it would otherwise wait) decode batches in parallel;
// the caller then takes the decoded lines in order and applies them to the
// model (events depend on their order, so applying stays sequential; the
// model is the same for any number of threads).
//
// Every line handed to the decoder is followed by at least kLinePadding
// readable bytes, as simdjson requires for parsing in place. Memory is
// bounded: a few batches of batch_bytes of text (a batch grows only
// to hold one line longer than that) and at most kMaxLinesPerBatch decoded
// lines each. A stream that fits in one batch is decoded on the caller's
// thread without starting any worker.
//
// Line rules: '\n' ends a line and a '\r' before it is
// dropped; a final line without '\n' is still returned (the caller decides
// whether it was cut); a line longer than max_line_bytes is an error. A source
// error ends the stream after the last complete line read before it; the
// error is reported once those lines have been handed out, so that
// line_number() + 1 locates it.
// Not thread-safe: one caller. The workers are joined by the destructor.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "data/base/result.h"
#include "data/eventlog/byte_source.h"
#include "data/eventlog/event_decoder.h"

namespace sparktune::eventlog {

inline constexpr size_t kLinePadding = 64;           // >= simdjson::SIMDJSON_PADDING
inline constexpr size_t kMaxLineBytes = 1ull << 30;  // 1 GiB: no real event comes close

struct LineStreamOptions {
  // Decoding threads besides the caller's. Default: -1, one less than the
  // hardware threads (0 on a single core: everything on the caller's thread).
  int worker_threads = -1;
  size_t batch_bytes = 1 << 20;           // Default: 1 MiB of text per batch.
  size_t max_line_bytes = kMaxLineBytes;  // Default: 1 GiB.
};

class DecodedLineStream {
 public:
  static constexpr size_t kMaxLinesPerBatch = 4096;

  DecodedLineStream(std::unique_ptr<ByteSource> source, const LineStreamOptions& options = {});
  ~DecodedLineStream();
  DecodedLineStream(const DecodedLineStream&) = delete;
  DecodedLineStream& operator=(const DecodedLineStream&) = delete;

  // Sets *line to the next decoded line (valid until the next call; the caller
  // may move its event out); returns false at end of data. *ended_with_newline
  // is false only for a last line without '\n'.
  Result<bool> Next(DecodedLine** line, bool* ended_with_newline);

  // 1-based number of the line last returned.
  int64_t line_number() const { return line_number_; }
  const ByteSource& source() const { return *source_; }
  uint64_t bytes_consumed() const { return bytes_read_; }
  // Worker threads started so far (0 when everything ran on the caller's thread).
  int workers_started() const { return static_cast<int>(workers_.size()); }

 private:
  struct Batch;
  enum class BatchState { kPending, kClaimed, kDone };

  std::unique_ptr<Batch> TakeSpareBatch();
  // Reads the next batch of whole lines from the source and queues it.
  void ReadBatch();
  // Decodes the lines of `batch` from its resume offset (any thread).
  void DecodeBatch(Batch* batch, EventDecoder* decoder);
  // Makes the front batch decoded, reading ahead and helping the workers meanwhile.
  void AwaitFront();
  void StartWorkers();
  void WorkerLoop();

  std::unique_ptr<ByteSource> source_;
  LineStreamOptions options_;
  int max_in_flight_ = 1;

  // Reading (caller's thread only).
  std::string carry_;  // an incomplete line left after the last batch
  bool source_done_ = false;
  uint64_t bytes_read_ = 0;

  // Shared with the workers, under mutex_.
  std::mutex mutex_;
  std::condition_variable work_ready_;        // a batch became pending, or stop
  std::condition_variable batch_done_;        // a batch became done
  std::deque<std::unique_ptr<Batch>> queue_;  // in log order; the front is being consumed
  std::vector<std::unique_ptr<Batch>> spares_;
  bool stop_ = false;
  std::vector<std::thread> workers_;

  // Consuming (caller's thread only).
  EventDecoder decoder_;  // the caller's own, for helping and for single-batch streams
  size_t cursor_ = 0;     // next line of the front batch
  int64_t line_number_ = 0;
  bool finished_ = false;
  Status error_;
};

}  // namespace sparktune::eventlog
