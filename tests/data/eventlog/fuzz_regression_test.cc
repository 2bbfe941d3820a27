// Inputs found by the libFuzzer targets (tests/fuzz/) that once crashed or
// tripped a sanitizer; each must now read without either (the suite also runs
// under ASan/UBSan in CI).
#include <gtest/gtest.h>

#include <filesystem>

#include "data/eventlog/event_log_reader.h"
#include "tests/test_paths.h"

namespace sparktune::eventlog {
namespace {

TEST(FuzzRegressions, EveryRecordedCrasherReadsCleanly) {
  std::string dir = testing::SourceDir() + "/tests/data/eventlog/fuzz_regressions";
  int n = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    auto loaded = ReadEventLog(entry.path().string());
    // Either a clear error or a model; never a crash.
    if (!loaded.ok()) {
      EXPECT_FALSE(loaded.status().message().empty());
    }
    ++n;
  }
  EXPECT_GE(n, 1);
}

}  // namespace
}  // namespace sparktune::eventlog
