// Inputs that once crashed or tripped a sanitizer in
// tests/fuzz/history_server_json_fuzz.cc, plus hand-made extremes; each must
// parse to a list or a clear error naming the URL (the suite also runs under
// ASan/UBSan in CI).
#include <gtest/gtest.h>

#include <climits>
#include <filesystem>

#include "data/history_server/application_list.h"
#include "data/history_server/retry_policy.h"
#include "tests/data/history_server/fake_history_server.h"
#include "tests/test_paths.h"

namespace sparktune::history_server {
namespace {

void Exercise(const std::string& bytes) {
  // As the fuzz target: the first 64 bytes as a date and as a Retry-After value.
  const std::string head = bytes.substr(0, 64);
  if (auto ms = ParseSparkDate(head); ms.ok()) (void)FormatSparkDate(*ms);
  (void)ParseRetryAfterMs(head, 1763700000);
  auto apps = ParseApplicationList(bytes, "http://fuzz/api/v1/applications");
  if (!apps.ok()) {
    EXPECT_NE(apps.status().message().find("http://fuzz/api/v1/applications"), std::string::npos);
    return;
  }
  for (const auto& app : *apps) {
    (void)IsSafeIdentifier(app.id);
    for (const auto& a : app.attempts) (void)FormatSparkDate(a.end_ms);
  }
}

TEST(HistoryServerFuzzRegressions, RecordedInputsParseOrFailCleanly) {
  const std::string dir = testing::SourceDir() + "/tests/data/history_server/fuzz_regressions";
  int n = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    SCOPED_TRACE(entry.path().string());
    Exercise(testing::ReadWhole(entry.path().string()));
    ++n;
  }
  EXPECT_GE(n, 1);
}

TEST(HistoryServerFuzzRegressions, Extremes) {
  Exercise(std::string(200000, '[') + std::string(200000, ']'));  // deep nesting
  Exercise(R"([{"id":"a","attempts":[{"completed":true,"endTimeEpoch":-9223372036854775808}]}])");
  Exercise(R"([{"id":"a","attempts":[{"completed":true,"endTimeEpoch":99999999999999999999}]}])");
  Exercise(
      R"([{"id":"a\u0000b","attempts":[{"completed":false,"endTime":"9999-12-31T23:59:60.999GMT"}]}])");
  Exercise("[{\"id\":\"\xff\xfe\",\"attempts\":[]}]");  // invalid UTF-8
  EXPECT_EQ(FormatSparkDate(LLONG_MIN).empty(), false);
  EXPECT_EQ(FormatSparkDate(-1), "1969-12-31T23:59:59.999GMT");
}

}  // namespace
}  // namespace sparktune::history_server
