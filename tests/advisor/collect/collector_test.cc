// The collect pipeline against the fault-injecting History Server, with zips
// built from data/groundtruth logs: everything arrives once, hostile or broken
// downloads never reach the sink, the watermark stops before a failure and a
// rerun fetches only what was not handed over.
#include "advisor/collect/collector.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <set>

#include "advisor/collect/directory_sink.h"
#include "data/eventlog/event_log_reader.h"
#include "tests/data/history_server/fake_history_server.h"
#include "tests/test_paths.h"

namespace sparktune::collect {
namespace {

namespace fs = std::filesystem;
namespace hs = history_server;
using testing::FakeApp;
using testing::FakeHistoryServer;
using testing::Fault;

const char* const kLogs[] = {"app-20261121215226-0000.zstd", "app-20261121220101-0001.lz4",
                             "app-20261121220402-0003.lzf", "eventlog_v2_app-20261121215908-0000"};

std::string TempDir(const std::string& tag) {
  std::string dir = fs::temp_directory_path().string() + "/sparktune-collect-" + tag + "-" +
                    std::to_string(::getpid());
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// The zip the History Server would send for a log file or rolling directory.
std::string ZipOf(const std::string& log_path, const std::string& scratch) {
  std::vector<testing::ZipEntry> entries;
  fs::path p(log_path);
  if (fs::is_directory(p)) {
    std::string dir = p.filename().string() + "/";
    entries.push_back({dir, "", false, true});
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(p)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    for (const auto& n : names)
      entries.push_back({dir + n, testing::ReadWhole(log_path + "/" + n)});
  } else {
    entries.push_back({p.filename().string(), testing::ReadWhole(log_path)});
  }
  return testing::BuildZip(entries, scratch + "/build.zip");
}

// Records what it is handed; keeps a copy of each zip's bytes.
class RecordingSink : public CollectSink {
 public:
  Result<bool> AlreadyHave(const std::string& app_id, const std::string& attempt_id) override {
    return zips.count(app_id + "/" + attempt_id) > 0;
  }
  Status Ingest(const VerifiedDownload& d) override {
    if (fail_ingest) return Status::IoError("disk full (injected)");
    zips[d.app_id + "/" + d.attempt_id] = testing::ReadWhole(d.zip_path);
    for (const auto& log : d.logs) EXPECT_TRUE(fs::exists(log)) << log;
    ++ingests;
    return Status::Ok();
  }
  Result<std::optional<int64_t>> GetWatermark(const std::string& source) override {
    auto it = watermarks.find(source);
    if (it == watermarks.end()) return std::optional<int64_t>();
    return std::optional<int64_t>(it->second);
  }
  Status SetWatermark(const std::string& source, int64_t end_ms) override {
    watermarks[source] = end_ms;
    return Status::Ok();
  }
  std::map<std::string, std::string> zips;
  std::map<std::string, int64_t> watermarks;
  int ingests = 0;
  bool fail_ingest = false;
};

class CollectorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = TempDir(::testing::UnitTest::GetInstance()->current_test_info()->name());
    staging_ = dir_ + "/staging";
    fs::create_directories(staging_);
    for (const char* name : kLogs) {
      std::string path = testing::SourceDir() + "/data/groundtruth/2026-11-21/logs/" + name;
      auto loaded = eventlog::ReadEventLog(path);
      ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
      FakeApp a;
      a.id = loaded->app.app_id;
      a.name = loaded->app.name.empty() ? "app" : loaded->app.name;
      a.end_ms = loaded->app.end_time;
      a.user = a.id == "app-20261121220101-0001" ? "analyst" : "etl";
      a.zip = ZipOf(path, dir_);
      ASSERT_FALSE(a.zip.empty());
      apps_.push_back(a);
    }
    std::sort(apps_.begin(), apps_.end(),
              [](const FakeApp& a, const FakeApp& b) { return a.end_ms < b.end_ms; });
    for (const FakeApp& a : apps_) server_.AddApp(a);
    hs::HttpOptions o;
    o.retry.base_delay_ms = 10;
    o.retry.max_retries = 2;
    o.stall_timeout_ms = 1000;
    http_ = std::make_unique<hs::HttpClient>(o);
    client_ =
        std::make_unique<hs::HistoryServerClient>(*hs::NormalizeApiUrl(server_.url()), *http_);
    options_.staging_dir = staging_;
  }
  void TearDown() override { fs::remove_all(dir_); }

  Result<CollectReport> Run() { return RunCollect(*client_, sink_, options_); }
  bool StagingEmpty() const { return fs::is_empty(staging_); }

  std::string dir_, staging_;
  std::vector<FakeApp> apps_;  // oldest first
  FakeHistoryServer server_;
  std::unique_ptr<hs::HttpClient> http_;
  std::unique_ptr<hs::HistoryServerClient> client_;
  CollectOptions options_;
  RecordingSink sink_;
};

TEST_F(CollectorTest, FetchesEveryAppOnceAndASecondRunFetchesNothing) {
  auto r = Run();
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->Count(OutcomeKind::kFetched), 4);
  EXPECT_EQ(sink_.ingests, 4);
  for (const FakeApp& a : apps_) EXPECT_EQ(sink_.zips[a.id + "/"], a.zip) << a.id;  // byte for byte
  ASSERT_TRUE(r->watermark_after.has_value());
  EXPECT_EQ(*r->watermark_after, apps_.back().end_ms);
  EXPECT_TRUE(StagingEmpty());

  const int downloads = server_.TotalLogRequests();
  auto again = Run();
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->Count(OutcomeKind::kFetched), 0);
  EXPECT_EQ(server_.TotalLogRequests(), downloads);
  EXPECT_EQ(sink_.ingests, 4);
  // The rerun asked only for apps since the watermark minus the lookback.
  ASSERT_TRUE(again->listed_since.has_value());
  EXPECT_EQ(*again->listed_since, apps_.back().end_ms - options_.lookback_ms);
}

struct HostileCase {
  const char* name;
  std::function<std::string(const std::vector<FakeApp>&, const std::string&)> body;
  const char* expected_message;
};

TEST_F(CollectorTest, BrokenAndHostileZipsNeverReachTheSink) {
  const FakeApp& victim = apps_[1];
  const std::string big_zeros(20 << 20, '\0');
  std::vector<HostileCase> cases = {
      {"truncated",
       [](const auto& apps, const auto&) { return apps[1].zip.substr(0, apps[1].zip.size() / 2); },
       "not a readable zip archive"},
      {"not a zip", [](const auto&, const auto&) { return std::string("<html>login</html>"); },
       "not a zip archive"},
      {"path traversal",
       [](const auto&, const auto& d) {
         return testing::BuildZip({{"../../evil.zstd", "x"}}, d + "/h.zip");
       },
       "contains .."},
      {"symlink",
       [](const auto&, const auto& d) {
         return testing::BuildZip({{"link", "/etc/passwd", true}}, d + "/h.zip");
       },
       "symbolic link"},
      {"bomb",
       [&](const auto&, const auto& d) {
         return testing::BuildZip({{"app-20261121220101-0001", big_zeros}}, d + "/h.zip");
       },
       "decompression bomb"},
      {"another app's log", [](const auto& apps, const auto&) { return apps[0].zip; },
       "not the one requested"},
  };
  for (const HostileCase& c : cases) {
    SCOPED_TRACE(c.name);
    sink_ = RecordingSink();
    server_.ClearFaults();
    server_.Inject("logs:" + victim.id, Fault{Fault::kBody, -1, 200, "", c.body(apps_, dir_)});
    auto r = Run();
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(sink_.zips.count(victim.id + "/"), 0u);
    EXPECT_EQ(r->Count(OutcomeKind::kFailed), 1);
    EXPECT_EQ(r->Count(OutcomeKind::kFetched), 3);
    for (const auto& o : r->outcomes) {
      if (o.kind != OutcomeKind::kFailed) continue;
      EXPECT_EQ(o.app_id, victim.id);
      EXPECT_NE(o.message.find(c.expected_message), std::string::npos) << o.message;
      EXPECT_NE(o.message.find(victim.id), std::string::npos) << o.message;
    }
    // The watermark stops before the failed app.
    ASSERT_TRUE(r->watermark_after.has_value());
    EXPECT_EQ(*r->watermark_after, apps_[0].end_ms);
    EXPECT_TRUE(StagingEmpty());
    EXPECT_FALSE(fs::exists(dir_ + "/evil.zstd"));
    EXPECT_FALSE(fs::exists(fs::path(dir_).parent_path() / "evil.zstd"));
  }
}

TEST_F(CollectorTest, AFailedAppIsRetriedByTheNextRunAndNothingElseIsRefetched) {
  const FakeApp& flaky = apps_[2];
  server_.Inject("logs:" + flaky.id, Fault{Fault::kStatus, -1, 502});
  auto first = Run();
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->Count(OutcomeKind::kFetched), 3);
  EXPECT_EQ(*first->watermark_after, apps_[1].end_ms);
  std::map<std::string, int> before;
  for (const FakeApp& a : apps_) before[a.id] = server_.Requests("logs:" + a.id);
  EXPECT_EQ(before[flaky.id], 3);  // 1 + 2 retries

  server_.ClearFaults();
  auto second = Run();
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->Count(OutcomeKind::kFetched), 1);
  EXPECT_EQ(second->Count(OutcomeKind::kFailed), 0);
  for (const FakeApp& a : apps_) {
    EXPECT_EQ(server_.Requests("logs:" + a.id), before[a.id] + (a.id == flaky.id ? 1 : 0)) << a.id;
  }
  EXPECT_EQ(sink_.zips[flaky.id + "/"], flaky.zip);
  EXPECT_EQ(*second->watermark_after, apps_.back().end_ms);
}

TEST_F(CollectorTest, ASinkFailureIsAFailedAttemptNotAWatermarkMove) {
  sink_.fail_ingest = true;
  auto r = Run();
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->Count(OutcomeKind::kFailed), 4);
  EXPECT_FALSE(r->watermark_after.has_value());
  EXPECT_NE(r->outcomes[0].message.find("disk full"), std::string::npos);
  EXPECT_TRUE(StagingEmpty());
}

TEST_F(CollectorTest, NameAndUserFiltersAndTheirOwnWatermark) {
  options_.user = "analyst";
  auto r = Run();
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->Count(OutcomeKind::kFetched), 1);
  EXPECT_EQ(r->Count(OutcomeKind::kFiltered), 3);
  EXPECT_EQ(sink_.zips.count("app-20261121220101-0001/"), 1u);
  EXPECT_EQ(sink_.watermarks.count(client_->api_url()),
            0u);  // the unfiltered watermark is untouched
  EXPECT_EQ(sink_.watermarks.size(), 1u);

  options_.user.clear();
  options_.name_regex = "([";
  auto bad = Run();
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
}

TEST_F(CollectorTest, UnsafeIdsFromTheServerAreNotFetched) {
  FakeApp evil = apps_[0];
  evil.id = "../../etc";
  evil.end_ms += 1;
  server_.AddApp(evil);
  auto r = Run();
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->Count(OutcomeKind::kFetched), 4);
  EXPECT_EQ(r->Count(OutcomeKind::kFailed), 1);
  EXPECT_EQ(server_.Requests("logs:../../etc"), 0);
}

TEST_F(CollectorTest, DirectorySinkKeepsVerifiedZipsAndItsWatermarkAcrossProcesses) {
  const std::string out = dir_ + "/out";
  {
    auto sink = DirectorySink::Open(out);
    ASSERT_TRUE(sink.ok()) << sink.status().ToString();
    // A second collect on the same directory is refused while this one runs.
    auto second = DirectorySink::Open(out);
    ASSERT_FALSE(second.ok());
    EXPECT_NE(second.status().message().find("another collect"), std::string::npos);
    options_.staging_dir = (*sink)->StagingDir();
    auto r = RunCollect(*client_, **sink, options_);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->Count(OutcomeKind::kFetched), 4);
    for (const FakeApp& a : apps_) {
      EXPECT_EQ(testing::ReadWhole((*sink)->ZipPath(a.id, "")), a.zip);
      // What is kept reads as an event log (the zip form the CLI accepts).
      EXPECT_TRUE(eventlog::LooksLikeZip((*sink)->ZipPath(a.id, "")));
    }
    EXPECT_TRUE(fs::is_empty((*sink)->StagingDir()));
  }
  auto reopened = DirectorySink::Open(out);
  ASSERT_TRUE(reopened.ok());
  auto wm = (*reopened)->GetWatermark(client_->api_url());
  ASSERT_TRUE(wm.ok());
  EXPECT_EQ(*wm, apps_.back().end_ms);
  options_.staging_dir = (*reopened)->StagingDir();
  const int downloads = server_.TotalLogRequests();
  auto r = RunCollect(*client_, **reopened, options_);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->Count(OutcomeKind::kAlreadyHave), 4);
  EXPECT_EQ(server_.TotalLogRequests(), downloads);
}

}  // namespace
}  // namespace sparktune::collect
