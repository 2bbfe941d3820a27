// HttpClient: GET requests to a Spark History Server over libcurl, with the
// safety a nightly job needs against a shared production service.
//
//  * TLS verification is on unless `tls.verify` is false (the CLI's
//    --insecure, which warns); a CA bundle and a client certificate/key can be
//    given. Only http and https are allowed; redirects are NOT followed (a
//    redirect would carry credentials to another origin): a 3xx is an error
//    naming the target.
//  * Timeouts: connect, total per request, and a stall timeout (no byte for
//    that long). Retries follow RetryPolicy (Retry-After respected).
//  * At most `max_concurrent` requests are in flight from one client, over
//    all threads; sleeping between retries does not hold a slot.
//  * A response larger than its limit is cut off and reported, never kept.
//  * Credentials go into request headers only. No message this client
//    produces (errors, the verbose log) contains a secret: messages name the
//    URL, the HTTP status or libcurl error, and are passed through
//    HttpCredentials::Redact.
//
// Thread safety: all methods may be called concurrently (one libcurl easy
// handle per request).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <random>
#include <semaphore>
#include <string>

#include "data/base/result.h"
#include "data/base/units.h"
#include "data/history_server/credentials.h"
#include "data/history_server/retry_policy.h"

namespace sparktune::history_server {

struct TlsOptions {
  bool verify = true;        // Default: verify the peer and host name.
  std::string ca_file;       // PEM CA bundle; empty = the system store
  std::string cert_file;     // client certificate (PEM), for mutual TLS
  std::string key_file;      // its private key (PEM)
  std::string key_password;  // secret; from the environment
};

struct HttpOptions {
  HttpCredentials credentials;
  TlsOptions tls;
  RetryPolicy retry;
  int64_t connect_timeout_ms = 10000;             // Default: 10 s.
  int64_t total_timeout_ms = 600000;              // Default: 10 min per request (a large log).
  int64_t stall_timeout_ms = 60000;               // Default: 60 s without a byte aborts.
  int max_concurrent = 2;                         // Default: 2 requests in flight.
  uint64_t max_download_bytes = 4 * units::kGib;  // Default: 4 GiB per log zip.
  uint64_t max_text_bytes =
      64 * units::kMib;  // Default: 64 MiB per JSON answer (a page is ~0.3 MB).
  // Receives progress and retry notes (secret-free); may be empty.
  std::function<void(const std::string&)> log;
};

class HttpClient {
 public:
  explicit HttpClient(HttpOptions options);
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // GETs `url` and returns the body (2xx only). Errors: NotFound (404),
  // IoError (network, other statuses, too large), each naming the URL.
  Result<std::string> GetText(const std::string& url);

  // GETs `url` into the new file `path` (created exclusively, mode 0600) and
  // returns the byte count. On any failure the file is removed.
  Result<uint64_t> DownloadToFile(const std::string& url, const std::string& path);

  const HttpOptions& options() const { return options_; }

 private:
  struct Sink;
  Result<uint64_t> Fetch(const std::string& url, Sink& sink);
  void Log(const std::string& message) const;

  HttpOptions options_;
  std::counting_semaphore<1024> slots_;
  std::mutex rng_mu_;
  std::mt19937_64 rng_;
};

}  // namespace sparktune::history_server
