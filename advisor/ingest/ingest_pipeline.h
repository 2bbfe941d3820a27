// IngestLogs: loads event logs into the history store, in parallel.
//
// For each input (a log file, a rolling or legacy log directory, a History
// Server /logs zip, or a folder of any of these, expanded one level):
//   content hash -> skip if already stored -> read (data/eventlog) -> facts
//   -> baseline replay (simulator::AppSimulator at the log's own config, with
//   its error against the observed run) -> optional extra predictions (hook)
//   -> store, one transaction per app.
//
// Threads: `jobs` worker threads hash, parse and simulate; the calling thread
// is the single writer that owns the HistoryStore and commits each app as it
// arrives (a bounded queue between them caps memory). Logs that cannot be read
// are listed with their error and do not stop the others; a store failure
// (disk full, I/O) stops the run and is returned, everything committed before
// it stays.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "data/base/env.h"
#include "data/base/result.h"
#include "data/model/application.h"
#include "data/store/history_store.h"
#include "simulator/workload/app_simulator.h"

namespace sparktune::advisor {

struct IngestProgress {
  size_t done = 0;   // logs finished (any outcome)
  size_t total = 0;  // logs found so far
  uint64_t bytes = 0;
  double seconds = 0;
};

struct ExtraRows {
  std::vector<store::PredictionRow> predictions;
  std::vector<store::AdviceRow> advice;
};

struct IngestOptions {
  // Worker threads that parse and simulate. Default: 0 = one per core.
  int jobs = 0;
  // Night the ingested apps belong to (nightly runs). Default: none.
  std::optional<int64_t> night_id;
  // Extra rows for each new app (e.g. fleet-grid predictions, the per-job
  // optimum, plan-level advice), called on a worker thread with the app and
  // its calibrated simulator; the rows are stored in the app's transaction.
  // REQUIRES: thread-safe. Default: none.
  std::function<ExtraRows(const model::Application&, const simulator::AppSimulator&)> extra;
  // Compute the records but store nothing (`ingest --records-out`): every
  // record is handed to this callback on the writer thread instead, as the
  // workers finish them (skips by content hash still consult the store).
  // An error stops the run. Default: none (store them).
  std::function<Status(const store::AppRecord&)> emit_record;
  // Called on the writer thread after each log. Default: none.
  std::function<void(const IngestProgress&)> on_progress;
  // The clock the progress and the report's seconds are measured with.
  // Default: the process's POSIX Env.
  Env* env = Env::Default();
};

enum class IngestItemStatus { kIngested, kAlreadyStored, kReplacedInProgress, kUnreadable };
const char* IngestItemStatusName(IngestItemStatus status);  // "ingested", "already-stored", ...

struct IngestItem {
  std::string path;  // as given (zip members: "<zip>!/<member>")
  IngestItemStatus status = IngestItemStatus::kUnreadable;
  std::string error;  // kUnreadable: why
  std::string content_hash;
  std::string app_id;
  int64_t app_pk = 0;
  uint64_t bytes = 0;  // raw log bytes
  int accuracy_rows = 0;
};

struct IngestReport {
  std::vector<IngestItem> items;  // in input order
  size_t ingested = 0;            // new apps (including replaced in-progress copies)
  size_t already_stored = 0;
  size_t unreadable = 0;
  uint64_t bytes = 0;  // raw bytes of the logs read (all outcomes but unreadable)
  double seconds = 0;
};

// Errors: only a failure of the store itself (IoError, Corrupt); unreadable
// inputs are items of the report.
Result<IngestReport> IngestLogs(store::HistoryStore& store, const std::vector<std::string>& paths,
                                const IngestOptions& options = {});

}  // namespace sparktune::advisor
