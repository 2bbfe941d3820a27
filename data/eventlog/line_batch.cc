// PaddedBuffer and LineBatch: see line_batch.h.
#include "data/eventlog/line_batch.h"

#include <algorithm>
#include <cstring>

namespace sparktune::eventlog {

char* PaddedBuffer::Reserve(size_t bytes, size_t keep) {
  if (bytes > capacity_ || !data_) {
    std::unique_ptr<char[], AlignedDelete> bigger(static_cast<char*>(
        ::operator new[](bytes + kLinePadding, std::align_val_t{kReadAlignment})));
    if (keep > 0 && data_) std::memcpy(bigger.get(), data_.get(), std::min(keep, capacity_));
    std::memset(bigger.get() + bytes, 0, kLinePadding);
    data_ = std::move(bigger);
    capacity_ = bytes;
  }
  return data_.get();
}

void LineBatch::Reset() {
  size = 0;
  range_begin = range_end = resume = 0;
  resume_known = false;
  count = 0;
  tail_unterminated = more = end = line_too_long = false;
  error = Status::Ok();
  data_end = 0;
  state = BatchState::kPending;
}

}  // namespace sparktune::eventlog
