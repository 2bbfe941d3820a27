// DecodedLineStream: the lines of one event-log part, each decoded by
// EventDecoder, handed out in log order. The input is cut into batches
// (line_batch.h: whole lines read from a decoded stream, or byte ranges of a
// plain file); worker threads, and the caller while it would otherwise wait,
// decode batches in parallel; the caller takes the decoded lines in order and
// applies them to the model (events depend on their order, so applying stays
// sequential and the model is the same for any number of threads).
//
// Every line handed to the decoder is followed by at least kLinePadding
// readable bytes, as simdjson requires for parsing in place. Memory is
// bounded: a few batches in flight, each of batch_bytes of text (growing only
// to hold one longer line) and at most kMaxLinesPerBatch decoded lines per
// pass. An input that fits in one batch is decoded on the caller's thread
// without starting any worker.
//
// Line rules (line_batch.h): '\n' ends a line and a '\r' before it is
// dropped; a final line without '\n' is still returned (the caller decides
// whether it was cut); a line longer than max_line_bytes is an error. An I/O
// or codec error ends the input after the last complete line read before it;
// the error is reported once those lines have been handed out, so that
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
#include "data/eventlog/line_batch.h"

namespace sparktune::eventlog {

struct LineStreamOptions {
  // Decoding threads besides the caller's. Default: -1, one less than the
  // hardware threads (0 on a single core: everything on the caller's thread).
  int worker_threads = -1;
  size_t batch_bytes = 1 << 20;           // Default: 1 MiB of text per batch.
  size_t max_line_bytes = kMaxLineBytes;  // Default: 1 GiB.
};

class DecodedLineStream {
 public:
  // A decoded stream (a compressed log's decoder, or any ByteSource).
  DecodedLineStream(std::unique_ptr<ByteSource> source, const LineStreamOptions& options = {});
  // A plain file, read in ranges by the decoding threads.
  DecodedLineStream(std::unique_ptr<PositionalFile> file, const LineStreamOptions& options = {});
  ~DecodedLineStream();
  DecodedLineStream(const DecodedLineStream&) = delete;
  DecodedLineStream& operator=(const DecodedLineStream&) = delete;

  // Sets *line to the next decoded line (valid until the next call; the caller
  // may move its event out); returns false at end of data. *ended_with_newline
  // is false only for a last line without '\n'.
  Result<bool> Next(DecodedLine** line, bool* ended_with_newline);

  // 1-based number of the line last returned.
  int64_t line_number() const { return line_number_; }
  // After the end: the input ended inside a compressed block (an unfinished log).
  bool truncated() const { return producer_->truncated(); }
  // Input bytes (decoded, uncompressed) through the last batch handed out.
  uint64_t bytes_consumed() const { return bytes_consumed_; }
  // Worker threads started so far (0 when everything ran on the caller's thread).
  int workers_started() const { return static_cast<int>(workers_.size()); }

 private:
  DecodedLineStream(std::unique_ptr<BatchProducer> producer, const LineStreamOptions& options);
  std::unique_ptr<LineBatch> TakeSpareBatch();
  // Prepares the next batch (producer's Fill) and queues it.
  void FillBatch();
  // Makes the front batch decoded, filling ahead and helping the workers meanwhile.
  void AwaitFront();
  void StartWorkers();
  void WorkerLoop();

  std::unique_ptr<BatchProducer> producer_;
  LineStreamOptions options_;
  int max_in_flight_ = 1;
  bool input_done_ = false;  // the last batch is queued (caller's thread only)

  // Shared with the workers, under mutex_.
  std::mutex mutex_;
  std::condition_variable work_ready_;            // a batch became pending, or stop
  std::condition_variable batch_done_;            // a batch became done
  std::deque<std::unique_ptr<LineBatch>> queue_;  // in log order; the front is being consumed
  std::vector<std::unique_ptr<LineBatch>> spares_;
  bool stop_ = false;
  std::vector<std::thread> workers_;

  // Consuming (caller's thread only).
  DecodeScratch scratch_;  // the caller's own, for helping and for one-batch inputs
  size_t cursor_ = 0;      // next line of the front batch
  int64_t line_number_ = 0;
  uint64_t bytes_consumed_ = 0;
  bool finished_ = false;
};

}  // namespace sparktune::eventlog
