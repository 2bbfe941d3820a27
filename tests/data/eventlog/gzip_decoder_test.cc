#include "data/eventlog/gzip_decoder.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "tests/data/eventlog/stream_writers.h"
#include "tests/test_paths.h"

namespace sparktune::eventlog {
namespace {

using namespace testing;

Drained Decode(const std::string& bytes, bool* truncated = nullptr, size_t chunk = 4096) {
  auto dec = MakeGzipDecoder(MakeMemorySource(bytes), "eventlog-2021-06-15--15-00.gz");
  Drained d = DrainSource(*dec, chunk);
  if (truncated != nullptr) *truncated = dec->truncated();
  return d;
}

TEST(GzipDecoder, DecodesMultipleMembers) {
  const std::string a = SampleEventLines(400000, 1);
  const std::string b = SampleEventLines(1000, 2);
  for (size_t chunk : {size_t{1}, size_t{4096}, size_t{1} << 20}) {
    bool truncated = true;
    Drained d = Decode(GzipMember(a) + GzipMember("") + GzipMember(b), &truncated, chunk);
    ASSERT_TRUE(d.status.ok()) << d.status.ToString();
    EXPECT_EQ(d.bytes, a + b);
    EXPECT_FALSE(truncated);
  }
}

TEST(GzipDecoder, CutOffMemberIsTruncatedAndKeepsWhatInflated) {
  const std::string a = SampleEventLines(100000, 1);
  const std::string b = SampleEventLines(300000, 2);
  const std::string mb = GzipMember(b);
  bool truncated = false;
  Drained d = Decode(GzipMember(a) + mb.substr(0, mb.size() / 2), &truncated);
  ASSERT_TRUE(d.status.ok()) << d.status.ToString();
  EXPECT_TRUE(truncated);
  ASSERT_GT(d.bytes.size(), a.size());
  EXPECT_EQ(d.bytes, (a + b).substr(0, d.bytes.size()));
  // A cut inside the trailer (CRC/length) still counts as truncated.
  d = Decode(mb.substr(0, mb.size() - 3), &truncated);
  EXPECT_TRUE(d.status.ok());
  EXPECT_TRUE(truncated);
  EXPECT_EQ(d.bytes, b);
}

TEST(GzipDecoder, BadCrcAndGarbageAreCorrupt) {
  const std::string data = SampleEventLines(5000);
  std::string member = GzipMember(data);
  member[member.size() - 6] ^= 0x40;  // CRC32 byte
  Drained d = Decode(member);
  EXPECT_EQ(d.status.code(), StatusCode::kCorrupt);
  EXPECT_NE(d.status.message().find("eventlog-2021-06-15--15-00.gz"), std::string::npos);
  d = Decode(GzipMember(data) + "trailing text");
  EXPECT_EQ(d.status.code(), StatusCode::kCorrupt);
  EXPECT_EQ(d.bytes, data);
  d = Decode(data);
  EXPECT_EQ(d.status.code(), StatusCode::kCorrupt);
}

TEST(GzipDecoder, EmptyInput) {
  bool truncated = true;
  Drained d = Decode("", &truncated);
  EXPECT_TRUE(d.status.ok());
  EXPECT_FALSE(truncated);
}

TEST(GzipDecoder, RealDatabricksRolledPart) {
  const std::string path = sparktune::testing::SharedEventLogs() +
                           "/nvidia-spark-rapids-tools/spark-events-qualification/db_sim_eventlog/"
                           "eventlog-2021-06-15--15-00.gz";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "shared event logs not present";
  auto raw = OpenFileSource(path);
  ASSERT_TRUE(raw.ok());
  auto dec = MakeGzipDecoder(std::move(*raw), path);
  Drained d = DrainSource(*dec, 65536);
  ASSERT_TRUE(d.status.ok()) << d.status.ToString();
  EXPECT_FALSE(dec->truncated());
  EXPECT_EQ(d.bytes.rfind("{\"Event\":", 0), 0u);
  EXPECT_GT(d.bytes.size(), std::filesystem::file_size(path));
  EXPECT_EQ(dec->compressed_offset(), std::filesystem::file_size(path));
}

}  // namespace
}  // namespace sparktune::eventlog
