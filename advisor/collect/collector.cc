#include "advisor/collect/collector.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <mutex>
#include <regex>
#include <thread>

#include "data/history_server/log_zip_verifier.h"

namespace sparktune::collect {
namespace {

namespace fs = std::filesystem;
namespace hs = history_server;

struct WorkItem {
  size_t outcome;  // index into report.outcomes
  std::string user;
};

}  // namespace

const char* OutcomeName(OutcomeKind kind) {
  switch (kind) {
    case OutcomeKind::kFetched:
      return "fetched";
    case OutcomeKind::kAlreadyHave:
      return "already-have";
    case OutcomeKind::kFiltered:
      return "filtered";
    case OutcomeKind::kFailed:
      return "failed";
  }
  return "failed";
}

int CollectReport::Count(OutcomeKind kind) const {
  return static_cast<int>(std::count_if(outcomes.begin(), outcomes.end(),
                                        [&](const AttemptOutcome& o) { return o.kind == kind; }));
}

std::string WatermarkKey(const std::string& api_url, const std::string& name_regex,
                         const std::string& user) {
  if (name_regex.empty() && user.empty()) return api_url;
  return api_url + "#name=" + name_regex + "&user=" + user;
}

Result<CollectReport> RunCollect(hs::HistoryServerClient& client, CollectSink& sink,
                                 const CollectOptions& options,
                                 const std::function<void(const AttemptOutcome&)>& on_outcome) {
  if (options.staging_dir.empty()) return Status::Internal("collect needs a staging directory");
  std::optional<std::regex> name_re;
  if (!options.name_regex.empty()) {
    try {
      name_re.emplace(options.name_regex, std::regex::ECMAScript);
    } catch (const std::regex_error& e) {
      return Status::InvalidArgument("--name is not a valid regular expression (" +
                                     std::string(e.what()) + "): " + options.name_regex);
    }
  }
  CollectReport report;
  report.source = WatermarkKey(client.api_url(), options.name_regex, options.user);
  SPARKTUNE_ASSIGN_OR_RETURN(report.watermark_before, sink.GetWatermark(report.source));
  if (options.since_ms) {
    report.listed_since = options.since_ms;
  } else if (report.watermark_before) {
    report.listed_since = *report.watermark_before - options.lookback_ms;
  }
  SPARKTUNE_ASSIGN_OR_RETURN(hs::ApplicationListing listing,
                             client.ListCompleted(report.listed_since, options.page_size));
  report.listing_complete = listing.complete;
  report.listed_apps = static_cast<int>(listing.apps.size());
  // Oldest first: the watermark advances along this order.
  std::stable_sort(listing.apps.begin(), listing.apps.end(),
                   [](const hs::ApplicationInfo& a, const hs::ApplicationInfo& b) {
                     return a.LatestEndMs() < b.LatestEndMs();
                   });

  std::mutex mu;  // guards sink calls, report.outcomes entries and on_outcome
  auto decide = [&](size_t index) {
    if (on_outcome) on_outcome(report.outcomes[index]);
  };
  std::vector<size_t> app_first_outcome;  // per app, index of its first outcome
  std::vector<WorkItem> work;
  for (const hs::ApplicationInfo& app : listing.apps) {
    app_first_outcome.push_back(report.outcomes.size());
    bool filtered = name_re && !std::regex_search(app.name, *name_re);
    for (const hs::AttemptInfo& att : app.attempts) {
      AttemptOutcome o;
      o.app_id = app.id;
      o.attempt_id = att.attempt_id;
      o.app_name = app.name;
      o.end_ms = att.end_ms;
      report.outcomes.push_back(o);
      const size_t index = report.outcomes.size() - 1;
      AttemptOutcome& out = report.outcomes[index];
      if (filtered || (!options.user.empty() && att.spark_user != options.user)) {
        out.kind = OutcomeKind::kFiltered;
      } else if (!att.completed) {
        out.kind = OutcomeKind::kFailed;
        out.message = "the attempt is still running";
      } else if (!hs::IsSafeIdentifier(app.id) ||
                 (!att.attempt_id.empty() && !hs::IsSafeIdentifier(att.attempt_id))) {
        out.kind = OutcomeKind::kFailed;
        out.message =
            "the application or attempt id has characters outside [A-Za-z0-9._-]; not fetched";
      } else {
        auto have = sink.AlreadyHave(app.id, att.attempt_id);
        if (!have.ok()) return have.status();
        if (*have) {
          out.kind = OutcomeKind::kAlreadyHave;
        } else {
          work.push_back({index, att.spark_user});
          continue;  // decided by a worker
        }
      }
      decide(index);
    }
  }
  app_first_outcome.push_back(report.outcomes.size());

  // Download, verify, hand over.
  std::atomic<size_t> next{0};
  std::atomic<uint64_t> serial{0};
  auto worker = [&] {
    for (size_t w = next++; w < work.size(); w = next++) {
      AttemptOutcome o;
      {
        std::lock_guard<std::mutex> lock(mu);
        o = report.outcomes[work[w].outcome];
      }
      const std::string base = options.staging_dir + "/" + o.app_id +
                               (o.attempt_id.empty() ? "" : "-" + o.attempt_id) + "." +
                               std::to_string(::getpid()) + "." + std::to_string(serial++);
      const std::string zip_path = base + ".zip.part";
      const std::string scratch = base + ".d";
      std::error_code ec;
      auto bytes = client.DownloadLogs(o.app_id, o.attempt_id, zip_path);
      if (!bytes.ok()) {
        o.kind = OutcomeKind::kFailed;
        o.message = bytes.status().message();
      } else {
        auto verified =
            hs::VerifyLogZip(zip_path, scratch, o.app_id, o.attempt_id, options.zip_limits);
        if (!verified.ok()) {
          o.kind = OutcomeKind::kFailed;
          o.message = verified.status().message();
        } else {
          VerifiedDownload d;
          d.source = client.api_url();
          d.app_id = o.app_id;
          d.attempt_id = o.attempt_id;
          d.app_name = o.app_name;
          d.spark_user = work[w].user;
          d.end_ms = o.end_ms;
          d.zip_path = zip_path;
          d.zip_bytes = *bytes;
          d.logs = verified->logs;
          std::lock_guard<std::mutex> lock(mu);
          Status st = sink.Ingest(d);
          if (st.ok()) {
            o.kind = OutcomeKind::kFetched;
            o.bytes = *bytes;
          } else {
            o.kind = OutcomeKind::kFailed;
            o.message = st.ToString();
          }
        }
      }
      fs::remove(zip_path, ec);
      fs::remove_all(scratch, ec);
      std::lock_guard<std::mutex> lock(mu);
      report.outcomes[work[w].outcome] = o;
      decide(work[w].outcome);
    }
  };
  const int threads = std::clamp<int>(options.max_concurrent, 1,
                                      static_cast<int>(std::max<size_t>(work.size(), 1)));
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();

  // Advance the watermark over the fully handed-over prefix.
  report.watermark_after = report.watermark_before;
  if (listing.complete) {
    std::optional<int64_t> reached;
    for (size_t a = 0; a < listing.apps.size(); ++a) {
      bool done = true;
      for (size_t i = app_first_outcome[a]; i < app_first_outcome[a + 1]; ++i) {
        if (report.outcomes[i].kind == OutcomeKind::kFailed) done = false;
      }
      if (!done) break;
      reached = listing.apps[a].LatestEndMs();
    }
    if (reached && (!report.watermark_before || *reached > *report.watermark_before)) {
      SPARKTUNE_RETURN_IF_ERROR(sink.SetWatermark(report.source, *reached));
      report.watermark_after = reached;
    }
  }
  return report;
}

}  // namespace sparktune::collect
