// BlockDecoder: the plumbing shared by every codec decoder (lz4, snappy, lzf,
// zstd, gzip). A subclass decodes one block/chunk/step at a time into the
// output buffer in Refill(); BlockDecoder hands those bytes out through
// ByteSource::Read in whatever sizes the caller asks for.
//
// Contract for subclasses:
//  * Refill() either puts 0..n decoded bytes into the buffer (via OutBuffer()
//    and SetOut()) or calls Finish(); it must consume input or finish, so the
//    Read loop terminates. An empty refill without Finish() is allowed (e.g.
//    lz4 end marker, snappy header).
//  * Errors are returned as Status (usually Corrupt(), which names the file
//    and byte offset); once an error is returned every later Read returns it.
//  * Memory is bounded by the largest block the format allows (the subclass
//    rejects lengths beyond that before allocating).
//
// Mirrors the role of java.io.InputStream + the refill() loop of lz4-java
// LZ4BlockInputStream / snappy-java SnappyInputStream / compress-lzf
// LZFInputStream that Spark's CompressionCodec.compressedInputStream returns.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <string>
#include <string_view>

#include "data/eventlog/byte_source.h"

namespace sparktune::eventlog {

// A growable byte buffer that does not zero its contents on growth. It starts
// on a 64-byte boundary: the kernel copies file bytes into such a buffer 3.6x
// faster than into one at a 16-byte boundary (bench/README.md, parse section).
class RawBuffer {
 public:
  // Ensures capacity for at least `n` bytes (contents are not preserved).
  uint8_t* Reserve(size_t n);
  // Ensures capacity for at least `n` bytes, keeping the first `keep` bytes.
  uint8_t* Grow(size_t n, size_t keep);
  uint8_t* data() { return data_.get(); }
  size_t capacity() const { return capacity_; }

 private:
  static constexpr size_t kAlignment = 64;
  struct AlignedDelete {
    void operator()(uint8_t* p) const { ::operator delete[](p, std::align_val_t{kAlignment}); }
  };
  static std::unique_ptr<uint8_t[], AlignedDelete> Allocate(size_t n);
  std::unique_ptr<uint8_t[], AlignedDelete> data_;
  size_t capacity_ = 0;
};

class BlockDecoder : public ByteSource {
 public:
  BlockDecoder(std::unique_ptr<ByteSource> raw, std::string file_name);

  Result<size_t> Read(uint8_t* dst, size_t capacity) final;
  bool truncated() const final { return truncated_; }
  uint64_t compressed_offset() const final { return raw_->compressed_offset(); }

 protected:
  virtual Status Refill() = 0;

  // Reads exactly `n` raw bytes unless the input ends first; returns how many
  // were read (< n only at end of input).
  Result<size_t> ReadRawFully(uint8_t* dst, size_t n);
  // Like ReadRawFully into `buf`, but grows `buf` only as bytes arrive, so a
  // hostile length in a header of a short input does not allocate that much.
  Result<size_t> ReadRawInto(RawBuffer& buf, size_t n);
  // Reads up to `n` raw bytes (whatever the source gives in one call).
  Result<size_t> ReadRawSome(uint8_t* dst, size_t n) { return raw_->Read(dst, n); }

  // Output buffer with room for `n` bytes; call SetOut(k) after writing k.
  uint8_t* OutBuffer(size_t n) { return out_.Reserve(n); }
  void SetOut(size_t n) {
    out_begin_ = 0;
    out_end_ = n;
  }
  // End of data. `cut_off`: the input ended inside a block/frame.
  void Finish(bool cut_off) {
    finished_ = true;
    truncated_ = truncated_ || cut_off;
  }

  // Corrupt status "<codec> <what>: <file> at byte <offset>".
  Status CorruptAt(std::string_view what, uint64_t offset) const;
  const std::string& file_name() const { return file_name_; }
  uint64_t raw_offset() const { return raw_->compressed_offset(); }

 private:
  std::unique_ptr<ByteSource> raw_;
  std::string file_name_;
  RawBuffer out_;
  size_t out_begin_ = 0;
  size_t out_end_ = 0;
  bool finished_ = false;
  bool truncated_ = false;
  Status error_;
};

}  // namespace sparktune::eventlog
