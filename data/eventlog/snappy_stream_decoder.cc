// SnappyStreamDecoder: see snappy_stream_decoder.h. Mirrors snappy-java
// org.xerial.snappy.SnappyInputStream (readHeader, hasNextChunk).
#include "data/eventlog/snappy_stream_decoder.h"

#include <snappy.h>

#include <algorithm>
#include <cstring>
#include <utility>

#include "data/eventlog/block_decoder.h"

namespace sparktune::eventlog {
namespace {

constexpr uint8_t kMagic[] = {0x82, 'S', 'N', 'A', 'P', 'P', 'Y', 0x00};
constexpr size_t kMagicLength = sizeof(kMagic);
constexpr size_t kHeaderLength = kMagicLength + 4 + 4;  // 16
constexpr uint32_t kMagicHead = 0x82534E41;             // first 4 magic bytes, BE
constexpr int32_t kMinimumCompatibleVersion = 1;
constexpr size_t kMaxChunkBytes = size_t{64} << 20;

uint32_t ReadUIntBE(const uint8_t* p) {
  return uint32_t{p[0]} << 24 | uint32_t{p[1]} << 16 | uint32_t{p[2]} << 8 | uint32_t{p[3]};
}

class SnappyStreamDecoder final : public BlockDecoder {
 public:
  using BlockDecoder::BlockDecoder;

 protected:
  Status Refill() override {
    if (!header_read_) return ReadStreamHeader();
    const uint64_t chunk_offset = raw_offset();
    uint8_t len_bytes[4];
    SPARKTUNE_ASSIGN_OR_RETURN(size_t got, ReadRawFully(len_bytes, 4));
    if (got < 4) {
      Finish(/*cut_off=*/got > 0);
      return Status::Ok();
    }
    const uint32_t chunk_len = ReadUIntBE(len_bytes);
    if (chunk_len == kMagicHead) return ReadRestOfHeader(len_bytes, chunk_offset);
    if (chunk_len > kMaxChunkBytes) {  // also catches negative int32 lengths
      return CorruptAt("snappy chunk length is out of range", chunk_offset);
    }
    SPARKTUNE_ASSIGN_OR_RETURN(size_t n, ReadRawInto(compressed_, chunk_len));
    if (n < chunk_len) {
      Finish(/*cut_off=*/true);
      return Status::Ok();
    }
    const char* src = reinterpret_cast<const char*>(compressed_.data());
    size_t original_len = 0;
    if (!snappy::GetUncompressedLength(src, chunk_len, &original_len)) {
      return CorruptAt("snappy chunk has an invalid length prefix", chunk_offset);
    }
    if (original_len > kMaxChunkBytes) {
      return CorruptAt("snappy chunk uncompressed length is out of range", chunk_offset);
    }
    uint8_t* out = OutBuffer(original_len);
    if (!snappy::RawUncompress(src, chunk_len, reinterpret_cast<char*>(out))) {
      return CorruptAt("snappy chunk failed to decompress", chunk_offset);
    }
    SetOut(original_len);
    return Status::Ok();
  }

 private:
  // The first header of the stream.
  Status ReadStreamHeader() {
    uint8_t header[kHeaderLength];
    SPARKTUNE_ASSIGN_OR_RETURN(size_t got, ReadRawFully(header, kHeaderLength));
    header_read_ = true;
    if (got == 0) {
      Finish(/*cut_off=*/false);
      return Status::Ok();
    }
    return CheckHeader(header, got, 0);
  }

  // A concatenated stream's header whose first 4 bytes were already read.
  Status ReadRestOfHeader(const uint8_t* first4, uint64_t header_offset) {
    uint8_t header[kHeaderLength];
    std::memcpy(header, first4, 4);
    SPARKTUNE_ASSIGN_OR_RETURN(size_t got, ReadRawFully(header + 4, kHeaderLength - 4));
    return CheckHeader(header, got + 4, header_offset);
  }

  Status CheckHeader(const uint8_t* header, size_t got, uint64_t header_offset) {
    if (std::memcmp(header, kMagic, std::min(got, kMagicLength)) != 0) {
      return CorruptAt("not a snappy-java stream (no 0x82 SNAPPY header)", header_offset);
    }
    if (got < kHeaderLength) {
      Finish(/*cut_off=*/true);
      return Status::Ok();
    }
    const int32_t version = static_cast<int32_t>(ReadUIntBE(header + kMagicLength));
    if (version < kMinimumCompatibleVersion) {
      return CorruptAt("snappy-java stream has an incompatible version", header_offset);
    }
    return Status::Ok();
  }

  RawBuffer compressed_;
  bool header_read_ = false;
};

}  // namespace

std::unique_ptr<ByteSource> MakeSnappyStreamDecoder(std::unique_ptr<ByteSource> raw,
                                                    std::string file_name) {
  return std::make_unique<SnappyStreamDecoder>(std::move(raw), std::move(file_name));
}

}  // namespace sparktune::eventlog
