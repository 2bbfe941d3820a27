// HistoryStore: opening, ingest with accuracy tracking, nights,
// recommendations and watermarks (read queries: history_store_queries.cc).
#include "data/store/history_store.h"

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "data/store/migrations.h"
#include "data/store/sqlite_connection.h"
#include "data/store/stored_config.h"

namespace sparktune::store {

namespace {

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string WarningsJson(const std::vector<std::string>& warnings) {
  nlohmann::json j = warnings;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Status NotFoundIfMissing(bool found, const std::string& what, int64_t id, const std::string& path) {
  if (found) return Status::Ok();
  return Status::NotFound("no " + what + " with id " + std::to_string(id) +
                          " in the history database (" + path + ")");
}

// Switches a new database to WAL (persistent, so a database another process
// already switched needs no lock). Changing the journal mode takes an
// exclusive lock, and SQLite returns SQLITE_BUSY at once, without its busy
// handler, when a second process creates the same file at the same moment;
// so this retries on busy until `timeout_ms` has passed.
Status EnableWal(SqliteConnection& db, int timeout_ms) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  for (int attempt = 0;; ++attempt) {
    bool busy = false;
    Result<std::string> mode = [&]() -> Result<std::string> {
      SPARKTUNE_ASSIGN_OR_RETURN(SqliteStatement s, db.Prepare("PRAGMA journal_mode = WAL"));
      Result<bool> row = s.Step();
      busy = !row.ok() && db.LastErrorWasBusy();  // before finalizing the statement
      if (!row.ok()) return row.status();
      return *row ? s.ColumnText(0) : std::string();
    }();
    if (mode.ok()) {
      if (*mode == "wal" || *mode == "memory") return Status::Ok();
      return Status::Unsupported("the history database cannot use WAL journaling (journal_mode=" +
                                 *mode + "); put it on a local file system (" + db.path() + ")");
    }
    if (!busy || std::chrono::steady_clock::now() >= deadline) return mode.status();
    std::this_thread::sleep_for(std::chrono::milliseconds(std::min(5 + 5 * attempt, 100)));
  }
}

}  // namespace

const char* IngestDispositionName(IngestDisposition disposition) {
  switch (disposition) {
    case IngestDisposition::kInserted:
      return "ingested";
    case IngestDisposition::kAlreadyStored:
      return "already-stored";
    case IngestDisposition::kReplacedInProgress:
      return "replaced-in-progress";
  }
  return "?";
}

HistoryStore::HistoryStore(std::unique_ptr<SqliteConnection> db, std::string path)
    : db_(std::move(db)), path_(std::move(path)) {}
HistoryStore::~HistoryStore() = default;

Result<std::unique_ptr<HistoryStore>> HistoryStore::Open(const std::string& path,
                                                         const StoreOptions& options) {
  SPARKTUNE_ASSIGN_OR_RETURN(std::unique_ptr<SqliteConnection> db, SqliteConnection::Open(path));
  SPARKTUNE_RETURN_IF_ERROR(
      db->Execute("PRAGMA busy_timeout = " + std::to_string(options.busy_timeout_ms)));
  SPARKTUNE_RETURN_IF_ERROR(EnableWal(*db, options.busy_timeout_ms));
  SPARKTUNE_RETURN_IF_ERROR(db->Execute("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON"));
  SPARKTUNE_RETURN_IF_ERROR(Migrate(*db, options.TEST_schema_version));
  return std::unique_ptr<HistoryStore>(new HistoryStore(std::move(db), path));
}

Result<int> HistoryStore::SchemaVersion() {
  SPARKTUNE_ASSIGN_OR_RETURN(int64_t v, db_->QueryInt("PRAGMA user_version"));
  return static_cast<int>(v);
}

Result<bool> HistoryStore::HasContentHash(const std::string& content_hash) {
  SPARKTUNE_ASSIGN_OR_RETURN(SqliteStatement s,
                             db_->Prepare("SELECT 1 FROM applications WHERE content_hash = ?"));
  s.Bind(1, content_hash);
  return s.Step();
}

Result<std::vector<std::string>> HistoryStore::ContentHashes() {
  SPARKTUNE_ASSIGN_OR_RETURN(SqliteStatement s,
                             db_->Prepare("SELECT content_hash FROM applications"));
  std::vector<std::string> out;
  while (true) {
    SPARKTUNE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(s.ColumnText(0));
  }
  return out;
}

Result<IngestOutcome> HistoryStore::IngestApp(const AppRecord& record) {
  const ApplicationRow& a = record.app;
  if (a.content_hash.empty())
    return Status::InvalidArgument("an application record needs a content hash");
  SPARKTUNE_ASSIGN_OR_RETURN(SqliteTransaction tx, SqliteTransaction::Begin(*db_));
  IngestOutcome outcome;
  {
    SPARKTUNE_ASSIGN_OR_RETURN(SqliteStatement s,
                               db_->Prepare("SELECT id FROM applications WHERE content_hash = ?"));
    s.Bind(1, a.content_hash);
    SPARKTUNE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (row) {
      outcome.disposition = IngestDisposition::kAlreadyStored;
      outcome.app_pk = s.ColumnInt(0);
      return outcome;  // the transaction rolls back: nothing was written
    }
  }
  if (!a.app_id.empty()) {
    // The same run stored from other bytes (another codec, or a log that was
    // still in progress when it was first ingested).
    SPARKTUNE_ASSIGN_OR_RETURN(
        SqliteStatement s,
        db_->Prepare("SELECT id, complete, log_bytes, task_count FROM applications "
                     "WHERE app_id = ? AND attempt_id = ? AND start_ms = ?"));
    s.Bind(1, a.app_id).Bind(2, a.attempt_id).Bind(3, a.start_ms);
    SPARKTUNE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (row) {
      int64_t existing = s.ColumnInt(0);
      bool existing_complete = s.ColumnInt(1) != 0;
      int64_t existing_tasks = s.ColumnInt(3);
      bool more_complete = !existing_complete && (a.complete || a.task_count > existing_tasks);
      if (!more_complete) {
        outcome.disposition = IngestDisposition::kAlreadyStored;
        outcome.app_pk = existing;
        return outcome;
      }
      SPARKTUNE_ASSIGN_OR_RETURN(SqliteStatement del,
                                 db_->Prepare("DELETE FROM applications WHERE id = ?"));
      del.Bind(1, existing);
      SPARKTUNE_RETURN_IF_ERROR(del.Run());
      outcome.disposition = IngestDisposition::kReplacedInProgress;
    }
  }
  {
    SPARKTUNE_ASSIGN_OR_RETURN(
        SqliteStatement s,
        db_->Prepare(
            "INSERT INTO applications (content_hash, source_path, app_id, attempt_id, name, "
            "job_key, user, "
            "spark_version, start_ms, end_ms, duration_ms, job_time_ms, mb_seconds, core_seconds, "
            "executor_count, stage_count, task_count, complete, warning_count, warnings_json, "
            "log_bytes, "
            "ingested_at_ms, night_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    s.Bind(1, a.content_hash)
        .Bind(2, a.source_path)
        .Bind(3, a.app_id)
        .Bind(4, a.attempt_id)
        .Bind(5, a.name);
    s.Bind(6, a.job_key)
        .Bind(7, a.user)
        .Bind(8, a.spark_version)
        .Bind(9, a.start_ms)
        .Bind(10, a.end_ms);
    s.Bind(11, a.duration_ms)
        .Bind(12, a.job_time_ms)
        .Bind(13, a.mb_seconds)
        .Bind(14, a.core_seconds);
    s.Bind(15, static_cast<int64_t>(record.executors.size()))
        .Bind(16, static_cast<int64_t>(record.stages.size()));
    s.Bind(17, a.task_count)
        .Bind(18, a.complete ? 1 : 0)
        .Bind(19, a.warning_count)
        .Bind(20, WarningsJson(a.warnings));
    s.Bind(21, a.log_bytes)
        .Bind(22, a.ingested_at_ms != 0 ? a.ingested_at_ms : NowMs())
        .Bind(23, a.night_id);
    SPARKTUNE_RETURN_IF_ERROR(s.Run().WithContext("storing application " + a.app_id));
    outcome.app_pk = db_->LastInsertRowId();
  }
  {
    SPARKTUNE_ASSIGN_OR_RETURN(
        SqliteStatement s,
        db_->Prepare(
            "INSERT INTO stages (app, stage_id, attempt_id, name, status, num_tasks, "
            "completed_tasks, "
            "failed_tasks, submission_ms, completion_ms, duration_ms, task_time_ms, input_bytes, "
            "output_bytes, shuffle_read_bytes, shuffle_write_bytes, memory_spilled_bytes, "
            "disk_spilled_bytes, gc_ms, peak_execution_memory, task_ms_max, task_ms_median, "
            "skew_ratio) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    for (const StageRow& r : record.stages) {
      s.Bind(1, outcome.app_pk)
          .Bind(2, r.stage_id)
          .Bind(3, r.attempt_id)
          .Bind(4, r.name)
          .Bind(5, r.status);
      s.Bind(6, r.num_tasks)
          .Bind(7, r.completed_tasks)
          .Bind(8, r.failed_tasks)
          .Bind(9, r.submission_ms);
      s.Bind(10, r.completion_ms)
          .Bind(11, r.duration_ms)
          .Bind(12, r.task_time_ms)
          .Bind(13, r.input_bytes);
      s.Bind(14, r.output_bytes).Bind(15, r.shuffle_read_bytes).Bind(16, r.shuffle_write_bytes);
      s.Bind(17, r.memory_spilled_bytes).Bind(18, r.disk_spilled_bytes).Bind(19, r.gc_ms);
      s.Bind(20, r.peak_execution_memory)
          .Bind(21, r.task_ms_max)
          .Bind(22, r.task_ms_median)
          .Bind(23, r.skew_ratio);
      SPARKTUNE_RETURN_IF_ERROR(s.Run().WithContext("storing stage " + std::to_string(r.stage_id) +
                                                    "." + std::to_string(r.attempt_id) + " of " +
                                                    a.app_id));
    }
  }
  {
    SPARKTUNE_ASSIGN_OR_RETURN(SqliteStatement s,
                               db_->Prepare("INSERT INTO executors (app, executor_id, host, cores, "
                                            "start_ms, end_ms, container_mib, "
                                            "mb_seconds) VALUES (?,?,?,?,?,?,?,?)"));
    for (const ExecutorRow& r : record.executors) {
      s.Bind(1, outcome.app_pk)
          .Bind(2, r.executor_id)
          .Bind(3, r.host)
          .Bind(4, r.cores)
          .Bind(5, r.start_ms);
      s.Bind(6, r.end_ms).Bind(7, r.container_mib).Bind(8, r.mb_seconds);
      SPARKTUNE_RETURN_IF_ERROR(
          s.Run().WithContext("storing executor " + r.executor_id + " of " + a.app_id));
    }
  }
  {
    SPARKTUNE_ASSIGN_OR_RETURN(
        SqliteStatement s,
        db_->Prepare("INSERT INTO configs (app, key, value, source) VALUES (?,?,?,?)"));
    for (const ConfigRow& r : record.configs) {
      s.Bind(1, outcome.app_pk).Bind(2, r.key).Bind(3, r.value).Bind(4, ConfigSourceName(r.source));
      SPARKTUNE_RETURN_IF_ERROR(
          s.Run().WithContext("storing setting " + r.key + " of " + a.app_id));
    }
  }
  SPARKTUNE_RETURN_IF_ERROR(InsertPredictions(outcome.app_pk, record.predictions));
  {
    SPARKTUNE_ASSIGN_OR_RETURN(SqliteStatement s,
                               db_->Prepare("INSERT INTO advice (app, advisor, title, action, "
                                            "evidence, mb_seconds_pct, config_json) "
                                            "VALUES (?,?,?,?,?,?,?)"));
    for (const AdviceRow& r : record.advice) {
      s.Bind(1, outcome.app_pk)
          .Bind(2, r.advisor)
          .Bind(3, r.title)
          .Bind(4, r.action)
          .Bind(5, r.evidence);
      s.Bind(6, r.mb_seconds_pct).Bind(7, r.config_json);
      SPARKTUNE_RETURN_IF_ERROR(
          s.Run().WithContext("storing advice " + r.advisor + " of " + a.app_id));
    }
  }
  if (a.complete) {
    SPARKTUNE_ASSIGN_OR_RETURN(outcome.accuracy_rows, RecordAccuracy(outcome.app_pk, record));
  }
  SPARKTUNE_RETURN_IF_ERROR(tx.Commit());
  return outcome;
}

Status HistoryStore::InsertPredictions(int64_t app_pk,
                                       const std::vector<PredictionRow>& predictions) {
  SPARKTUNE_ASSIGN_OR_RETURN(SqliteStatement s,
                             db_->Prepare("INSERT INTO predictions (app, kind, config_json, "
                                          "duration_ms, duration_ms_low, duration_ms_high, "
                                          "mb_seconds, mb_seconds_low, mb_seconds_high, oom_risk, "
                                          "duration_error, mb_seconds_error, "
                                          "recommendation_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"));
  for (const PredictionRow& p : predictions) {
    SPARKTUNE_ASSIGN_OR_RETURN(SettingMap config, ParseConfigJson(p.config_json));
    s.Bind(1, app_pk)
        .Bind(2, PredictionKindName(p.kind))
        .Bind(3, CanonicalConfigJson(config))
        .Bind(4, p.duration_ms);
    s.Bind(5, p.duration_ms_low)
        .Bind(6, p.duration_ms_high)
        .Bind(7, p.mb_seconds)
        .Bind(8, p.mb_seconds_low);
    s.Bind(9, p.mb_seconds_high).Bind(10, p.oom_risk ? 1 : 0).Bind(11, p.duration_error);
    s.Bind(12, p.mb_seconds_error).Bind(13, p.recommendation_id);
    SPARKTUNE_RETURN_IF_ERROR(s.Run().WithContext(std::string("storing a ") +
                                                  PredictionKindName(p.kind) + " prediction"));
  }
  return Status::Ok();
}

Result<int> HistoryStore::RecordAccuracy(int64_t app_pk, const AppRecord& record) {
  const ApplicationRow& a = record.app;
  SPARKTUNE_ASSIGN_OR_RETURN(
      SqliteStatement s,
      db_->Prepare(
          "SELECT r.id, r.config_json, e.duration_ms, e.mb_seconds FROM recommendations r "
          "JOIN recommendation_jobs e ON e.recommendation_id = r.id "
          "WHERE r.status = 'active' AND e.job_key = ?1 AND (r.scope = 'fleet' OR r.job_key = ?1) "
          "AND r.created_at_ms <= ?2 ORDER BY r.id"));
  s.Bind(1, a.job_key).Bind(2, a.start_ms);
  SPARKTUNE_ASSIGN_OR_RETURN(
      SqliteStatement insert,
      db_->Prepare(
          "INSERT INTO accuracy (job_key, recommendation_id, app, predicted_duration_ms, "
          "actual_duration_ms, "
          "predicted_mb_seconds, actual_mb_seconds, created_at_ms) VALUES (?,?,?,?,?,?,?,?)"));
  int rows = 0;
  while (true) {
    SPARKTUNE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    SPARKTUNE_ASSIGN_OR_RETURN(SettingMap recommended, ParseConfigJson(s.ColumnText(1)));
    bool matches = !recommended.empty();
    for (const auto& [key, value] : recommended) {
      const std::string& wanted = key;  // clang 14 cannot capture a structured binding
      auto it = std::find_if(record.configs.begin(), record.configs.end(),
                             [&wanted](const ConfigRow& c) { return c.key == wanted; });
      if (it == record.configs.end() || !SameSettingValue(key, value, it->value)) {
        matches = false;
        break;
      }
    }
    if (!matches) continue;
    insert.Bind(1, a.job_key).Bind(2, s.ColumnInt(0)).Bind(3, app_pk).Bind(4, s.ColumnDouble(2));
    insert.Bind(5, a.duration_ms).Bind(6, s.ColumnDouble(3)).Bind(7, a.mb_seconds).Bind(8, NowMs());
    SPARKTUNE_RETURN_IF_ERROR(insert.Run().WithContext("storing an accuracy row"));
    ++rows;
  }
  return rows;
}

Status HistoryStore::AddPredictions(int64_t app_pk, const std::vector<PredictionRow>& predictions) {
  SPARKTUNE_ASSIGN_OR_RETURN(SqliteTransaction tx, SqliteTransaction::Begin(*db_));
  SPARKTUNE_RETURN_IF_ERROR(InsertPredictions(app_pk, predictions));
  return tx.Commit();
}

Result<int64_t> HistoryStore::BeginNight(int64_t started_at_ms) {
  SPARKTUNE_ASSIGN_OR_RETURN(
      SqliteStatement s,
      db_->Prepare("INSERT INTO nights (started_at_ms, status) VALUES (?, 'running')"));
  s.Bind(1, started_at_ms);
  SPARKTUNE_RETURN_IF_ERROR(s.Run());
  return db_->LastInsertRowId();
}

Status HistoryStore::FinishNight(int64_t night_id, NightStatus status,
                                 const std::string& summary_json, int64_t finished_at_ms) {
  SPARKTUNE_ASSIGN_OR_RETURN(
      SqliteStatement s,
      db_->Prepare(
          "UPDATE nights SET status = ?, summary_json = ?, finished_at_ms = ? WHERE id = ?"));
  s.Bind(1, NightStatusName(status))
      .Bind(2, summary_json)
      .Bind(3, finished_at_ms)
      .Bind(4, night_id);
  SPARKTUNE_RETURN_IF_ERROR(s.Run());
  return NotFoundIfMissing(db_->Changes() > 0, "night", night_id, path_);
}

Result<std::vector<NightRow>> HistoryStore::ListNights() {
  SPARKTUNE_ASSIGN_OR_RETURN(SqliteStatement s,
                             db_->Prepare("SELECT id, started_at_ms, finished_at_ms, status, "
                                          "summary_json FROM nights ORDER BY id"));
  std::vector<NightRow> out;
  while (true) {
    SPARKTUNE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    NightRow n;
    n.id = s.ColumnInt(0);
    n.started_at_ms = s.ColumnInt(1);
    n.finished_at_ms = s.ColumnOptionalInt(2);
    std::string st = s.ColumnText(3);
    n.status = st == "ok"       ? NightStatus::kOk
               : st == "failed" ? NightStatus::kFailed
                                : NightStatus::kRunning;
    n.summary_json = s.ColumnText(4);
    out.push_back(std::move(n));
  }
  return out;
}

Result<int64_t> HistoryStore::PutRecommendation(const RecommendationRow& r) {
  if ((r.scope == RecommendationScope::kFleet) != r.job_key.empty()) {
    return Status::InvalidArgument(
        "a job recommendation needs a job key and a fleet one must not have one");
  }
  SPARKTUNE_ASSIGN_OR_RETURN(SettingMap settings, ParseConfigJson(r.config_json));
  SPARKTUNE_ASSIGN_OR_RETURN(SqliteTransaction tx, SqliteTransaction::Begin(*db_));
  SPARKTUNE_ASSIGN_OR_RETURN(
      SqliteStatement s,
      db_->Prepare(
          "INSERT INTO recommendations (night_id, scope, job_key, config_json, saving_mb_seconds, "
          "saving_low, "
          "saving_high, saving_fraction, status, created_at_ms) VALUES (?,?,?,?,?,?,?,?,?,?)"));
  s.Bind(1, r.night_id).Bind(2, RecommendationScopeName(r.scope)).Bind(3, r.job_key);
  s.Bind(4, CanonicalConfigJson(settings))
      .Bind(5, r.saving_mb_seconds)
      .Bind(6, r.saving_low)
      .Bind(7, r.saving_high);
  s.Bind(8, r.saving_fraction).Bind(9, RecommendationStatusName(r.status));
  s.Bind(10, r.created_at_ms != 0 ? r.created_at_ms : NowMs());
  SPARKTUNE_RETURN_IF_ERROR(s.Run().WithContext("storing a recommendation"));
  int64_t id = db_->LastInsertRowId();
  SPARKTUNE_ASSIGN_OR_RETURN(
      SqliteStatement e,
      db_->Prepare(
          "INSERT INTO recommendation_jobs (recommendation_id, job_key, duration_ms, mb_seconds, "
          "mb_seconds_low, mb_seconds_high) VALUES (?,?,?,?,?,?)"));
  for (const JobExpectation& x : r.expectations) {
    e.Bind(1, id)
        .Bind(2, x.job_key)
        .Bind(3, x.duration_ms)
        .Bind(4, x.mb_seconds)
        .Bind(5, x.mb_seconds_low);
    e.Bind(6, x.mb_seconds_high);
    SPARKTUNE_RETURN_IF_ERROR(e.Run().WithContext("storing the expectation of job " + x.job_key));
  }
  SPARKTUNE_RETURN_IF_ERROR(tx.Commit());
  return id;
}

Status HistoryStore::SetRecommendationStatus(int64_t recommendation_id,
                                             RecommendationStatus status) {
  SPARKTUNE_ASSIGN_OR_RETURN(SqliteStatement s,
                             db_->Prepare("UPDATE recommendations SET status = ? WHERE id = ?"));
  s.Bind(1, RecommendationStatusName(status)).Bind(2, recommendation_id);
  SPARKTUNE_RETURN_IF_ERROR(s.Run());
  return NotFoundIfMissing(db_->Changes() > 0, "recommendation", recommendation_id, path_);
}

Result<std::vector<RecommendationRow>> HistoryStore::QueryRecommendations(
    const std::string& where, std::optional<int64_t> arg) {
  SPARKTUNE_ASSIGN_OR_RETURN(
      SqliteStatement s,
      db_->Prepare("SELECT id, night_id, scope, job_key, config_json, saving_mb_seconds, "
                   "saving_low, saving_high, "
                   "saving_fraction, status, created_at_ms FROM recommendations WHERE " +
                   where + " ORDER BY id"));
  if (arg) s.Bind(1, *arg);
  std::vector<RecommendationRow> out;
  while (true) {
    SPARKTUNE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    RecommendationRow r;
    r.pk = s.ColumnInt(0);
    r.night_id = s.ColumnOptionalInt(1);
    r.scope = s.ColumnText(2) == "fleet" ? RecommendationScope::kFleet : RecommendationScope::kJob;
    r.job_key = s.ColumnText(3);
    r.config_json = s.ColumnText(4);
    r.saving_mb_seconds = s.ColumnDouble(5);
    r.saving_low = s.ColumnDouble(6);
    r.saving_high = s.ColumnDouble(7);
    r.saving_fraction = s.ColumnDouble(8);
    std::string st = s.ColumnText(9);
    for (RecommendationStatus x :
         {RecommendationStatus::kProposed, RecommendationStatus::kActive,
          RecommendationStatus::kRejected, RecommendationStatus::kSuperseded}) {
      if (st == RecommendationStatusName(x)) r.status = x;
    }
    r.created_at_ms = s.ColumnInt(10);
    out.push_back(std::move(r));
  }
  SPARKTUNE_ASSIGN_OR_RETURN(
      SqliteStatement e, db_->Prepare("SELECT job_key, duration_ms, mb_seconds, mb_seconds_low, "
                                      "mb_seconds_high FROM recommendation_jobs "
                                      "WHERE recommendation_id = ? ORDER BY job_key"));
  for (RecommendationRow& r : out) {
    e.Bind(1, r.pk);
    while (true) {
      SPARKTUNE_ASSIGN_OR_RETURN(bool row, e.Step());
      if (!row) break;
      r.expectations.push_back({e.ColumnText(0), e.ColumnDouble(1), e.ColumnDouble(2),
                                e.ColumnDouble(3), e.ColumnDouble(4)});
    }
    e.Reset();
  }
  return out;
}

Result<RecommendationRow> HistoryStore::GetRecommendation(int64_t recommendation_id) {
  SPARKTUNE_ASSIGN_OR_RETURN(std::vector<RecommendationRow> rows,
                             QueryRecommendations("id = ?1", recommendation_id));
  SPARKTUNE_RETURN_IF_ERROR(
      NotFoundIfMissing(!rows.empty(), "recommendation", recommendation_id, path_));
  return std::move(rows.front());
}

Result<std::vector<RecommendationRow>> HistoryStore::RecommendationsOfNight(int64_t night_id) {
  return QueryRecommendations("night_id = ?1", night_id);
}

Result<std::vector<RecommendationRow>> HistoryStore::ActiveRecommendations() {
  return QueryRecommendations("status = 'active'", std::nullopt);
}

Result<std::optional<int64_t>> HistoryStore::Watermark(const std::string& server_url) {
  SPARKTUNE_ASSIGN_OR_RETURN(
      SqliteStatement s,
      db_->Prepare("SELECT watermark_ms FROM collect_state WHERE server_url = ?"));
  s.Bind(1, server_url);
  SPARKTUNE_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<int64_t>();
  return std::optional<int64_t>(s.ColumnInt(0));
}

Status HistoryStore::SetWatermark(const std::string& server_url, int64_t watermark_ms) {
  SPARKTUNE_ASSIGN_OR_RETURN(
      SqliteStatement s,
      db_->Prepare(
          "INSERT INTO collect_state (server_url, watermark_ms, updated_at_ms) VALUES (?1, ?2, ?3) "
          "ON CONFLICT (server_url) DO UPDATE SET watermark_ms = ?2, updated_at_ms = ?3"));
  s.Bind(1, server_url).Bind(2, watermark_ms).Bind(3, NowMs());
  return s.Run();
}

Result<std::string> HistoryStore::IntegrityCheck() {
  SPARKTUNE_ASSIGN_OR_RETURN(SqliteStatement s, db_->Prepare("PRAGMA integrity_check"));
  std::string out;
  while (true) {
    SPARKTUNE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    if (!out.empty()) out += "\n";
    out += s.ColumnText(0);
  }
  return out;
}

}  // namespace sparktune::store
