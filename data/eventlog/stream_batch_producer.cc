// The stream producer of line_batch.h: batches of whole lines read from a
// ByteSource (a codec's decoder), decoded later on any thread.
#include <string.h>

#include <algorithm>
#include <cstring>
#include <string>

#include "data/eventlog/line_batch.h"

namespace sparktune::eventlog {

namespace {

class StreamBatchProducer final : public BatchProducer {
 public:
  StreamBatchProducer(std::unique_ptr<ByteSource> source, const BatchOptions& options)
      : source_(std::move(source)), options_(options) {}

  void Fill(LineBatch* b) override;
  void Decode(LineBatch* b, DecodeScratch* scratch) const override;
  bool truncated() const override { return source_->truncated(); }

 private:
  // Reads until `b` holds `target` bytes or the source ends or fails; false on end or failure.
  bool ReadUpTo(LineBatch* b, size_t target);

  std::unique_ptr<ByteSource> source_;
  BatchOptions options_;
  std::string carry_;  // an incomplete line left after the last batch
  uint64_t bytes_read_ = 0;
};

bool StreamBatchProducer::ReadUpTo(LineBatch* b, size_t target) {
  while (b->size < target) {
    Result<size_t> n = source_->Read(reinterpret_cast<uint8_t*>(b->text.data()) + b->size,
                                     b->text.capacity() - b->size);
    if (!n.ok()) {
      b->error = n.status();
      return false;
    }
    if (*n == 0) return false;
    b->size += *n;
    bytes_read_ += *n;
  }
  return true;
}

void StreamBatchProducer::Fill(LineBatch* b) {
  b->Reset();
  // Room for the carried line and at least batch_bytes / 2 (or one byte) more.
  size_t target =
      std::max(options_.batch_bytes, carry_.size() + std::max<size_t>(options_.batch_bytes / 2, 1));
  b->text.Reserve(target, 0);
  std::memcpy(b->text.data(), carry_.data(), carry_.size());
  b->size = carry_.size();
  carry_.clear();
  while (true) {
    if (!ReadUpTo(b, target)) {
      if (!b->error.ok()) {
        // Keep the complete lines read before the failure; the cut one is lost.
        const void* nl = b->size > 0 ? memrchr(b->text.data(), '\n', b->size) : nullptr;
        b->size = nl != nullptr ? static_cast<const char*>(nl) - b->text.data() + 1 : 0;
      }
      b->end = true;
      break;
    }
    if (const void* nl = memrchr(b->text.data(), '\n', b->size); nl != nullptr) {
      const size_t cut = static_cast<const char*>(nl) - b->text.data() + 1;
      carry_.assign(b->text.data() + cut, b->size - cut);
      b->size = cut;
      break;
    }
    // One line longer than the batch: grow it, unless the line is hostile.
    if (b->size > options_.max_line_bytes) {
      b->line_too_long = true;
      b->end = true;
      b->size = 0;
      break;
    }
    target = std::min(2 * b->text.capacity(), options_.max_line_bytes + options_.batch_bytes + 1);
    b->text.Reserve(target, b->size);
  }
  std::memset(b->text.data() + b->size, 0, kLinePadding);
  b->data_end = bytes_read_;
}

void StreamBatchProducer::Decode(LineBatch* b, DecodeScratch* scratch) const {
  const char* text = b->text.data();
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
    scratch->decoder.Decode(std::string_view(start, len), &b->lines[n]);
    ++n;
  }
  b->count = n;
  b->resume = pos;
  b->more = pos < b->size;
}

}  // namespace

std::unique_ptr<BatchProducer> MakeStreamBatchProducer(std::unique_ptr<ByteSource> source,
                                                       const BatchOptions& options) {
  return std::make_unique<StreamBatchProducer>(std::move(source), options);
}

}  // namespace sparktune::eventlog
