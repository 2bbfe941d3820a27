#include "data/store/migrations.h"

#include <string>

#include "data/store/sqlite_connection.h"

namespace sparktune::store {

namespace {

// Tables are STRICT (SQLite 3.37+; Debian 12 ships 3.40) so a wrong type is
// an error rather than a silently stored string. Child rows cascade from their
// application so that replacing an in-progress log's row removes everything
// derived from it.
constexpr std::string_view kFactsSchema = R"sql(
CREATE TABLE applications (
  id              INTEGER PRIMARY KEY,
  content_hash    TEXT    NOT NULL UNIQUE,
  source_path     TEXT    NOT NULL,
  app_id          TEXT    NOT NULL,
  attempt_id      TEXT    NOT NULL DEFAULT '',
  name            TEXT    NOT NULL,
  job_key         TEXT    NOT NULL,
  user            TEXT    NOT NULL,
  spark_version   TEXT    NOT NULL,
  start_ms        INTEGER NOT NULL,
  end_ms          INTEGER NOT NULL,
  duration_ms     REAL    NOT NULL,
  job_time_ms     REAL    NOT NULL,
  mb_seconds      REAL    NOT NULL,
  core_seconds    REAL    NOT NULL,
  executor_count  INTEGER NOT NULL,
  stage_count     INTEGER NOT NULL,
  task_count      INTEGER NOT NULL,
  complete        INTEGER NOT NULL CHECK (complete IN (0, 1)),
  warning_count   INTEGER NOT NULL,
  warnings_json   TEXT    NOT NULL,
  log_bytes       INTEGER NOT NULL,
  ingested_at_ms  INTEGER NOT NULL
) STRICT;
CREATE INDEX applications_by_job ON applications (job_key, start_ms);
CREATE INDEX applications_by_app_id ON applications (app_id, attempt_id);

CREATE TABLE stages (
  app                   INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  stage_id              INTEGER NOT NULL,
  attempt_id            INTEGER NOT NULL,
  name                  TEXT    NOT NULL,
  status                TEXT    NOT NULL,
  num_tasks             INTEGER NOT NULL,
  completed_tasks       INTEGER NOT NULL,
  failed_tasks          INTEGER NOT NULL,
  submission_ms         INTEGER NOT NULL,
  completion_ms         INTEGER NOT NULL,
  duration_ms           INTEGER NOT NULL,
  task_time_ms          INTEGER NOT NULL,
  input_bytes           INTEGER NOT NULL,
  output_bytes          INTEGER NOT NULL,
  shuffle_read_bytes    INTEGER NOT NULL,
  shuffle_write_bytes   INTEGER NOT NULL,
  memory_spilled_bytes  INTEGER NOT NULL,
  disk_spilled_bytes    INTEGER NOT NULL,
  gc_ms                 INTEGER NOT NULL,
  peak_execution_memory INTEGER NOT NULL,
  task_ms_max           INTEGER NOT NULL,
  task_ms_median        INTEGER NOT NULL,
  skew_ratio            REAL,
  PRIMARY KEY (app, stage_id, attempt_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE executors (
  app            INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  executor_id    TEXT    NOT NULL,
  host           TEXT    NOT NULL,
  cores          INTEGER NOT NULL,
  start_ms       INTEGER NOT NULL,
  end_ms         INTEGER NOT NULL,
  container_mib  INTEGER NOT NULL,
  mb_seconds     REAL    NOT NULL,
  PRIMARY KEY (app, executor_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE configs (
  app     INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  key     TEXT    NOT NULL,
  value   TEXT    NOT NULL,
  source  TEXT    NOT NULL CHECK (source IN ('logged', 'default')),
  PRIMARY KEY (app, key)
) STRICT, WITHOUT ROWID;
-- "which apps ran with key = value" (accuracy tracking, fleet statistics)
CREATE INDEX configs_by_key ON configs (key, value);

CREATE TABLE predictions (
  id                INTEGER PRIMARY KEY,
  app               INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  kind              TEXT    NOT NULL CHECK (kind IN ('baseline', 'grid', 'optimize', 'recommendation')),
  config_json       TEXT    NOT NULL,
  duration_ms       REAL    NOT NULL,
  duration_ms_low   REAL    NOT NULL,
  duration_ms_high  REAL    NOT NULL,
  mb_seconds        REAL    NOT NULL,
  mb_seconds_low    REAL    NOT NULL,
  mb_seconds_high   REAL    NOT NULL,
  oom_risk          INTEGER NOT NULL CHECK (oom_risk IN (0, 1)),
  duration_error    REAL,
  mb_seconds_error  REAL,
  CHECK (kind = 'baseline' OR (duration_error IS NULL AND mb_seconds_error IS NULL))
) STRICT;
CREATE INDEX predictions_by_app ON predictions (app, kind);
)sql";

constexpr std::string_view kAdvisorSchema = R"sql(
CREATE TABLE nights (
  id              INTEGER PRIMARY KEY,
  started_at_ms   INTEGER NOT NULL,
  finished_at_ms  INTEGER,
  status          TEXT    NOT NULL CHECK (status IN ('running', 'ok', 'failed')),
  summary_json    TEXT    NOT NULL DEFAULT ''
) STRICT;

ALTER TABLE applications ADD COLUMN night_id INTEGER REFERENCES nights (id) ON DELETE SET NULL;
CREATE INDEX applications_by_night ON applications (night_id);

CREATE TABLE recommendations (
  id                 INTEGER PRIMARY KEY,
  night_id           INTEGER REFERENCES nights (id) ON DELETE SET NULL,
  scope              TEXT    NOT NULL CHECK (scope IN ('fleet', 'job')),
  job_key            TEXT    NOT NULL,
  config_json        TEXT    NOT NULL,
  saving_mb_seconds  REAL    NOT NULL,
  saving_low         REAL    NOT NULL,
  saving_high        REAL    NOT NULL,
  saving_fraction    REAL    NOT NULL,
  status             TEXT    NOT NULL CHECK (status IN ('proposed', 'active', 'rejected', 'superseded')),
  created_at_ms      INTEGER NOT NULL,
  CHECK ((scope = 'fleet') = (job_key = ''))
) STRICT;
CREATE INDEX recommendations_by_night ON recommendations (night_id);
CREATE INDEX recommendations_by_status ON recommendations (status, job_key);

-- What a recommendation predicts for each job it covers (one row for a job
-- recommendation, one per job of the fleet for a fleet one).
CREATE TABLE recommendation_jobs (
  recommendation_id  INTEGER NOT NULL REFERENCES recommendations (id) ON DELETE CASCADE,
  job_key            TEXT    NOT NULL,
  duration_ms        REAL    NOT NULL,
  mb_seconds         REAL    NOT NULL,
  mb_seconds_low     REAL    NOT NULL,
  mb_seconds_high    REAL    NOT NULL,
  PRIMARY KEY (recommendation_id, job_key)
) STRICT, WITHOUT ROWID;
CREATE INDEX recommendation_jobs_by_job ON recommendation_jobs (job_key);

ALTER TABLE predictions ADD COLUMN recommendation_id INTEGER REFERENCES recommendations (id) ON DELETE SET NULL;

CREATE TABLE accuracy (
  id                     INTEGER PRIMARY KEY,
  job_key                TEXT    NOT NULL,
  recommendation_id      INTEGER NOT NULL REFERENCES recommendations (id) ON DELETE CASCADE,
  app                    INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  predicted_duration_ms  REAL    NOT NULL,
  actual_duration_ms     REAL    NOT NULL,
  predicted_mb_seconds   REAL    NOT NULL,
  actual_mb_seconds      REAL    NOT NULL,
  created_at_ms          INTEGER NOT NULL,
  UNIQUE (recommendation_id, app)
) STRICT;
CREATE INDEX accuracy_by_job ON accuracy (job_key);
CREATE INDEX accuracy_by_app ON accuracy (app);

CREATE TABLE collect_state (
  server_url     TEXT    PRIMARY KEY,
  watermark_ms   INTEGER NOT NULL,
  updated_at_ms  INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
)sql";

constexpr std::string_view kAdviceSchema = R"sql(
CREATE TABLE advice (
  id              INTEGER PRIMARY KEY,
  app             INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  advisor         TEXT    NOT NULL,
  title           TEXT    NOT NULL,
  action          TEXT    NOT NULL,
  evidence        TEXT    NOT NULL,
  mb_seconds_pct  REAL,
  config_json     TEXT    NOT NULL
) STRICT;
CREATE INDEX advice_by_app ON advice (app);
)sql";

constexpr Migration kMigrations[] = {
    {1, "facts of ingested logs", kFactsSchema},
    {2, "advisor history: nights, recommendations, accuracy, collect state", kAdvisorSchema},
    {3, "plan-level advice per application", kAdviceSchema},
};

}  // namespace

std::span<const Migration> Migrations() { return kMigrations; }

int CurrentSchemaVersion() { return kMigrations[std::size(kMigrations) - 1].version; }

Status Migrate(SqliteConnection& connection, int target_version) {
  if (target_version < 0) target_version = CurrentSchemaVersion();
  // One read snapshot for the version, the marker and the table count: read
  // one by one, another process's first migration could commit in between and
  // a new sparktune database would look like someone else's.
  int64_t version = 0, app_id = 0, tables = 0;
  {
    SPARKTUNE_RETURN_IF_ERROR(connection.Execute("BEGIN"));
    Status st = [&]() -> Status {
      SPARKTUNE_ASSIGN_OR_RETURN(version, connection.QueryInt("PRAGMA user_version"));
      SPARKTUNE_ASSIGN_OR_RETURN(app_id, connection.QueryInt("PRAGMA application_id"));
      SPARKTUNE_ASSIGN_OR_RETURN(tables, connection.QueryInt("SELECT count(*) FROM sqlite_schema"));
      return Status::Ok();
    }();
    Status end = connection.Execute(st.ok() ? "COMMIT" : "ROLLBACK");
    SPARKTUNE_RETURN_IF_ERROR(st);
    SPARKTUNE_RETURN_IF_ERROR(end);
  }
  if (version > CurrentSchemaVersion()) {
    return Status::Unsupported("history database schema version " + std::to_string(version) +
                               " is newer than this sparktune supports (" +
                               std::to_string(CurrentSchemaVersion()) +
                               "); use a newer sparktune (" + connection.path() + ")");
  }
  if (app_id != kApplicationId) {
    if (tables > 0 || version != 0) {
      return Status::Unsupported("not a sparktune history database (another SQLite file): " +
                                 connection.path());
    }
  }
  for (const Migration& m : kMigrations) {
    if (m.version <= version || m.version > target_version) continue;
    SPARKTUNE_ASSIGN_OR_RETURN(SqliteTransaction tx, SqliteTransaction::Begin(connection));
    // Another process may have migrated while this one waited for the lock.
    SPARKTUNE_ASSIGN_OR_RETURN(int64_t now_version, connection.QueryInt("PRAGMA user_version"));
    if (now_version >= m.version) {
      SPARKTUNE_RETURN_IF_ERROR(tx.Commit());
      continue;
    }
    Status st = connection.Execute(m.sql);
    if (st.ok()) st = connection.Execute("PRAGMA user_version = " + std::to_string(m.version));
    if (st.ok() && m.version == 1)
      st = connection.Execute("PRAGMA application_id = " + std::to_string(kApplicationId));
    if (st.ok()) st = tx.Commit();
    if (!st.ok())
      return st.WithContext("migration " + std::to_string(m.version) + " (" +
                            std::string(m.description) + ")");
  }
  return Status::Ok();
}

}  // namespace sparktune::store
