// Streams are built exactly as snappy-java's SnappyOutputStream writes them
// (see stream_writers.h); no real Spark snappy logs exist in the corpus yet.
#include "data/eventlog/snappy_stream_decoder.h"

#include <gtest/gtest.h>

#include "tests/data/eventlog/stream_writers.h"

namespace sparktune::eventlog {
namespace {

using namespace testing;

Drained Decode(const std::string& bytes, bool* truncated = nullptr, size_t chunk = 4096) {
  auto dec = MakeSnappyStreamDecoder(MakeMemorySource(bytes), "app-1.snappy");
  Drained d = DrainSource(*dec, chunk);
  if (truncated != nullptr) *truncated = dec->truncated();
  return d;
}

TEST(SnappyStreamDecoder, DecodesChunks) {
  const std::string data = SampleEventLines(300000);
  for (size_t chunk : {size_t{1}, size_t{5000}, size_t{1} << 20}) {
    bool truncated = true;
    Drained d = Decode(SnappyStream(data), &truncated, chunk);
    ASSERT_TRUE(d.status.ok()) << d.status.ToString();
    EXPECT_EQ(d.bytes, data);
    EXPECT_FALSE(truncated);
  }
}

TEST(SnappyStreamDecoder, ContinuesIntoConcatenatedStream) {
  const std::string a = SampleEventLines(70000, 1);
  const std::string b = SampleEventLines(50000, 2);
  bool truncated = true;
  Drained d = Decode(SnappyStream(a) + SnappyStream(b) + SnappyHeader(), &truncated);
  ASSERT_TRUE(d.status.ok()) << d.status.ToString();
  EXPECT_EQ(d.bytes, a + b);
  EXPECT_FALSE(truncated);
}

TEST(SnappyStreamDecoder, EmptyInputAndHeaderOnly) {
  bool truncated = true;
  Drained d = Decode("", &truncated);
  EXPECT_TRUE(d.status.ok());
  EXPECT_FALSE(truncated);
  d = Decode(SnappyHeader(), &truncated);
  EXPECT_TRUE(d.status.ok());
  EXPECT_EQ(d.bytes, "");
  EXPECT_FALSE(truncated);
}

TEST(SnappyStreamDecoder, CutOffStreamEmitsCompleteChunksOnly) {
  const std::string data = SampleEventLines(70000);
  const std::string stream = SnappyStream(data);
  const size_t first_end = SnappyHeader().size() + SnappyChunk(data.substr(0, 32768)).size();
  for (size_t cut : {first_end + 2, first_end + 4, first_end + 100}) {
    bool truncated = false;
    Drained d = Decode(stream.substr(0, cut), &truncated);
    ASSERT_TRUE(d.status.ok()) << d.status.ToString();
    EXPECT_EQ(d.bytes, data.substr(0, 32768)) << "cut " << cut;
    EXPECT_TRUE(truncated) << "cut " << cut;
  }
  bool truncated = false;
  Drained d = Decode(SnappyHeader().substr(0, 10), &truncated);
  EXPECT_TRUE(d.status.ok());
  EXPECT_TRUE(truncated);
  // A cut inside a concatenated stream's header.
  d = Decode(SnappyStream(data) + SnappyHeader().substr(0, 9), &truncated);
  EXPECT_TRUE(d.status.ok());
  EXPECT_EQ(d.bytes, data);
  EXPECT_TRUE(truncated);
}

TEST(SnappyStreamDecoder, HostileChunkLengthIsCorrupt) {
  std::string s = SnappyHeader();
  PutIntBE(s, 0x7FFFFFF0);  // ~2 GB chunk
  s += "abc";
  Drained d = Decode(s);
  EXPECT_EQ(d.status.code(), StatusCode::kCorrupt);
  EXPECT_NE(d.status.message().find("at byte 16"), std::string::npos) << d.status.message();

  s = SnappyHeader();
  PutIntBE(s, 0xFFFFFFFF);  // negative int32
  d = Decode(s);
  EXPECT_EQ(d.status.code(), StatusCode::kCorrupt);

  // A small chunk whose varint claims a 2 GB uncompressed size.
  s = SnappyHeader();
  PutIntBE(s, 6);
  s += std::string("\xFF\xFF\xFF\xFF\x07\x00", 6);
  d = Decode(s);
  EXPECT_EQ(d.status.code(), StatusCode::kCorrupt);
}

TEST(SnappyStreamDecoder, MissingMagicIsCorrupt) {
  Drained d = Decode(SampleEventLines(100));
  EXPECT_EQ(d.status.code(), StatusCode::kCorrupt);
  EXPECT_NE(d.status.message().find("app-1.snappy"), std::string::npos);
}

TEST(SnappyStreamDecoder, IncompatibleVersionIsCorrupt) {
  std::string s("\x82SNAPPY\0", 8);
  PutIntBE(s, 0);
  PutIntBE(s, 1);
  Drained d = Decode(s + SnappyChunk("x"));
  EXPECT_EQ(d.status.code(), StatusCode::kCorrupt);
}

TEST(SnappyStreamDecoder, DamagedChunkIsCorrupt) {
  const std::string data = SampleEventLines(32768);
  // snappy-java chunks carry no checksum: only structural damage is detectable.
  std::string stream = SnappyStream(data);
  for (size_t i = 20; i < 25; ++i) stream[i] = static_cast<char>(0xFF);  // bad varint
  Drained d = Decode(stream);
  EXPECT_EQ(d.status.code(), StatusCode::kCorrupt);
  EXPECT_NE(d.status.message().find("at byte 16"), std::string::npos) << d.status.message();
  stream = SnappyStream(data);
  ASSERT_EQ(stream.substr(20, 3), std::string("\x80\x80\x02", 3));  // varint 32768
  stream[23] = 0x01;  // first tag: copy with 1-byte offset ...
  stream[24] = 0x10;  // ... 16 bytes back, before any output
  d = Decode(stream);
  EXPECT_EQ(d.status.code(), StatusCode::kCorrupt);
}

}  // namespace
}  // namespace sparktune::eventlog
