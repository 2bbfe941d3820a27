// TLS against a local HTTPS server with a throwaway CA made by the openssl CLI:
// verification is on by default (a private CA is refused with a hint), --cacert
// makes it pass, --insecure skips it, and a server demanding a client
// certificate accepts --cert/--key.
#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <filesystem>
#include <thread>

#include "data/history_server/http_client.h"
#include "tests/test_paths.h"

namespace sparktune::history_server {
namespace {

namespace fs = std::filesystem;

class TlsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path().string() + "/sparktune-tls-" + std::to_string(::getpid());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    // CA, server cert for 127.0.0.1 signed by it, client cert signed by it (EC keys: fast).
    const std::string d = dir_;
    const std::string script =
        "cd " + d +
        " && openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 "
        "-subj /CN=sparktune-test-ca -keyout ca.key -out ca.pem && "
        "openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj /CN=127.0.0.1 "
        "-keyout server.key -out server.csr && "
        "printf 'subjectAltName=IP:127.0.0.1\\n' > san.ext && "
        "openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 1 "
        "-extfile san.ext "
        "-out server.pem && "
        "openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj /CN=collector "
        "-keyout client.key -out client.csr && "
        "openssl x509 -req -in client.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 1 -out "
        "client.pem";
    auto r = testing::RunCommand(script);
    if (r.exit_code != 0) GTEST_SKIP() << "openssl CLI unavailable: " << r.err;
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Serves GET /api/v1/applications -> "[]" over TLS until the returned guard dies.
  struct Running {
    std::unique_ptr<httplib::SSLServer> server;
    std::thread thread;
    int port = 0;
    ~Running() {
      server->stop();
      thread.join();
    }
  };
  std::unique_ptr<Running> Serve(bool require_client_cert) {
    auto r = std::make_unique<Running>();
    r->server = std::make_unique<httplib::SSLServer>(
        (dir_ + "/server.pem").c_str(), (dir_ + "/server.key").c_str(),
        require_client_cert ? (dir_ + "/ca.pem").c_str() : nullptr);
    r->server->Get("/api/v1/applications", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("[]", "application/json");
    });
    r->port = r->server->bind_to_any_port("127.0.0.1");
    r->thread = std::thread([s = r->server.get()] { s->listen_after_bind(); });
    while (!r->server->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    return r;
  }
  static HttpOptions Options() {
    HttpOptions o;
    o.retry.max_retries = 0;
    o.connect_timeout_ms = 3000;
    o.total_timeout_ms = 10000;
    return o;
  }

  std::string dir_;
};

TEST_F(TlsTest, VerifiesByDefaultAndAcceptsTheGivenCa) {
  auto server = Serve(false);
  const std::string url =
      "https://127.0.0.1:" + std::to_string(server->port) + "/api/v1/applications";
  {
    HttpClient http(Options());
    auto r = http.GetText(url);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.status().message().find("--cacert"), std::string::npos) << r.status().message();
    EXPECT_NE(r.status().message().find(url), std::string::npos);
  }
  {
    HttpOptions o = Options();
    o.tls.ca_file = dir_ + "/ca.pem";
    HttpClient http(o);
    auto r = http.GetText(url);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(*r, "[]");
  }
  {
    HttpOptions o = Options();
    o.tls.verify = false;
    HttpClient http(o);
    EXPECT_TRUE(http.GetText(url).ok());
  }
}

TEST_F(TlsTest, ClientCertificateForMutualTls) {
  auto server = Serve(true);
  const std::string url =
      "https://127.0.0.1:" + std::to_string(server->port) + "/api/v1/applications";
  HttpOptions o = Options();
  o.tls.ca_file = dir_ + "/ca.pem";
  {
    HttpClient http(o);
    EXPECT_FALSE(http.GetText(url).ok());  // no client certificate
  }
  o.tls.cert_file = dir_ + "/client.pem";
  o.tls.key_file = dir_ + "/client.key";
  HttpClient http(o);
  auto r = http.GetText(url);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
}

}  // namespace
}  // namespace sparktune::history_server
