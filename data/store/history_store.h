// HistoryStore: the SQLite database that keeps what sparktune learned about a
// fleet night after night: the facts of every ingested application (its
// stages, executors and config), the predictions made for it (the baseline
// replay with its error against the observed run, grid and optimizer
// results), the nights, the recommendations, the accuracy of those
// recommendations once jobs ran with them, and the History Server watermark.
// Schema and versions: migrations.h; tables and the job-key rule: docs/store.md.
//
// Durability: WAL journal, synchronous=NORMAL, foreign keys on. Every app is
// written in ONE transaction (IngestApp): after a crash or SIGKILL at any
// moment the database holds each app either entirely (its application row,
// every stage, executor, config and prediction row) or not at all, and
// everything committed before the kill is there. (synchronous=NORMAL can lose
// the last commits on power loss, never consistency.)
//
// Identity: an application is stored once. IngestApp recognizes it by the
// content hash of its raw log bytes, and also by (app_id, attempt_id,
// start_ms) so that the same run at another compression is not stored twice;
// an in-progress copy is replaced by a more complete one of the same run.
//
// Thread safety: NOT thread-safe. One thread owns a HistoryStore (the ingest
// pipeline's writer). Other processes may read and write the same file
// concurrently (WAL; writers wait up to busy_timeout_ms for the lock).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "data/base/result.h"
#include "data/store/store_records.h"

namespace sparktune::store {

class SqliteConnection;

struct StoreOptions {
  // How long a write waits for another process's lock before failing.
  // Default: 10 s.
  int busy_timeout_ms = 10000;
  // Migrate to this schema version instead of the newest; for migration
  // tests only (REQUIRES: 1 <= version <= CurrentSchemaVersion()). Default: newest.
  int TEST_schema_version = -1;
};

enum class IngestDisposition {
  kInserted,            // a new application
  kAlreadyStored,       // same content hash, or the same run already stored complete
  kReplacedInProgress,  // replaced a less complete copy of the same run
};
const char* IngestDispositionName(IngestDisposition disposition);

struct IngestOutcome {
  IngestDisposition disposition = IngestDisposition::kInserted;
  int64_t app_pk = 0;     // the stored row (the existing one when already stored)
  int accuracy_rows = 0;  // accuracy rows created for this app
};

struct AppFilter {
  std::optional<int64_t> night_id;
  std::optional<std::string> job_key;
  int64_t limit = -1;  // -1: all
};

class HistoryStore {
 public:
  // Opens or creates the database at `path` and migrates it to the newest
  // schema. Errors: IoError (cannot open/create), Corrupt (not a database),
  // Unsupported (newer schema than this build, or not a sparktune database).
  static Result<std::unique_ptr<HistoryStore>> Open(const std::string& path,
                                                    const StoreOptions& options = {});
  ~HistoryStore();
  HistoryStore(const HistoryStore&) = delete;
  HistoryStore& operator=(const HistoryStore&) = delete;

  Result<int> SchemaVersion();
  const std::string& path() const { return path_; }

  // ---- ingest ----
  // Stores one application with all its rows in one transaction; on any
  // error nothing of it is stored. Also records accuracy: for each active
  // recommendation (fleet, or job with the app's job_key) that has an
  // expectation for the app's job_key, was created before the app started,
  // and whose every setting matches the app's config (SameSettingValue), an
  // accuracy row predicted vs actual is added (complete apps only).
  Result<IngestOutcome> IngestApp(const AppRecord& record);
  Result<bool> HasContentHash(const std::string& content_hash);
  // True when a complete run of application `app_id` attempt `attempt_id`
  // ("" for an unnamed attempt) is stored (collect's resume check).
  Result<bool> HasCompleteApp(const std::string& app_id, const std::string& attempt_id);
  // All stored content hashes (the ingest pipeline's skip list).
  Result<std::vector<std::string>> ContentHashes();
  // Adds predictions to a stored app (e.g. a grid computed later), in one
  // transaction. Every config_json must be a JSON object; it is stored canonical.
  Status AddPredictions(int64_t app_pk, const std::vector<PredictionRow>& predictions);

  // ---- queries ----
  // Applications, oldest start first.
  Result<std::vector<ApplicationRow>> ListApps(const AppFilter& filter = {});
  // NotFound when there is no such app.
  Result<AppDetail> GetAppDetail(int64_t app_pk);
  Result<std::vector<PredictionRow>> PredictionsOf(int64_t app_pk);
  // Plan-level advice stored with the app, in the order it was given.
  Result<std::vector<AdviceRow>> AdviceOf(int64_t app_pk);
  // Totals of the apps ingested under each night, oldest night first.
  Result<std::vector<NightTotals>> FleetTotalsByNight();

  // ---- nights ----
  Result<int64_t> BeginNight(int64_t started_at_ms);
  Status FinishNight(int64_t night_id, NightStatus status, const std::string& summary_json,
                     int64_t finished_at_ms);
  Result<std::vector<NightRow>> ListNights();

  // ---- recommendations ----
  // Stores a recommendation with its expectations; returns its id.
  // created_at_ms == 0 means now.
  Result<int64_t> PutRecommendation(const RecommendationRow& recommendation);
  Status SetRecommendationStatus(int64_t recommendation_id, RecommendationStatus status);
  Result<RecommendationRow> GetRecommendation(int64_t recommendation_id);
  Result<std::vector<RecommendationRow>> RecommendationsOfNight(int64_t night_id);
  Result<std::vector<RecommendationRow>> ActiveRecommendations();

  // ---- accuracy ----
  // Accuracy rows, oldest first; only `job_key`'s when given.
  Result<std::vector<AccuracyRow>> AccuracyRows(
      const std::optional<std::string>& job_key = std::nullopt);

  // ---- History Server collection ----
  Result<std::optional<int64_t>> Watermark(const std::string& server_url);
  Status SetWatermark(const std::string& server_url, int64_t watermark_ms);

  // ---- maintenance ----
  // PRAGMA integrity_check: "ok" when the file is sound.
  Result<std::string> IntegrityCheck();

 private:
  HistoryStore(std::unique_ptr<SqliteConnection> db, std::string path);
  Result<std::vector<RecommendationRow>> QueryRecommendations(const std::string& where,
                                                              std::optional<int64_t> arg);
  Status InsertPredictions(int64_t app_pk, const std::vector<PredictionRow>& predictions);
  Result<int> RecordAccuracy(int64_t app_pk, const AppRecord& record);

  std::unique_ptr<SqliteConnection> db_;
  std::string path_;
};

}  // namespace sparktune::store
