// LzfChunkDecoder: see lzf_chunk_decoder.h. Mirrors compress-lzf
// com.ning.compress.lzf.LZFChunk (chunk layout) and impl.VanillaChunkDecoder
// (block decoding).
#include "data/eventlog/lzf_chunk_decoder.h"

#include <algorithm>
#include <cstring>
#include <utility>

#include "data/eventlog/block_decoder.h"

namespace sparktune::eventlog {
namespace {

constexpr uint8_t kByteZ = 'Z';
constexpr uint8_t kByteV = 'V';
constexpr uint8_t kTypeStored = 0;
constexpr uint8_t kTypeCompressed = 1;
constexpr size_t kStoredHeaderLength = 5;
constexpr size_t kCompressedHeaderLength = 7;

size_t ReadUInt16BE(const uint8_t* p) { return size_t{p[0]} << 8 | size_t{p[1]}; }

class LzfChunkDecoder final : public BlockDecoder {
 public:
  using BlockDecoder::BlockDecoder;

 protected:
  Status Refill() override {
    const uint64_t chunk_offset = raw_offset();
    uint8_t header[kCompressedHeaderLength];
    SPARKTUNE_ASSIGN_OR_RETURN(size_t got, ReadRawFully(header, kStoredHeaderLength));
    if (got == 0) {
      Finish(/*cut_off=*/false);
      return Status::Ok();
    }
    if (header[0] != kByteZ || (got > 1 && header[1] != kByteV)) {
      return CorruptAt("lzf chunk does not start with ZV", chunk_offset);
    }
    if (got > 2 && header[2] != kTypeStored && header[2] != kTypeCompressed) {
      return CorruptAt("lzf chunk has an unknown type", chunk_offset);
    }
    if (got < kStoredHeaderLength) {
      Finish(/*cut_off=*/true);
      return Status::Ok();
    }
    const size_t first_len = ReadUInt16BE(header + 3);
    if (header[2] == kTypeStored) {
      uint8_t* out = OutBuffer(first_len);
      SPARKTUNE_ASSIGN_OR_RETURN(size_t n, ReadRawFully(out, first_len));
      if (n < first_len) {
        Finish(/*cut_off=*/true);
        return Status::Ok();
      }
      SetOut(first_len);
      return Status::Ok();
    }
    SPARKTUNE_ASSIGN_OR_RETURN(size_t more, ReadRawFully(header + kStoredHeaderLength, 2));
    if (more < 2) {
      Finish(/*cut_off=*/true);
      return Status::Ok();
    }
    const size_t compressed_len = first_len;
    const size_t original_len = ReadUInt16BE(header + kStoredHeaderLength);
    uint8_t* in = compressed_.Reserve(compressed_len);
    SPARKTUNE_ASSIGN_OR_RETURN(size_t n, ReadRawFully(in, compressed_len));
    if (n < compressed_len) {
      Finish(/*cut_off=*/true);
      return Status::Ok();
    }
    uint8_t* out = OutBuffer(original_len);
    if (!LzfDecompressBlock(in, compressed_len, out, original_len)) {
      return CorruptAt("lzf chunk failed to decompress", chunk_offset);
    }
    SetOut(original_len);
    return Status::Ok();
  }

 private:
  RawBuffer compressed_;
};

}  // namespace

bool LzfDecompressBlock(const uint8_t* in, size_t in_len, uint8_t* out, size_t out_len) {
  size_t ip = 0;
  size_t op = 0;
  while (ip < in_len) {
    const size_t ctrl = in[ip++];
    if (ctrl < 32) {  // Literal run of ctrl + 1 bytes.
      const size_t len = ctrl + 1;
      if (len > in_len - ip || len > out_len - op) return false;
      std::memcpy(out + op, in + ip, len);
      ip += len;
      op += len;
      continue;
    }
    // Back-reference: length (3 bits, 7 = extended by the next byte), then
    // the low offset byte.
    size_t len = ctrl >> 5;
    if (len == 7) {
      if (ip >= in_len) return false;
      len += in[ip++];
    }
    if (ip >= in_len) return false;
    const size_t offset = ((ctrl & 0x1F) << 8) + in[ip++] + 1;
    len += 2;
    if (offset > op || len > out_len - op) return false;
    // Byte by byte: source and destination may overlap (run-length copies).
    for (size_t i = 0; i < len; ++i, ++op) out[op] = out[op - offset];
  }
  return op == out_len;
}

std::unique_ptr<ByteSource> MakeLzfChunkDecoder(std::unique_ptr<ByteSource> raw,
                                                std::string file_name) {
  return std::make_unique<LzfChunkDecoder>(std::move(raw), std::move(file_name));
}

}  // namespace sparktune::eventlog
