// The History Server client against real API answers (Spark's own
// HistoryServerExpectations) and a local fault-injecting server: paging,
// retries with Retry-After, stalls, short bodies, size limits, auth, redirects,
// the concurrency cap, and that errors name the URL but never a secret.
#include "data/history_server/history_server_client.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "data/history_server/application_list.h"
#include "data/history_server/credentials.h"
#include "data/history_server/retry_policy.h"
#include "tests/data/history_server/fake_history_server.h"
#include "tests/test_paths.h"

namespace sparktune::history_server {
namespace {

namespace fs = std::filesystem;
using testing::FakeApp;
using testing::FakeHistoryServer;
using testing::Fault;

std::string Expectation(const std::string& name) {
  return testing::ReadWhole(testing::SharedEventLogs() +
                            "/apache-spark/HistoryServerExpectations/" + name);
}

HttpOptions FastOptions() {
  HttpOptions o;
  o.retry.base_delay_ms = 10;
  o.retry.max_retries = 3;
  o.connect_timeout_ms = 2000;
  o.total_timeout_ms = 20000;
  o.stall_timeout_ms = 1000;
  return o;
}

std::string TempDir(const std::string& tag) {
  std::string dir = fs::temp_directory_path().string() + "/sparktune-hs-" + tag + "-" +
                    std::to_string(::getpid());
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

TEST(HistoryServerApplicationList, ParsesSparksOwnListAnswerAndItsDates) {
  const std::string body = Expectation("application_list_json_expectation.json");
  if (body.empty()) GTEST_SKIP() << "../shared/eventlogs not present";
  auto apps = ParseApplicationList(body, "http://shs/api/v1/applications");
  ASSERT_TRUE(apps.ok()) << apps.status().ToString();
  auto raw = nlohmann::json::parse(body);
  ASSERT_EQ(apps->size(), raw.size());
  int attempts = 0;
  for (size_t i = 0; i < raw.size(); ++i) {
    EXPECT_EQ((*apps)[i].id, raw[i]["id"]);
    for (size_t k = 0; k < raw[i]["attempts"].size(); ++k) {
      const auto& a = raw[i]["attempts"][k];
      // The formatted date and the epoch field agree through our parser.
      auto ms = ParseSparkDate(a["endTime"].get<std::string>());
      ASSERT_TRUE(ms.ok()) << a["endTime"];
      EXPECT_EQ(*ms, a["endTimeEpoch"].get<int64_t>());
      EXPECT_EQ(FormatSparkDate(*ms), a["endTime"].get<std::string>());
      EXPECT_EQ((*apps)[i].attempts[k].attempt_id, a.value("attemptId", ""));
      ++attempts;
    }
  }
  EXPECT_GT(attempts, static_cast<int>(raw.size()));  // the list has multi-attempt apps
}

TEST(HistoryServerApplicationList, MinEndDateIsInclusiveOnAnyAttemptAsSparkAnswers) {
  const std::string all = Expectation("application_list_json_expectation.json");
  const std::string expected = Expectation("minEndDate_app_list_json_expectation.json");
  if (all.empty() || expected.empty()) GTEST_SKIP() << "../shared/eventlogs not present";
  // CASES.tsv: applications?minEndDate=2015-05-06T13:03:00.950GMT
  auto min_end = ParseSparkDate("2015-05-06T13:03:00.950GMT");
  ASSERT_TRUE(min_end.ok());
  auto apps = ParseApplicationList(all, "all");
  ASSERT_TRUE(apps.ok());
  std::set<std::string> ours, spark;
  for (const auto& a : *apps) {
    bool completed = true, in_range = false;
    for (const auto& att : a.attempts) {
      completed = completed && att.completed;
      in_range = in_range || att.end_ms >= *min_end;
    }
    if (completed && in_range) ours.insert(a.id);
  }
  for (const auto& a : nlohmann::json::parse(expected)) spark.insert(a["id"].get<std::string>());
  EXPECT_EQ(ours, spark);
}

TEST(HistoryServerApplicationList, BadJsonNamesTheUrlAndThePath) {
  auto r =
      ParseApplicationList("{\"oops\": ", "http://h:18080/api/v1/applications?status=completed");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("not valid JSON"), std::string::npos);
  EXPECT_NE(r.status().message().find("http://h:18080/api/v1/applications?status=completed"),
            std::string::npos);

  r = ParseApplicationList(R"([{"id":"a","attempts":[{"completed":"yes"}]}])", "U");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("[0].attempts[0].completed: expected a boolean: U"),
            std::string::npos)
      << r.status().message();
  r = ParseApplicationList(R"({"id":"a"})", "U");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("expected a JSON array"), std::string::npos);
  r = ParseApplicationList(R"([{"id":7,"attempts":[]}])", "U");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("[0].id"), std::string::npos);
}

TEST(HistoryServerApplicationList, UnsafeIdsAreRecognized) {
  for (const char* ok : {"app-20261121215226-0000", "application_1628109047826_1317105",
                         "local-1642039451826", "1"}) {
    EXPECT_TRUE(IsSafeIdentifier(ok)) << ok;
  }
  for (const char* bad : {"", ".", "..", "../etc", "a/b", "a b", "a%2F", "a\nb", "a?x=1"}) {
    EXPECT_FALSE(IsSafeIdentifier(bad)) << bad;
  }
}

TEST(HistoryServerUrl, NormalizesAndRefusesCredentialsWithoutEchoingThem) {
  EXPECT_EQ(*NormalizeApiUrl("http://shs:18080"), "http://shs:18080/api/v1");
  EXPECT_EQ(*NormalizeApiUrl("HTTPS://shs:18080/api/v1/"), "https://shs:18080/api/v1");
  EXPECT_EQ(*NormalizeApiUrl("https://gw/spark/history"), "https://gw/spark/history/api/v1");
  auto r = NormalizeApiUrl("https://alice:s3cr3t-pw@shs:18080");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message().find("s3cr3t-pw"), std::string::npos);
  EXPECT_NE(r.status().message().find("--auth-basic-env"), std::string::npos);
  EXPECT_FALSE(NormalizeApiUrl("ftp://shs").ok());
  EXPECT_FALSE(NormalizeApiUrl("http://shs/?x=1").ok());
}

TEST(HistoryServerRetry, BackoffGrowsWithJitterAndRetryAfterIsParsed) {
  RetryPolicy p;
  std::mt19937_64 rng(1);
  for (int retry = 0; retry < 8; ++retry) {
    int64_t full = std::min<int64_t>(p.max_delay_ms, p.base_delay_ms << retry);
    for (int k = 0; k < 20; ++k) {
      int64_t d = p.BackoffMs(retry, rng);
      EXPECT_GE(d, full / 2);
      EXPECT_LE(d, full);
    }
  }
  EXPECT_EQ(ParseRetryAfterMs("7", 0), 7000);
  EXPECT_EQ(ParseRetryAfterMs("Wed, 21 Oct 2015 07:28:00 GMT", 1445412470), 10000);
  EXPECT_EQ(ParseRetryAfterMs("soon", 0), std::nullopt);
}

class HistoryServerClientTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (int i = 0; i < 5; ++i) {
      FakeApp a;
      a.id = "app-2026112100000" + std::to_string(i) + "-000" + std::to_string(i);
      a.name = "job " + std::to_string(i);
      a.end_ms =
          1763700000000 + i * 1000 + (i == 3 ? -1000 : 0);  // apps 2 and 3 end in the same ms
      a.zip = std::string(1000 + i, static_cast<char>('a' + i));
      server_.AddApp(a);
    }
  }
  FakeHistoryServer server_;
};

TEST_F(HistoryServerClientTest, PagingListsEveryAppOnceAndSendsDatesSparkParses) {
  HttpClient http(FastOptions());
  HistoryServerClient client(*NormalizeApiUrl(server_.url()), http);
  auto listing = client.ListCompleted(std::nullopt, 2);
  ASSERT_TRUE(listing.ok()) << listing.status().ToString();
  EXPECT_TRUE(listing->complete);
  std::set<std::string> ids;
  for (const auto& a : listing->apps) ids.insert(a.id);
  EXPECT_EQ(ids.size(), 5u);
  EXPECT_EQ(listing->apps.size(), 5u);
  EXPECT_GE(listing->requests, 4);  // pages of 2, one of them all in one millisecond
  // Later pages carried maxEndDate in the API's date format (the fake answers
  // 400 to a date Spark's SimpleDateParam would not parse).
  int dated = 0;
  for (const std::string& q : server_.SeenListQueries())
    dated += q.find("GMT") != std::string::npos ? 1 : 0;
  EXPECT_GE(dated, 3);
  // Since a date: only apps ending at or after it (inclusive).
  auto since = client.ListCompleted(1763700000000 + 2000, 500);
  ASSERT_TRUE(since.ok());
  ids.clear();
  for (const auto& a : since->apps) ids.insert(a.id);
  EXPECT_EQ(ids, (std::set<std::string>{"app-20261121000002-0002", "app-20261121000003-0003",
                                        "app-20261121000004-0004"}));
}

TEST_F(HistoryServerClientTest, RetriesServerErrorsThenSucceeds) {
  server_.Inject("list", Fault{Fault::kStatus, 2, 503});
  HttpClient http(FastOptions());
  HistoryServerClient client(*NormalizeApiUrl(server_.url()), http);
  auto listing = client.ListCompleted(std::nullopt);
  ASSERT_TRUE(listing.ok()) << listing.status().ToString();
  EXPECT_EQ(listing->apps.size(), 5u);
  EXPECT_EQ(server_.Requests("list"), 3);
}

TEST_F(HistoryServerClientTest, HonorsRetryAfterOn429) {
  server_.Inject("list", Fault{Fault::kStatus, 1, 429, "1"});
  HttpClient http(FastOptions());  // own backoff is 10 ms
  HistoryServerClient client(*NormalizeApiUrl(server_.url()), http);
  auto t0 = std::chrono::steady_clock::now();
  auto listing = client.ListCompleted(std::nullopt);
  double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  ASSERT_TRUE(listing.ok()) << listing.status().ToString();
  EXPECT_GE(waited, 0.95);
  EXPECT_EQ(server_.Requests("list"), 2);
}

TEST_F(HistoryServerClientTest, GivesUpWithAnErrorNamingTheUrlAndStatus) {
  server_.Inject("list", Fault{Fault::kStatus, -1, 500});
  HttpClient http(FastOptions());
  HistoryServerClient client(*NormalizeApiUrl(server_.url()), http);
  auto listing = client.ListCompleted(std::nullopt);
  ASSERT_FALSE(listing.ok());
  const std::string& m = listing.status().message();
  EXPECT_NE(m.find("HTTP 500"), std::string::npos) << m;
  EXPECT_NE(m.find("4 attempts"), std::string::npos) << m;
  EXPECT_NE(m.find(server_.url() + "/api/v1/applications?status=completed"), std::string::npos)
      << m;
  EXPECT_EQ(server_.Requests("list"), 4);
}

TEST_F(HistoryServerClientTest, BadJsonFromTheServerNamesTheUrl) {
  server_.Inject("list", Fault{Fault::kBody, -1, 200, "", "<html>proxy login</html>"});
  HttpClient http(FastOptions());
  HistoryServerClient client(*NormalizeApiUrl(server_.url()), http);
  auto listing = client.ListCompleted(std::nullopt);
  ASSERT_FALSE(listing.ok());
  EXPECT_EQ(listing.status().code(), StatusCode::kCorrupt);
  EXPECT_NE(listing.status().message().find(server_.url() + "/api/v1/applications"),
            std::string::npos);
  EXPECT_EQ(server_.Requests("list"), 1);  // not retried: the server answered
}

TEST_F(HistoryServerClientTest, StallTimesOutAndLeavesNoFile) {
  server_.Inject("logs:app-20261121000001-0001", Fault{Fault::kStall, -1});
  HttpOptions o = FastOptions();
  o.retry.max_retries = 1;
  HttpClient http(o);
  HistoryServerClient client(*NormalizeApiUrl(server_.url()), http);
  const std::string dir = TempDir("stall");
  auto t0 = std::chrono::steady_clock::now();
  auto r = client.DownloadLogs("app-20261121000001-0001", "", dir + "/x.zip");
  double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_LT(took, 6.0);  // two attempts of ~1-2 s each, not the server's 10 s stall
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("/applications/app-20261121000001-0001/logs"),
            std::string::npos);
  EXPECT_NE(r.status().message().find("stalled: no data for 1 s"), std::string::npos)
      << r.status().message();
  EXPECT_EQ(server_.Requests("logs:app-20261121000001-0001"), 2);
  EXPECT_FALSE(fs::exists(dir + "/x.zip"));
  fs::remove_all(dir);
}

TEST_F(HistoryServerClientTest, ShortBodyIsRetriedAndTheFileHoldsOnlyTheFullAnswer) {
  server_.Inject("logs:app-20261121000002-0002", Fault{Fault::kShortBody, 1});
  HttpClient http(FastOptions());
  HistoryServerClient client(*NormalizeApiUrl(server_.url()), http);
  const std::string dir = TempDir("short");
  auto r = client.DownloadLogs("app-20261121000002-0002", "", dir + "/x.zip");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(testing::ReadWhole(dir + "/x.zip"), std::string(1002, 'c'));
  EXPECT_EQ(server_.Requests("logs:app-20261121000002-0002"), 2);

  server_.Inject("logs:app-20261121000002-0002", Fault{Fault::kShortBody, -1});
  auto bad = client.DownloadLogs("app-20261121000002-0002", "", dir + "/y.zip");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("Transferred a partial file"), std::string::npos)
      << bad.status().message();
  EXPECT_FALSE(fs::exists(dir + "/y.zip"));
  fs::remove_all(dir);
}

TEST_F(HistoryServerClientTest, ResponseOverTheSizeLimitIsRefused) {
  HttpOptions o = FastOptions();
  o.max_download_bytes = 500;
  HttpClient http(o);
  HistoryServerClient client(*NormalizeApiUrl(server_.url()), http);
  const std::string dir = TempDir("big");
  auto r = client.DownloadLogs("app-20261121000000-0000", "", dir + "/x.zip");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("larger than the limit of 500 bytes"), std::string::npos)
      << r.status().message();
  EXPECT_EQ(server_.Requests("logs:app-20261121000000-0000"), 1);
  EXPECT_FALSE(fs::exists(dir + "/x.zip"));
  fs::remove_all(dir);
}

TEST_F(HistoryServerClientTest, AuthRequiredAndSecretsNeverInMessages) {
  const std::string password = "pw-Zq81-never-print";
  const std::string basic = "Basic " + testing::Base64("alice:" + password);
  server_.RequireAuthorization(basic);
  {
    HttpClient http(FastOptions());
    HistoryServerClient client(*NormalizeApiUrl(server_.url()), http);
    auto r = client.ListCompleted(std::nullopt);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.status().message().find("HTTP 401"), std::string::npos);
    EXPECT_NE(r.status().message().find("requires authentication"), std::string::npos);
    EXPECT_EQ(server_.Requests("list"), 1);  // 401 is not retried
  }
  {
    HttpOptions o = FastOptions();
    o.credentials.basic_user = "alice";
    o.credentials.basic_password = "wrong-" + password;
    std::string logged;
    o.log = [&](const std::string& m) { logged += m; };
    HttpClient http(o);
    HistoryServerClient client(*NormalizeApiUrl(server_.url()), http);
    auto r = client.ListCompleted(std::nullopt);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().message().find(password), std::string::npos);
    EXPECT_EQ(logged.find(password), std::string::npos);
  }
  HttpOptions o = FastOptions();
  o.credentials.basic_user = "alice";
  o.credentials.basic_password = password;
  HttpClient http(o);
  HistoryServerClient client(*NormalizeApiUrl(server_.url()), http);
  auto r = client.ListCompleted(std::nullopt);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->apps.size(), 5u);

  // Bearer token and an extra header.
  server_.RequireAuthorization("Bearer tok-123");
  server_.RequireHeader("X-Api-Key", "k-456");
  HttpOptions t = FastOptions();
  t.credentials.bearer_token = "tok-123";
  t.credentials.headers = {{"X-Api-Key", "k-456"}};
  HttpClient http2(t);
  HistoryServerClient client2(*NormalizeApiUrl(server_.url()), http2);
  EXPECT_TRUE(client2.ListCompleted(std::nullopt).ok());
}

TEST_F(HistoryServerClientTest, ConcurrentDownloadsStayUnderTheCap) {
  server_.SetDownloadDelayMs(150);
  HttpOptions o = FastOptions();
  o.max_concurrent = 2;
  HttpClient http(o);
  HistoryServerClient client(*NormalizeApiUrl(server_.url()), http);
  const std::string dir = TempDir("cap");
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int i = 0; i < 5; ++i) {
    threads.emplace_back([&, i] {
      std::string id = "app-2026112100000" + std::to_string(i) + "-000" + std::to_string(i);
      if (client.DownloadLogs(id, "", dir + "/" + id + ".zip").ok()) ++ok;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 5);
  EXPECT_EQ(server_.MaxInFlight(), 2);
  fs::remove_all(dir);
}

TEST(HistoryServerHttp, RedirectsAreNotFollowed) {
  httplib::Server s;
  s.Get("/api/v1/applications", [](const httplib::Request&, httplib::Response& res) {
    res.set_redirect("http://evil.example/collect");
  });
  int port = s.bind_to_any_port("127.0.0.1");
  std::thread t([&] { s.listen_after_bind(); });
  while (!s.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  HttpClient http(FastOptions());
  HistoryServerClient client(*NormalizeApiUrl("http://127.0.0.1:" + std::to_string(port)), http);
  auto r = client.ListCompleted(std::nullopt);
  s.stop();
  t.join();
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("redirect to 'http://evil.example/collect'"),
            std::string::npos)
      << r.status().message();
}

TEST(HistoryServerCredentials, FilesAreParsedAndErrorsNeverShowValues) {
  const std::string dir = TempDir("creds");
  {
    std::ofstream(dir + "/token") << "  tok-abc  \n";
    std::ofstream(dir + "/headers") << "# gateway\nX-Api-Key: key-1\n\nX-Tenant:  blue \n";
    std::ofstream(dir + "/bad") << "X-Api-Key: fine\nnot a header secret-value-9\n";
  }
  ::chmod((dir + "/token").c_str(), 0600);
  HttpCredentials c;
  std::string warning;
  ASSERT_TRUE(LoadTokenFile(dir + "/token", c, &warning).ok());
  EXPECT_EQ(c.bearer_token, "tok-abc");
  EXPECT_TRUE(warning.empty());
  ASSERT_TRUE(LoadHeaderFile(dir + "/headers", c, &warning).ok());
  ASSERT_EQ(c.headers.size(), 2u);
  EXPECT_EQ(c.headers[1], (std::pair<std::string, std::string>{"X-Tenant", "blue"}));
  EXPECT_FALSE(warning.empty());  // headers file is 0644: readable by others
  HttpCredentials d;
  Status st = LoadHeaderFile(dir + "/bad", d, nullptr);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find(dir + "/bad:2"), std::string::npos) << st.message();
  EXPECT_EQ(st.message().find("secret-value-9"), std::string::npos);
  EXPECT_EQ(c.Redact("x tok-abc y key-1 z"), "x *** y *** z");
  ::setenv("SPARKTUNE_TEST_BASIC", "nocolon", 1);
  st = LoadBasicAuthFromEnv("SPARKTUNE_TEST_BASIC", d);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.message().find("nocolon"), std::string::npos);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace sparktune::history_server
