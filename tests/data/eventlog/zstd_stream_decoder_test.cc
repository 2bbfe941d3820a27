#include "data/eventlog/zstd_stream_decoder.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "data/eventlog/codec.h"
#include "tests/data/eventlog/stream_writers.h"
#include "tests/test_paths.h"

namespace sparktune::eventlog {
namespace {

using namespace testing;

Drained Decode(const std::string& bytes, bool* truncated = nullptr, size_t chunk = 4096) {
  auto dec = MakeZstdStreamDecoder(MakeMemorySource(bytes), "app-1.zstd");
  Drained d = DrainSource(*dec, chunk);
  if (truncated != nullptr) *truncated = dec->truncated();
  return d;
}

std::string Qualification() {
  return sparktune::testing::SharedEventLogs() +
         "/nvidia-spark-rapids-tools/spark-events-qualification";
}

Drained DecodeFile(const std::string& path, bool* truncated) {
  auto raw = OpenFileSource(path);
  EXPECT_TRUE(raw.ok()) << raw.status().ToString();
  if (!raw.ok()) return {};
  auto dec = MakeZstdStreamDecoder(std::move(*raw), path);
  Drained d = DrainSource(*dec, 65536);
  *truncated = dec->truncated();
  return d;
}

TEST(ZstdStreamDecoder, DecodesManyConcatenatedFrames) {
  const std::string data = SampleEventLines(500000);
  const std::string stream = ZstdFrames(data, 1000);  // one frame per "flush"
  for (size_t chunk : {size_t{1}, size_t{777}, size_t{1} << 20}) {
    bool truncated = true;
    Drained d = Decode(stream, &truncated, chunk);
    ASSERT_TRUE(d.status.ok()) << d.status.ToString();
    EXPECT_EQ(d.bytes, data);
    EXPECT_FALSE(truncated);
  }
}

TEST(ZstdStreamDecoder, LargeFrameLargerThanOutputSlice) {
  const std::string data = SampleEventLines(3000000);
  bool truncated = true;
  Drained d = Decode(ZstdFrame(data), &truncated, 1 << 16);
  ASSERT_TRUE(d.status.ok()) << d.status.ToString();
  EXPECT_EQ(d.bytes, data);
  EXPECT_FALSE(truncated);
}

TEST(ZstdStreamDecoder, UnfinishedLastFrameIsTruncatedAndKeepsEarlierFrames) {
  const std::string a = SampleEventLines(100000, 1);
  const std::string b = SampleEventLines(300000, 2);
  const std::string fa = ZstdFrame(a);
  const std::string fb = ZstdFrame(b);
  bool truncated = false;
  Drained d = Decode(fa + fb.substr(0, fb.size() / 2), &truncated);
  ASSERT_TRUE(d.status.ok()) << d.status.ToString();
  EXPECT_TRUE(truncated);
  ASSERT_GE(d.bytes.size(), a.size());
  EXPECT_EQ(d.bytes.substr(0, a.size()), a);
  // Whatever of b was decoded is a prefix of b.
  EXPECT_EQ(d.bytes.substr(a.size()), b.substr(0, d.bytes.size() - a.size()));
  // A cut inside the second frame's header.
  d = Decode(fa + fb.substr(0, 3), &truncated);
  ASSERT_TRUE(d.status.ok());
  EXPECT_EQ(d.bytes, a);
  EXPECT_TRUE(truncated);
}

TEST(ZstdStreamDecoder, EmptyInput) {
  bool truncated = true;
  Drained d = Decode("", &truncated);
  EXPECT_TRUE(d.status.ok());
  EXPECT_FALSE(truncated);
}

TEST(ZstdStreamDecoder, GarbageAndTrailingJunkAreCorrupt) {
  Drained d = Decode("{\"Event\":\"SparkListenerLogStart\"}\n");
  EXPECT_EQ(d.status.code(), StatusCode::kCorrupt);
  const std::string data = SampleEventLines(10000);
  const std::string frame = ZstdFrame(data);
  d = Decode(frame + "garbage!");
  EXPECT_EQ(d.bytes, data);
  EXPECT_EQ(d.status.code(), StatusCode::kCorrupt);
  EXPECT_NE(d.status.message().find("app-1.zstd"), std::string::npos);
  std::string damaged = frame;
  for (size_t i = 20; i < 60 && i < damaged.size(); ++i) damaged[i] = static_cast<char>(0xA5);
  d = Decode(damaged);
  EXPECT_EQ(d.status.code(), StatusCode::kCorrupt);
}

TEST(ZstdStreamDecoder, RealSparkLogs) {
  const std::string dir = Qualification();
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << "shared event logs not present";
  for (const char* name : {"aqeshuffle_eventlog.zstd", "eventlog_same_app_id_1.zstd",
                           "eventlog_v2_local-1623876083964/events_1_local-1623876083964.zstd",
                           "eventlog_v2_local-1623876083964/events_2_local-1623876083964.zstd"}) {
    bool truncated = true;
    Drained d = DecodeFile(dir + "/" + name, &truncated);
    ASSERT_TRUE(d.status.ok()) << name << ": " << d.status.ToString();
    EXPECT_FALSE(truncated) << name;
    EXPECT_EQ(d.bytes.rfind("{\"Event\":", 0), 0u) << name;
    EXPECT_EQ(d.bytes.back(), '\n') << name;
  }
}

TEST(ZstdStreamDecoder, AllRealZstdLogsDecodeCleanly) {
  const std::string root = sparktune::testing::SharedEventLogs();
  if (!std::filesystem::exists(root)) GTEST_SKIP() << "shared event logs not present";
  int files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".zstd") continue;
    ++files;
    bool truncated = true;
    Drained d = DecodeFile(entry.path().string(), &truncated);
    EXPECT_TRUE(d.status.ok()) << entry.path() << ": " << d.status.ToString();
    EXPECT_FALSE(truncated) << entry.path();
    EXPECT_EQ(d.bytes.rfind("{\"Event\":", 0), 0u) << entry.path();
  }
  EXPECT_GE(files, 30);
}

TEST(ZstdStreamDecoder, RollingPartsEqualDatabricksRolledCopyOfSameRun) {
  // SOURCES.md: db_sim_eventlog is the same run as eventlog_v2_local-1623876083964.
  const std::string dir = Qualification();
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << "shared event logs not present";
  bool truncated;
  std::string rolling;
  for (const char* part :
       {"events_1_local-1623876083964.zstd", "events_2_local-1623876083964.zstd"}) {
    rolling += DecodeFile(dir + "/eventlog_v2_local-1623876083964/" + part, &truncated).bytes;
  }
  auto gz = OpenFileSource(dir + "/db_sim_eventlog/eventlog-2021-06-15--15-00.gz");
  ASSERT_TRUE(gz.ok());
  auto dec = MakeDecoder(Codec::kGzip, std::move(*gz), "gz");
  std::string databricks = DrainSource(*dec).bytes;
  auto plain = OpenFileSource(dir + "/db_sim_eventlog/eventlog");
  ASSERT_TRUE(plain.ok());
  databricks += DrainSource(**plain).bytes;
  EXPECT_EQ(rolling.size(), databricks.size());
  EXPECT_TRUE(rolling == databricks);
}

}  // namespace
}  // namespace sparktune::eventlog
