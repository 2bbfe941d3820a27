#include "data/eventlog/byte_source.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

#include "tests/data/eventlog/stream_writers.h"
#include "tests/test_paths.h"

namespace sparktune::eventlog {
namespace {

using testing::DrainSource;

TEST(ByteSource, MemorySourceReadsEverythingThenZero) {
  auto src = MakeMemorySource("hello world");
  uint8_t buf[4];
  Result<size_t> n = src->Read(buf, sizeof(buf));
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 4u);
  EXPECT_EQ(src->compressed_offset(), 4u);
  auto rest = DrainSource(*src, 3);
  EXPECT_TRUE(rest.status.ok());
  EXPECT_EQ(rest.bytes, "o world");
  EXPECT_EQ(src->compressed_offset(), 11u);
  EXPECT_FALSE(src->truncated());
  EXPECT_EQ(*src->Read(buf, sizeof(buf)), 0u);
}

TEST(ByteSource, FileSourceReadsWholeFileInAnyChunkSize) {
  // A unique directory: other build trees may run this test concurrently.
  std::string tmpl = (std::filesystem::temp_directory_path() / "sparktune_bytes_XXXXXX").string();
  ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
  const std::filesystem::path dir = tmpl;
  const std::string path = (dir / "data.bin").string();
  const std::string content = testing::RandomBytes(300000);
  std::ofstream(path, std::ios::binary) << content;
  for (size_t chunk : {size_t{1}, size_t{4095}, size_t{65536}, size_t{1} << 20}) {
    auto src = OpenFileSource(path);
    ASSERT_TRUE(src.ok()) << src.status().ToString();
    auto d = DrainSource(**src, chunk);
    EXPECT_TRUE(d.status.ok());
    EXPECT_EQ(d.bytes, content) << "chunk " << chunk;
    EXPECT_EQ((*src)->compressed_offset(), content.size());
  }
  std::filesystem::remove_all(dir);
}

TEST(ByteSource, FileSourceOnRealLog) {
  const std::string path =
      sparktune::testing::SharedEventLogs() + "/apache-spark/spark-events/local-1430917381535_1";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "shared event logs not present";
  auto src = OpenFileSource(path);
  ASSERT_TRUE(src.ok());
  auto d = DrainSource(**src);
  EXPECT_EQ(d.bytes.size(), std::filesystem::file_size(path));
  EXPECT_EQ(d.bytes.rfind("{\"Event\":", 0), 0u);
}

TEST(ByteSource, MissingFileIsNotFoundNamingThePath) {
  auto src = OpenFileSource("/nonexistent/dir/app-123.lz4");
  ASSERT_FALSE(src.ok());
  EXPECT_EQ(src.status().code(), StatusCode::kNotFound);
  EXPECT_NE(src.status().message().find("/nonexistent/dir/app-123.lz4"), std::string::npos);
}

TEST(ByteSource, DirectoryIsIoErrorNamingThePath) {
  const std::string dir = std::filesystem::temp_directory_path().string();
  auto src = OpenFileSource(dir);
  ASSERT_FALSE(src.ok());
  EXPECT_EQ(src.status().code(), StatusCode::kIoError);
  EXPECT_NE(src.status().message().find(dir), std::string::npos);
}

}  // namespace
}  // namespace sparktune::eventlog
