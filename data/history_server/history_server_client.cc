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
  if (scheme_end == std::string::npos) return bad("must start with http:// or https://: '" + url + "'");
  std::string scheme = url.substr(0, scheme_end);
  for (char& ch : scheme) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (scheme != "http" && scheme != "https") return bad("must start with http:// or https://: '" + url + "'");
  size_t host_start = scheme_end + 3;
  size_t path_start = url.find('/', host_start);
  std::string authority = url.substr(host_start, path_start == std::string::npos ? std::string::npos
                                                                                 : path_start - host_start);
  if (authority.find('@') != std::string::npos) {
    return bad("must not hold credentials (user:password@); use --auth-basic-env VAR instead");
  }
  if (authority.empty()) return bad("has no host: '" + url + "'");
  if (url.find_first_of("?#") != std::string::npos) return bad("must not have a query or fragment: '" + url + "'");
  for (unsigned char ch : url) {
    if (ch <= 0x20 || ch == 0x7f) return bad("holds a space or control character");
  }
  while (!url.empty() && url.back() == '/') url.pop_back();
  const std::string suffix = "/api/v1";
  if (url.size() < suffix.size() || url.compare(url.size() - suffix.size(), suffix.size(), suffix) != 0) {
    url += suffix;
  }
  return scheme + url.substr(scheme_end);
}

Result<ApplicationListing> HistoryServerClient::ListCompleted(std::optional<int64_t> min_end_ms, int page_size) {
  ApplicationListing listing;
  std::set<std::string> seen;
  std::optional<int64_t> max_end_ms;
  constexpr int kMaxPages = 100000;
  for (int page = 0; page < kMaxPages; ++page) {
    std::string url = api_url_ + "/applications?status=completed&limit=" + std::to_string(page_size);
    if (min_end_ms) url += "&minEndDate=" + FormatSparkDate(*min_end_ms);
    if (max_end_ms) url += "&maxEndDate=" + FormatSparkDate(*max_end_ms);
    SPARKTUNE_ASSIGN_OR_RETURN(std::string body, http_.GetText(url));
    ++listing.requests;
    SPARKTUNE_ASSIGN_OR_RETURN(std::vector<ApplicationInfo> apps, ParseApplicationList(body, url));
    int64_t oldest = -1;
    size_t added = 0;
    for (ApplicationInfo& app : apps) {
      int64_t end = app.LatestEndMs();
      if (oldest < 0 || (end >= 0 && end < oldest)) oldest = end;
      if (seen.insert(app.id).second) {
        listing.apps.push_back(std::move(app));
        ++added;
      }
    }
    if (static_cast<int>(apps.size()) < page_size) return listing;
    if (added == 0 || oldest < 0) {
      listing.complete = false;
      return listing;
    }
    max_end_ms = oldest;
  }
  listing.complete = false;
  return listing;
}

std::string HistoryServerClient::LogsUrl(const std::string& app_id, const std::string& attempt_id) const {
  std::string url = api_url_ + "/applications/" + app_id;
  if (!attempt_id.empty()) url += "/" + attempt_id;
  return url + "/logs";
}

Result<uint64_t> HistoryServerClient::DownloadLogs(const std::string& app_id, const std::string& attempt_id,
                                                   const std::string& path) {
  if (!IsSafeIdentifier(app_id) || (!attempt_id.empty() && !IsSafeIdentifier(attempt_id))) {
    return Status::InvalidArgument("application or attempt id has characters outside [A-Za-z0-9._-]");
  }
  return http_.DownloadToFile(LogsUrl(app_id, attempt_id), path);
}

}  // namespace sparktune::history_server
