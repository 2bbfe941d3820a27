// Codec naming, detection and decoder selection: see codec.h.
// Mirrors org.apache.spark.io.CompressionCodec.shortCompressionCodecNames and
// EventLogFileWriter.codecName (Spark 3.0+; the same suffixes since 1.3).
#include "data/eventlog/codec.h"

#include <cstring>
#include <utility>

#include "data/eventlog/gzip_decoder.h"
#include "data/eventlog/lz4_block_decoder.h"
#include "data/eventlog/lzf_chunk_decoder.h"
#include "data/eventlog/snappy_stream_decoder.h"
#include "data/eventlog/zstd_stream_decoder.h"

namespace sparktune::eventlog {
namespace {

bool StripSuffix(std::string_view& s, std::string_view suffix) {
  if (s.size() < suffix.size() || s.substr(s.size() - suffix.size()) != suffix) return false;
  s.remove_suffix(suffix.size());
  return true;
}

bool StartsWith(std::string_view s, const void* prefix, size_t n) {
  return s.size() >= n && std::memcmp(s.data(), prefix, n) == 0;
}

}  // namespace

std::string_view CodecName(Codec codec) {
  switch (codec) {
    case Codec::kNone:
      return "none";
    case Codec::kLz4:
      return "lz4";
    case Codec::kLzf:
      return "lzf";
    case Codec::kSnappy:
      return "snappy";
    case Codec::kZstd:
      return "zstd";
    case Codec::kGzip:
      return "gz";
  }
  return "none";
}

Codec CodecFromFileName(std::string_view file_name) {
  // Only the last path component counts: directories may contain dots.
  if (size_t slash = file_name.rfind('/'); slash != std::string_view::npos) {
    file_name.remove_prefix(slash + 1);
  }
  StripSuffix(file_name, ".compact");
  StripSuffix(file_name, ".inprogress");
  const size_t dot = file_name.rfind('.');
  if (dot == std::string_view::npos) return Codec::kNone;
  const std::string_view suffix = file_name.substr(dot + 1);
  for (Codec c : {Codec::kLz4, Codec::kLzf, Codec::kSnappy, Codec::kZstd, Codec::kGzip}) {
    if (suffix == CodecName(c)) return c;
  }
  return Codec::kNone;
}

std::optional<Codec> SniffCodec(std::string_view head) {
  static constexpr unsigned char kGzip[] = {0x1f, 0x8b};
  static constexpr unsigned char kZstd[] = {0x28, 0xB5, 0x2F, 0xFD};
  static constexpr unsigned char kSnappy[] = {0x82, 'S', 'N', 'A', 'P', 'P', 'Y', 0x00};
  static constexpr char kLz4[] = "LZ4Block";
  if (StartsWith(head, kGzip, sizeof(kGzip))) return Codec::kGzip;
  if (StartsWith(head, kZstd, sizeof(kZstd))) return Codec::kZstd;
  // zstd skippable frame: LE magic 0x184D2A50..0x184D2A5F.
  if (head.size() >= 4 && (static_cast<unsigned char>(head[0]) & 0xF0) == 0x50 &&
      static_cast<unsigned char>(head[1]) == 0x2A && static_cast<unsigned char>(head[2]) == 0x4D &&
      static_cast<unsigned char>(head[3]) == 0x18) {
    return Codec::kZstd;
  }
  if (StartsWith(head, kLz4, 8)) return Codec::kLz4;
  if (StartsWith(head, kSnappy, sizeof(kSnappy))) return Codec::kSnappy;
  if (head.size() >= 3 && head[0] == 'Z' && head[1] == 'V' && (head[2] == 0 || head[2] == 1)) {
    return Codec::kLzf;
  }
  // Plain JSON lines: first non-blank byte is '{' (a UTF-8 BOM is tolerated).
  if (StartsWith(head, "\xEF\xBB\xBF", 3)) head.remove_prefix(3);
  for (char c : head) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    if (c == '{') return Codec::kNone;
    break;
  }
  return std::nullopt;
}

std::unique_ptr<ByteSource> MakeDecoder(Codec codec, std::unique_ptr<ByteSource> raw,
                                        std::string file_name) {
  switch (codec) {
    case Codec::kNone:
      return raw;
    case Codec::kLz4:
      return MakeLz4BlockDecoder(std::move(raw), std::move(file_name));
    case Codec::kLzf:
      return MakeLzfChunkDecoder(std::move(raw), std::move(file_name));
    case Codec::kSnappy:
      return MakeSnappyStreamDecoder(std::move(raw), std::move(file_name));
    case Codec::kZstd:
      return MakeZstdStreamDecoder(std::move(raw), std::move(file_name));
    case Codec::kGzip:
      return MakeGzipDecoder(std::move(raw), std::move(file_name));
  }
  return raw;
}

}  // namespace sparktune::eventlog
