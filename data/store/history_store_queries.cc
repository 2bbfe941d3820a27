// HistoryStore's read queries (the rest of the class: history_store.cc).
#include <nlohmann/json.hpp>

#include "data/store/history_store.h"
#include "data/store/sqlite_connection.h"

namespace sparktune::store {

namespace {

constexpr std::string_view kAppColumns =
    "id, content_hash, source_path, app_id, attempt_id, name, job_key, user, spark_version, "
    "start_ms, end_ms, "
    "duration_ms, job_time_ms, mb_seconds, core_seconds, executor_count, stage_count, task_count, "
    "complete, "
    "warning_count, warnings_json, log_bytes, ingested_at_ms, night_id";

ApplicationRow ReadApp(const SqliteStatement& s) {
  ApplicationRow a;
  a.pk = s.ColumnInt(0);
  a.content_hash = s.ColumnText(1);
  a.source_path = s.ColumnText(2);
  a.app_id = s.ColumnText(3);
  a.attempt_id = s.ColumnText(4);
  a.name = s.ColumnText(5);
  a.job_key = s.ColumnText(6);
  a.user = s.ColumnText(7);
  a.spark_version = s.ColumnText(8);
  a.start_ms = s.ColumnInt(9);
  a.end_ms = s.ColumnInt(10);
  a.duration_ms = s.ColumnDouble(11);
  a.job_time_ms = s.ColumnDouble(12);
  a.mb_seconds = s.ColumnDouble(13);
  a.core_seconds = s.ColumnDouble(14);
  a.executor_count = static_cast<int>(s.ColumnInt(15));
  a.stage_count = static_cast<int>(s.ColumnInt(16));
  a.task_count = s.ColumnInt(17);
  a.complete = s.ColumnInt(18) != 0;
  a.warning_count = s.ColumnInt(19);
  nlohmann::json w = nlohmann::json::parse(s.ColumnText(20), nullptr, false);
  if (w.is_array()) {
    for (const auto& x : w) {
      if (x.is_string()) a.warnings.push_back(x.get<std::string>());
    }
  }
  a.log_bytes = s.ColumnInt(21);
  a.ingested_at_ms = s.ColumnInt(22);
  a.night_id = s.ColumnOptionalInt(23);
  return a;
}

constexpr std::string_view kPredictionColumns =
    "id, kind, config_json, duration_ms, duration_ms_low, duration_ms_high, mb_seconds, "
    "mb_seconds_low, "
    "mb_seconds_high, oom_risk, duration_error, mb_seconds_error, recommendation_id";

Result<PredictionKind> PredictionKindFrom(const std::string& s) {
  for (PredictionKind k : {PredictionKind::kBaseline, PredictionKind::kGrid,
                           PredictionKind::kOptimize, PredictionKind::kRecommendation}) {
    if (s == PredictionKindName(k)) return k;
  }
  return Status::Corrupt("unknown prediction kind in the history database: " + s);
}

Result<PredictionRow> ReadPrediction(const SqliteStatement& s) {
  PredictionRow p;
  p.pk = s.ColumnInt(0);
  SPARKTUNE_ASSIGN_OR_RETURN(p.kind, PredictionKindFrom(s.ColumnText(1)));
  p.config_json = s.ColumnText(2);
  p.duration_ms = s.ColumnDouble(3);
  p.duration_ms_low = s.ColumnDouble(4);
  p.duration_ms_high = s.ColumnDouble(5);
  p.mb_seconds = s.ColumnDouble(6);
  p.mb_seconds_low = s.ColumnDouble(7);
  p.mb_seconds_high = s.ColumnDouble(8);
  p.oom_risk = s.ColumnInt(9) != 0;
  p.duration_error = s.ColumnOptionalDouble(10);
  p.mb_seconds_error = s.ColumnOptionalDouble(11);
  p.recommendation_id = s.ColumnOptionalInt(12);
  return p;
}

Status NotFoundIfMissing(bool found, const std::string& what, int64_t id, const std::string& path) {
  if (found) return Status::Ok();
  return Status::NotFound("no " + what + " with id " + std::to_string(id) +
                          " in the history database (" + path + ")");
}

}  // namespace

Result<std::vector<ApplicationRow>> HistoryStore::ListApps(const AppFilter& filter) {
  std::string sql =
      "SELECT " + std::string(kAppColumns) +
      " FROM applications WHERE (?1 IS NULL OR night_id = ?1) AND (?2 IS NULL OR job_key = ?2) "
      "ORDER BY start_ms, id LIMIT ?3";
  SPARKTUNE_ASSIGN_OR_RETURN(SqliteStatement s, db_->Prepare(sql));
  s.Bind(1, filter.night_id).Bind(2, filter.job_key).Bind(3, filter.limit);
  std::vector<ApplicationRow> out;
  while (true) {
    SPARKTUNE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(ReadApp(s));
  }
  return out;
}

Result<AppDetail> HistoryStore::GetAppDetail(int64_t app_pk) {
  AppDetail d;
  {
    SPARKTUNE_ASSIGN_OR_RETURN(
        SqliteStatement s,
        db_->Prepare("SELECT " + std::string(kAppColumns) + " FROM applications WHERE id = ?"));
    s.Bind(1, app_pk);
    SPARKTUNE_ASSIGN_OR_RETURN(bool row, s.Step());
    SPARKTUNE_RETURN_IF_ERROR(NotFoundIfMissing(row, "application", app_pk, path_));
    d.app = ReadApp(s);
  }
  {
    SPARKTUNE_ASSIGN_OR_RETURN(
        SqliteStatement s,
        db_->Prepare(
            "SELECT stage_id, attempt_id, name, status, num_tasks, completed_tasks, failed_tasks, "
            "submission_ms, completion_ms, duration_ms, task_time_ms, input_bytes, output_bytes, "
            "shuffle_read_bytes, shuffle_write_bytes, memory_spilled_bytes, disk_spilled_bytes, "
            "gc_ms, "
            "peak_execution_memory, task_ms_max, task_ms_median, skew_ratio FROM stages WHERE app "
            "= ? "
            "ORDER BY stage_id, attempt_id"));
    s.Bind(1, app_pk);
    while (true) {
      SPARKTUNE_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      StageRow r;
      r.stage_id = static_cast<int>(s.ColumnInt(0));
      r.attempt_id = static_cast<int>(s.ColumnInt(1));
      r.name = s.ColumnText(2);
      r.status = s.ColumnText(3);
      r.num_tasks = static_cast<int>(s.ColumnInt(4));
      r.completed_tasks = s.ColumnInt(5);
      r.failed_tasks = s.ColumnInt(6);
      r.submission_ms = s.ColumnInt(7);
      r.completion_ms = s.ColumnInt(8);
      r.duration_ms = s.ColumnInt(9);
      r.task_time_ms = s.ColumnInt(10);
      r.input_bytes = s.ColumnInt(11);
      r.output_bytes = s.ColumnInt(12);
      r.shuffle_read_bytes = s.ColumnInt(13);
      r.shuffle_write_bytes = s.ColumnInt(14);
      r.memory_spilled_bytes = s.ColumnInt(15);
      r.disk_spilled_bytes = s.ColumnInt(16);
      r.gc_ms = s.ColumnInt(17);
      r.peak_execution_memory = s.ColumnInt(18);
      r.task_ms_max = s.ColumnInt(19);
      r.task_ms_median = s.ColumnInt(20);
      r.skew_ratio = s.ColumnOptionalDouble(21);
      d.stages.push_back(std::move(r));
    }
  }
  {
    SPARKTUNE_ASSIGN_OR_RETURN(SqliteStatement s,
                               db_->Prepare("SELECT executor_id, host, cores, start_ms, end_ms, "
                                            "container_mib, mb_seconds FROM executors "
                                            "WHERE app = ? ORDER BY start_ms, executor_id"));
    s.Bind(1, app_pk);
    while (true) {
      SPARKTUNE_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      ExecutorRow r;
      r.executor_id = s.ColumnText(0);
      r.host = s.ColumnText(1);
      r.cores = static_cast<int>(s.ColumnInt(2));
      r.start_ms = s.ColumnInt(3);
      r.end_ms = s.ColumnInt(4);
      r.container_mib = s.ColumnInt(5);
      r.mb_seconds = s.ColumnDouble(6);
      d.executors.push_back(std::move(r));
    }
  }
  {
    SPARKTUNE_ASSIGN_OR_RETURN(
        SqliteStatement s,
        db_->Prepare("SELECT key, value, source FROM configs WHERE app = ? ORDER BY key"));
    s.Bind(1, app_pk);
    while (true) {
      SPARKTUNE_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      d.configs.push_back(
          {s.ColumnText(0), s.ColumnText(1),
           s.ColumnText(2) == "default" ? ConfigSource::kDefault : ConfigSource::kLogged});
    }
  }
  SPARKTUNE_ASSIGN_OR_RETURN(d.predictions, PredictionsOf(app_pk));
  return d;
}

Result<std::vector<PredictionRow>> HistoryStore::PredictionsOf(int64_t app_pk) {
  SPARKTUNE_ASSIGN_OR_RETURN(SqliteStatement s,
                             db_->Prepare("SELECT " + std::string(kPredictionColumns) +
                                          " FROM predictions WHERE app = ? ORDER BY id"));
  s.Bind(1, app_pk);
  std::vector<PredictionRow> out;
  while (true) {
    SPARKTUNE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    SPARKTUNE_ASSIGN_OR_RETURN(PredictionRow p, ReadPrediction(s));
    out.push_back(std::move(p));
  }
  return out;
}

Result<bool> HistoryStore::HasCompleteApp(const std::string& app_id,
                                          const std::string& attempt_id) {
  SPARKTUNE_ASSIGN_OR_RETURN(SqliteStatement s,
                             db_->Prepare("SELECT 1 FROM applications WHERE app_id = ? AND "
                                          "attempt_id = ? AND complete = 1 LIMIT 1"));
  s.Bind(1, app_id).Bind(2, attempt_id);
  return s.Step();
}

Result<std::vector<AdviceRow>> HistoryStore::AdviceOf(int64_t app_pk) {
  SPARKTUNE_ASSIGN_OR_RETURN(
      SqliteStatement s,
      db_->Prepare(
          "SELECT advisor, title, action, evidence, mb_seconds_pct, config_json FROM advice "
          "WHERE app = ? ORDER BY id"));
  s.Bind(1, app_pk);
  std::vector<AdviceRow> out;
  while (true) {
    SPARKTUNE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    AdviceRow r;
    r.advisor = s.ColumnText(0);
    r.title = s.ColumnText(1);
    r.action = s.ColumnText(2);
    r.evidence = s.ColumnText(3);
    if (!s.ColumnIsNull(4)) r.mb_seconds_pct = s.ColumnDouble(4);
    r.config_json = s.ColumnText(5);
    out.push_back(std::move(r));
  }
  return out;
}

Result<std::vector<NightTotals>> HistoryStore::FleetTotalsByNight() {
  SPARKTUNE_ASSIGN_OR_RETURN(
      SqliteStatement s,
      db_->Prepare("SELECT n.id, n.started_at_ms, count(a.id), coalesce(sum(a.duration_ms), 0), "
                   "coalesce(sum(a.mb_seconds), 0), coalesce(sum(a.core_seconds), 0) FROM nights n "
                   "LEFT JOIN applications a ON a.night_id = n.id GROUP BY n.id ORDER BY "
                   "n.started_at_ms, n.id"));
  std::vector<NightTotals> out;
  while (true) {
    SPARKTUNE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back({s.ColumnInt(0), s.ColumnInt(1), s.ColumnInt(2), s.ColumnDouble(3),
                   s.ColumnDouble(4), s.ColumnDouble(5)});
  }
  return out;
}

Result<std::vector<AccuracyRow>> HistoryStore::AccuracyRows(
    const std::optional<std::string>& job_key) {
  SPARKTUNE_ASSIGN_OR_RETURN(
      SqliteStatement s,
      db_->Prepare(
          "SELECT x.id, x.job_key, x.recommendation_id, x.app, a.app_id, x.predicted_duration_ms, "
          "x.actual_duration_ms, x.predicted_mb_seconds, x.actual_mb_seconds, x.created_at_ms "
          "FROM accuracy x JOIN applications a ON a.id = x.app WHERE (?1 IS NULL OR x.job_key = "
          "?1) "
          "ORDER BY a.start_ms, x.id"));
  s.Bind(1, job_key);
  std::vector<AccuracyRow> out;
  while (true) {
    SPARKTUNE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    AccuracyRow r;
    r.pk = s.ColumnInt(0);
    r.job_key = s.ColumnText(1);
    r.recommendation_id = s.ColumnInt(2);
    r.app_pk = s.ColumnInt(3);
    r.app_id = s.ColumnText(4);
    r.predicted_duration_ms = s.ColumnDouble(5);
    r.actual_duration_ms = s.ColumnDouble(6);
    r.predicted_mb_seconds = s.ColumnDouble(7);
    r.actual_mb_seconds = s.ColumnDouble(8);
    r.created_at_ms = s.ColumnInt(9);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace sparktune::store
