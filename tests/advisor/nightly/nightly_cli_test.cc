// `sparktune nightly`, `report`, `recommend` and fleet-mode records, end to
// end through the binary on the bundled samples: the report's three files,
// incremental nights (a second night ingests nothing new and has a trend),
// hostile app names escaped, unreadable logs listed not fatal, `report`
// rewriting a night from the store alone, and `ingest --records-out` +
// `--records` storing exactly what a local ingest stores.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "data/store/history_store.h"
#include "tests/test_paths.h"

namespace sparktune {
namespace {

namespace fs = std::filesystem;
using testing::RunCommand;

using testing::TempDir;

std::string Samples() { return testing::SourceDir() + "/data/samples"; }

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(NightlyCli, TwoNightsOverTheSamplesWriteReportsAndStayIncremental) {
  TempDir tmp;
  const std::string out = tmp.path() + "/out";
  const std::string cmd =
      testing::SparktuneBinary() + " nightly --logs " + Samples() + " --out " + out + " --json";
  auto first = RunCommand(cmd);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  auto s1 = nlohmann::json::parse(first.out);
  EXPECT_EQ(s1["schema"], "sparktune.nightly/1");
  EXPECT_EQ(s1["ingested"], 5);
  EXPECT_EQ(s1["unreadable"], 0);
  EXPECT_EQ(s1["jobsInFleet"], 5);
  for (const char* key : {"html", "markdown", "json"}) {
    ASSERT_TRUE(fs::exists(s1[key].get<std::string>())) << key;
  }
  EXPECT_TRUE(fs::exists(out + "/sparktune.db"));

  // The hostile-name run of the harness shows as text, never as markup.
  const std::string html = Slurp(s1["html"]);
  EXPECT_EQ(html.find("<script>alert(1)"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  auto report = nlohmann::json::parse(Slurp(s1["json"]));
  EXPECT_EQ(report["schema"], "sparktune.report/1");
  ASSERT_EQ(report["jobs"].size(), 5u);
  // The samples' fleet cannot clear the minimum gain: no change, and the
  // summary, the report and its Markdown all say why (issue 14).
  const std::string keep = "keep current settings: predicted saving";
  EXPECT_NE(s1.value("fleetDecision", "").find(keep), std::string::npos) << first.out;
  EXPECT_TRUE(report["proposal"]["changes"].empty());
  EXPECT_NE(report["proposal"].value("decision", "").find(keep), std::string::npos);
  EXPECT_NE(Slurp(s1["markdown"]).find(keep), std::string::npos);
  for (const auto& job : report["jobs"]) {
    EXPECT_FALSE(job["executors"].empty()) << job["name"];
    EXPECT_FALSE(job["stages"].empty()) << job["name"];
    EXPECT_TRUE(job["baseline"].is_object()) << job["name"];  // every sample replays
  }

  // Night two: nothing new, the trend has the first night.
  auto second = RunCommand(cmd);
  ASSERT_EQ(second.exit_code, 0) << second.err;
  auto s2 = nlohmann::json::parse(second.out);
  EXPECT_EQ(s2["ingested"], 0);
  EXPECT_EQ(s2["alreadyStored"], 5);
  EXPECT_EQ(s2["night"], 2);
  auto report2 = nlohmann::json::parse(Slurp(s2["json"]));
  EXPECT_EQ(report2["jobs"].size(), 0u);  // only the night's new applications
  EXPECT_EQ(report2["inputs"]["appsKnown"], 5);
  EXPECT_EQ(report2["trend"].size(), 2u);

  // `report` rewrites night 1 from the store alone, identically.
  auto rewritten = RunCommand(testing::SparktuneBinary() + " report --db " + out +
                              "/sparktune.db --night 1 --out " + tmp.path() + "/again");
  ASSERT_EQ(rewritten.exit_code, 0) << rewritten.err;
  const std::string again =
      tmp.path() + "/again/" + fs::path(s1["html"].get<std::string>()).filename().string();
  EXPECT_EQ(Slurp(again), html);

  // `recommend` over the same store.
  auto rec =
      RunCommand(testing::SparktuneBinary() + " recommend --db " + out + "/sparktune.db --json");
  ASSERT_EQ(rec.exit_code, 0) << rec.err;
  auto r = nlohmann::json::parse(rec.out);
  EXPECT_EQ(r["schema"], "sparktune.recommend/1");
  EXPECT_EQ(r["jobs"], 5);
  EXPECT_LE(r["predictedMbSeconds"].get<double>(),
            r["observedMbSeconds"].get<double>() * 1.0000001);
  // The five samples (281 MB·h) cannot clear the 1 GB·h floor: keep current
  // settings, and say why (issue 14).
  EXPECT_TRUE(r["keptCurrent"].get<bool>());
  EXPECT_TRUE(r["defaults"].empty());
  EXPECT_NE(r["decision"].get<std::string>().find("keep current settings: predicted saving"),
            std::string::npos);
  for (const auto& o : r["overrides"]) EXPECT_FALSE(o["config"].empty()) << o["jobKey"];
  // With no minimum gain, each override still names only settings that differ.
  auto loose = RunCommand(testing::SparktuneBinary() + " recommend --db " + out +
                          "/sparktune.db --json --min-fleet-gain 0 --min-fleet-gain-gbh 0" +
                          " --min-gain 0");
  ASSERT_EQ(loose.exit_code, 0) << loose.err;
  const auto loose_json = nlohmann::json::parse(loose.out);
  for (const auto& o : loose_json["overrides"]) {
    EXPECT_FALSE(o["config"].empty()) << o["jobKey"];
    for (const auto& c : o["changes"]) {
      EXPECT_NE(c["current"], c["proposed"]) << c["key"];
      const std::string kind = c["kind"];
      EXPECT_TRUE(kind == "add" || kind == "update" || kind == "remove") << kind;
    }
  }
}

TEST(NightlyCli, AnUnreadableLogIsListedInTheReportNotFatal) {
  TempDir tmp;
  const std::string logs = tmp.path() + "/logs";
  fs::create_directories(logs);
  fs::copy_file(Samples() + "/app-20261121222445-0019.lz4", logs + "/app-20261121222445-0019.lz4");
  std::ofstream(logs + "/app-20990101000000-0001.zstd") << "this is not zstd";
  auto run = RunCommand(testing::SparktuneBinary() + " nightly --logs " + logs + " --out " +
                        tmp.path() + "/out --json");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  auto s = nlohmann::json::parse(run.out);
  EXPECT_EQ(s["ingested"], 1);
  EXPECT_EQ(s["unreadable"], 1);
  EXPECT_NE(run.err.find("app-20990101000000-0001.zstd"), std::string::npos);
  auto report = nlohmann::json::parse(Slurp(s["json"]));
  ASSERT_EQ(report["inputs"]["unreadable"].size(), 1u);
  EXPECT_NE(report["inputs"]["unreadable"][0]["path"].get<std::string>().find(
                "app-20990101000000-0001.zstd"),
            std::string::npos);
  // Nothing readable at all is exit 3.
  const std::string bad = tmp.path() + "/bad";
  fs::create_directories(bad);
  std::ofstream(bad + "/app-20990101000000-0002.lz4") << "junk";
  auto none = RunCommand(testing::SparktuneBinary() + " nightly --logs " + bad + " --out " +
                         tmp.path() + "/out2");
  EXPECT_EQ(none.exit_code, 3) << none.out << none.err;
}

TEST(NightlyCli, RecordsComputedElsewhereStoreExactlyWhatIngestStores) {
  TempDir tmp;
  const std::string bin = testing::SparktuneBinary();
  auto local = RunCommand(bin + " ingest --jobs 2 --db " + tmp.path() + "/local.db " + Samples());
  ASSERT_EQ(local.exit_code, 0) << local.err;
  auto emitted = RunCommand(bin + " ingest --jobs 2 --records-out " + tmp.path() +
                            "/records.jsonl " + Samples());
  ASSERT_EQ(emitted.exit_code, 0) << emitted.err;
  EXPECT_FALSE(fs::exists(tmp.path() + "/sparktune.db"));
  auto stored = RunCommand(bin + " ingest --records " + tmp.path() + "/records.jsonl --db " +
                           tmp.path() + "/fleet.db");
  ASSERT_EQ(stored.exit_code, 0) << stored.err;
  EXPECT_NE(stored.out.find("stored 5 records"), std::string::npos) << stored.out;

  auto a = store::HistoryStore::Open(tmp.path() + "/local.db");
  auto b = store::HistoryStore::Open(tmp.path() + "/fleet.db");
  ASSERT_TRUE(a.ok() && b.ok());
  auto apps_a = (*a)->ListApps();
  auto apps_b = (*b)->ListApps();
  ASSERT_TRUE(apps_a.ok() && apps_b.ok());
  ASSERT_EQ(apps_a->size(), 5u);
  ASSERT_EQ(apps_b->size(), 5u);
  for (size_t i = 0; i < apps_a->size(); ++i) {
    const auto& x = (*apps_a)[i];
    const auto& y = (*apps_b)[i];
    EXPECT_EQ(x.content_hash, y.content_hash);
    EXPECT_EQ(x.job_key, y.job_key);
    EXPECT_DOUBLE_EQ(x.mb_seconds, y.mb_seconds);
    auto da = (*a)->GetAppDetail(x.pk);
    auto db = (*b)->GetAppDetail(y.pk);
    ASSERT_TRUE(da.ok() && db.ok());
    EXPECT_EQ(da->stages.size(), db->stages.size());
    EXPECT_EQ(da->executors.size(), db->executors.size());
    EXPECT_EQ(da->configs.size(), db->configs.size());
    ASSERT_EQ(da->predictions.size(), db->predictions.size());
    for (size_t k = 0; k < da->predictions.size(); ++k) {
      EXPECT_EQ(da->predictions[k].config_json, db->predictions[k].config_json);
      EXPECT_NEAR(da->predictions[k].mb_seconds, db->predictions[k].mb_seconds,
                  1e-9 * std::max(1.0, da->predictions[k].mb_seconds));
    }
  }
  // A corrupt record line names the file and line and stores nothing of it.
  std::ofstream(tmp.path() + "/bad.jsonl")
      << "{\"schema\":\"sparktune.record/1\",\"app\":{}}\nnot json\n";
  auto bad = RunCommand(bin + " ingest --records " + tmp.path() + "/bad.jsonl --db " + tmp.path() +
                        "/bad.db");
  EXPECT_NE(bad.err.find("bad.jsonl:1: record: missing field \"contentHash\""), std::string::npos)
      << bad.err;
  EXPECT_NE(bad.err.find("bad.jsonl:2: not a JSON record"), std::string::npos) << bad.err;
  EXPECT_EQ(bad.exit_code, 3);
}

TEST(NightlyCli, ANightFromFleetRecordsHasItsAppsAndItsReport) {
  // Fleet mode gathers records (`ingest --records-out` on the cluster); the
  // night built from them holds those apps, recommends and writes the report
  // exactly as a night over the logs would, and is incremental the same way.
  TempDir tmp;
  const std::string bin = testing::SparktuneBinary();
  const std::string records = tmp.path() + "/records.jsonl";
  auto emitted = RunCommand(bin + " ingest --jobs 2 --records-out " + records + " " + Samples());
  ASSERT_EQ(emitted.exit_code, 0) << emitted.err;
  const std::string db = tmp.path() + "/fleet.db", out = tmp.path() + "/out";
  auto night =
      RunCommand(bin + " nightly --json --records " + records + " --db " + db + " --out " + out);
  ASSERT_EQ(night.exit_code, 0) << night.err;
  auto s = nlohmann::json::parse(night.out);
  EXPECT_EQ(s["ingested"], 5);
  EXPECT_EQ(s["unreadable"], 0);
  EXPECT_EQ(s["jobsInFleet"], 5);
  ASSERT_TRUE(fs::exists(s["html"].get<std::string>()));
  auto report = nlohmann::json::parse(Slurp(s["json"]));
  EXPECT_EQ(report["inputs"]["appsNew"], 5) << report["inputs"].dump();
  EXPECT_NE(report["inputs"]["source"].get<std::string>().find("--records"), std::string::npos);
  // The same records again: a second night with nothing new.
  auto again =
      RunCommand(bin + " nightly --json --records " + records + " --db " + db + " --out " + out);
  ASSERT_EQ(again.exit_code, 0) << again.err;
  auto s2 = nlohmann::json::parse(again.out);
  EXPECT_EQ(s2["ingested"], 0);
  EXPECT_EQ(s2["alreadyStored"], 5);
  EXPECT_EQ(s2["night"].get<int>(), s["night"].get<int>() + 1);
  // A missing records file fails the night and names the file; with a
  // History Server too it is a usage error.
  auto missing = RunCommand(bin + " nightly --records " + tmp.path() + "/nope.jsonl --db " + db +
                            " --out " + out);
  EXPECT_NE(missing.exit_code, 0);
  EXPECT_NE(missing.err.find("nope.jsonl"), std::string::npos) << missing.err;
  auto both = RunCommand(bin + " nightly --records " + records +
                         " --history-server http://127.0.0.1:9 --db " + db);
  EXPECT_EQ(both.exit_code, 2) << both.err;
}

// Issue 15: a price file turns every job's run, the fleet totals and the
// savings into money; a compute-unit sheet bills max(vCPU-h / CU vCPUs,
// GB-h / CU GB) per CU-hour. Bad price options are refused before any work.
TEST(NightlyCli, APriceFilePricesEveryJobAndTheFleet) {
  TempDir tmp;
  const std::string bin = testing::SparktuneBinary();
  const std::string sheet = testing::SourceDir() + "/data/prices/alibaba_serverless_cu.prices";
  auto run = RunCommand(bin + " nightly --json --logs " + Samples() + " --out " + tmp.path() +
                        "/out --prices " + sheet);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  auto s = nlohmann::json::parse(run.out);
  auto report = nlohmann::json::parse(Slurp(s["json"]));
  const auto& prices = report["prices"];
  EXPECT_TRUE(prices["configured"].get<bool>());
  EXPECT_DOUBLE_EQ(prices["perCuHour"].get<double>(), 0.050302);
  EXPECT_NE(prices["source"].get<std::string>().find("alibabacloud.com"), std::string::npos);
  ASSERT_EQ(report["jobs"].size(), 5u);
  for (const auto& job : report["jobs"]) {
    const double core_h = job["observed"]["coreSeconds"].get<double>() / 3600;
    const double gb_h = job["observed"]["mbSeconds"].get<double>() / 3686400;
    ASSERT_TRUE(job["observed"]["cost"].is_number()) << job["name"];
    EXPECT_NEAR(job["observed"]["cost"].get<double>(), std::max(core_h, gb_h / 4) * 0.050302, 1e-9)
        << job["name"];
  }
  EXPECT_TRUE(report["totals"]["cost"].is_number()) << report["totals"].dump();
  EXPECT_NE(Slurp(s["markdown"]).find("0.050302 USD per CU-hour \\(1 CU = 1 vCPU, 4 GB"),
            std::string::npos);

  // --prices with --price-gb-hour: a usage error; a malformed sheet names its line.
  auto both = RunCommand(bin + " nightly --logs " + Samples() + " --out " + tmp.path() +
                         "/o2 --prices " + sheet + " --price-gb-hour 0.01");
  EXPECT_EQ(both.exit_code, 2) << both.err;
  EXPECT_NE(both.err.find("--prices"), std::string::npos) << both.err;
  const std::string bad = tmp.path() + "/bad.prices";
  std::ofstream(bad) << "currency = USD\nper_gb_hour = cheap\n";
  auto malformed = RunCommand(bin + " nightly --logs " + Samples() + " --out " + tmp.path() +
                              "/o3 --prices " + bad);
  EXPECT_EQ(malformed.exit_code, 3) << malformed.err;
  EXPECT_NE(malformed.err.find("bad.prices:2"), std::string::npos) << malformed.err;
  EXPECT_FALSE(fs::exists(tmp.path() + "/o3/sparktune.db"));  // refused before any work
}

}  // namespace
}  // namespace sparktune
