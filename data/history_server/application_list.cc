#include "data/history_server/application_list.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>

namespace sparktune::history_server {
namespace {

using nlohmann::json;

Status Expected(const std::string& path, const char* what, const std::string& url) {
  return Status::Corrupt("application list " + path + ": expected " + what + ": " + url);
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

// Reads an optional string field; absent or null leaves `out` alone.
Status OptString(const json& obj, const char* key, const std::string& path, const std::string& url,
                 std::string& out) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return Status::Ok();
  if (!it->is_string()) return Expected(path + "." + key, "a string", url);
  out = it->get<std::string>();
  return Status::Ok();
}

Status ParseAttempt(const json& a, const std::string& path, const std::string& url,
                    AttemptInfo& out) {
  if (!a.is_object()) return Expected(path, "an object", url);
  SPARKTUNE_RETURN_IF_ERROR(OptString(a, "attemptId", path, url, out.attempt_id));
  SPARKTUNE_RETURN_IF_ERROR(OptString(a, "sparkUser", path, url, out.spark_user));
  SPARKTUNE_RETURN_IF_ERROR(OptString(a, "appSparkVersion", path, url, out.spark_version));
  auto completed = a.find("completed");
  if (completed == a.end() || !completed->is_boolean())
    return Expected(path + ".completed", "a boolean", url);
  out.completed = completed->get<bool>();
  // Times: the *Epoch numbers (Spark 2.2+), else the formatted dates.
  for (auto [epoch_key, text_key, field] :
       {std::tuple{"startTimeEpoch", "startTime", &out.start_ms},
        std::tuple{"endTimeEpoch", "endTime", &out.end_ms}}) {
    auto e = a.find(epoch_key);
    if (e != a.end() && !e->is_null()) {
      if (!e->is_number_integer())
        return Expected(path + "." + epoch_key, "an integer (epoch ms)", url);
      *field = e->get<int64_t>();
      continue;
    }
    std::string text;
    SPARKTUNE_RETURN_IF_ERROR(OptString(a, text_key, path, url, text));
    if (text.empty()) continue;
    auto ms = ParseSparkDate(text);
    if (!ms.ok())
      return Expected(path + "." + text_key, "a date like 2026-11-21T22:10:30.123GMT", url);
    *field = *ms;
  }
  if (out.completed && out.end_ms < 0)
    return Expected(path + ".endTimeEpoch", "an end time on a completed attempt", url);
  return Status::Ok();
}

}  // namespace

int64_t ApplicationInfo::LatestEndMs() const {
  int64_t latest = -1;
  for (const AttemptInfo& a : attempts) latest = std::max(latest, a.end_ms);
  return latest;
}

Result<std::vector<ApplicationInfo>> ParseApplicationList(std::string_view body,
                                                          const std::string& url) {
  json doc = json::parse(body.begin(), body.end(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded())
    return Status::Corrupt(
        "application list is not valid JSON (expected an array of applications): " + url);
  if (!doc.is_array()) return Expected("", "a JSON array of applications", url);
  std::vector<ApplicationInfo> apps;
  apps.reserve(doc.size());
  for (size_t i = 0; i < doc.size(); ++i) {
    const json& a = doc[i];
    const std::string path = "[" + std::to_string(i) + "]";
    if (!a.is_object()) return Expected(path, "an object", url);
    ApplicationInfo app;
    auto id = a.find("id");
    if (id == a.end() || !id->is_string() || id->get_ref<const std::string&>().empty()) {
      return Expected(path + ".id", "a non-empty string", url);
    }
    app.id = id->get<std::string>();
    SPARKTUNE_RETURN_IF_ERROR(OptString(a, "name", path, url, app.name));
    auto attempts = a.find("attempts");
    if (attempts == a.end() || !attempts->is_array())
      return Expected(path + ".attempts", "an array", url);
    for (size_t k = 0; k < attempts->size(); ++k) {
      AttemptInfo att;
      SPARKTUNE_RETURN_IF_ERROR(
          ParseAttempt((*attempts)[k], path + ".attempts[" + std::to_string(k) + "]", url, att));
      app.attempts.push_back(std::move(att));
    }
    apps.push_back(std::move(app));
  }
  return apps;
}

std::string FormatSparkDate(int64_t epoch_ms) {
  int64_t secs = epoch_ms / 1000;  // floor division without overflow at INT64_MIN
  int ms = static_cast<int>(epoch_ms % 1000);
  if (ms < 0) {
    ms += 1000;
    --secs;
  }
  time_t t = static_cast<time_t>(secs);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02dT%02d:%02d:%02d.%03dGMT", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, ms);
  return buf;
}

Result<int64_t> ParseSparkDate(std::string_view text) {
  auto bad = [&] {
    return Status::InvalidArgument(
        "expected a date yyyy-MM-dd or yyyy-MM-ddTHH:mm:ss[.SSS][Z|GMT], got '" +
        std::string(text.substr(0, 64)) + "'");
  };
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, ms = 0;
  std::string str(text);
  int consumed = 0;
  if (std::sscanf(str.c_str(), "%4d-%2d-%2d%n", &y, &mo, &d, &consumed) != 3 || consumed != 10)
    return bad();
  std::string_view rest = std::string_view(str).substr(10);
  if (!rest.empty()) {
    if (rest[0] != 'T' && rest[0] != ' ') return bad();
    std::string r(rest.substr(1));
    int n = 0;
    if (std::sscanf(r.c_str(), "%2d:%2d:%2d%n", &h, &mi, &s, &n) != 3 || n != 8) return bad();
    std::string_view tail = std::string_view(r).substr(8);
    if (!tail.empty() && tail[0] == '.') {
      size_t digits = 1;
      while (digits < tail.size() && digits <= 3 &&
             std::isdigit(static_cast<unsigned char>(tail[digits])))
        ++digits;
      if (digits != 4) return bad();
      ms = std::stoi(std::string(tail.substr(1, 3)));
      tail = tail.substr(4);
    }
    if (!tail.empty() && tail != "Z" && tail != "GMT" && tail != "UTC") return bad();
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60 || y < 1970) return bad();
  int64_t days = DaysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
  return ((days * 24 + h) * 60 + mi) * 60000 + static_cast<int64_t>(s) * 1000 + ms;
}

bool IsSafeIdentifier(std::string_view id) {
  if (id.empty() || id.size() > 200 || id == "." || id == "..") return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-';
  });
}

}  // namespace sparktune::history_server
