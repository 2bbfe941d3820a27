// libFuzzer target: arbitrary bytes through SniffCodec, CodecFromFileName and
// every codec decoder (lz4-java blocks, snappy-java stream, compress-lzf
// chunks, zstd frames, gzip members). The decoders must never crash, hang or
// allocate without bound on hostile input; they may only return data, end
// (possibly truncated) or return a Status.
//
// Set SPARKTUNE_FUZZ_CODEC=lz4|lzf|snappy|zstd|gz to exercise one decoder
// only (useful with a per-codec seed corpus); by default all run per input.
// Build: cmake -DSPARKTUNE_FUZZ=ON with CC=clang-14 CXX=clang++-14 (see
// tests/fuzz/CMakeLists.txt); run: codec_fuzz -max_total_time=60 corpus/.
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "data/eventlog/codec.h"

namespace {

using sparktune::eventlog::ByteSource;
using sparktune::eventlog::Codec;

constexpr Codec kAllCodecs[] = {Codec::kLz4, Codec::kLzf, Codec::kSnappy, Codec::kZstd,
                                Codec::kGzip};
// Output cap per input: bounds the time a legitimately huge stream can take.
constexpr uint64_t kMaxOutput = uint64_t{256} << 20;
constexpr size_t kReadBuffer = 1 << 16;

std::vector<Codec> SelectedCodecs() {
  const char* only = std::getenv("SPARKTUNE_FUZZ_CODEC");
  std::vector<Codec> codecs;
  for (Codec c : kAllCodecs) {
    if (only == nullptr || *only == '\0' || sparktune::eventlog::CodecName(c) == only) {
      codecs.push_back(c);
    }
  }
  return codecs;
}

void Drain(ByteSource& src, size_t read_size) {
  static uint8_t buf[kReadBuffer];
  uint64_t total = 0;
  for (;;) {
    sparktune::Result<size_t> n = src.Read(buf, read_size);
    if (!n.ok()) {
      // Errors are sticky: reading again must return an error, not data.
      if (src.Read(buf, read_size).ok()) __builtin_trap();
      return;
    }
    if (*n == 0) return;
    if (*n > read_size) __builtin_trap();
    total += *n;
    if (total > kMaxOutput) return;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::vector<Codec> codecs = SelectedCodecs();
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  (void)sparktune::eventlog::CodecFromFileName(bytes);
  const std::optional<Codec> sniffed = sparktune::eventlog::SniffCodec(bytes);
  // Vary the read size with the input so partial reads are exercised too.
  const size_t read_size = size == 0 ? 1 : 1 + (data[size - 1] * 257u) % kReadBuffer;
  for (Codec codec : codecs) {
    auto dec = sparktune::eventlog::MakeDecoder(codec, sparktune::eventlog::MakeMemorySource(bytes),
                                                "fuzz-input");
    Drain(*dec, read_size);
  }
  if (sniffed && *sniffed != Codec::kNone) {
    auto dec = sparktune::eventlog::MakeDecoder(
        *sniffed, sparktune::eventlog::MakeMemorySource(bytes), "fuzz-input");
    Drain(*dec, kReadBuffer);
  }
  return 0;
}
