// RunNightly: one night of `sparktune nightly`, end to end:
//   1. opens (or creates) the history store and begins a night;
//   2. ingests the new applications (logs folder, or a History Server through
//      `collect`) in parallel; each new app is replayed, evaluated at every
//      fleet-grid candidate, optimized and advised in its own transaction
//      (night_evaluation.h); apps already stored are skipped by content hash;
//   3. recomputes the fleet recommendation over every stored job
//      (fleet_from_store.h) and stores it with the night;
//   4. writes the report (HTML, Markdown, JSON) from the store alone
//      (report_builder.h) into the output folder;
//   5. finishes the night with its summary (counts, unreadable logs).
// Unreadable logs are listed in the report and the summary, not fatal; only a
// failure of the store or of writing the report is an error.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "advisor/ingest/ingest_pipeline.h"
#include "advisor/recommend/fleet_recommender.h"
#include "data/base/env.h"
#include "data/base/result.h"
#include "reports/nightly/nightly_report.h"

namespace sparktune::advisor {

struct NightlyOptions {
  std::vector<std::string> log_paths;  // files, rolling dirs, zips or folders of logs
  std::string source_label;            // shown in the report ("--logs data/samples")
  std::string db_path;
  std::string out_dir;
  int jobs = 0;  // ingest workers; 0 = one per core
  FleetOptions fleet;
  reports::Prices prices;
  std::function<void(const IngestProgress&)> on_progress;
  // Runs after the store is open and the night begun, before the logs are
  // ingested: the History Server collection, which ingests each verified
  // download with `ingest` (the night's options: night id, evaluation) and
  // returns what it ingested. An error fails the night.
  std::function<Result<std::vector<IngestItem>>(store::HistoryStore&, const IngestOptions&)>
      collect;
  // The clock (the night's begin and finish times) and the file system the
  // report is written to. Default: the process's POSIX Env.
  Env* env = Env::Default();
};

struct NightlySummary {
  int64_t night_id = 0;
  size_t ingested = 0, already_stored = 0, unreadable = 0;
  std::vector<IngestItem> unreadable_items;
  size_t jobs_in_fleet = 0;
  int overrides = 0;
  double fleet_observed_mb_seconds = 0;
  double fleet_predicted_mb_seconds = 0;
  // "keep current settings: ..." when no fleet change clears the minimum gain.
  std::string fleet_decision;
  std::string html_path, markdown_path, json_path;
  double seconds = 0;
};

Result<NightlySummary> RunNightly(const NightlyOptions& options);

// Writes the report of `night_id` (HTML, Markdown, JSON) into `out_dir`:
// sparktune-report-<date>-night<id>.{html,md,json}, and latest.{html,md,json}.
// Each file is written atomically through `env`.
Result<NightlySummary> WriteNightReport(store::HistoryStore& store, int64_t night_id,
                                        const std::string& out_dir, const reports::Prices& prices,
                                        const std::string& source, Env* env = Env::Default());

}  // namespace sparktune::advisor
