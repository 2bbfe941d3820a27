#include "data/history_server/http_client.h"

#include <curl/curl.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <thread>

namespace sparktune::history_server {
namespace {

constexpr size_t kErrorBodyBytes = 512;  // kept from a non-2xx body for the message
constexpr size_t kErrorBodyShown = 200;

void GlobalInit() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// Untrusted server text made printable on one line and shortened.
std::string Printable(const std::string& s, size_t max) {
  std::string out;
  for (unsigned char c : s) {
    if (out.size() >= max) {
      out += "...";
      break;
    }
    out += (c < 0x20 || c == 0x7f) ? ' ' : static_cast<char>(c);
  }
  size_t e = out.find_last_not_of(' ');
  return e == std::string::npos ? "" : out.substr(0, e + 1);
}

bool StartsWithNoCase(const std::string& s, const char* prefix) {
  size_t n = std::strlen(prefix);
  if (s.size() < n) return false;
  for (size_t i = 0; i < n; ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) !=
        std::tolower(static_cast<unsigned char>(prefix[i]))) {
      return false;
    }
  }
  return true;
}

bool IsRetryableCurlCode(CURLcode rc) {
  switch (rc) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_PARTIAL_FILE:
    case CURLE_GOT_NOTHING:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
      return true;
    default:
      return false;
  }
}

struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct SlistDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

class SlotGuard {
 public:
  explicit SlotGuard(std::counting_semaphore<1024>& s) : s_(s) { s_.acquire(); }
  ~SlotGuard() { s_.release(); }

 private:
  std::counting_semaphore<1024>& s_;
};

}  // namespace

// Where a response body goes, plus what one attempt observed.
struct HttpClient::Sink {
  std::string* text = nullptr;  // GetText
  int fd = -1;                  // DownloadToFile
  uint64_t limit = 0;
  CURL* curl = nullptr;
  uint64_t written = 0;
  bool too_big = false;
  int write_errno = 0;
  std::string error_body;
  std::string retry_after;
  std::string location;
  // Stall detection: the time the last byte arrived.
  int64_t stall_ms = 0;
  curl_off_t last_seen = -1;
  std::chrono::steady_clock::time_point last_progress;
  bool stalled = false;

  void Reset() {
    header_bytes = 0;
    last_seen = -1;
    last_progress = std::chrono::steady_clock::now();
    stalled = false;
    written = 0;
    too_big = false;
    write_errno = 0;
    error_body.clear();
    retry_after.clear();
    location.clear();
    if (text != nullptr) text->clear();
    if (fd >= 0) {
      (void)::ftruncate(fd, 0);
      (void)::lseek(fd, 0, SEEK_SET);
    }
  }

  static size_t Write(char* data, size_t size, size_t n, void* user) {
    auto* s = static_cast<Sink*>(user);
    const size_t len = size * n;
    long status = 0;
    curl_easy_getinfo(s->curl, CURLINFO_RESPONSE_CODE, &status);
    if (status < 200 || status >= 300) {
      if (s->error_body.size() < kErrorBodyBytes) {
        s->error_body.append(data, std::min(len, kErrorBodyBytes - s->error_body.size()));
      }
      return len;
    }
    if (s->written + len > s->limit) {
      s->too_big = true;
      return 0;  // aborts the transfer (CURLE_WRITE_ERROR)
    }
    if (s->text != nullptr) {
      s->text->append(data, len);
    } else {
      size_t done = 0;
      while (done < len) {
        ssize_t w = ::write(s->fd, data + done, len - done);
        if (w < 0) {
          if (errno == EINTR) continue;
          s->write_errno = errno;
          return 0;
        }
        done += static_cast<size_t>(w);
      }
    }
    s->written += len;
    return len;
  }

  // CURLOPT_XFERINFOFUNCTION, called at least once a second: aborts when no
  // byte (header or body) arrived for stall_ms. (CURLOPT_LOW_SPEED_* averages
  // over a window of several seconds, so it reacts late after a first burst.)
  static int Progress(void* user, curl_off_t, curl_off_t dlnow, curl_off_t, curl_off_t) {
    auto* s = static_cast<Sink*>(user);
    const auto now = std::chrono::steady_clock::now();
    const curl_off_t seen = dlnow + static_cast<curl_off_t>(s->header_bytes);
    if (seen != s->last_seen) {
      s->last_seen = seen;
      s->last_progress = now;
      return 0;
    }
    if (std::chrono::duration_cast<std::chrono::milliseconds>(now - s->last_progress).count() >
        s->stall_ms) {
      s->stalled = true;
      return 1;  // CURLE_ABORTED_BY_CALLBACK
    }
    return 0;
  }
  uint64_t header_bytes = 0;

  static size_t Header(char* data, size_t size, size_t n, void* user) {
    auto* s = static_cast<Sink*>(user);
    s->header_bytes += size * n;
    std::string line(data, size * n);
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    if (StartsWithNoCase(line, "HTTP/")) {  // a new response (after 100 Continue, say)
      s->retry_after.clear();
      s->location.clear();
    } else if (StartsWithNoCase(line, "retry-after:")) {
      s->retry_after = line.substr(12);
    } else if (StartsWithNoCase(line, "location:")) {
      std::string value = line.substr(9);
      value.erase(0, value.find_first_not_of(" \t"));
      s->location = Printable(value, 300);
    }
    return size * n;
  }
};

HttpClient::HttpClient(HttpOptions options)
    : options_(std::move(options)),
      slots_(std::clamp(options_.max_concurrent, 1, 1024)),
      rng_(std::random_device{}()) {
  GlobalInit();
}

void HttpClient::Log(const std::string& message) const {
  if (options_.log) options_.log(options_.credentials.Redact(message));
}

Result<std::string> HttpClient::GetText(const std::string& url) {
  std::string body;
  Sink sink;
  sink.text = &body;
  sink.limit = options_.max_text_bytes;
  auto r = Fetch(url, sink);
  if (!r.ok()) return r.status();
  return body;
}

Result<uint64_t> HttpClient::DownloadToFile(const std::string& url, const std::string& path) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0)
    return Status::IoError("cannot create download file (" + std::string(std::strerror(errno)) +
                           "): " + path);
  Sink sink;
  sink.fd = fd;
  sink.limit = options_.max_download_bytes;
  auto r = Fetch(url, sink);
  Status st = r.ok() ? Status::Ok() : r.status();
  if (st.ok() && ::fsync(fd) != 0) {
    st = Status::IoError("cannot sync download file (" + std::string(std::strerror(errno)) +
                         "): " + path);
  }
  if (::close(fd) != 0 && st.ok()) {
    st = Status::IoError("cannot write download file (" + std::string(std::strerror(errno)) +
                         "): " + path);
  }
  if (!st.ok()) {
    ::unlink(path.c_str());
    return st;
  }
  return r;
}

Result<uint64_t> HttpClient::Fetch(const std::string& url, Sink& sink) {
  const HttpCredentials& creds = options_.credentials;
  for (int attempt = 0;; ++attempt) {
    std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
    if (!curl) return Status::Internal("curl_easy_init failed");
    CURL* c = curl.get();
    sink.curl = c;
    sink.Reset();
    char errbuf[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(c, CURLOPT_USERAGENT, "sparktune/0.1.0");
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options_.connect_timeout_ms));
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.total_timeout_ms));
    sink.stall_ms = options_.stall_timeout_ms;
    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, &Sink::Progress);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, &sink);
    curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(sink.limit));
    if (sink.text != nullptr) curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, &Sink::Write);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, &Sink::Header);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &sink);
    // TLS (CURLOPT_SSL_VERIFYPEER/HOST default to on; set explicitly).
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, options_.tls.verify ? 1L : 0L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, options_.tls.verify ? 2L : 0L);
    if (!options_.tls.ca_file.empty())
      curl_easy_setopt(c, CURLOPT_CAINFO, options_.tls.ca_file.c_str());
    if (!options_.tls.cert_file.empty())
      curl_easy_setopt(c, CURLOPT_SSLCERT, options_.tls.cert_file.c_str());
    if (!options_.tls.key_file.empty())
      curl_easy_setopt(c, CURLOPT_SSLKEY, options_.tls.key_file.c_str());
    if (!options_.tls.key_password.empty()) {
      curl_easy_setopt(c, CURLOPT_KEYPASSWD, options_.tls.key_password.c_str());
    }
    // Credentials: header values only, never in the URL.
    std::unique_ptr<curl_slist, SlistDeleter> headers;
    auto add_header = [&](const std::string& h) {
      headers.reset(curl_slist_append(headers.release(), h.c_str()));
    };
    if (!creds.basic_user.empty()) {
      curl_easy_setopt(c, CURLOPT_HTTPAUTH, static_cast<long>(CURLAUTH_BASIC));
      curl_easy_setopt(c, CURLOPT_USERNAME, creds.basic_user.c_str());
      curl_easy_setopt(c, CURLOPT_PASSWORD, creds.basic_password.c_str());
    }
    if (!creds.bearer_token.empty()) add_header("Authorization: Bearer " + creds.bearer_token);
    for (const auto& [name, value] : creds.headers) add_header(name + ": " + value);
    if (headers) curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());

    CURLcode rc;
    {
      SlotGuard slot(slots_);
      rc = curl_easy_perform(c);
    }
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    if (rc == CURLE_OK && status >= 200 && status < 300) return sink.written;

    // Classify the failure.
    std::string problem;
    bool retryable = false;
    StatusCode code = StatusCode::kIoError;
    if (sink.too_big || rc == CURLE_FILESIZE_EXCEEDED) {
      problem = "response is larger than the limit of " + std::to_string(sink.limit) + " bytes";
    } else if (sink.stalled) {
      char secs[32];
      std::snprintf(secs, sizeof(secs), "%g",
                    static_cast<double>(options_.stall_timeout_ms) / 1000);
      problem = std::string("stalled: no data for ") + secs + " s";
      retryable = true;
    } else if (sink.write_errno != 0) {
      problem = std::string("cannot write the download (") + std::strerror(sink.write_errno) + ")";
    } else if (rc != CURLE_OK) {
      problem = std::string(curl_easy_strerror(rc));
      if (errbuf[0] != '\0') problem += " (" + Printable(errbuf, 300) + ")";
      retryable = IsRetryableCurlCode(rc);
      if (rc == CURLE_PEER_FAILED_VERIFICATION || rc == CURLE_SSL_CACERT_BADFILE) {
        problem += "; pass --cacert FILE for a private CA, or --insecure to skip verification";
      }
    } else if (status >= 300 && status < 400) {
      problem =
          "HTTP " + std::to_string(status) + " redirect to '" + sink.location +
          "', which is not followed (it could carry credentials elsewhere); use the target URL";
    } else {
      problem = "HTTP " + std::to_string(status);
      if (status == 401) {
        problem +=
            ": the server requires authentication (--auth-basic-env, --token-file, --header-file)";
      } else if (status == 403) {
        problem += ": access denied with the given credentials";
      } else if (status == 404) {
        code = StatusCode::kNotFound;
        problem += ": not found";
      }
      std::string said = Printable(sink.error_body, kErrorBodyShown);
      if (!said.empty()) problem += " (server said: " + said + ")";
      retryable = IsRetryableHttpStatus(status);
    }
    problem = creds.Redact(problem);
    const std::string tries =
        std::to_string(attempt + 1) + (attempt == 0 ? " attempt" : " attempts");
    auto fail = [&](const std::string& why) -> Status {
      std::string msg = why + " [" + tries + "]: GET " + url;
      return code == StatusCode::kNotFound ? Status::NotFound(msg) : Status::IoError(msg);
    };
    if (!retryable || attempt >= options_.retry.max_retries) return fail(problem);
    int64_t delay_ms;
    std::optional<int64_t> retry_after =
        sink.retry_after.empty() ? std::nullopt
                                 : ParseRetryAfterMs(sink.retry_after, std::time(nullptr));
    if (retry_after) {
      if (*retry_after > options_.retry.max_retry_after_ms) {
        return fail(problem + "; the server asked to retry after " +
                    std::to_string(*retry_after / 1000) + " s, longer than the limit of " +
                    std::to_string(options_.retry.max_retry_after_ms / 1000) + " s");
      }
      delay_ms = *retry_after;
    } else {
      std::lock_guard<std::mutex> lock(rng_mu_);
      delay_ms = options_.retry.BackoffMs(attempt, rng_);
    }
    Log("GET " + url + ": " + problem + "; retry " + std::to_string(attempt + 1) + "/" +
        std::to_string(options_.retry.max_retries) + " in " + std::to_string(delay_ms) + " ms" +
        (retry_after ? " (Retry-After)" : ""));
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
  }
}

}  // namespace sparktune::history_server
