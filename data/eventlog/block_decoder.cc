// BlockDecoder: see block_decoder.h.
#include "data/eventlog/block_decoder.h"

#include <algorithm>
#include <cstring>
#include <utility>

namespace sparktune::eventlog {

std::unique_ptr<uint8_t[], RawBuffer::AlignedDelete> RawBuffer::Allocate(size_t n) {
  return std::unique_ptr<uint8_t[], AlignedDelete>(
      static_cast<uint8_t*>(::operator new[](n, std::align_val_t{kAlignment})));
}

uint8_t* RawBuffer::Reserve(size_t n) {
  if (n > capacity_ || !data_) {
    size_t cap = std::max<size_t>(n, 1);
    data_ = Allocate(cap);
    capacity_ = cap;
  }
  return data_.get();
}

uint8_t* RawBuffer::Grow(size_t n, size_t keep) {
  if (n <= capacity_ && data_) return data_.get();
  std::unique_ptr<uint8_t[], AlignedDelete> bigger = Allocate(std::max<size_t>(n, 1));
  if (keep > 0) std::memcpy(bigger.get(), data_.get(), std::min(keep, capacity_));
  data_ = std::move(bigger);
  capacity_ = std::max<size_t>(n, 1);
  return data_.get();
}

BlockDecoder::BlockDecoder(std::unique_ptr<ByteSource> raw, std::string file_name)
    : raw_(std::move(raw)), file_name_(std::move(file_name)) {}

Result<size_t> BlockDecoder::Read(uint8_t* dst, size_t capacity) {
  if (!error_.ok()) return error_;
  if (capacity == 0) return size_t{0};
  while (out_begin_ == out_end_) {
    if (finished_) return size_t{0};
    out_begin_ = out_end_ = 0;
    Status st = Refill();
    if (!st.ok()) {
      error_ = st;
      out_begin_ = out_end_ = 0;
      return st;
    }
  }
  size_t take = std::min(capacity, out_end_ - out_begin_);
  std::memcpy(dst, out_.data() + out_begin_, take);
  out_begin_ += take;
  return take;
}

Result<size_t> BlockDecoder::ReadRawFully(uint8_t* dst, size_t n) {
  size_t got = 0;
  while (got < n) {
    Result<size_t> r = raw_->Read(dst + got, n - got);
    if (!r.ok()) return r.status();
    if (*r == 0) break;
    got += *r;
  }
  return got;
}

Result<size_t> BlockDecoder::ReadRawInto(RawBuffer& buf, size_t n) {
  constexpr size_t kFirstStep = 256 * 1024;
  size_t got = 0;
  while (got < n) {
    if (buf.capacity() < n && got == buf.capacity()) {
      buf.Grow(std::min(n, std::max(kFirstStep, 2 * buf.capacity())), got);
    } else if (got == 0) {
      buf.Reserve(std::min(n, std::max(kFirstStep, buf.capacity())));
    }
    const size_t want = std::min(n, buf.capacity()) - got;
    Result<size_t> r = raw_->Read(buf.data() + got, want);
    if (!r.ok()) return r.status();
    if (*r == 0) break;
    got += *r;
  }
  return got;
}

Status BlockDecoder::CorruptAt(std::string_view what, uint64_t offset) const {
  return Status::Corrupt(std::string(what) + ": " + file_name_ + " at byte " +
                         std::to_string(offset));
}

}  // namespace sparktune::eventlog
