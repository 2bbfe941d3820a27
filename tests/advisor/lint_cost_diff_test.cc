// Data-aware lint (ST801): with --log the linted config is simulated against
// the job's last run; --max-cost-increase turns a larger predicted increase
// into an error that fails CI, and an unchanged config passes.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "tests/test_paths.h"

namespace sparktune {
namespace {

using testing::RunCommand;

std::string Write(const std::string& name, const std::string& text) {
  auto p = std::filesystem::temp_directory_path() / ("sparktune-lintcost-" + name);
  std::ofstream(p) << text;
  return p.string();
}

std::string LastRun() {
  return testing::SourceDir() + "/data/groundtruth/2026-11-21/logs/app-20261121215226-0000.zstd";
}

TEST(LintCostDiff, CostlierConfigFailsTheLimit) {
  if (!std::filesystem::exists(LastRun())) GTEST_SKIP() << "ground-truth log missing";
  std::string conf =
      Write("worse.conf", "spark.sql.shuffle.partitions 2000\nspark.sql.adaptive.enabled false\n");
  auto r = RunCommand(testing::SparktuneBinary() + " lint " + conf + " --log " + LastRun() +
                      " --max-cost-increase 5 --fail-on error --only ST701");
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("error [ST801]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("spark.sql.shuffle.partitions=2000"), std::string::npos) << r.out;
}

TEST(LintCostDiff, UnchangedConfigPassesWithANote) {
  if (!std::filesystem::exists(LastRun())) GTEST_SKIP() << "ground-truth log missing";
  std::string conf = Write("same.conf", "spark.sql.shuffle.partitions 200\n");
  auto r = RunCommand(testing::SparktuneBinary() + " lint " + conf + " --log " + LastRun() +
                      " --max-cost-increase 5 --fail-on error --format json");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("ST801"), std::string::npos);
  EXPECT_NE(r.out.find("+0.0%"), std::string::npos) << r.out;
}

TEST(LintCostDiff, LimitWithoutLogIsAUsageError) {
  std::string conf = Write("x.conf", "spark.executor.memory 4g\n");
  auto r = RunCommand(testing::SparktuneBinary() + " lint " + conf + " --max-cost-increase 5");
  EXPECT_EQ(r.exit_code, 2);
  auto bad = RunCommand(testing::SparktuneBinary() + " lint " + conf + " --log /nonexistent/log");
  EXPECT_EQ(bad.exit_code, 3);
}

}  // namespace
}  // namespace sparktune

namespace sparktune {
namespace {

// --db DB --job NAME: the job's last run comes from the history store.
TEST(LintCostDiff, LastRunFromTheHistoryStore) {
  const std::string log =
      testing::SourceDir() + "/data/groundtruth/2026-11-21/logs/app-20261121215226-0000.zstd";
  if (!std::filesystem::exists(log)) GTEST_SKIP() << "ground-truth log missing";
  testing::TempDir tmp("lint-db");
  const std::string db = tmp.path() + "/h.db";
  auto ingest = testing::RunCommand(testing::SparktuneBinary() + " ingest --no-evaluate --db " +
                                    db + " " + log);
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  std::string conf = tmp.path() + "/worse.conf";
  std::ofstream(conf) << "spark.sql.shuffle.partitions 2000\nspark.sql.adaptive.enabled false\n";
  // The ground-truth app is named w1_wide_agg; the job key ignores case.
  auto r =
      testing::RunCommand(testing::SparktuneBinary() + " lint " + conf + " --db " + db +
                          " --job W1_wide_agg --max-cost-increase 5 --fail-on error --only ST701");
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("error [ST801]"), std::string::npos) << r.out;
  auto unknown = testing::RunCommand(testing::SparktuneBinary() + " lint " + conf + " --db " + db +
                                     " --job nope");
  EXPECT_EQ(unknown.exit_code, 3) << unknown.err;
  EXPECT_NE(unknown.err.find("no complete run of job 'nope'"), std::string::npos) << unknown.err;
  auto no_job = testing::RunCommand(testing::SparktuneBinary() + " lint " + conf + " --db " + db);
  EXPECT_EQ(no_job.exit_code, 2);
}

}  // namespace
}  // namespace sparktune
