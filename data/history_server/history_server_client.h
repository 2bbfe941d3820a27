// HistoryServerClient: the two History Server REST calls `collect` needs
// (spark-reference.md section 7): the list of completed applications since a
// date, and one attempt's event-log zip.
//
// Listing is paged so that nothing is silently dropped: the API sorts by end
// time (newest first) and applies `limit` after filtering
// (ApplicationListResource.scala), so a full page is followed by a request
// with maxEndDate = the oldest end time seen (inclusive, duplicates removed)
// until a page comes back short. A full page that all ends in one millisecond
// is completed by listing that millisecond alone (minEndDate = maxEndDate)
// with a doubling limit, then paging continues below it. Thread safety: as HttpClient.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "data/base/result.h"
#include "data/history_server/application_list.h"
#include "data/history_server/http_client.h"

namespace sparktune::history_server {

// "https://shs:18080" or ".../api/v1" (trailing '/' allowed) -> "<origin>/api/v1".
// InvalidArgument for another scheme, credentials in the URL ("put them in
// --auth-basic-env"), a query or fragment.
Result<std::string> NormalizeApiUrl(const std::string& url);

struct ApplicationListing {
  std::vector<ApplicationInfo> apps;  // newest first, each id once
  // False when paging hit its safety caps (over 16M apps ending in one
  // millisecond, or 100,000 pages): some apps may be missing.
  bool complete = true;
  int requests = 0;
};

class HistoryServerClient {
 public:
  // `api_url` as returned by NormalizeApiUrl; `http` must outlive this.
  HistoryServerClient(std::string api_url, HttpClient& http)
      : api_url_(std::move(api_url)), http_(http) {}

  const std::string& api_url() const { return api_url_; }

  // Completed applications with an attempt ending at or after `min_end_ms`
  // (all when nullopt), `page_size` per request.
  Result<ApplicationListing> ListCompleted(std::optional<int64_t> min_end_ms, int page_size = 500);

  // URL of the logs zip of one attempt (attempt_id empty: the app's only one).
  // Both ids must satisfy IsSafeIdentifier.
  std::string LogsUrl(const std::string& app_id, const std::string& attempt_id) const;

  // Streams that zip into the new file `path` (see HttpClient::DownloadToFile).
  Result<uint64_t> DownloadLogs(const std::string& app_id, const std::string& attempt_id,
                                const std::string& path);

 private:
  std::string api_url_;
  HttpClient& http_;
};

}  // namespace sparktune::history_server
