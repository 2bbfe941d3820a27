// DecodedLineStream: see decoded_line_stream.h.
#include "data/eventlog/decoded_line_stream.h"

#include <algorithm>
#include <cstring>
#include <utility>

namespace sparktune::eventlog {

namespace {

constexpr int kMaxWorkers = 8;
constexpr int kBatchesInFlightPerThread = 2;  // read-ahead: enough for every thread to stay busy

std::string SizeText(size_t bytes) {
  if (bytes >= (1u << 20)) return std::to_string(bytes >> 20) + " MiB";
  return std::to_string(bytes) + " bytes";
}

}  // namespace

struct DecodedLineStream::Batch {
  std::unique_ptr<char[]> text;  // whole lines, then kLinePadding bytes
  size_t capacity = 0;           // bytes of text it can hold (padding excluded)
  size_t size = 0;
  size_t resume = 0;           // offset of the first line not decoded yet
  bool end = false;            // no batch follows
  bool line_too_long = false;  // the stream ends in a line longer than max_line_bytes
  Status error;                // the source failed after this batch's lines
  BatchState state = BatchState::kPending;
  std::vector<DecodedLine> lines;  // decoded lines [0, count), reused across batches
  size_t count = 0;
  bool tail_unterminated = false;  // the last decoded line had no '\n'

  void Reserve(size_t bytes, size_t keep) {
    if (bytes <= capacity) return;
    std::unique_ptr<char[]> bigger(new char[bytes + kLinePadding]);
    if (keep > 0) std::memcpy(bigger.get(), text.get(), keep);
    text = std::move(bigger);
    capacity = bytes;
  }
};

DecodedLineStream::DecodedLineStream(std::unique_ptr<ByteSource> source,
                                     const LineStreamOptions& options)
    : source_(std::move(source)), options_(options) {
  options_.batch_bytes = std::max<size_t>(options_.batch_bytes, 1);
}

DecodedLineStream::~DecodedLineStream() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  work_ready_.notify_all();
  for (std::thread& t : workers_) t.join();
}

std::unique_ptr<DecodedLineStream::Batch> DecodedLineStream::TakeSpareBatch() {
  std::unique_ptr<Batch> batch;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!spares_.empty()) {
      batch = std::move(spares_.back());
      spares_.pop_back();
    }
  }
  if (!batch) batch = std::make_unique<Batch>();
  batch->size = batch->resume = batch->count = 0;
  batch->end = batch->line_too_long = batch->tail_unterminated = false;
  batch->error = Status::Ok();
  batch->state = BatchState::kPending;
  return batch;
}

void DecodedLineStream::ReadBatch() {
  std::unique_ptr<Batch> batch = TakeSpareBatch();
  Batch& b = *batch;
  // Room for the carried line and at least batch_bytes / 2 (or one byte) more.
  size_t target =
      std::max(options_.batch_bytes, carry_.size() + std::max<size_t>(options_.batch_bytes / 2, 1));
  b.Reserve(target, 0);
  std::memcpy(b.text.get(), carry_.data(), carry_.size());
  b.size = carry_.size();
  carry_.clear();
  while (true) {
    bool eof = false;
    while (b.size < target) {
      Result<size_t> n =
          source_->Read(reinterpret_cast<uint8_t*>(b.text.get()) + b.size, b.capacity - b.size);
      if (!n.ok()) {
        b.error = n.status();
        break;
      }
      if (*n == 0) {
        eof = true;
        break;
      }
      b.size += *n;
      bytes_read_ += *n;
    }
    if (!b.error.ok()) {
      // Keep the complete lines read before the failure; the cut one is lost.
      const void* nl = b.size > 0 ? memrchr(b.text.get(), '\n', b.size) : nullptr;
      b.size = nl != nullptr ? static_cast<const char*>(nl) - b.text.get() + 1 : 0;
      b.end = true;
      break;
    }
    if (eof) {
      b.end = true;
      break;
    }
    if (const void* nl = memrchr(b.text.get(), '\n', b.size); nl != nullptr) {
      const size_t cut = static_cast<const char*>(nl) - b.text.get() + 1;
      carry_.assign(b.text.get() + cut, b.size - cut);
      b.size = cut;
      break;
    }
    // One line longer than the batch: grow it, unless the line is hostile.
    if (b.size > options_.max_line_bytes) {
      b.line_too_long = true;
      b.end = true;
      b.size = 0;
      break;
    }
    target = std::min(2 * b.capacity, options_.max_line_bytes + options_.batch_bytes + 1);
    b.Reserve(target, b.size);
  }
  std::memset(b.text.get() + b.size, 0, kLinePadding);
  if (b.end)
    source_done_ = true;
  else if (workers_.empty() && options_.worker_threads != 0)
    StartWorkers();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    queue_.push_back(std::move(batch));
  }
  work_ready_.notify_one();
}

void DecodedLineStream::DecodeBatch(Batch* b, EventDecoder* decoder) {
  const char* text = b->text.get();
  size_t pos = b->resume;
  size_t n = 0;
  b->tail_unterminated = false;
  while (pos < b->size && n < kMaxLinesPerBatch) {
    const char* start = text + pos;
    const void* nl = std::memchr(start, '\n', b->size - pos);
    size_t len;
    if (nl != nullptr) {
      len = static_cast<const char*>(nl) - start;
      pos += len + 1;
      if (len > 0 && start[len - 1] == '\r') --len;
    } else {
      len = b->size - pos;
      pos = b->size;
      b->tail_unterminated = true;
    }
    if (n == b->lines.size()) b->lines.emplace_back();
    decoder->Decode(std::string_view(start, len), &b->lines[n]);
    ++n;
  }
  b->count = n;
  b->resume = pos;
}

void DecodedLineStream::StartWorkers() {
  int n = options_.worker_threads;
  if (n < 0) n = static_cast<int>(std::thread::hardware_concurrency()) - 1;
  n = std::clamp(n, 0, kMaxWorkers);
  max_in_flight_ = kBatchesInFlightPerThread * (n + 1);
  for (int i = 0; i < n; ++i) workers_.emplace_back([this] { WorkerLoop(); });
}

void DecodedLineStream::WorkerLoop() {
  EventDecoder decoder;
  std::unique_lock<std::mutex> lock(mutex_);
  while (true) {
    if (stop_) return;
    Batch* pending = nullptr;
    for (auto& b : queue_) {
      if (b->state == BatchState::kPending) {
        pending = b.get();
        break;
      }
    }
    if (pending == nullptr) {
      work_ready_.wait(lock);
      continue;
    }
    pending->state = BatchState::kClaimed;
    lock.unlock();
    DecodeBatch(pending, &decoder);
    lock.lock();
    pending->state = BatchState::kDone;
    batch_done_.notify_all();
  }
}

void DecodedLineStream::AwaitFront() {
  while (true) {
    std::unique_lock<std::mutex> lock(mutex_);
    if (!source_done_ && queue_.size() < static_cast<size_t>(max_in_flight_)) {
      lock.unlock();
      ReadBatch();
      continue;
    }
    if (queue_.front()->state == BatchState::kDone) return;
    Batch* pending = nullptr;
    for (auto& b : queue_) {
      if (b->state == BatchState::kPending) {
        pending = b.get();
        break;
      }
    }
    if (pending == nullptr) {
      batch_done_.wait(lock, [this] { return queue_.front()->state == BatchState::kDone; });
      return;
    }
    // Help rather than wait.
    pending->state = BatchState::kClaimed;
    lock.unlock();
    DecodeBatch(pending, &decoder_);
    lock.lock();
    pending->state = BatchState::kDone;
  }
}

Result<bool> DecodedLineStream::Next(DecodedLine** line, bool* ended_with_newline) {
  while (!finished_) {
    AwaitFront();
    Batch& front = *queue_.front();
    if (cursor_ < front.count) {
      *line = &front.lines[cursor_];
      ++cursor_;
      ++line_number_;
      *ended_with_newline = !(cursor_ == front.count && front.tail_unterminated);
      return true;
    }
    cursor_ = 0;
    if (front.resume < front.size) {
      // More lines than one pass decodes: the rest of this batch goes back to the pool.
      {
        std::lock_guard<std::mutex> lock(mutex_);
        front.state = BatchState::kPending;
      }
      work_ready_.notify_one();
      continue;
    }
    Status error = front.error;
    if (front.line_too_long) {
      error = Status::Corrupt("line " + std::to_string(line_number_ + 1) + " is longer than " +
                              SizeText(options_.max_line_bytes) +
                              " (expected one JSON event per line)");
    }
    const bool end = front.end;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      spares_.push_back(std::move(queue_.front()));
      queue_.pop_front();
    }
    if (!error.ok()) {
      finished_ = true;
      return error;
    }
    if (end) finished_ = true;
  }
  return false;
}

}  // namespace sparktune::eventlog
