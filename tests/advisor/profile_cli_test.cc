// End-to-end tests of `sparktune profile` through the binary: exit codes,
// one-line errors for unreadable input, JSON Lines, --strict, and that strings
// from logs never reach the terminal raw.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/test_paths.h"

namespace sparktune {
namespace {

namespace fs = std::filesystem;
using testing::RunCommand;

std::string Bin() { return testing::SparktuneBinary(); }

std::string TempFile(const std::string& name, const std::string& content) {
  fs::path dir = fs::temp_directory_path() / ("sparktune-cli-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::path p = dir / name;
  std::ofstream(p, std::ios::binary) << content;
  return p.string();
}

const char* const kTinyLog =
    R"({"Event":"SparkListenerLogStart","Spark Version":"3.5.1"})"
    "\n"
    R"({"Event":"SparkListenerApplicationStart","App Name":"<script>alert(1)</script>\u001b[31m","App ID":"app-1","Timestamp":1000,"User":"u"})"
    "\n"
    R"({"Event":"SparkListenerEnvironmentUpdate","Spark Properties":{"spark.master":"yarn","spark.executor.memory":"4g"},"Hadoop Properties":{"yarn.scheduler.minimum-allocation-mb":"1024"}})"
    "\n"
    R"({"Event":"SparkListenerExecutorAdded","Timestamp":2000,"Executor ID":"1","Executor Info":{"Host":"h","Total Cores":2}})"
    "\n"
    R"({"Event":"SparkListenerApplicationEnd","Timestamp":11000})"
    "\n";

TEST(ProfileCli, JsonHasSchemaCostAndExactMbSeconds) {
  std::string log = TempFile("tiny", kTinyLog);
  auto r = RunCommand(Bin() + " profile --json " + log);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["schema"], "sparktune.profile/1");
  EXPECT_EQ(j["appId"], "app-1");
  EXPECT_EQ(j["duration"], 10000);
  // Executor: 4096 + max(409, 384) = 4505 MiB -> 5120 MiB on YARN, alive 9 s.
  // Driver: 1024 + 384 = 1408 -> 2048 MiB for the whole 10 s.
  EXPECT_DOUBLE_EQ(j["cost"]["executorMbSeconds"].get<double>(), 5120.0 * 9);
  EXPECT_DOUBLE_EQ(j["cost"]["driverMbSeconds"].get<double>(), 2048.0 * 10);
  EXPECT_DOUBLE_EQ(j["cost"]["coreSeconds"].get<double>(), 2.0 * 9 + 1.0 * 10);
}

TEST(ProfileCli, TerminalOutputNeutralizesControlCharacters) {
  std::string log = TempFile("tiny2", kTinyLog);
  auto r = RunCommand(Bin() + " profile " + log);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos);
  EXPECT_NE(r.out.find("<script>"), std::string::npos);  // shown as text, not interpreted
}

TEST(ProfileCli, UnreadableInputIsOneLineAndExit3) {
  std::string empty = TempFile("empty", "");
  auto r = RunCommand(Bin() + " profile " + empty);
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("empty"), std::string::npos) << r.err;

  std::string text = TempFile("notalog", "hello\nworld\nthis is not json\n");
  r = RunCommand(Bin() + " profile " + text);
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("not a Spark event log"), std::string::npos) << r.err;

  std::string wrong = TempFile("app-2.zstd", kTinyLog);
  r = RunCommand(Bin() + " profile " + wrong);
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("zstd"), std::string::npos) << r.err;

  r = RunCommand(Bin() + " profile /nonexistent/log");
  EXPECT_EQ(r.exit_code, 3);
}

TEST(ProfileCli, TruncatedLogWarnsAndStrictFails) {
  std::string cut = std::string(kTinyLog);
  cut = cut.substr(0, cut.size() - 20);  // cut inside ApplicationEnd
  std::string log = TempFile("cut", cut);
  auto r = RunCommand(Bin() + " profile --json " + log);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find(log + ":5: warning"), std::string::npos) << r.err;
  r = RunCommand(Bin() + " profile --strict " + log);
  EXPECT_EQ(r.exit_code, 1);
}

TEST(ProfileCli, SeveralLogsGiveJsonLines) {
  std::string a = TempFile("a", kTinyLog);
  std::string b = TempFile("b", kTinyLog);
  auto r = RunCommand(Bin() + " profile --json " + a + " " + b);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  size_t lines = 0;
  for (char c : r.out) lines += c == '\n';
  EXPECT_EQ(lines, 2u);
}

TEST(ProfileCli, UsageErrorsExit2) {
  EXPECT_EQ(RunCommand(Bin() + " profile").exit_code, 2);
  EXPECT_EQ(RunCommand(Bin() + " profle x").exit_code, 2);
  EXPECT_NE(RunCommand(Bin() + " profle x").err.find("did you mean 'profile'"), std::string::npos);
}

// A broadcast hash join's exchange reports what the driver spent on it (BroadcastExchangeExec's
// driver metrics): ground truth w2 at a 200 MB static threshold, one 34 MB relation of 10,065
// rows.
TEST(ProfileCli, BroadcastExchangesShowTheirDriverMetrics) {
  const std::string log =
      testing::SourceDir() + "/data/groundtruth/2026-11-21/logs/app-20261121220843-0006.lz4";
  if (!fs::exists(log)) GTEST_SKIP() << log;
  auto r = RunCommand(Bin() + " profile --json " + log);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["sql"].size(), 1u);
  const auto& b = j["sql"][0]["broadcasts"];
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0]["dataSize"], 34078704);
  EXPECT_EQ(b[0]["rows"], 10065);
  EXPECT_GT(b[0]["collectMs"].get<int64_t>(), 0);
  EXPECT_GE(b[0]["buildMs"].get<int64_t>(), 0);
  EXPECT_GE(b[0]["broadcastMs"].get<int64_t>(), 0);
  // A sort-merge-join run has none.
  auto smj = RunCommand(Bin() + " profile --json " + testing::SourceDir() +
                        "/data/groundtruth/2026-11-21/logs/app-20261121220727-0005.zstd");
  ASSERT_EQ(smj.exit_code, 0) << smj.err;
  const auto smj_json = nlohmann::json::parse(smj.out);
  for (const auto& sql : smj_json["sql"]) EXPECT_TRUE(sql["broadcasts"].empty());
}

}  // namespace
}  // namespace sparktune
