// Sweeps the whole shared corpus (../shared/eventlogs, read in place): every
// folder is expanded, every log's layout detected, and every part's bytes
// sniffed and decoded in full. Checks that codecs named by suffix agree with
// the bytes and that each log starts with a Spark event.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "data/eventlog/codec.h"
#include "data/eventlog/log_layout.h"
#include "tests/data/eventlog/stream_writers.h"
#include "tests/test_paths.h"

namespace sparktune::eventlog {
namespace {

namespace fs = std::filesystem;

TEST(CorpusSweep, EveryLogInSharedCorpusDetectsAndDecodes) {
  const std::string root = sparktune::testing::SharedEventLogs();
  if (!fs::exists(root)) GTEST_SKIP() << "shared event logs not present";
  std::set<std::string> logs;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root, ec);
       it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_directory()) continue;
    auto expanded = ExpandLogArguments({it->path().string()});
    if (expanded.ok()) logs.insert(expanded->begin(), expanded->end());
  }
  EXPECT_GE(logs.size(), 114u);  // every log in the corpus as of Nov 2026
  std::set<LayoutKind> kinds;
  std::set<Codec> codecs;
  for (const std::string& log : logs) {
    auto layout = DetectLayout(log);
    ASSERT_TRUE(layout.ok()) << log << ": " << layout.status().ToString();
    kinds.insert(layout->kind);
    ASSERT_FALSE(layout->parts.empty()) << log;
    std::string first_bytes;
    for (const LogPart& part : layout->parts) {
      auto raw = OpenFileSource(part.path);
      ASSERT_TRUE(raw.ok()) << raw.status().ToString();
      auto dec = MakeDecoder(part.codec, std::move(*raw), part.path);
      auto d = testing::DrainSource(*dec, 1 << 16);
      EXPECT_TRUE(d.status.ok()) << part.path << ": " << d.status.ToString();
      EXPECT_FALSE(dec->truncated()) << part.path;
      if (first_bytes.empty()) first_bytes = d.bytes.substr(0, 64);
      codecs.insert(part.codec);
      // The suffix-derived codec agrees with the bytes.
      auto head = OpenFileSource(part.path);
      uint8_t buf[64];
      auto n = (*head)->Read(buf, sizeof(buf));
      ASSERT_TRUE(n.ok());
      auto sniffed = SniffCodec(std::string_view(reinterpret_cast<char*>(buf), *n));
      if (*n > 0) {
        EXPECT_EQ(sniffed, part.codec) << part.path;
      }
    }
    EXPECT_EQ(first_bytes.rfind("{\"Event\":", 0), 0u) << log << ": " << first_bytes;
  }
  EXPECT_EQ(kinds.size(), 4u);  // single, rolling, legacy 1.2, Databricks
  EXPECT_TRUE(codecs.count(Codec::kNone) && codecs.count(Codec::kZstd) &&
              codecs.count(Codec::kGzip));
}

}  // namespace
}  // namespace sparktune::eventlog
