// DecodedLineStream: see decoded_line_stream.h.
#include "data/eventlog/decoded_line_stream.h"

#include <algorithm>
#include <utility>

namespace sparktune::eventlog {

namespace {

constexpr int kMaxWorkers = 8;
constexpr int kBatchesInFlightPerThread = 2;  // read-ahead: enough for every thread to stay busy

std::string SizeText(size_t bytes) {
  if (bytes >= (1u << 20)) return std::to_string(bytes >> 20) + " MiB";
  return std::to_string(bytes) + " bytes";
}

BatchOptions BatchOptionsOf(const LineStreamOptions& options) {
  return {std::max<size_t>(options.batch_bytes, 1), options.max_line_bytes};
}

}  // namespace

DecodedLineStream::DecodedLineStream(std::unique_ptr<BatchProducer> producer,
                                     const LineStreamOptions& options)
    : producer_(std::move(producer)), options_(options) {}

DecodedLineStream::DecodedLineStream(std::unique_ptr<ByteSource> source,
                                     const LineStreamOptions& options)
    : DecodedLineStream(MakeStreamBatchProducer(std::move(source), BatchOptionsOf(options)),
                        options) {}

DecodedLineStream::DecodedLineStream(std::unique_ptr<PositionalFile> file,
                                     const LineStreamOptions& options)
    : DecodedLineStream(MakeFileRangeBatchProducer(std::move(file), BatchOptionsOf(options)),
                        options) {}

DecodedLineStream::~DecodedLineStream() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  work_ready_.notify_all();
  for (std::thread& t : workers_) t.join();
}

std::unique_ptr<LineBatch> DecodedLineStream::TakeSpareBatch() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (spares_.empty()) return std::make_unique<LineBatch>();
  std::unique_ptr<LineBatch> batch = std::move(spares_.back());
  spares_.pop_back();
  return batch;
}

void DecodedLineStream::FillBatch() {
  std::unique_ptr<LineBatch> batch = TakeSpareBatch();
  producer_->Fill(batch.get());
  if (batch->end) {
    input_done_ = true;
  } else if (workers_.empty() && options_.worker_threads != 0) {
    StartWorkers();
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    queue_.push_back(std::move(batch));
  }
  work_ready_.notify_one();
}

void DecodedLineStream::StartWorkers() {
  int n = options_.worker_threads;
  if (n < 0) n = static_cast<int>(std::thread::hardware_concurrency()) - 1;
  n = std::clamp(n, 0, kMaxWorkers);
  max_in_flight_ = kBatchesInFlightPerThread * (n + 1);
  for (int i = 0; i < n; ++i) workers_.emplace_back([this] { WorkerLoop(); });
}

namespace {
LineBatch* FirstPending(std::deque<std::unique_ptr<LineBatch>>& queue) {
  for (auto& b : queue) {
    if (b->state == BatchState::kPending) return b.get();
  }
  return nullptr;
}
}  // namespace

void DecodedLineStream::WorkerLoop() {
  DecodeScratch scratch;
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stop_) {
    LineBatch* pending = FirstPending(queue_);
    if (pending == nullptr) {
      work_ready_.wait(lock);
      continue;
    }
    pending->state = BatchState::kClaimed;
    lock.unlock();
    producer_->Decode(pending, &scratch);
    lock.lock();
    pending->state = BatchState::kDone;
    batch_done_.notify_all();
  }
}

void DecodedLineStream::AwaitFront() {
  while (true) {
    std::unique_lock<std::mutex> lock(mutex_);
    if (!input_done_ && queue_.size() < static_cast<size_t>(max_in_flight_)) {
      lock.unlock();
      FillBatch();
      continue;
    }
    if (queue_.front()->state == BatchState::kDone) return;
    LineBatch* pending = FirstPending(queue_);
    if (pending == nullptr) {
      batch_done_.wait(lock, [this] { return queue_.front()->state == BatchState::kDone; });
      return;
    }
    // Help rather than wait.
    pending->state = BatchState::kClaimed;
    lock.unlock();
    producer_->Decode(pending, &scratch_);
    lock.lock();
    pending->state = BatchState::kDone;
  }
}

Result<bool> DecodedLineStream::Next(DecodedLine** line, bool* ended_with_newline) {
  while (!finished_) {
    AwaitFront();
    LineBatch& front = *queue_.front();
    if (cursor_ < front.count) {
      *line = &front.lines[cursor_];
      ++cursor_;
      ++line_number_;
      *ended_with_newline = !(cursor_ == front.count && front.tail_unterminated);
      return true;
    }
    cursor_ = 0;
    if (front.more) {
      // More lines than one pass decodes: the rest of this batch goes back to the pool.
      {
        std::lock_guard<std::mutex> lock(mutex_);
        front.state = BatchState::kPending;
      }
      work_ready_.notify_one();
      continue;
    }
    bytes_consumed_ = std::max(bytes_consumed_, front.data_end);
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
