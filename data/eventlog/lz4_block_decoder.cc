// Lz4BlockDecoder: see lz4_block_decoder.h. Mirrors lz4-java 1.8
// net.jpountz.lz4.LZ4BlockInputStream.refill() checks one for one.
#include "data/eventlog/lz4_block_decoder.h"

#include <lz4.h>
#include <xxhash.h>

#include <algorithm>
#include <cstring>
#include <utility>

#include "data/eventlog/block_decoder.h"

namespace sparktune::eventlog {
namespace {

constexpr char kMagic[] = {'L', 'Z', '4', 'B', 'l', 'o', 'c', 'k'};
constexpr size_t kMagicLength = sizeof(kMagic);
constexpr size_t kHeaderLength = kMagicLength + 1 + 4 + 4 + 4;  // 21
constexpr int kMethodRaw = 0x10;
constexpr int kMethodLz4 = 0x20;
constexpr int kLevelBase = 10;
constexpr uint32_t kSeed = 0x9747B28C;
constexpr uint32_t kChecksumMask = 0x0FFFFFFF;

int32_t ReadIntLE(const uint8_t* p) {
  uint32_t v = uint32_t{p[0]} | uint32_t{p[1]} << 8 | uint32_t{p[2]} << 16 | uint32_t{p[3]} << 24;
  return static_cast<int32_t>(v);
}

class Lz4BlockDecoder final : public BlockDecoder {
 public:
  using BlockDecoder::BlockDecoder;

 protected:
  Status Refill() override {
    const uint64_t block_offset = raw_offset();
    uint8_t header[kHeaderLength];
    SPARKTUNE_ASSIGN_OR_RETURN(size_t got, ReadRawFully(header, kHeaderLength));
    if (got == 0) {
      // Clean EOF at a block boundary; without an end marker the stream was
      // never closed (in-progress log).
      Finish(/*cut_off=*/in_stream_);
      return Status::Ok();
    }
    if (std::memcmp(header, kMagic, std::min(got, kMagicLength)) != 0) {
      return CorruptAt("lz4 stream is corrupted (no LZ4Block magic)", block_offset);
    }
    if (got < kHeaderLength) {
      Finish(/*cut_off=*/true);
      return Status::Ok();
    }
    const int token = header[kMagicLength];
    const int method = token & 0xF0;
    const int level = kLevelBase + (token & 0x0F);
    const int32_t compressed_len = ReadIntLE(header + 9);
    const int32_t original_len = ReadIntLE(header + 13);
    const uint32_t check = static_cast<uint32_t>(ReadIntLE(header + 17));
    if (method != kMethodRaw && method != kMethodLz4) {
      return CorruptAt("lz4 block has an unknown compression method", block_offset);
    }
    if (original_len < 0 || compressed_len < 0 || original_len > (int32_t{1} << level) ||
        (original_len == 0) != (compressed_len == 0) ||
        (method == kMethodRaw && original_len != compressed_len) ||
        (method == kMethodLz4 && compressed_len > LZ4_compressBound(original_len))) {
      return CorruptAt("lz4 block header has impossible lengths", block_offset);
    }
    if (original_len == 0) {
      if (check != 0) return CorruptAt("lz4 end marker has a non-zero checksum", block_offset);
      in_stream_ = false;  // End marker; another stream may follow.
      return Status::Ok();
    }
    in_stream_ = true;

    // The payload is read before the output is allocated, in growing steps,
    // so a cut-off file with a large header claim stays cheap.
    SPARKTUNE_ASSIGN_OR_RETURN(size_t n,
                               ReadRawInto(compressed_, static_cast<size_t>(compressed_len)));
    if (n < static_cast<size_t>(compressed_len)) {
      Finish(/*cut_off=*/true);
      return Status::Ok();
    }
    uint8_t* out = OutBuffer(static_cast<size_t>(original_len));
    if (method == kMethodRaw) {
      std::memcpy(out, compressed_.data(), static_cast<size_t>(original_len));
    } else {
      int decoded = LZ4_decompress_safe(reinterpret_cast<const char*>(compressed_.data()),
                                        reinterpret_cast<char*>(out), compressed_len, original_len);
      if (decoded != original_len) {
        return CorruptAt("lz4 block does not decompress to its original length", block_offset);
      }
    }
    const uint32_t actual = XXH32(out, static_cast<size_t>(original_len), kSeed) & kChecksumMask;
    if (actual != check) return CorruptAt("lz4 block checksum mismatch", block_offset);
    SetOut(static_cast<size_t>(original_len));
    return Status::Ok();
  }

 private:
  RawBuffer compressed_;
  bool in_stream_ = false;  // Saw a data block since the last end marker.
};

}  // namespace

std::unique_ptr<ByteSource> MakeLz4BlockDecoder(std::unique_ptr<ByteSource> raw,
                                                std::string file_name) {
  return std::make_unique<Lz4BlockDecoder>(std::move(raw), std::move(file_name));
}

}  // namespace sparktune::eventlog
