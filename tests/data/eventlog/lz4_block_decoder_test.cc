// Streams are built exactly as lz4-java's LZ4BlockOutputStream writes them
// (see stream_writers.h); no real Spark lz4 logs exist in the corpus yet.
#include "data/eventlog/lz4_block_decoder.h"

#include <gtest/gtest.h>

#include "tests/data/eventlog/stream_writers.h"

namespace sparktune::eventlog {
namespace {

using namespace testing;

Drained Decode(const std::string& bytes, bool* truncated = nullptr, size_t chunk = 4096) {
  auto dec = MakeLz4BlockDecoder(MakeMemorySource(bytes), "app-1.lz4");
  Drained d = DrainSource(*dec, chunk);
  if (truncated != nullptr) *truncated = dec->truncated();
  return d;
}

TEST(Lz4BlockDecoder, DecodesCompressedBlocks) {
  const std::string data = SampleEventLines(300000);
  const std::string stream = Lz4Stream(data);
  ASSERT_EQ(static_cast<uint8_t>(stream[8]), 0x25);  // LZ4 method, level 5
  bool truncated = true;
  for (size_t chunk : {size_t{1}, size_t{333}, size_t{1} << 20}) {
    Drained d = Decode(stream, &truncated, chunk);
    ASSERT_TRUE(d.status.ok()) << d.status.ToString();
    EXPECT_EQ(d.bytes, data);
    EXPECT_FALSE(truncated);
  }
}

TEST(Lz4BlockDecoder, DecodesIndependentlyWrittenRawBlock) {
  // A RAW level-0 block holding "..." as lz4-java writes it (the byte vector
  // from the lz4jb Rust crate's documentation, an independent implementation).
  const uint8_t bytes[] = {76, 90, 52, 66, 108, 111, 99,  107, 16, 3,  0,  0,
                           0,  3,  0,  0,  0,   82,  228, 119, 6,  46, 46, 46};
  bool truncated = true;
  Drained d =
      Decode(std::string(reinterpret_cast<const char*>(bytes), sizeof(bytes)) + Lz4EndMarker(0),
             &truncated);
  ASSERT_TRUE(d.status.ok()) << d.status.ToString();
  EXPECT_EQ(d.bytes, "...");
  EXPECT_FALSE(truncated);
}

TEST(Lz4BlockDecoder, DecodesRawBlocks) {
  const std::string data = RandomBytes(70000);
  const std::string stream = Lz4Stream(data);
  ASSERT_EQ(static_cast<uint8_t>(stream[8]), 0x15);  // RAW method, level 5
  bool truncated = true;
  Drained d = Decode(stream, &truncated);
  ASSERT_TRUE(d.status.ok()) << d.status.ToString();
  EXPECT_EQ(d.bytes, data);
  EXPECT_FALSE(truncated);
}

TEST(Lz4BlockDecoder, ContinuesAfterEndMarkerIntoConcatenatedStream) {
  const std::string a = SampleEventLines(50000, 1);
  const std::string b = SampleEventLines(40000, 2);
  const std::string c = RandomBytes(1000);
  bool truncated = true;
  Drained d = Decode(Lz4Stream(a) + Lz4Stream(b) + Lz4EndMarker() + Lz4Stream(c), &truncated);
  ASSERT_TRUE(d.status.ok()) << d.status.ToString();
  EXPECT_EQ(d.bytes, a + b + c);
  EXPECT_FALSE(truncated);
}

TEST(Lz4BlockDecoder, EmptyInputIsEmptyStream) {
  bool truncated = true;
  Drained d = Decode("", &truncated);
  EXPECT_TRUE(d.status.ok());
  EXPECT_EQ(d.bytes, "");
  EXPECT_FALSE(truncated);
  d = Decode(Lz4EndMarker(), &truncated);
  EXPECT_TRUE(d.status.ok());
  EXPECT_EQ(d.bytes, "");
  EXPECT_FALSE(truncated);
}

TEST(Lz4BlockDecoder, InProgressWithoutEndMarkerIsTruncated) {
  const std::string data = SampleEventLines(100000);
  bool truncated = false;
  Drained d = Decode(Lz4Stream(data, 32768, /*end_marker=*/false), &truncated);
  ASSERT_TRUE(d.status.ok()) << d.status.ToString();
  EXPECT_EQ(d.bytes, data);
  EXPECT_TRUE(truncated);
}

TEST(Lz4BlockDecoder, CutInsideBlockOrHeaderEmitsCompleteBlocksOnly) {
  const std::string data = SampleEventLines(100000);
  const std::string first = Lz4Block(std::string_view(data).substr(0, 32768));
  const std::string stream = Lz4Stream(data);
  // Cut points: inside the 2nd header's magic, after its magic, inside its payload.
  for (size_t cut : {first.size() + 3, first.size() + 12, first.size() + 25, first.size() + 21}) {
    bool truncated = false;
    Drained d = Decode(stream.substr(0, cut), &truncated);
    ASSERT_TRUE(d.status.ok()) << "cut " << cut << ": " << d.status.ToString();
    EXPECT_EQ(d.bytes, data.substr(0, 32768)) << "cut " << cut;
    EXPECT_TRUE(truncated) << "cut " << cut;
  }
}

TEST(Lz4BlockDecoder, BadChecksumIsCorruptNamingFileAndOffset) {
  const std::string data = SampleEventLines(70000);
  std::string stream = Lz4Stream(data);
  const size_t second = Lz4Block(std::string_view(data).substr(0, 32768)).size();
  stream[second + 17] ^= 0x01;  // checksum of block 2
  Drained d = Decode(stream);
  ASSERT_FALSE(d.status.ok());
  EXPECT_EQ(d.status.code(), StatusCode::kCorrupt);
  EXPECT_NE(d.status.message().find("checksum"), std::string::npos) << d.status.message();
  EXPECT_NE(d.status.message().find("app-1.lz4"), std::string::npos);
  EXPECT_NE(d.status.message().find("at byte " + std::to_string(second)), std::string::npos)
      << d.status.message();
  EXPECT_EQ(d.bytes, data.substr(0, 32768));  // block 1 was fine
}

TEST(Lz4BlockDecoder, UnmaskedChecksumIsRejected) {
  // lz4-java stores XXH32 & 0x0FFFFFFF; a writer storing the full hash is wrong.
  const std::string data = "{\"Event\":\"x\"}\n";
  std::string block = Lz4Block(data);
  uint32_t full = XXH32(data.data(), data.size(), kLz4Seed);
  if ((full & 0xF0000000u) == 0) GTEST_SKIP() << "hash has no high bits set";
  std::string patched = block.substr(0, 17);
  PutIntLE(patched, full);
  patched += block.substr(21);
  Drained d = Decode(patched + Lz4EndMarker());
  EXPECT_EQ(d.status.code(), StatusCode::kCorrupt);
}

TEST(Lz4BlockDecoder, HostileLengthsAreCorrupt) {
  auto header = [](int token, uint32_t clen, uint32_t olen) {
    std::string s = "LZ4Block";
    s.push_back(static_cast<char>(token));
    PutIntLE(s, clen);
    PutIntLE(s, olen);
    PutIntLE(s, 0);
    return s + std::string(64, 'x');
  };
  const std::string cases[] = {
      header(0x25, 100, 0x7FFFFFFF),       // 2 GB original length
      header(0x25, 100, (1u << 15) + 1),   // above 2^(10+5)
      header(0x2F, 0x7FFFFFFF, 1u << 25),  // compressed length above compressBound
      header(0x25, 0x80000000u, 100),      // negative compressed length
      header(0x15, 100, 200),              // RAW with different lengths
      header(0x25, 0, 100),                // zero compressed, non-zero original
      header(0x35, 10, 10),                // unknown method
      header(0x10, 0, 0).substr(0, 17) + std::string("\1\0\0\0", 4),  // end marker, checksum 1
  };
  for (const std::string& c : cases) {
    Drained d = Decode(c);
    EXPECT_EQ(d.status.code(), StatusCode::kCorrupt) << d.status.ToString();
    EXPECT_NE(d.status.message().find("at byte 0"), std::string::npos) << d.status.message();
  }
}

TEST(Lz4BlockDecoder, LargestLegalBlockClaimOnShortInputIsTruncated) {
  // Level 15 allows 32 MiB blocks; a cut-off file claiming one just ends.
  std::string s = "LZ4Block";
  s.push_back(static_cast<char>(0x1F));
  PutIntLE(s, 1u << 25);
  PutIntLE(s, 1u << 25);
  PutIntLE(s, 0);
  s += "{\"Event\":";
  bool truncated = false;
  Drained d = Decode(s, &truncated);
  EXPECT_TRUE(d.status.ok()) << d.status.ToString();
  EXPECT_EQ(d.bytes, "");
  EXPECT_TRUE(truncated);
}

TEST(Lz4BlockDecoder, LargeRawBlockAtLevel15) {
  const std::string data = RandomBytes(3u << 20);
  std::string s = "LZ4Block";
  s.push_back(static_cast<char>(0x1F));
  PutIntLE(s, static_cast<uint32_t>(data.size()));
  PutIntLE(s, static_cast<uint32_t>(data.size()));
  PutIntLE(s, XXH32(data.data(), data.size(), kLz4Seed) & 0x0FFFFFFF);
  bool truncated = true;
  Drained d = Decode(s + data + Lz4EndMarker(), &truncated, 1 << 20);
  ASSERT_TRUE(d.status.ok()) << d.status.ToString();
  EXPECT_TRUE(d.bytes == data);
  EXPECT_FALSE(truncated);
}

TEST(Lz4BlockDecoder, GarbageAfterEndMarkerIsCorrupt) {
  const std::string data = SampleEventLines(1000);
  const std::string stream = Lz4Stream(data);
  Drained d = Decode(stream + "{\"Event\":\"junk\"}\n");
  EXPECT_EQ(d.bytes, data);
  EXPECT_EQ(d.status.code(), StatusCode::kCorrupt);
  EXPECT_NE(d.status.message().find("at byte " + std::to_string(stream.size())), std::string::npos);
}

TEST(Lz4BlockDecoder, CorruptPayloadIsCorrupt) {
  const std::string data = SampleEventLines(32768);
  std::string stream = Lz4Stream(data);
  for (size_t i = 21; i < 60; ++i) stream[i] = static_cast<char>(0xFF);
  Drained d = Decode(stream);
  EXPECT_EQ(d.status.code(), StatusCode::kCorrupt);
}

}  // namespace
}  // namespace sparktune::eventlog
