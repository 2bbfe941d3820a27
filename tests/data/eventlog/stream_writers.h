// Test helpers: write byte streams exactly as Spark's compression libraries
// do (lz4-java LZ4BlockOutputStream, snappy-java SnappyOutputStream,
// compress-lzf LZFOutputStream, zstd-jni with close-frame-on-flush, gzip
// members), plus a reader that drains a ByteSource. Header-only; test use only.
#pragma once

#include <lz4.h>
#include <lzf.h>
#include <snappy.h>
#include <xxhash.h>
#include <zlib.h>
#include <zstd.h>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "data/base/result.h"
#include "data/eventlog/byte_source.h"

namespace sparktune::eventlog::testing {

inline void PutIntLE(std::string& s, uint32_t v) {
  for (int i = 0; i < 4; ++i) s.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
inline void PutIntBE(std::string& s, uint32_t v) {
  for (int i = 3; i >= 0; --i) s.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
inline void PutShortBE(std::string& s, uint32_t v) {
  s.push_back(static_cast<char>((v >> 8) & 0xFF));
  s.push_back(static_cast<char>(v & 0xFF));
}

// Event-log-like JSON lines, deterministic, about `bytes` long.
inline std::string SampleEventLines(size_t bytes, uint32_t seed = 1) {
  std::mt19937 rng(seed);
  std::string out;
  int task = 0;
  while (out.size() < bytes) {
    out += R"({"Event":"SparkListenerTaskEnd","Stage ID":)" + std::to_string(rng() % 40) +
           R"(,"Task Info":{"Task ID":)" + std::to_string(task++) + R"(,"Launch Time":)" +
           std::to_string(1623876083964ULL + rng() % 100000) + R"(,"Host":"10.0.0.)" +
           std::to_string(rng() % 255) + R"("}})" + "\n";
  }
  return out;
}

// Incompressible bytes (forces lz4-java to store RAW blocks).
inline std::string RandomBytes(size_t n, uint32_t seed = 7) {
  std::mt19937 rng(seed);
  std::string out(n, '\0');
  for (char& c : out) c = static_cast<char>(rng() & 0xFF);
  return out;
}

// ---- lz4-java LZ4BlockOutputStream (blockSize 32 KiB -> level 5) ----
constexpr uint32_t kLz4Seed = 0x9747B28C;

inline std::string Lz4Block(std::string_view data, int level = 5) {
  std::string header = "LZ4Block";
  std::string payload(LZ4_compressBound(static_cast<int>(data.size())), '\0');
  int clen = LZ4_compress_default(data.data(), payload.data(), static_cast<int>(data.size()),
                                  static_cast<int>(payload.size()));
  int method = 0x20;
  if (clen <= 0 || clen >= static_cast<int>(data.size())) {  // lz4-java: store RAW
    method = 0x10;
    payload.assign(data);
    clen = static_cast<int>(data.size());
  } else {
    payload.resize(clen);
  }
  header.push_back(static_cast<char>(method | level));
  PutIntLE(header, static_cast<uint32_t>(clen));
  PutIntLE(header, static_cast<uint32_t>(data.size()));
  PutIntLE(header, XXH32(data.data(), data.size(), kLz4Seed) & 0x0FFFFFFF);
  return header + payload;
}

inline std::string Lz4EndMarker(int level = 5) {
  std::string s = "LZ4Block";
  s.push_back(static_cast<char>(0x10 | level));
  PutIntLE(s, 0);
  PutIntLE(s, 0);
  PutIntLE(s, 0);
  return s;
}

// A whole stream: blocks of `block_size`, then (optionally) the end marker.
inline std::string Lz4Stream(std::string_view data, size_t block_size = 32768,
                             bool end_marker = true) {
  std::string out;
  for (size_t i = 0; i < data.size(); i += block_size) {
    out += Lz4Block(data.substr(i, block_size));
  }
  if (end_marker) out += Lz4EndMarker();
  return out;
}

// ---- snappy-java SnappyOutputStream ----
inline std::string SnappyHeader() {
  std::string s("\x82SNAPPY\0", 8);
  PutIntBE(s, 1);  // version
  PutIntBE(s, 1);  // minimum compatible version
  return s;
}

inline std::string SnappyChunk(std::string_view data) {
  std::string compressed;
  snappy::Compress(data.data(), data.size(), &compressed);  // raw snappy block
  std::string s;
  PutIntBE(s, static_cast<uint32_t>(compressed.size()));
  return s + compressed;
}

inline std::string SnappyStream(std::string_view data, size_t block_size = 32768) {
  std::string out = SnappyHeader();
  for (size_t i = 0; i < data.size(); i += block_size) {
    out += SnappyChunk(data.substr(i, block_size));
  }
  return out;
}

// ---- compress-lzf LZFOutputStream chunks ----
inline std::string LzfStoredChunk(std::string_view data) {
  std::string s = "ZV";
  s.push_back('\0');
  PutShortBE(s, static_cast<uint32_t>(data.size()));
  return s + std::string(data);
}

inline std::string LzfChunk(std::string_view data) {
  std::string compressed(data.size(), '\0');
  unsigned int clen = lzf_compress(data.data(), static_cast<unsigned int>(data.size()),
                                   compressed.data(), static_cast<unsigned int>(data.size()) - 1);
  if (clen == 0) return LzfStoredChunk(data);  // LZFChunk: store when it does not shrink
  std::string s = "ZV";
  s.push_back('\1');
  PutShortBE(s, clen);
  PutShortBE(s, static_cast<uint32_t>(data.size()));
  return s + compressed.substr(0, clen);
}

inline std::string LzfStream(std::string_view data, size_t chunk_size = 65535) {
  std::string out;
  for (size_t i = 0; i < data.size(); i += chunk_size) {
    out += LzfChunk(data.substr(i, chunk_size));
  }
  return out;
}

// ---- zstd frames, one per "flush" ----
inline std::string ZstdFrame(std::string_view data, int level = 1) {
  std::string out(ZSTD_compressBound(data.size()), '\0');
  size_t n = ZSTD_compress(out.data(), out.size(), data.data(), data.size(), level);
  out.resize(ZSTD_isError(n) ? 0 : n);
  return out;
}

inline std::string ZstdFrames(std::string_view data, size_t frame_size) {
  std::string out;
  for (size_t i = 0; i < data.size(); i += frame_size) out += ZstdFrame(data.substr(i, frame_size));
  return out;
}

// ---- gzip member ----
inline std::string GzipMember(std::string_view data) {
  z_stream zs{};
  deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

// ---- reading ----
struct Drained {
  std::string bytes;
  Status status;  // first error, if any
};

// Reads until end of data or the first error, in reads of `chunk` bytes.
inline Drained DrainSource(ByteSource& src, size_t chunk = 4096) {
  Drained d;
  std::vector<uint8_t> buf(chunk);
  for (;;) {
    Result<size_t> n = src.Read(buf.data(), buf.size());
    if (!n.ok()) {
      d.status = n.status();
      return d;
    }
    if (*n == 0) return d;
    d.bytes.append(reinterpret_cast<const char*>(buf.data()), *n);
  }
}

}  // namespace sparktune::eventlog::testing
