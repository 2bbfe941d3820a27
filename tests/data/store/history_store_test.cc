// HistoryStore: schema versions (fresh, from v1, newer refused, foreign file
// refused), WAL, one app per transaction (all-or-nothing when a row fails
// midway), identity by content hash and by run, accuracy tracking, nights,
// recommendations and watermarks.
#include "data/store/history_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "data/store/migrations.h"

namespace sparktune::store {
namespace {

namespace fs = std::filesystem;

class TempDb {
 public:
  TempDb() {
    char tmpl[] = "/tmp/sparktune-store-test-XXXXXX";
    dir_ = mkdtemp(tmpl);
  }
  ~TempDb() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  std::string path() const { return dir_ + "/history.db"; }
  const std::string& dir() const { return dir_; }

 private:
  std::string dir_;
};

// Runs raw SQL on a database file, bypassing the store.
void RawSql(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* err = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
  std::string msg = err ? err : "";
  sqlite3_free(err);
  sqlite3_close(db);
  ASSERT_EQ(rc, SQLITE_OK) << msg;
}

int64_t RawCount(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_stmt* stmt = nullptr;
  int64_t n = -1;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK &&
      sqlite3_step(stmt) == SQLITE_ROW) {
    n = sqlite3_column_int64(stmt, 0);
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return n;
}

AppRecord MakeRecord(const std::string& hash, const std::string& app_id, int stages = 3) {
  AppRecord r;
  r.app.content_hash = hash;
  r.app.source_path = "/logs/" + app_id;
  r.app.app_id = app_id;
  r.app.name = "daily_sales 2026-11-21";
  r.app.job_key = "daily_sales #";
  r.app.user = "etl";
  r.app.spark_version = "4.3.0";
  r.app.start_ms = 1'800'000'000'000;
  r.app.end_ms = r.app.start_ms + 60'000;
  r.app.duration_ms = 60'000;
  r.app.job_time_ms = 55'000;
  r.app.mb_seconds = 1.5e6;
  r.app.core_seconds = 480;
  r.app.task_count = 40;
  r.app.complete = true;
  r.app.warning_count = 1;
  r.app.warnings = {"x:3: warning: cut line"};
  r.app.log_bytes = 12345;
  for (int s = 0; s < stages; ++s) {
    StageRow st;
    st.stage_id = s;
    st.name = "stage " + std::to_string(s);
    st.status = "COMPLETE";
    st.num_tasks = 10;
    st.task_ms_max = 900;
    st.task_ms_median = 300;
    st.skew_ratio = 3.0;
    st.shuffle_write_bytes = 1000 * (s + 1);
    r.stages.push_back(st);
  }
  r.executors.push_back({"1", "host-a", 4, r.app.start_ms + 1000, r.app.end_ms, 4505, 4505 * 59.0});
  r.executors.push_back({"2", "host-b", 4, r.app.start_ms + 1200, r.app.end_ms, 4505, 4505 * 58.8});
  r.configs.push_back({"spark.executor.memory", "4096m", ConfigSource::kLogged});
  r.configs.push_back({"spark.sql.adaptive.enabled", "true", ConfigSource::kDefault});
  PredictionRow base;
  base.duration_ms = 61'000;
  base.duration_ms_low = 55'000;
  base.duration_ms_high = 70'000;
  base.mb_seconds = 1.55e6;
  base.mb_seconds_low = 1.4e6;
  base.mb_seconds_high = 1.7e6;
  base.duration_error = 1.0 / 60;
  base.mb_seconds_error = 0.05 / 1.5;
  r.predictions.push_back(base);
  return r;
}

std::unique_ptr<HistoryStore> OpenOrDie(const std::string& path, const StoreOptions& options = {}) {
  auto store = HistoryStore::Open(path, options);
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  return store.ok() ? std::move(*store) : nullptr;
}

TEST(HistoryStore, FreshDatabaseIsAtTheCurrentVersionInWalMode) {
  TempDb tmp;
  auto store = OpenOrDie(tmp.path());
  ASSERT_TRUE(store);
  EXPECT_EQ(*store->SchemaVersion(), CurrentSchemaVersion());
  EXPECT_EQ(RawCount(tmp.path(), "PRAGMA application_id"), kApplicationId);
  sqlite3* db = nullptr;
  sqlite3_open(tmp.path().c_str(), &db);
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &stmt, nullptr);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)), "wal");
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  // Reopening an up-to-date database changes nothing.
  store.reset();
  store = OpenOrDie(tmp.path());
  ASSERT_TRUE(store);
  EXPECT_EQ(*store->SchemaVersion(), CurrentSchemaVersion());
}

// Two processes (here: two connections) creating the same new database at the
// same moment: switching to WAL takes an exclusive lock and SQLite answers
// "database is locked" at once, without waiting; both opens must still work.
TEST(HistoryStore, TwoOpensOfTheSameNewDatabaseAtOnceBothSucceed) {
  TempDb tmp;
  for (int i = 0; i < 40; ++i) {
    std::string path = tmp.dir() + "/race" + std::to_string(i) + ".db";
    Status results[2];
    std::thread a([&] { results[0] = HistoryStore::Open(path).status(); });
    std::thread b([&] { results[1] = HistoryStore::Open(path).status(); });
    a.join();
    b.join();
    ASSERT_TRUE(results[0].ok()) << "round " << i << ": " << results[0].ToString();
    ASSERT_TRUE(results[1].ok()) << "round " << i << ": " << results[1].ToString();
  }
}

TEST(HistoryStore, MigratesAVersionOneDatabaseKeepingItsApps) {
  TempDb tmp;
  {
    StoreOptions v1;
    v1.TEST_schema_version = 1;
    auto store = OpenOrDie(tmp.path(), v1);
    ASSERT_TRUE(store);
    ASSERT_EQ(*store->SchemaVersion(), 1);
  }
  // A row as a version-1 sparktune wrote it (v1 has no night_id column).
  RawSql(tmp.path(),
         "INSERT INTO applications (content_hash, source_path, app_id, attempt_id, name, job_key, "
         "user, "
         "spark_version, start_ms, end_ms, duration_ms, job_time_ms, mb_seconds, core_seconds, "
         "executor_count, "
         "stage_count, task_count, complete, warning_count, warnings_json, log_bytes, "
         "ingested_at_ms) VALUES "
         "('abc', '/l', 'app-1', '', 'n', 'n', 'u', '3.5.1', 1000, 2000, 1000.0, 900.0, 42.0, 4.0, "
         "0, 0, 0, 1, 0, "
         "'[]', 10, 5);");
  auto store = OpenOrDie(tmp.path());
  ASSERT_TRUE(store);
  EXPECT_EQ(*store->SchemaVersion(), CurrentSchemaVersion());
  auto apps = store->ListApps();
  ASSERT_TRUE(apps.ok()) << apps.status().ToString();
  ASSERT_EQ(apps->size(), 1u);
  EXPECT_EQ((*apps)[0].app_id, "app-1");
  EXPECT_DOUBLE_EQ((*apps)[0].mb_seconds, 42.0);
  EXPECT_FALSE((*apps)[0].night_id.has_value());
  EXPECT_TRUE(*store->HasContentHash("abc"));
  // What version 2 added works on the migrated file.
  auto night = store->BeginNight(3000);
  ASSERT_TRUE(night.ok()) << night.status().ToString();
  AppRecord r = MakeRecord("def", "app-2");
  r.app.night_id = *night;
  ASSERT_TRUE(store->IngestApp(r).ok());
  EXPECT_EQ(store->ListApps({.night_id = *night})->size(), 1u);
}

TEST(HistoryStore, RefusesADatabaseNewerThanItKnows) {
  TempDb tmp;
  { ASSERT_TRUE(OpenOrDie(tmp.path())); }
  RawSql(tmp.path(), "PRAGMA user_version = " + std::to_string(CurrentSchemaVersion() + 1));
  auto store = HistoryStore::Open(tmp.path());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kUnsupported);
  EXPECT_NE(store.status().message().find("newer"), std::string::npos) << store.status().message();
  EXPECT_NE(store.status().message().find(tmp.path()), std::string::npos);
}

TEST(HistoryStore, RefusesAnotherApplicationsDatabaseAndNonDatabases) {
  TempDb tmp;
  RawSql(tmp.path(), "CREATE TABLE customers (id INTEGER)");
  auto store = HistoryStore::Open(tmp.path());
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("not a sparktune"), std::string::npos)
      << store.status().message();

  std::string junk = tmp.dir() + "/junk.db";
  std::ofstream(junk) << std::string(4096, 'x');
  auto junk_store = HistoryStore::Open(junk);
  ASSERT_FALSE(junk_store.ok());
  EXPECT_NE(junk_store.status().message().find(junk), std::string::npos)
      << junk_store.status().message();
}

TEST(HistoryStore, StoresAnAppWithAllItsRowsAndReadsItBack) {
  TempDb tmp;
  auto store = OpenOrDie(tmp.path());
  ASSERT_TRUE(store);
  AppRecord r = MakeRecord("h1", "app-1");
  auto outcome = store->IngestApp(r);
  ASSERT_TRUE(outcome.ok()) << outcome.status().ToString();
  EXPECT_EQ(outcome->disposition, IngestDisposition::kInserted);
  auto d = store->GetAppDetail(outcome->app_pk);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->app.app_id, "app-1");
  EXPECT_EQ(d->app.job_key, "daily_sales #");
  EXPECT_EQ(d->app.stage_count, 3);
  EXPECT_EQ(d->app.executor_count, 2);
  EXPECT_EQ(d->app.warnings, r.app.warnings);
  EXPECT_GT(d->app.ingested_at_ms, 0);
  ASSERT_EQ(d->stages.size(), 3u);
  EXPECT_EQ(d->stages[2].shuffle_write_bytes, 3000);
  EXPECT_DOUBLE_EQ(*d->stages[0].skew_ratio, 3.0);
  ASSERT_EQ(d->executors.size(), 2u);
  EXPECT_EQ(d->executors[1].host, "host-b");
  ASSERT_EQ(d->configs.size(), 2u);
  EXPECT_EQ(d->configs[1].source, ConfigSource::kDefault);
  ASSERT_EQ(d->predictions.size(), 1u);
  EXPECT_EQ(d->predictions[0].kind, PredictionKind::kBaseline);
  EXPECT_NEAR(*d->predictions[0].duration_error, 1.0 / 60, 1e-12);
  EXPECT_FALSE(store->GetAppDetail(outcome->app_pk + 100).ok());
}

TEST(HistoryStore, TheSameContentHashIsStoredOnce) {
  TempDb tmp;
  auto store = OpenOrDie(tmp.path());
  ASSERT_TRUE(store);
  auto first = store->IngestApp(MakeRecord("h1", "app-1"));
  ASSERT_TRUE(first.ok());
  AppRecord again = MakeRecord("h1", "app-1");
  again.app.source_path = "/elsewhere/app-1";
  auto second = store->IngestApp(again);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(second->disposition, IngestDisposition::kAlreadyStored);
  EXPECT_EQ(second->app_pk, first->app_pk);
  EXPECT_EQ(store->ListApps()->size(), 1u);
  EXPECT_EQ(RawCount(tmp.path(), "SELECT count(*) FROM stages"), 3);
}

TEST(HistoryStore, AFailureMidAppLeavesNothingOfIt) {
  TempDb tmp;
  auto store = OpenOrDie(tmp.path());
  ASSERT_TRUE(store);
  // The third stage row repeats a primary key: the application row and two
  // stage rows were already written in the transaction when it fails.
  AppRecord dup = MakeRecord("h-dup", "app-1");
  dup.stages[2].stage_id = dup.stages[1].stage_id;
  auto r1 = store->IngestApp(dup);
  ASSERT_FALSE(r1.ok());
  EXPECT_NE(r1.status().message().find("stage 1.0"), std::string::npos) << r1.status().message();
  // The last row (a prediction that breaks a CHECK) fails after every other row.
  AppRecord bad_prediction = MakeRecord("h-pred", "app-2");
  PredictionRow grid = bad_prediction.predictions[0];
  grid.kind = PredictionKind::kGrid;  // a replay error belongs to the baseline only
  bad_prediction.predictions.push_back(grid);
  ASSERT_FALSE(store->IngestApp(bad_prediction).ok());

  for (const char* table : {"applications", "stages", "executors", "configs", "predictions"}) {
    EXPECT_EQ(RawCount(tmp.path(), std::string("SELECT count(*) FROM ") + table), 0) << table;
  }
  EXPECT_FALSE(*store->HasContentHash("h-dup"));
  // The connection is still usable and the same app stores fine once correct.
  auto ok = store->IngestApp(MakeRecord("h-dup", "app-1"));
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(RawCount(tmp.path(), "SELECT count(*) FROM stages"), 3);
}

TEST(HistoryStore, AMoreCompleteCopyOfTheSameRunReplacesAnInProgressOne) {
  TempDb tmp;
  auto store = OpenOrDie(tmp.path());
  ASSERT_TRUE(store);
  AppRecord partial = MakeRecord("h-part", "app-7", 2);
  partial.app.complete = false;
  partial.app.task_count = 20;
  ASSERT_TRUE(store->IngestApp(partial).ok());
  auto full = store->IngestApp(MakeRecord("h-full", "app-7", 3));
  ASSERT_TRUE(full.ok()) << full.status().ToString();
  EXPECT_EQ(full->disposition, IngestDisposition::kReplacedInProgress);
  auto apps = store->ListApps();
  ASSERT_EQ(apps->size(), 1u);
  EXPECT_EQ((*apps)[0].content_hash, "h-full");
  EXPECT_EQ(RawCount(tmp.path(), "SELECT count(*) FROM stages"), 3);
  // The same run from other bytes (another codec) is not stored twice, and an
  // older in-progress copy does not replace the complete one.
  auto recompressed = store->IngestApp(MakeRecord("h-other-codec", "app-7", 3));
  ASSERT_TRUE(recompressed.ok());
  EXPECT_EQ(recompressed->disposition, IngestDisposition::kAlreadyStored);
  auto late_partial = store->IngestApp(partial);
  ASSERT_TRUE(late_partial.ok());
  EXPECT_EQ(late_partial->disposition, IngestDisposition::kAlreadyStored);
  EXPECT_EQ(store->ListApps()->size(), 1u);
}

RecommendationRow JobRecommendation(const std::string& job_key, const std::string& config_json,
                                    RecommendationStatus status) {
  RecommendationRow rec;
  rec.scope = RecommendationScope::kJob;
  rec.job_key = job_key;
  rec.config_json = config_json;
  rec.saving_mb_seconds = 3e5;
  rec.saving_low = 1e5;
  rec.saving_high = 5e5;
  rec.saving_fraction = 0.2;
  rec.status = status;
  rec.created_at_ms = 1'700'000'000'000;  // before the runs of MakeRecord
  rec.expectations.push_back({job_key, 50'000, 1.2e6, 1.0e6, 1.4e6});
  return rec;
}

TEST(HistoryStore, ARunWithTheRecommendedConfigGetsAnAccuracyRow) {
  TempDb tmp;
  auto store = OpenOrDie(tmp.path());
  ASSERT_TRUE(store);
  // Recommended 4g; the run logged 4096m: Spark reads the same size.
  auto active = store->PutRecommendation(JobRecommendation(
      "daily_sales #", R"({"spark.executor.memory":"4g"})", RecommendationStatus::kActive));
  ASSERT_TRUE(active.ok()) << active.status().ToString();
  auto proposed = store->PutRecommendation(JobRecommendation(
      "daily_sales #", R"({"spark.executor.memory":"4g"})", RecommendationStatus::kProposed));
  ASSERT_TRUE(proposed.ok());
  auto other_value = store->PutRecommendation(JobRecommendation(
      "daily_sales #", R"({"spark.executor.memory":"8g"})", RecommendationStatus::kActive));
  ASSERT_TRUE(other_value.ok());

  auto outcome = store->IngestApp(MakeRecord("h1", "app-1"));
  ASSERT_TRUE(outcome.ok()) << outcome.status().ToString();
  EXPECT_EQ(outcome->accuracy_rows, 1);
  auto rows = store->AccuracyRows("daily_sales #");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 1u);
  const AccuracyRow& a = (*rows)[0];
  EXPECT_EQ(a.recommendation_id, *active);
  EXPECT_EQ(a.app_id, "app-1");
  EXPECT_DOUBLE_EQ(a.predicted_mb_seconds, 1.2e6);
  EXPECT_DOUBLE_EQ(a.actual_mb_seconds, 1.5e6);
  EXPECT_DOUBLE_EQ(a.predicted_duration_ms, 50'000);
  EXPECT_DOUBLE_EQ(a.actual_duration_ms, 60'000);

  // Another job's run, and a run that did not apply the setting, get none.
  AppRecord other_job = MakeRecord("h2", "app-2");
  other_job.app.job_key = "hourly_clicks";
  EXPECT_EQ(store->IngestApp(other_job)->accuracy_rows, 0);
  AppRecord not_applied = MakeRecord("h3", "app-3");
  not_applied.configs[0].value = "2g";
  EXPECT_EQ(store->IngestApp(not_applied)->accuracy_rows, 0);
  EXPECT_EQ(store->AccuracyRows()->size(), 1u);
}

TEST(HistoryStore, AFleetRecommendationTracksEveryJobItHasAnExpectationFor) {
  TempDb tmp;
  auto store = OpenOrDie(tmp.path());
  ASSERT_TRUE(store);
  RecommendationRow fleet = JobRecommendation("", R"({"spark.sql.adaptive.enabled":"TRUE"})",
                                              RecommendationStatus::kActive);
  fleet.scope = RecommendationScope::kFleet;
  fleet.expectations = {{"daily_sales #", 58'000, 1.4e6, 1.2e6, 1.6e6}};
  auto id = store->PutRecommendation(fleet);
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  EXPECT_EQ(store->IngestApp(MakeRecord("h1", "app-1"))->accuracy_rows, 1);
  // An in-progress run's duration is a lower bound: no accuracy from it.
  AppRecord partial = MakeRecord("h2", "app-2");
  partial.app.complete = false;
  EXPECT_EQ(store->IngestApp(partial)->accuracy_rows, 0);
  // A retired recommendation is no longer tracked.
  ASSERT_TRUE(store->SetRecommendationStatus(*id, RecommendationStatus::kSuperseded).ok());
  EXPECT_EQ(store->IngestApp(MakeRecord("h3", "app-3"))->accuracy_rows, 0);
  // Invalid scope / job key combinations are refused.
  RecommendationRow bad = fleet;
  bad.job_key = "x";
  EXPECT_FALSE(store->PutRecommendation(bad).ok());
}

TEST(HistoryStore, NightsRecommendationsTotalsAndWatermarks) {
  TempDb tmp;
  auto store = OpenOrDie(tmp.path());
  ASSERT_TRUE(store);
  auto n1 = store->BeginNight(1000);
  auto n2 = store->BeginNight(2000);
  ASSERT_TRUE(n1.ok() && n2.ok());
  for (int i = 0; i < 3; ++i) {
    AppRecord r = MakeRecord("n1-" + std::to_string(i), "app-n1-" + std::to_string(i));
    r.app.night_id = *n1;
    ASSERT_TRUE(store->IngestApp(r).ok());
  }
  AppRecord r = MakeRecord("n2-0", "app-n2-0");
  r.app.night_id = *n2;
  r.app.mb_seconds = 1e6;
  ASSERT_TRUE(store->IngestApp(r).ok());
  ASSERT_TRUE(store->FinishNight(*n1, NightStatus::kOk, R"({"apps":3})", 1500).ok());
  EXPECT_FALSE(store->FinishNight(999, NightStatus::kOk, "{}", 1).ok());

  auto totals = store->FleetTotalsByNight();
  ASSERT_TRUE(totals.ok()) << totals.status().ToString();
  ASSERT_EQ(totals->size(), 2u);
  EXPECT_EQ((*totals)[0].apps, 3);
  EXPECT_DOUBLE_EQ((*totals)[0].mb_seconds, 4.5e6);
  EXPECT_EQ((*totals)[1].apps, 1);
  EXPECT_DOUBLE_EQ((*totals)[1].mb_seconds, 1e6);
  auto nights = store->ListNights();
  ASSERT_EQ(nights->size(), 2u);
  EXPECT_EQ((*nights)[0].status, NightStatus::kOk);
  EXPECT_EQ((*nights)[0].finished_at_ms, 1500);
  EXPECT_EQ((*nights)[1].status, NightStatus::kRunning);
  EXPECT_EQ(store->ListApps({.night_id = *n1})->size(), 3u);
  EXPECT_EQ(store->ListApps({.job_key = "daily_sales #", .limit = 2})->size(), 2u);

  RecommendationRow rec = JobRecommendation(
      "daily_sales #", R"({"spark.executor.cores":"4","spark.executor.memory":"8g"})",
      RecommendationStatus::kProposed);
  rec.night_id = *n2;
  auto id = store->PutRecommendation(rec);
  ASSERT_TRUE(id.ok());
  auto of_night = store->RecommendationsOfNight(*n2);
  ASSERT_EQ(of_night->size(), 1u);
  EXPECT_EQ((*of_night)[0].config_json,
            R"({"spark.executor.cores":"4","spark.executor.memory":"8g"})");
  ASSERT_EQ((*of_night)[0].expectations.size(), 1u);
  EXPECT_DOUBLE_EQ((*of_night)[0].expectations[0].mb_seconds_high, 1.4e6);
  EXPECT_TRUE(store->ActiveRecommendations()->empty());
  ASSERT_TRUE(store->SetRecommendationStatus(*id, RecommendationStatus::kActive).ok());
  EXPECT_EQ(store->ActiveRecommendations()->size(), 1u);
  EXPECT_EQ(store->GetRecommendation(*id)->status, RecommendationStatus::kActive);

  const std::string server = "http://127.0.0.1:18080";
  EXPECT_FALSE(store->Watermark(server)->has_value());
  ASSERT_TRUE(store->SetWatermark(server, 1234).ok());
  ASSERT_TRUE(store->SetWatermark(server, 5678).ok());
  EXPECT_EQ(**store->Watermark(server), 5678);
  EXPECT_EQ(*store->IntegrityCheck(), "ok");
}

TEST(HistoryStore, PredictionsAddedLaterBelongToTheirApp) {
  TempDb tmp;
  auto store = OpenOrDie(tmp.path());
  ASSERT_TRUE(store);
  auto outcome = store->IngestApp(MakeRecord("h1", "app-1"));
  ASSERT_TRUE(outcome.ok());
  PredictionRow grid;
  grid.kind = PredictionKind::kGrid;
  grid.config_json = R"({ "spark.sql.shuffle.partitions": 400, "spark.executor.cores": "4" })";
  grid.duration_ms = 50'000;
  ASSERT_TRUE(store->AddPredictions(outcome->app_pk, {grid}).ok());
  PredictionRow not_json = grid;
  not_json.config_json = "spark.executor.cores=4";
  EXPECT_EQ(store->AddPredictions(outcome->app_pk, {not_json}).code(),
            StatusCode::kInvalidArgument);
  EXPECT_FALSE(store->AddPredictions(outcome->app_pk + 7, {grid}).ok());  // no such app
  auto p = store->PredictionsOf(outcome->app_pk);
  ASSERT_EQ(p->size(), 2u);
  EXPECT_EQ((*p)[1].kind, PredictionKind::kGrid);
  // Stored canonical: sorted keys, string values, so equal configs are equal text.
  EXPECT_EQ((*p)[1].config_json,
            R"({"spark.executor.cores":"4","spark.sql.shuffle.partitions":"400"})");
  EXPECT_FALSE((*p)[1].duration_error.has_value());
}

}  // namespace
}  // namespace sparktune::store
