// `sparktune ingest`: exit codes (0 when something was readable, 3 when
// nothing was, 2 on usage errors), the one-line summary, the JSON schema,
// --db / $SPARKTUNE_DB, and a database from a newer sparktune refused.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/test_paths.h"

namespace sparktune {
namespace {

namespace fs = std::filesystem;
using testing::RunCommand;

using testing::TempDir;

std::string SampleLog() {
  return testing::SourceDir() + "/data/samples/app-20261121222445-0019.lz4";
}

TEST(IngestCli, IngestsOnceThenReportsAlreadyStored) {
  if (!fs::exists(SampleLog())) GTEST_SKIP();
  TempDir tmp;
  std::string cmd =
      testing::SparktuneBinary() + " ingest --db " + tmp.path() + "/h.db --jobs 1 " + SampleLog();
  auto first = RunCommand(cmd);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(first.out.rfind("ingested 1, already stored 0, unreadable 0 in ", 0), 0u) << first.out;
  EXPECT_EQ(first.err.find('\r'),
            std::string::npos);  // no progress bar when stderr is not a terminal
  auto second = RunCommand(cmd + " --json");
  ASSERT_EQ(second.exit_code, 0) << second.err;
  auto j = nlohmann::json::parse(second.out);
  EXPECT_EQ(j["schema"], "sparktune.ingest/1");
  EXPECT_EQ(j["ingested"], 0);
  EXPECT_EQ(j["alreadyStored"], 1);
  ASSERT_EQ(j["items"].size(), 1u);
  EXPECT_EQ(j["items"][0]["status"], "already-stored");
  EXPECT_EQ(j["items"][0]["contentHash"].get<std::string>().size(), 32u);
}

TEST(IngestCli, UnreadableLogsAreListedAndOnlyNothingReadableFails) {
  if (!fs::exists(SampleLog())) GTEST_SKIP();
  TempDir tmp;
  std::string junk = tmp.path() + "/app-1-junk.zstd";
  std::ofstream(junk) << "garbage";
  std::string db = " --db " + tmp.path() + "/h.db ";
  auto only_junk = RunCommand(testing::SparktuneBinary() + " ingest" + db + junk);
  EXPECT_EQ(only_junk.exit_code, 3);
  EXPECT_NE(only_junk.err.find(junk), std::string::npos) << only_junk.err;
  EXPECT_NE(only_junk.out.find("unreadable 1"), std::string::npos) << only_junk.out;

  auto mixed = RunCommand(testing::SparktuneBinary() + " ingest" + db + junk + " " + SampleLog());
  EXPECT_EQ(mixed.exit_code, 0) << mixed.err;
  EXPECT_NE(mixed.err.find(junk), std::string::npos) << mixed.err;
  EXPECT_NE(mixed.out.find("ingested 1, already stored 0, unreadable 1"), std::string::npos)
      << mixed.out;
}

TEST(IngestCli, UsageErrorsAndTheDatabaseLocation) {
  TempDir tmp;
  EXPECT_EQ(RunCommand(testing::SparktuneBinary() + " ingest").exit_code, 2);
  EXPECT_EQ(RunCommand(testing::SparktuneBinary() + " ingest --jobs 0 x").exit_code, 2);
  EXPECT_EQ(RunCommand(testing::SparktuneBinary() + " ingest --bogus x").exit_code, 2);
  if (!fs::exists(SampleLog())) GTEST_SKIP();
  // $SPARKTUNE_DB when there is no --db, else ./sparktune.db.
  std::string env_db = tmp.path() + "/from-env.db";
  auto r = RunCommand("cd " + tmp.path() + " && SPARKTUNE_DB=" + env_db + " " +
                      testing::SparktuneBinary() + " ingest " + SampleLog());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(env_db));
  EXPECT_FALSE(fs::exists(tmp.path() + "/sparktune.db"));
  r = RunCommand("cd " + tmp.path() + " && env -u SPARKTUNE_DB " + testing::SparktuneBinary() +
                 " ingest " + SampleLog());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(tmp.path() + "/sparktune.db"));
}

TEST(IngestCli, TwoIngestsAtOnceIntoOneDatabaseStoreEachAppOnce) {
  std::string logs = testing::SourceDir() + "/data/samples";
  if (!fs::exists(logs)) GTEST_SKIP();
  TempDir tmp;
  std::string db = tmp.path() + "/h.db";
  std::string one = testing::SparktuneBinary() + " ingest --json --jobs 1 --db " + db + " " + logs;
  auto r = RunCommand("(" + one + " > " + tmp.path() + "/a.json; echo $? > " + tmp.path() +
                      "/a.rc) & (" + one + " > " + tmp.path() + "/b.json; echo $? > " + tmp.path() +
                      "/b.rc) & wait");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  size_t ingested = 0, stored = 0;
  for (const char* run : {"a", "b"}) {
    std::ifstream rc(tmp.path() + "/" + run + ".rc");
    int code = -1;
    rc >> code;
    EXPECT_EQ(code, 0) << run << ": " << r.err;
    std::ifstream in(tmp.path() + "/" + run + ".json");
    auto j = nlohmann::json::parse(in, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << run;
    ingested += j["ingested"].get<size_t>();
    stored += j["alreadyStored"].get<size_t>();
  }
  // Each log went in exactly once, whichever process got it first.
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &handle), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(handle, "SELECT count(*), count(DISTINCT content_hash) FROM applications", -1,
                     &stmt, nullptr);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  int64_t apps = sqlite3_column_int64(stmt, 0);
  EXPECT_EQ(apps, sqlite3_column_int64(stmt, 1));
  sqlite3_finalize(stmt);
  sqlite3_close(handle);
  EXPECT_EQ(static_cast<size_t>(apps), ingested);
  EXPECT_EQ(ingested + stored, 2 * static_cast<size_t>(apps));
}

TEST(IngestCli, ADatabaseFromANewerSparktuneIsRefused) {
  if (!fs::exists(SampleLog())) GTEST_SKIP();
  TempDir tmp;
  std::string db = tmp.path() + "/h.db";
  ASSERT_EQ(
      RunCommand(testing::SparktuneBinary() + " ingest --db " + db + " " + SampleLog()).exit_code,
      0);
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &handle), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(handle, "PRAGMA user_version = 999", nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(handle);
  auto r = RunCommand(testing::SparktuneBinary() + " ingest --db " + db + " " + SampleLog());
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("newer"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace sparktune
