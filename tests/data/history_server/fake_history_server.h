// FakeHistoryServer: an in-process HTTP server on 127.0.0.1 (ephemeral port,
// cpp-httplib) that answers the two History Server endpoints `collect` uses,
// with the API's filtering, ordering and limit (ApplicationListResource.scala),
// and injects faults on demand: HTTP errors (with Retry-After), stalls, a
// Content-Length longer than the body, replacement bodies (bad JSON, broken
// or hostile zips) and required credentials. Test-only, header-only.
//
// Dates are parsed here independently of data/history_server (sscanf+timegm)
// so a formatting mistake in the client shows up as a wrong listing.
#pragma once

#include <httplib.h>
#include <zip.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace sparktune::testing {

struct FakeApp {
  std::string id;
  std::string name;
  std::string user = "etl";
  std::string attempt_id;  // empty: unnamed single attempt
  int64_t end_ms = 0;
  std::string zip;  // bytes served at .../logs
};

struct Fault {
  enum Kind { kStatus, kStall, kShortBody, kBody } kind = kStatus;
  int remaining = 1;  // how many requests it affects (-1: all)
  int status = 500;
  std::string retry_after;
  std::string body;  // kBody: replacement body
};

inline std::string SparkDate(int64_t ms) {
  time_t t = static_cast<time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02dT%02d:%02d:%02d.%03dGMT", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<int>(ms % 1000));
  return buf;
}

// Parses "yyyy-MM-ddTHH:mm:ss.SSSGMT" or "yyyy-MM-dd"; -1 when neither.
inline int64_t ParseDateParam(const std::string& s) {
  std::tm tm{};
  int ms = 0;
  char zone[8] = {};
  if (std::sscanf(s.c_str(), "%d-%d-%dT%d:%d:%d.%3d%3s", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                  &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &ms, zone) == 8 &&
      std::string(zone) == "GMT") {
  } else if (s.size() == 10 &&
             std::sscanf(s.c_str(), "%d-%d-%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) == 3) {
    ms = 0;
  } else {
    return -1;
  }
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  return static_cast<int64_t>(timegm(&tm)) * 1000 + ms;
}

class FakeHistoryServer {
 public:
  FakeHistoryServer() {
    server_.Get("/api/v1/applications",
                [this](const httplib::Request& req, httplib::Response& res) {
                  Count("list");
                  if (!Authorized(req, res)) return;
                  if (ApplyFault("list", res)) return;
                  HandleList(req, res);
                });
    auto logs = [this](const httplib::Request& req, httplib::Response& res) {
      std::string id = req.matches[1];
      std::string attempt = req.matches.size() > 3 ? std::string(req.matches[3]) : "";
      std::string key = "logs:" + id + (attempt.empty() ? "" : "/" + attempt);
      Count(key);
      if (!Authorized(req, res)) return;
      InFlight guard(*this);
      if (download_delay_ms_ > 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(download_delay_ms_));
      if (ApplyFault(key, res)) return;
      std::lock_guard<std::mutex> lock(mu_);
      for (const FakeApp& a : apps_) {
        if (a.id == id && a.attempt_id == attempt) {
          res.set_content(a.zip, "application/octet-stream");
          return;
        }
      }
      res.status = 404;
      res.set_content("no such app", "text/plain");
    };
    server_.Get(R"(/api/v1/applications/([^/]+)/logs)", logs);
    server_.Get(R"(/api/v1/applications/([^/]+)/(([^/]+))/logs)", logs);
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ~FakeHistoryServer() {
    stopping_ = true;
    server_.stop();
    thread_.join();
  }

  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

  void AddApp(FakeApp app) {
    std::lock_guard<std::mutex> lock(mu_);
    apps_.push_back(std::move(app));
  }
  // Fault for "list" or "logs:<appId>[/<attempt>]".
  void Inject(const std::string& key, Fault fault) {
    std::lock_guard<std::mutex> lock(mu_);
    faults_[key] = std::move(fault);
  }
  void ClearFaults() {
    std::lock_guard<std::mutex> lock(mu_);
    faults_.clear();
  }
  void RequireAuthorization(std::string header_value) {
    std::lock_guard<std::mutex> lock(mu_);
    required_auth_ = std::move(header_value);
  }
  void RequireHeader(std::string name, std::string value) {
    std::lock_guard<std::mutex> lock(mu_);
    required_header_ = {std::move(name), std::move(value)};
  }
  void SetDownloadDelayMs(int ms) { download_delay_ms_ = ms; }
  int Requests(const std::string& key) {
    std::lock_guard<std::mutex> lock(mu_);
    return counts_[key];
  }
  int TotalLogRequests() {
    std::lock_guard<std::mutex> lock(mu_);
    int n = 0;
    for (const auto& [k, v] : counts_) n += k.rfind("logs:", 0) == 0 ? v : 0;
    return n;
  }
  int MaxInFlight() const { return max_in_flight_; }
  // Every Authorization / custom header value received (to check what was sent).
  std::vector<std::string> SeenListQueries() {
    std::lock_guard<std::mutex> lock(mu_);
    return list_queries_;
  }

 private:
  struct InFlight {
    explicit InFlight(FakeHistoryServer& s) : s_(s) {
      int now = ++s_.in_flight_;
      int prev = s_.max_in_flight_;
      while (now > prev && !s_.max_in_flight_.compare_exchange_weak(prev, now)) {
      }
    }
    ~InFlight() { --s_.in_flight_; }
    FakeHistoryServer& s_;
  };

  void Count(const std::string& key) {
    std::lock_guard<std::mutex> lock(mu_);
    ++counts_[key];
  }

  bool Authorized(const httplib::Request& req, httplib::Response& res) {
    std::lock_guard<std::mutex> lock(mu_);
    bool ok = required_auth_.empty() || req.get_header_value("Authorization") == required_auth_;
    if (!required_header_.first.empty() &&
        req.get_header_value(required_header_.first.c_str()) != required_header_.second) {
      ok = false;
    }
    if (!ok) {
      res.status = 401;
      res.set_header("WWW-Authenticate", "Basic realm=\"shs\"");
      res.set_content("Unauthorized", "text/plain");
    }
    return ok;
  }

  // Applies and consumes the fault for `key`; true when it answered.
  bool ApplyFault(const std::string& key, httplib::Response& res) {
    Fault f;
    {
      std::lock_guard<std::mutex> lock(mu_);
      auto it = faults_.find(key);
      if (it == faults_.end() || it->second.remaining == 0) return false;
      if (it->second.remaining > 0) --it->second.remaining;
      f = it->second;
    }
    switch (f.kind) {
      case Fault::kStatus:
        res.status = f.status;
        if (!f.retry_after.empty()) res.set_header("Retry-After", f.retry_after);
        res.set_content("injected failure", "text/plain");
        return true;
      case Fault::kBody:
        res.set_content(f.body, key == "list" ? "application/json" : "application/octet-stream");
        return true;
      case Fault::kStall: {
        // Sends a little, then nothing until the client gives up (or 10 s).
        res.set_content_provider(1 << 20, "application/octet-stream",
                                 [this](size_t offset, size_t, httplib::DataSink& sink) {
                                   if (offset == 0) {
                                     sink.write("PK\x03\x04", 4);
                                     return true;
                                   }
                                   for (int i = 0; i < 1000 && !stopping_; ++i) {
                                     std::this_thread::sleep_for(std::chrono::milliseconds(10));
                                   }
                                   return false;
                                 });
        return true;
      }
      case Fault::kShortBody: {
        // Declares the real length, sends half, closes the connection.
        std::string zip = FindZip(key);
        auto half = std::make_shared<std::string>(zip.substr(0, zip.size() / 2));
        res.set_content_provider(zip.size(), "application/octet-stream",
                                 [half](size_t offset, size_t, httplib::DataSink& sink) {
                                   if (offset < half->size()) {
                                     sink.write(half->data() + offset, half->size() - offset);
                                     return true;
                                   }
                                   return false;
                                 });
        return true;
      }
    }
    return false;
  }

  std::string FindZip(const std::string& key) {
    std::lock_guard<std::mutex> lock(mu_);
    for (const FakeApp& a : apps_) {
      if ("logs:" + a.id + (a.attempt_id.empty() ? "" : "/" + a.attempt_id) == key) return a.zip;
    }
    return std::string(1000, 'x');
  }

  void HandleList(const httplib::Request& req, httplib::Response& res) {
    int64_t min_end = 0, max_end = INT64_MAX;
    size_t limit = SIZE_MAX;
    {
      std::lock_guard<std::mutex> lock(mu_);
      list_queries_.push_back(req.get_param_value("minEndDate") + "|" +
                              req.get_param_value("maxEndDate"));
    }
    for (const char* p : {"minEndDate", "maxEndDate"}) {
      if (!req.has_param(p)) continue;
      int64_t v = ParseDateParam(req.get_param_value(p));
      if (v < 0) {
        res.status = 400;  // what Spark's SimpleDateParam does with a bad date
        res.set_content("Couldn't parse date", "text/plain");
        return;
      }
      (std::string(p) == "minEndDate" ? min_end : max_end) = v;
    }
    if (req.has_param("limit")) limit = std::stoul(req.get_param_value("limit"));
    std::vector<FakeApp> apps;
    {
      std::lock_guard<std::mutex> lock(mu_);
      for (const FakeApp& a : apps_) {
        if (a.end_ms >= min_end && a.end_ms <= max_end) apps.push_back(a);
      }
    }
    std::stable_sort(apps.begin(), apps.end(),
                     [](const FakeApp& a, const FakeApp& b) { return a.end_ms > b.end_ms; });
    nlohmann::json out = nlohmann::json::array();
    for (size_t i = 0; i < apps.size() && i < limit; ++i) {
      const FakeApp& a = apps[i];
      nlohmann::json att = {{"startTime", SparkDate(a.end_ms - 60000)},
                            {"endTime", SparkDate(a.end_ms)},
                            {"lastUpdated", SparkDate(a.end_ms)},
                            {"duration", 60000},
                            {"sparkUser", a.user},
                            {"completed", true},
                            {"appSparkVersion", "4.3.0"},
                            {"startTimeEpoch", a.end_ms - 60000},
                            {"endTimeEpoch", a.end_ms},
                            {"lastUpdatedEpoch", a.end_ms}};
      if (!a.attempt_id.empty()) att["attemptId"] = a.attempt_id;
      out.push_back({{"id", a.id}, {"name", a.name}, {"attempts", nlohmann::json::array({att})}});
    }
    res.set_content(out.dump(), "application/json");
  }

  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<int> download_delay_ms_{0};
  std::atomic<int> in_flight_{0};
  std::atomic<int> max_in_flight_{0};
  std::mutex mu_;
  std::vector<FakeApp> apps_;
  std::map<std::string, Fault> faults_;
  std::map<std::string, int> counts_;
  std::vector<std::string> list_queries_;
  std::string required_auth_;
  std::pair<std::string, std::string> required_header_;
};

// Zip builders (libzip) for the served logs.
struct ZipEntry {
  std::string name;
  std::string data;
  bool symlink = false;
  bool dir = false;
};

inline std::string BuildZip(const std::vector<ZipEntry>& entries, const std::string& scratch_path) {
  int err = 0;
  zip_t* za = zip_open(scratch_path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  if (za == nullptr) return "";
  for (const ZipEntry& e : entries) {
    if (e.dir) {
      zip_dir_add(za, e.name.c_str(), ZIP_FL_ENC_UTF_8);
      continue;
    }
    // libzip does not free a zero-length buffer it was given ownership of.
    void* copy = e.data.empty() ? nullptr : std::malloc(e.data.size());
    // A zip member's bytes, not a C string.
    // NOLINTNEXTLINE(bugprone-not-null-terminated-result)
    if (copy != nullptr) std::memcpy(copy, e.data.data(), e.data.size());
    zip_source_t* src = zip_source_buffer(za, copy, e.data.size(), copy != nullptr ? 1 : 0);
    zip_int64_t idx = zip_file_add(za, e.name.c_str(), src, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
    if (e.symlink) {
      zip_file_set_external_attributes(za, static_cast<zip_uint64_t>(idx), 0, ZIP_OPSYS_UNIX,
                                       static_cast<zip_uint32_t>(0120777) << 16);
    }
  }
  zip_close(za);
  std::ifstream in(scratch_path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::remove(scratch_path.c_str());
  return ss.str();
}

inline std::string Base64(const std::string& in) {
  static const char* const kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    uint32_t v = (uint8_t(in[i]) << 16) | (uint8_t(in[i + 1]) << 8) | uint8_t(in[i + 2]);
    for (int k = 3; k >= 0; --k) out += kAlphabet[(v >> (6 * k)) & 63];
  }
  if (i + 1 == in.size()) {
    uint32_t v = uint8_t(in[i]) << 16;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += "==";
  } else if (i + 2 == in.size()) {
    uint32_t v = (uint8_t(in[i]) << 16) | (uint8_t(in[i + 1]) << 8);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += "=";
  }
  return out;
}

inline std::string ReadWhole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace sparktune::testing
