#include "data/history_server/history_server_client.h"

#include <set>

namespace sparktune::history_server {

Result<std::string> NormalizeApiUrl(const std::string& url_in) {
  std::string url = url_in;
  auto bad = [&](const std::string& why) {
    // The URL is not echoed when it may hold credentials.
    return Status::InvalidArgument("History Server URL " + why);
  };
  size_t scheme_end = url.find("://");
  if (scheme_end == std::string::npos)
    return bad("must start with http:// or https://: '" + url + "'");
  std::string scheme = url.substr(0, scheme_end);
  for (char& ch : scheme) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (scheme != "http" && scheme != "https")
    return bad("must start with http:// or https://: '" + url + "'");
  size_t host_start = scheme_end + 3;
  size_t path_start = url.find('/', host_start);
  std::string authority = url.substr(
      host_start, path_start == std::string::npos ? std::string::npos : path_start - host_start);
  if (authority.find('@') != std::string::npos) {
    return bad("must not hold credentials (user:password@); use --auth-basic-env VAR instead");
  }
  if (authority.empty()) return bad("has no host: '" + url + "'");
  if (url.find_first_of("?#") != std::string::npos)
    return bad("must not have a query or fragment: '" + url + "'");
  for (unsigned char ch : url) {
    if (ch <= 0x20 || ch == 0x7f) return bad("holds a space or control character");
  }
  while (!url.empty() && url.back() == '/') url.pop_back();
  const std::string suffix = "/api/v1";
  if (url.size() < suffix.size() ||
      url.compare(url.size() - suffix.size(), suffix.size(), suffix) != 0) {
    url += suffix;
  }
  return scheme + url.substr(scheme_end);
}

Result<ApplicationListing> HistoryServerClient::ListCompleted(std::optional<int64_t> min_end_ms,
                                                              int page_size) {
  ApplicationListing listing;
  std::set<std::string> seen;
  std::optional<int64_t> max_end_ms;
  constexpr int kMaxPages = 100000;
  auto fetch = [&](std::optional<int64_t> min_end, std::optional<int64_t> max_end,
                   int64_t limit) -> Result<std::vector<ApplicationInfo>> {
    std::string url = api_url_ + "/applications?status=completed&limit=" + std::to_string(limit);
    if (min_end) url += "&minEndDate=" + FormatSparkDate(*min_end);
    if (max_end) url += "&maxEndDate=" + FormatSparkDate(*max_end);
    SPARKTUNE_ASSIGN_OR_RETURN(std::string body, http_.GetText(url));
    ++listing.requests;
    return ParseApplicationList(body, url);
  };
  auto add = [&](std::vector<ApplicationInfo>& apps) {
    for (ApplicationInfo& app : apps) {
      if (seen.insert(app.id).second) listing.apps.push_back(std::move(app));
    }
  };
  for (int page = 0; page < kMaxPages; ++page) {
    SPARKTUNE_ASSIGN_OR_RETURN(std::vector<ApplicationInfo> apps,
                               fetch(min_end_ms, max_end_ms, page_size));
    const bool full = static_cast<int>(apps.size()) >= page_size;
    int64_t oldest = -1, newest = -1;
    for (const ApplicationInfo& app : apps) {
      int64_t end = app.LatestEndMs();
      if (oldest < 0 || end < oldest) oldest = end;
      newest = std::max(newest, end);
    }
    add(apps);
    if (!full) return listing;
    if (oldest < 0) break;  // ended apps without an end time: cannot page on it
    if (newest > oldest) {
      // Apps at `oldest` may have been cut by the limit: ask again up to it, inclusive.
      max_end_ms = oldest;
      continue;
    }
    // A full page ending in one millisecond: list that millisecond alone with
    // a growing limit until it is all seen, then continue below it.
    for (int64_t limit = int64_t{page_size} * 2;; limit *= 2) {
      if (limit > (int64_t{1} << 24)) {
        listing.complete = false;
        return listing;
      }
      SPARKTUNE_ASSIGN_OR_RETURN(std::vector<ApplicationInfo> same, fetch(oldest, oldest, limit));
      const bool same_full = static_cast<int64_t>(same.size()) >= limit;
      add(same);
      if (!same_full) break;
    }
    if (min_end_ms && oldest - 1 < *min_end_ms) return listing;
    max_end_ms = oldest - 1;
  }
  listing.complete = false;
  return listing;
}

std::string HistoryServerClient::LogsUrl(const std::string& app_id,
                                         const std::string& attempt_id) const {
  std::string url = api_url_ + "/applications/" + app_id;
  if (!attempt_id.empty()) url += "/" + attempt_id;
  return url + "/logs";
}

Result<uint64_t> HistoryServerClient::DownloadLogs(const std::string& app_id,
                                                   const std::string& attempt_id,
                                                   const std::string& path) {
  if (!IsSafeIdentifier(app_id) || (!attempt_id.empty() && !IsSafeIdentifier(attempt_id))) {
    return Status::InvalidArgument(
        "application or attempt id has characters outside [A-Za-z0-9._-]");
  }
  return http_.DownloadToFile(LogsUrl(app_id, attempt_id), path);
}

}  // namespace sparktune::history_server
