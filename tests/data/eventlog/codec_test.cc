#include "data/eventlog/codec.h"

#include <gtest/gtest.h>

#include "tests/data/eventlog/stream_writers.h"

namespace sparktune::eventlog {
namespace {

TEST(CodecFromFileName, FollowsSparkCodecName) {
  EXPECT_EQ(CodecFromFileName("local-1642039451826"), Codec::kNone);
  EXPECT_EQ(CodecFromFileName("app-1.lz4"), Codec::kLz4);
  EXPECT_EQ(CodecFromFileName("app-1.lzf"), Codec::kLzf);
  EXPECT_EQ(CodecFromFileName("app-1.snappy"), Codec::kSnappy);
  EXPECT_EQ(CodecFromFileName("app-1.zstd"), Codec::kZstd);
  EXPECT_EQ(CodecFromFileName("eventlog-2021-06-15--15-00.gz"), Codec::kGzip);
  EXPECT_EQ(CodecFromFileName("application_1_2_1.lz4.inprogress"), Codec::kLz4);
  EXPECT_EQ(CodecFromFileName("application_1_2_1.inprogress"), Codec::kNone);
  EXPECT_EQ(CodecFromFileName("events_5_app-x.zstd.compact"), Codec::kZstd);
  EXPECT_EQ(CodecFromFileName("events_5_app-x.compact"), Codec::kNone);
  EXPECT_EQ(CodecFromFileName("/some.dir/eventlog_v2_x/events_1_x.snappy"), Codec::kSnappy);
  EXPECT_EQ(CodecFromFileName("/some.dir/eventlog"), Codec::kNone);
  EXPECT_EQ(CodecFromFileName("example_spark_event_log.txt"), Codec::kNone);
  EXPECT_EQ(CodecFromFileName(""), Codec::kNone);
  EXPECT_EQ(CodecFromFileName("."), Codec::kNone);
}

TEST(CodecName, ShortNames) {
  EXPECT_EQ(CodecName(Codec::kNone), "none");
  EXPECT_EQ(CodecName(Codec::kLz4), "lz4");
  EXPECT_EQ(CodecName(Codec::kLzf), "lzf");
  EXPECT_EQ(CodecName(Codec::kSnappy), "snappy");
  EXPECT_EQ(CodecName(Codec::kZstd), "zstd");
  EXPECT_EQ(CodecName(Codec::kGzip), "gz");
}

TEST(SniffCodec, RecognizesEveryMagic) {
  using namespace testing;
  const std::string data = SampleEventLines(1000);
  EXPECT_EQ(SniffCodec(Lz4Stream(data)), Codec::kLz4);
  EXPECT_EQ(SniffCodec(SnappyStream(data)), Codec::kSnappy);
  EXPECT_EQ(SniffCodec(LzfStream(data)), Codec::kLzf);
  EXPECT_EQ(SniffCodec(LzfStoredChunk(data)), Codec::kLzf);
  EXPECT_EQ(SniffCodec(ZstdFrame(data)), Codec::kZstd);
  EXPECT_EQ(SniffCodec(GzipMember(data)), Codec::kGzip);
  EXPECT_EQ(SniffCodec(data), Codec::kNone);
  EXPECT_EQ(SniffCodec("\n  \r\n{\"Event\":1}"), Codec::kNone);
  EXPECT_EQ(SniffCodec("\xEF\xBB\xBF{\"Event\":1}"), Codec::kNone);
  // zstd skippable frame magic 0x184D2A5E, little-endian.
  EXPECT_EQ(SniffCodec(std::string("\x5E\x2A\x4D\x18\0\0\0\0", 8)), Codec::kZstd);
}

TEST(SniffCodec, RejectsEverythingElse) {
  EXPECT_EQ(SniffCodec(""), std::nullopt);
  EXPECT_EQ(SniffCodec("   "), std::nullopt);
  EXPECT_EQ(SniffCodec("PK\x03\x04"), std::nullopt);
  EXPECT_EQ(SniffCodec("# README"), std::nullopt);
  EXPECT_EQ(SniffCodec("[{\"a\":1}]"), std::nullopt);
  EXPECT_EQ(SniffCodec("LZ4Bl"), std::nullopt);       // cut-off magic
  EXPECT_EQ(SniffCodec("\x82SNAPPY"), std::nullopt);  // no trailing NUL
  EXPECT_EQ(SniffCodec("ZV\x07"), std::nullopt);      // unknown LZF chunk type
  EXPECT_EQ(SniffCodec("\x1f"), std::nullopt);
}

TEST(MakeDecoder, NoneReturnsTheRawSource) {
  auto raw = MakeMemorySource("{}\n");
  ByteSource* raw_ptr = raw.get();
  auto dec = MakeDecoder(Codec::kNone, std::move(raw), "x");
  EXPECT_EQ(dec.get(), raw_ptr);
}

TEST(MakeDecoder, EveryCodecDecodesItsOwnFormat) {
  using namespace testing;
  const std::string data = SampleEventLines(200000);
  const std::pair<Codec, std::string> cases[] = {
      {Codec::kLz4, Lz4Stream(data)},   {Codec::kSnappy, SnappyStream(data)},
      {Codec::kLzf, LzfStream(data)},   {Codec::kZstd, ZstdFrames(data, 50000)},
      {Codec::kGzip, GzipMember(data)}, {Codec::kNone, data},
  };
  for (const auto& [codec, bytes] : cases) {
    auto dec = MakeDecoder(codec, MakeMemorySource(bytes), "mem");
    auto d = DrainSource(*dec, 10007);
    EXPECT_TRUE(d.status.ok()) << CodecName(codec) << ": " << d.status.ToString();
    EXPECT_EQ(d.bytes, data) << CodecName(codec);
    EXPECT_FALSE(dec->truncated()) << CodecName(codec);
    EXPECT_EQ(dec->compressed_offset(), bytes.size()) << CodecName(codec);
  }
}

TEST(MakeDecoder, GarbageNeverCrashesAndIsCorruptForCompressedCodecs) {
  for (uint32_t seed = 1; seed <= 50; ++seed) {
    const std::string junk = testing::RandomBytes(1 + seed * 97, seed);
    for (Codec codec : {Codec::kLz4, Codec::kSnappy, Codec::kLzf, Codec::kZstd, Codec::kGzip}) {
      auto dec = MakeDecoder(codec, MakeMemorySource(junk), "junk.bin");
      auto d = testing::DrainSource(*dec);
      EXPECT_FALSE(d.status.ok()) << CodecName(codec) << " seed " << seed;
      if (!d.status.ok()) {
        EXPECT_EQ(d.status.code(), StatusCode::kCorrupt) << d.status.ToString();
        EXPECT_NE(d.status.message().find("junk.bin"), std::string::npos);
      }
      // The error is sticky.
      uint8_t b[16];
      EXPECT_FALSE(dec->Read(b, sizeof(b)).ok());
    }
  }
}

}  // namespace
}  // namespace sparktune::eventlog
