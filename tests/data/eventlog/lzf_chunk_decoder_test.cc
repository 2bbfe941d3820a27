// Chunks are built exactly as compress-lzf's LZFOutputStream writes them (see
// stream_writers.h; LZF data from liblzf's lzf_compress, which produces the
// same format as Ning's encoder); no real Spark lzf logs exist in the corpus.
#include "data/eventlog/lzf_chunk_decoder.h"

#include <gtest/gtest.h>

#include "tests/data/eventlog/stream_writers.h"

namespace sparktune::eventlog {
namespace {

using namespace testing;

Drained Decode(const std::string& bytes, bool* truncated = nullptr, size_t chunk = 4096) {
  auto dec = MakeLzfChunkDecoder(MakeMemorySource(bytes), "app-1.lzf");
  Drained d = DrainSource(*dec, chunk);
  if (truncated != nullptr) *truncated = dec->truncated();
  return d;
}

TEST(LzfChunkDecoder, DecodesCompressedAndStoredChunks) {
  const std::string a = SampleEventLines(200000, 1);
  const std::string b = RandomBytes(5000);
  const std::string c = SampleEventLines(65535, 3).substr(0, 65535);
  const std::string stream = LzfStream(a) + LzfChunk(b) + LzfStoredChunk("") + LzfChunk(c);
  ASSERT_EQ(stream[2], '\1');
  for (size_t chunk : {size_t{1}, size_t{4096}, size_t{1} << 20}) {
    bool truncated = true;
    Drained d = Decode(stream, &truncated, chunk);
    ASSERT_TRUE(d.status.ok()) << d.status.ToString();
    EXPECT_EQ(d.bytes, a + b + c);
    EXPECT_FALSE(truncated);
  }
}

TEST(LzfChunkDecoder, CutOffStreamEmitsCompleteChunksOnly) {
  const std::string data = SampleEventLines(100000);
  const std::string first = LzfChunk(std::string_view(data).substr(0, 65535));
  const std::string stream = LzfStream(data);
  for (size_t cut : {first.size() + 1, first.size() + 4, first.size() + 6, first.size() + 50}) {
    bool truncated = false;
    Drained d = Decode(stream.substr(0, cut), &truncated);
    ASSERT_TRUE(d.status.ok()) << "cut " << cut << ": " << d.status.ToString();
    EXPECT_EQ(d.bytes, data.substr(0, 65535));
    EXPECT_TRUE(truncated);
  }
  bool truncated = false;
  Drained d = Decode(LzfStoredChunk("hello world").substr(0, 9), &truncated);
  EXPECT_TRUE(d.status.ok());
  EXPECT_EQ(d.bytes, "");
  EXPECT_TRUE(truncated);
}

TEST(LzfChunkDecoder, BadMagicOrTypeIsCorrupt) {
  const std::string chunk = LzfChunk(SampleEventLines(1000));
  Drained d = Decode(chunk + "ZX\1\0\0");
  EXPECT_EQ(d.status.code(), StatusCode::kCorrupt);
  EXPECT_NE(d.status.message().find("at byte " + std::to_string(chunk.size())), std::string::npos)
      << d.status.message();
  d = Decode(std::string("ZV\2\0\1x", 6));
  EXPECT_EQ(d.status.code(), StatusCode::kCorrupt);
  d = Decode("{\"Event\":1}");
  EXPECT_EQ(d.status.code(), StatusCode::kCorrupt);
}

TEST(LzfChunkDecoder, LengthMismatchIsCorrupt) {
  const std::string data = SampleEventLines(3000).substr(0, 3000);
  std::string chunk = LzfChunk(data);
  chunk[6] = static_cast<char>(chunk[6] + 1);  // claim one byte more
  Drained d = Decode(chunk);
  EXPECT_EQ(d.status.code(), StatusCode::kCorrupt);
  chunk = LzfChunk(data);
  chunk[6] = static_cast<char>(chunk[6] - 1);  // claim one byte less
  d = Decode(chunk);
  EXPECT_EQ(d.status.code(), StatusCode::kCorrupt);
}

TEST(LzfDecompressBlock, LiteralsAndOverlappingBackReferences) {
  // "abc" literal, then back-reference offset 3 length 9 -> "abcabcabcabc".
  const uint8_t in[] = {0x02, 'a', 'b', 'c', 0xE0, 0x00, 0x02};
  uint8_t out[12];
  ASSERT_TRUE(LzfDecompressBlock(in, sizeof(in), out, sizeof(out)));
  EXPECT_EQ(std::string(reinterpret_cast<char*>(out), sizeof(out)), "abcabcabcabc");
  // Extended length: ctrl len 7 + ext byte 10 -> 7 + 10 + 2 = 19 copies of 'x'.
  const uint8_t ext[] = {0x00, 'x', 0xE0, 10, 0x00};
  uint8_t out2[20];
  ASSERT_TRUE(LzfDecompressBlock(ext, sizeof(ext), out2, sizeof(out2)));
  EXPECT_EQ(std::string(reinterpret_cast<char*>(out2), sizeof(out2)), std::string(20, 'x'));
}

TEST(LzfDecompressBlock, RejectsOutOfRangeAccess) {
  uint8_t out[64];
  const uint8_t before_start[] = {0x00, 'a', 0x20, 0x05};  // offset 6 > 1 byte written
  EXPECT_FALSE(LzfDecompressBlock(before_start, sizeof(before_start), out, sizeof(out)));
  const uint8_t literal_past_input[] = {0x1F, 'a'};
  EXPECT_FALSE(LzfDecompressBlock(literal_past_input, sizeof(literal_past_input), out, 64));
  const uint8_t overflow[] = {0x03, 'a', 'b', 'c', 'd'};
  EXPECT_FALSE(LzfDecompressBlock(overflow, sizeof(overflow), out, 3));
  const uint8_t missing_offset[] = {0x00, 'a', 0x20};
  EXPECT_FALSE(LzfDecompressBlock(missing_offset, sizeof(missing_offset), out, 64));
  const uint8_t missing_ext[] = {0x00, 'a', 0xE0};
  EXPECT_FALSE(LzfDecompressBlock(missing_ext, sizeof(missing_ext), out, 64));
  EXPECT_TRUE(LzfDecompressBlock(nullptr, 0, out, 0));
}

TEST(LzfDecompressBlock, AgreesWithLiblzf) {
  for (uint32_t seed = 1; seed <= 20; ++seed) {
    std::string data = SampleEventLines(1000 * seed, seed).substr(0, 1000 * seed);
    std::string comp(data.size() + 64, '\0');
    unsigned n = lzf_compress(data.data(), data.size(), comp.data(), comp.size());
    ASSERT_GT(n, 0u);
    std::string out(data.size(), '\0');
    ASSERT_TRUE(LzfDecompressBlock(reinterpret_cast<const uint8_t*>(comp.data()), n,
                                   reinterpret_cast<uint8_t*>(out.data()), out.size()));
    EXPECT_EQ(out, data);
  }
}

}  // namespace
}  // namespace sparktune::eventlog
