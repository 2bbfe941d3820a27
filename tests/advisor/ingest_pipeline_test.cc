// The ingest pipeline (advisor/ingest): every sample log stored with its
// stages, executors, configs and a baseline replay; a second run stores
// nothing, also when the same log sits at another path or inside a History
// Server zip; a corrupt log is listed without losing the others; the
// prediction hook's rows are stored with the app.
#include "advisor/ingest/ingest_pipeline.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zip.h>

#include <filesystem>
#include <fstream>

#include "data/config/config_catalog.h"
#include "data/store/stored_config.h"
#include "tests/test_paths.h"

namespace sparktune::advisor {
namespace {

namespace fs = std::filesystem;

using testing::TempDir;

std::string Samples() { return testing::SourceDir() + "/data/samples"; }
std::string SampleLog() { return Samples() + "/app-20261121222445-0019.lz4"; }

std::unique_ptr<store::HistoryStore> OpenStore(const std::string& path) {
  auto s = store::HistoryStore::Open(path);
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return s.ok() ? std::move(*s) : nullptr;
}

TEST(IngestPipeline, StoresEverySampleOnceAndRecognizesItAgainByContent) {
  if (!fs::exists(Samples())) GTEST_SKIP();
  TempDir tmp;
  auto store = OpenStore(tmp.path() + "/h.db");
  ASSERT_TRUE(store);
  IngestOptions options;
  options.jobs = 2;
  size_t progress_calls = 0;
  options.on_progress = [&](const IngestProgress& p) {
    ++progress_calls;
    EXPECT_LE(p.done, p.total);
  };
  auto first = IngestLogs(*store, {Samples()}, options);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->ingested, 5u);
  EXPECT_EQ(first->unreadable, 0u);
  EXPECT_EQ(progress_calls, 5u);
  EXPECT_GT(first->bytes, 500'000u);

  auto apps = store->ListApps();
  ASSERT_TRUE(apps.ok());
  ASSERT_EQ(apps->size(), 5u);
  for (const store::ApplicationRow& a : *apps) {
    SCOPED_TRACE(a.app_id);
    auto d = store->GetAppDetail(a.pk);
    ASSERT_TRUE(d.ok()) << d.status().ToString();
    EXPECT_EQ(a.content_hash.size(), 32u);
    EXPECT_GT(a.stage_count, 0);
    EXPECT_EQ(d->stages.size(), static_cast<size_t>(a.stage_count));
    EXPECT_EQ(d->executors.size(), static_cast<size_t>(a.executor_count));
    EXPECT_GT(a.executor_count, 0);
    EXPECT_GT(a.mb_seconds, 0);
    EXPECT_GT(a.duration_ms, 0);
    EXPECT_EQ(a.spark_version, "4.3.0");
    // The logged config and the catalog defaults it left unset.
    bool logged_memory = false, default_present = false;
    for (const store::ConfigRow& c : d->configs) {
      if (c.key == config::keys::kExecutorMemory && c.source == store::ConfigSource::kLogged)
        logged_memory = true;
      if (c.source == store::ConfigSource::kDefault) default_present = true;
    }
    EXPECT_TRUE(logged_memory);
    EXPECT_TRUE(default_present);
    // The baseline replay and its error against the observed run.
    ASSERT_EQ(d->predictions.size(), 1u);
    const store::PredictionRow& base = d->predictions[0];
    EXPECT_EQ(base.kind, store::PredictionKind::kBaseline);
    ASSERT_TRUE(base.duration_error.has_value());
    EXPECT_NEAR(*base.duration_error, (base.duration_ms - a.duration_ms) / a.duration_ms, 1e-9);
    EXPECT_LE(base.mb_seconds_low, base.mb_seconds);
    EXPECT_GE(base.mb_seconds_high, base.mb_seconds);
  }

  // Again, plus the same log under another name elsewhere: nothing new.
  std::string copy = tmp.path() + "/renamed-copy.lz4";
  fs::copy_file(SampleLog(), copy);
  auto second = IngestLogs(*store, {Samples(), copy}, options);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(second->ingested, 0u);
  EXPECT_EQ(second->already_stored, 6u);
  EXPECT_EQ(store->ListApps()->size(), 5u);
}

TEST(IngestPipeline, ALogInsideAHistoryServerZipIsTheSameLog) {
  if (!fs::exists(SampleLog())) GTEST_SKIP();
  TempDir tmp;
  auto store = OpenStore(tmp.path() + "/h.db");
  ASSERT_TRUE(store);
  ASSERT_EQ(IngestLogs(*store, {SampleLog()})->ingested, 1u);

  std::string zip_path = tmp.path() + "/logs.zip";
  int err = 0;
  zip_t* za = zip_open(zip_path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  ASSERT_NE(za, nullptr);
  zip_source_t* src = zip_source_file(za, SampleLog().c_str(), 0, -1);
  ASSERT_NE(src, nullptr);
  ASSERT_GE(zip_file_add(za, fs::path(SampleLog()).filename().c_str(), src, ZIP_FL_ENC_UTF_8), 0);
  ASSERT_EQ(zip_close(za), 0);

  auto again = IngestLogs(*store, {zip_path});
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->already_stored, 1u);
  EXPECT_EQ(again->ingested, 0u);
  ASSERT_EQ(again->items.size(), 1u);
  EXPECT_NE(again->items[0].path.find("logs.zip!/"), std::string::npos) << again->items[0].path;
  // A folder of downloaded zips (as a collector leaves them) is expanded too.
  auto folder = IngestLogs(*store, {tmp.path()});
  ASSERT_TRUE(folder.ok()) << folder.status().ToString();
  EXPECT_EQ(folder->already_stored, 1u);
  EXPECT_EQ(folder->unreadable, 0u);
}

TEST(IngestPipeline, ACorruptLogIsListedAndTheOthersAreStored) {
  if (!fs::exists(SampleLog())) GTEST_SKIP();
  TempDir tmp;
  std::string logs = tmp.path() + "/logs";
  fs::create_directories(logs);
  fs::copy_file(SampleLog(), logs + "/app-20261121222445-0019.lz4");
  std::ofstream(logs + "/app-20261121230000-0099.zstd") << "this is not zstd at all";
  auto store = OpenStore(tmp.path() + "/h.db");
  ASSERT_TRUE(store);
  auto report = IngestLogs(*store, {logs, tmp.path() + "/no-such-log"});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->ingested, 1u);
  EXPECT_EQ(report->unreadable, 2u);
  std::vector<std::string> bad;
  for (const IngestItem& item : report->items) {
    if (item.status == IngestItemStatus::kUnreadable) {
      bad.push_back(item.path);
      EXPECT_FALSE(item.error.empty());
    }
  }
  ASSERT_EQ(bad.size(), 2u);
  EXPECT_NE(std::find(bad.begin(), bad.end(), logs + "/app-20261121230000-0099.zstd"), bad.end());
  EXPECT_NE(std::find(bad.begin(), bad.end(), tmp.path() + "/no-such-log"), bad.end());
  EXPECT_EQ(store->ListApps()->size(), 1u);
}

TEST(IngestPipeline, TheHookAddsPredictionsToTheAppsTransaction) {
  if (!fs::exists(SampleLog())) GTEST_SKIP();
  TempDir tmp;
  auto store = OpenStore(tmp.path() + "/h.db");
  ASSERT_TRUE(store);
  const store::SettingMap grid_config{{std::string(config::keys::kExecutorMemory), "8g"}};
  IngestOptions options;
  options.extra = [&](const model::Application&, const simulator::AppSimulator& sim) {
    simulator::SimResult r = sim.Run(grid_config);
    store::PredictionRow p;
    p.kind = store::PredictionKind::kGrid;
    p.config_json = store::CanonicalConfigJson(grid_config);
    p.duration_ms = r.duration_ms;
    p.mb_seconds = r.mb_seconds;
    return ExtraRows{{p}, {}};
  };
  auto report = IngestLogs(*store, {SampleLog()}, options);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_EQ(report->ingested, 1u);
  auto predictions = store->PredictionsOf(report->items[0].app_pk);
  ASSERT_EQ(predictions->size(), 2u);
  const store::PredictionRow& base = (*predictions)[0];
  const store::PredictionRow& grid = (*predictions)[1];
  EXPECT_EQ(grid.kind, store::PredictionKind::kGrid);
  EXPECT_EQ(grid.config_json, R"({"spark.executor.memory":"8g"})");
  EXPECT_NE(grid.mb_seconds, base.mb_seconds);
}

}  // namespace
}  // namespace sparktune::advisor
