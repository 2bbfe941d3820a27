// `sparktune collect` end to end (the binary, as a user runs it) against the
// fault-injecting History Server: JSON output, auth from the environment or a
// file with the secret never printed, exit codes, and a SIGKILL in the middle
// of a run followed by a rerun that fetches only what was not kept.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "data/eventlog/event_log_reader.h"
#include "data/eventlog/zip_archive.h"
#include "tests/data/history_server/fake_history_server.h"
#include "tests/test_paths.h"

namespace sparktune {
namespace {

namespace fs = std::filesystem;
using testing::FakeApp;
using testing::FakeHistoryServer;
using testing::Fault;

const char* const kLogs[] = {"app-20261121215226-0000.zstd", "app-20261121220101-0001.lz4",
                             "app-20261121220402-0003.lzf", "app-20261121220208-0002.snappy"};
constexpr const char* kPassword = "Pw-7xK2-do-not-print";

class CollectCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path().string() + "/sparktune-collect-cli-" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name() + "-" +
           std::to_string(::getpid());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    for (const char* name : kLogs) {
      std::string path = testing::SourceDir() + "/data/groundtruth/2026-11-21/logs/" + name;
      auto loaded = eventlog::ReadEventLog(path);
      ASSERT_TRUE(loaded.ok());
      FakeApp a;
      a.id = loaded->app.app_id;
      a.name = "nightly \x1b[31mred\x1b[0m";  // hostile terminal escapes in a name
      a.end_ms = loaded->app.end_time;
      a.zip = testing::BuildZip({{name, testing::ReadWhole(path)}}, dir_ + "/b.zip");
      apps_.push_back(a);
    }
    std::sort(apps_.begin(), apps_.end(),
              [](const FakeApp& a, const FakeApp& b) { return a.end_ms < b.end_ms; });
    for (const FakeApp& a : apps_) server_.AddApp(a);
    server_.RequireAuthorization("Basic " + testing::Base64(std::string("alice:") + kPassword));
  }
  void TearDown() override { fs::remove_all(dir_); }

  testing::CommandResult Collect(const std::string& extra, const std::string& env = "") {
    std::string env_part = env.empty() ? "SHS_BASIC='alice:" + std::string(kPassword) + "'" : env;
    return testing::RunCommand(env_part + " " + testing::SparktuneBinary() +
                               " collect --history-server " + server_.url() + " --out " + dir_ +
                               "/out --auth-basic-env SHS_BASIC --retry-delay 0.01 " + extra);
  }
  std::string ZipPath(const FakeApp& a) const {
    return dir_ + "/out/" + a.id + "/eventLogs-" + a.id + ".zip";
  }

  std::string dir_;
  std::vector<FakeApp> apps_;
  FakeHistoryServer server_;
};

TEST_F(CollectCliTest, JsonRunFetchesAllThenNothingAndNeverPrintsTheSecret) {
  auto r = Collect("--json --verbose");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["schema"], "sparktune.collect/1");
  EXPECT_EQ(j["counts"]["fetched"], 4);
  EXPECT_EQ(j["attempts"].size(), 4u);
  EXPECT_EQ(j["watermarkAfter"]["epochMs"], apps_.back().end_ms);
  for (const FakeApp& a : apps_) EXPECT_EQ(testing::ReadWhole(ZipPath(a)), a.zip) << a.id;
  EXPECT_EQ(r.out.find(kPassword), std::string::npos);
  EXPECT_EQ(r.err.find(kPassword), std::string::npos);
  EXPECT_NE(r.err.find("plain http"), std::string::npos);  // credentials over http are warned about

  auto again = Collect("--verbose");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("0 fetched, 4 already kept"), std::string::npos) << again.out;
  EXPECT_EQ(again.out.find('\x1b'), std::string::npos);  // escapes from the server are quoted
  EXPECT_NE(again.out.find("\\x1b[31mred"), std::string::npos) << again.out;
  EXPECT_EQ(server_.TotalLogRequests(), 4);
}

TEST_F(CollectCliTest, WrongCredentialsFailWithTheUrlAndWithoutTheSecret) {
  auto r = Collect("--verbose", "SHS_BASIC='alice:wrong-" + std::string(kPassword) + "'");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("HTTP 401"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(server_.url() + "/api/v1/applications"), std::string::npos) << r.err;
  EXPECT_EQ((r.out + r.err).find(kPassword), std::string::npos);

  // A token file instead (the server now wants a bearer token).
  const std::string token = "tok-Secret-991";
  server_.RequireAuthorization("Bearer " + token);
  std::ofstream(dir_ + "/token") << token << "\n";
  fs::permissions(dir_ + "/token", fs::perms::owner_read | fs::perms::owner_write);
  auto t = testing::RunCommand(testing::SparktuneBinary() + " collect --history-server " +
                               server_.url() + " --out " + dir_ + "/out --token-file " + dir_ +
                               "/token --verbose --json");
  EXPECT_EQ(t.exit_code, 0) << t.err;
  EXPECT_EQ((t.out + t.err).find(token), std::string::npos);
}

TEST_F(CollectCliTest, FailuresExitThreeAndKeepTheRest) {
  server_.Inject("logs:" + apps_[1].id,
                 Fault{Fault::kBody, -1, 200, "", apps_[1].zip.substr(0, 100)});
  auto r = Collect("");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.out.find("3 fetched"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("failed  '" + apps_[1].id + "'"), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(ZipPath(apps_[1])));
  EXPECT_TRUE(fs::is_empty(dir_ + "/out/.staging"));
}

TEST_F(CollectCliTest, SigkillMidRunThenRerunFetchesOnlyWhatWasNotKept) {
  // The third download stalls; the process is SIGKILLed while it waits on it
  // (after the first two were kept).
  server_.Inject("logs:" + apps_[2].id, Fault{Fault::kStall, 1});
  ::setenv("SHS_BASIC", ("alice:" + std::string(kPassword)).c_str(), 1);
  const std::string bin = testing::SparktuneBinary(), url = server_.url(), out = dir_ + "/out";
  std::vector<const char*> argv = {bin.c_str(),
                                   "collect",
                                   "--history-server",
                                   url.c_str(),
                                   "--out",
                                   out.c_str(),
                                   "--auth-basic-env",
                                   "SHS_BASIC",
                                   "--max-concurrent",
                                   "1",
                                   "--stall-timeout",
                                   "60",
                                   nullptr};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  ASSERT_EQ(posix_spawn(&pid, bin.c_str(), &actions, nullptr, const_cast<char* const*>(argv.data()),
                        environ),
            0);
  posix_spawn_file_actions_destroy(&actions);
  // Wait until the stalled request has arrived (so the first two are kept), then kill.
  for (int i = 0; i < 3000 && server_.Requests("logs:" + apps_[2].id) == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status));
  EXPECT_TRUE(fs::exists(ZipPath(apps_[0])));
  EXPECT_TRUE(fs::exists(ZipPath(apps_[1])));
  EXPECT_FALSE(fs::exists(ZipPath(apps_[2])));
  EXPECT_FALSE(fs::exists(ZipPath(apps_[3])));
  EXPECT_FALSE(fs::is_empty(out + "/.staging"));  // the partial download, never handed over
  for (const auto& e : fs::recursive_directory_iterator(dir_ + "/out")) {
    if (e.path().extension() == ".zip") {
      EXPECT_TRUE(eventlog::LooksLikeZip(e.path().string())) << e.path();
    }
  }
  auto rerun = Collect("--json");
  ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
  auto j = nlohmann::json::parse(rerun.out);
  EXPECT_EQ(j["counts"]["fetched"], 2);
  EXPECT_EQ(j["counts"]["alreadyHave"], 2);
  EXPECT_EQ(server_.Requests("logs:" + apps_[0].id), 1);
  EXPECT_EQ(server_.Requests("logs:" + apps_[1].id), 1);
  for (const FakeApp& a : apps_) EXPECT_EQ(testing::ReadWhole(ZipPath(a)), a.zip) << a.id;
  EXPECT_TRUE(fs::is_empty(dir_ + "/out/.staging"));  // the killed run's partial download is gone
}

TEST_F(CollectCliTest, UsageErrors) {
  auto r = testing::RunCommand(testing::SparktuneBinary() + " collect --out " + dir_ + "/out");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--history-server"), std::string::npos);
  r = testing::RunCommand(testing::SparktuneBinary() + " collect --history-server http://bob:" +
                          kPassword + "@127.0.0.1:1 --out " + dir_ + "/out");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ((r.out + r.err).find(kPassword), std::string::npos);
  r = testing::RunCommand(testing::SparktuneBinary() + " collect --history-server " +
                          server_.url() + " --out " + dir_ +
                          "/out --auth-basic-env NO_SUCH_VAR_SPARKTUNE");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("NO_SUCH_VAR_SPARKTUNE"), std::string::npos);
  r = testing::RunCommand(testing::SparktuneBinary() +
                          " collect --history-server http://127.0.0.1:1 --out " + dir_ +
                          "/out --retries 0 --connect-timeout 2");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("http://127.0.0.1:1/api/v1/applications"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace sparktune
