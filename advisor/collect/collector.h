// RunCollect: the `collect` pipeline. Lists the History Server's completed
// applications since the stored watermark, downloads each attempt the sink
// does not have yet, verifies it (VerifyLogZip) and hands it to the sink.
//
// Resumability: the watermark (per source key: API URL plus filters) advances
// only to the end time of the last application of the longest run, in end-time
// order, of applications whose every attempt is in the sink (or filtered out).
// A failed or interrupted attempt keeps the watermark at or before it, so the
// next run lists it again; attempts already handed over are skipped by
// AlreadyHave, so a rerun fetches only what was not handed over. The listing
// starts `lookback_ms` before the watermark because the History Server lists
// an application only after its periodic scan (spark.history.fs.update.interval)
// has read its log, which can be after later applications were listed.
//
// Downloads run on up to `max_concurrent` threads; the HttpClient's own cap
// bounds requests in flight. Sink calls are serialized. Nothing outside
// `staging_dir` is written by the collector; what it stages is removed.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "advisor/collect/collect_sink.h"
#include "data/base/result.h"
#include "data/eventlog/zip_archive.h"
#include "data/history_server/history_server_client.h"

namespace sparktune::collect {

struct CollectOptions {
  std::optional<int64_t> since_ms;    // explicit lower bound on end time (replaces the watermark)
  int64_t lookback_ms = 3600 * 1000;  // Default: 1 h re-listed before the watermark.
  std::string name_regex;             // ECMAScript, searched anywhere in the app name; empty = all
  std::string user;                   // exact sparkUser of the attempt; empty = all
  std::string staging_dir;            // required; on the sink's file system for atomic moves
  int max_concurrent = 2;             // Default: 2 downloads at a time.
  int page_size = 500;                // Default: 500 apps per list request.
  eventlog::ZipLimits zip_limits;
};

enum class OutcomeKind { kFetched, kAlreadyHave, kFiltered, kFailed };
const char* OutcomeName(OutcomeKind kind);  // "fetched", "already-have", "filtered", "failed"

struct AttemptOutcome {
  std::string app_id;  // untrusted text when kind is kFailed for an unsafe id
  std::string attempt_id;
  std::string app_name;  // untrusted text
  int64_t end_ms = -1;
  OutcomeKind kind = OutcomeKind::kFailed;
  uint64_t bytes = 0;   // zip size, when fetched
  std::string message;  // why it failed (secret-free)
};

struct CollectReport {
  std::string source;  // watermark key
  std::optional<int64_t> watermark_before;
  std::optional<int64_t> watermark_after;
  std::optional<int64_t> listed_since;  // the minEndDate asked for
  bool listing_complete = true;
  int listed_apps = 0;
  std::vector<AttemptOutcome> outcomes;  // in end-time order
  int Count(OutcomeKind kind) const;
};

// The watermark key of a source: the API URL, plus "#name=<regex>&user=<u>"
// when filtered (a narrower collect must not move the unfiltered watermark).
std::string WatermarkKey(const std::string& api_url, const std::string& name_regex,
                         const std::string& user);

// Errors (the whole run fails): the listing cannot be fetched or parsed, the
// regex is invalid, the sink's watermark cannot be read or written. Per-attempt
// failures are outcomes, not errors. `on_outcome` (optional) is called as each
// attempt is decided, from any thread but never concurrently.
Result<CollectReport> RunCollect(history_server::HistoryServerClient& client, CollectSink& sink,
                                 const CollectOptions& options,
                                 const std::function<void(const AttemptOutcome&)>& on_outcome = {});

}  // namespace sparktune::collect
