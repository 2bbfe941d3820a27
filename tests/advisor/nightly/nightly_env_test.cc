// RunNightly against the in-memory Env: the clock is pinned, so the night's
// date, the report's file names and its generation time are known in advance;
// the report goes to memory (nothing is written under the output folder on
// disk), a second night a day later names its own date, and an unwritable
// output folder fails the run with the folder's path. Only the history store
// (SQLite) and the sample logs are real files.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "advisor/nightly/nightly_pipeline.h"
#include "data/base/mem_env.h"
#include "tests/test_paths.h"

namespace sparktune::advisor {
namespace {

constexpr int64_t kNov22At3 = 1'795'316'400'000;  // 2026-11-22T03:00:00Z
constexpr int64_t kDayMs = 24 * 3600 * 1000;

NightlyOptions Options(const testing::TempDir& tmp, MemEnv* env) {
  NightlyOptions o;
  o.log_paths = {testing::SourceDir() + "/data/samples"};
  o.source_label = "--logs data/samples";
  o.db_path = tmp.path() + "/sparktune.db";
  o.out_dir = "reports/out";
  o.jobs = 2;
  o.env = env;
  return o;
}

TEST(NightlyEnv, APinnedClockNamesTheReportAndNothingGoesToDisk) {
  testing::TempDir tmp("nightly-env");
  MemEnv env(kNov22At3);
  auto first = RunNightly(Options(tmp, &env));
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->ingested, 5u);
  EXPECT_EQ(first->html_path, "reports/out/sparktune-report-2026-11-22-night1.html");
  EXPECT_EQ(first->seconds, 0);  // the monotonic clock did not move
  std::vector<std::string> files = env.Files();
  for (const char* f :
       {"reports/out/latest.html", "reports/out/latest.md", "reports/out/latest.json",
        "reports/out/sparktune-report-2026-11-22-night1.json"}) {
    EXPECT_NE(std::find(files.begin(), files.end(), f), files.end()) << f;
  }
  auto report = nlohmann::json::parse(*env.ReadFile("reports/out/latest.json"));
  EXPECT_EQ(report["night"]["date"], "2026-11-22");
  EXPECT_EQ(report["night"]["generatedAt"], "2026-11-22T03:00:00Z");
  EXPECT_FALSE(std::filesystem::exists("reports/out/sparktune-report-2026-11-22-night1.html"));

  env.AdvanceMillis(kDayMs);
  auto second = RunNightly(Options(tmp, &env));
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(second->ingested, 0u);
  EXPECT_EQ(second->already_stored, 5u);
  EXPECT_EQ(second->json_path, "reports/out/sparktune-report-2026-11-23-night2.json");
  EXPECT_EQ(nlohmann::json::parse(*env.ReadFile("reports/out/latest.json"))["night"]["date"],
            "2026-11-23");
}

TEST(NightlyEnv, AnUnwritableOutputFolderFailsTheRunNamingIt) {
  testing::TempDir tmp("nightly-env-ro");
  MemEnv env(kNov22At3);
  env.SetReadOnly("reports");
  auto run = RunNightly(Options(tmp, &env));
  ASSERT_FALSE(run.ok());
  EXPECT_EQ(run.status().code(), StatusCode::kIoError);
  EXPECT_NE(run.status().message().find("reports/out"), std::string::npos)
      << run.status().message();
  EXPECT_TRUE(env.Files().empty());
}

}  // namespace
}  // namespace sparktune::advisor
