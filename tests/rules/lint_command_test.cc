// End-to-end behaviour of `sparktune lint`: exit codes (0/1/2/3), --fail-on,
// the project config, --only/--disable, inline suppressions, and the
// not-yet-available data-aware flags.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "tests/test_paths.h"

namespace sparktune::rules {
namespace {

namespace fs = std::filesystem;
using sparktune::testing::RunCommand;
using sparktune::testing::SourceDir;
using sparktune::testing::SparktuneBinary;

sparktune::testing::CommandResult Lint(const std::string& args) {
  return RunCommand("cd '" + SourceDir() + "' && '" + SparktuneBinary() + "' lint " + args);
}

class TempDir {
 public:
  TempDir() {
    char tmpl[] = "/tmp/sparktune-lint-XXXXXX";
    path_ = mkdtemp(tmpl);
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string Write(const std::string& name, const std::string& text) const {
    std::string p = path_ + "/" + name;
    std::ofstream(p, std::ios::binary) << text;
    return p;
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

TEST(LintCommand, ExitCodesFollowFailOn) {
  const std::string f = "tests/rules/fixtures/ST201/bad.conf";  // warnings only
  EXPECT_EQ(Lint(f).exit_code, 0);                              // default: --fail-on error
  EXPECT_EQ(Lint(f + " --fail-on warning").exit_code, 1);
  EXPECT_EQ(Lint(f + " --fail-on=never").exit_code, 0);
  EXPECT_EQ(Lint("tests/rules/fixtures/ST101/bad.conf").exit_code, 1);  // errors
  EXPECT_EQ(Lint("tests/rules/fixtures/ST101/good.conf --only ST101 --fail-on note").exit_code, 0);
}

TEST(LintCommand, UsageErrorsExitTwo) {
  EXPECT_EQ(Lint("").exit_code, 2);
  EXPECT_EQ(Lint("x.conf --format xml").exit_code, 2);
  EXPECT_EQ(Lint("x.conf --fail-on sometimes").exit_code, 2);
  EXPECT_EQ(Lint("x.conf --bogus").exit_code, 2);
  EXPECT_EQ(Lint("x.conf --only ST999").exit_code, 2);
  EXPECT_EQ(Lint("x.conf --spark-version banana").exit_code, 2);
}

TEST(LintCommand, DataAwareFlagsNeedTheirInputs) {
  // --db needs --job; --log must name a readable event log; --max-cost-increase
  // needs --log or --db (tests/advisor/lint_cost_diff_test.cc has the rest).
  auto db = Lint("tests/rules/fixtures/ST201/good.conf --db store.db");
  EXPECT_EQ(db.exit_code, 2);
  EXPECT_NE(db.err.find("--db needs --job NAME"), std::string::npos) << db.err;
  EXPECT_EQ(Lint("tests/rules/fixtures/ST201/good.conf --log app.log").exit_code, 3);
  EXPECT_EQ(Lint("tests/rules/fixtures/ST201/good.conf --max-cost-increase 10").exit_code, 2);
}

TEST(LintCommand, UnreadableInputExitsThreeButLintsTheRest) {
  TempDir dir;
  std::string broken = dir.Write("broken.sh", "spark-submit --conf 'spark.executor.memory=4g\n");
  auto r = Lint("tests/rules/fixtures/ST101/bad.conf /nonexistent/spark-defaults.conf " + broken);
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("/nonexistent/spark-defaults.conf: no such file"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("broken.sh:1:21: unterminated single quote"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("[ST101]"), std::string::npos);  // the readable file was still linted
  std::string bad_yaml = dir.Write("app.yaml", "spec:\n  sparkConf: [unclosed\n");
  auto y = Lint(bad_yaml);
  EXPECT_EQ(y.exit_code, 3);
  EXPECT_NE(y.err.find("app.yaml:"), std::string::npos) << y.err;
  EXPECT_EQ(Lint(dir.path()).exit_code, 3);  // a directory
}

TEST(LintCommand, ProjectConfigDisablesRelevelsAndSetsOptions) {
  TempDir dir;
  std::string conf =
      dir.Write("spark-defaults.conf",
                "spark.executor.memory 12g\nspark.executor.cores 2\nspark.network.timeout 200s\n");
  // Defaults: 6 GiB per core is above 5g -> ST201 warning.
  auto base = Lint(conf);
  EXPECT_NE(base.out.find("warning [ST201]"), std::string::npos) << base.out;
  std::string project = dir.Write("lint.yaml",
                                  "rules:\n"
                                  "  memory-per-core:\n"
                                  "    severity: error\n"
                                  "  ST501:\n"
                                  "    options: {max_timeout: 100s}\n"
                                  "disable: [ST701]\n");
  auto r = Lint(conf + " --config " + project);
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("error [ST201]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("[ST501]"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("[ST701]"), std::string::npos) << r.out;
  std::string raise =
      dir.Write("raise.yaml", "rules:\n  ST201:\n    options:\n      max_per_core: 8g\n");
  EXPECT_EQ(Lint(conf + " --config " + raise).out.find("[ST201]"), std::string::npos);
  std::string off = dir.Write("off.yaml", "rules:\n  ST201: off\n");
  EXPECT_EQ(Lint(conf + " --config " + off).out.find("[ST201]"), std::string::npos);
  EXPECT_EQ(Lint(conf + " --disable memory-per-core").out.find("[ST201]"), std::string::npos);
  // Mistakes in the project config are usage errors naming file and line.
  std::string typo = dir.Write("typo.yaml", "rules:\n  ST201:\n    options: {max_per_cor: 8g}\n");
  auto t = Lint(conf + " --config " + typo);
  EXPECT_EQ(t.exit_code, 2);
  EXPECT_NE(t.err.find("typo.yaml:3: rule ST201 has no option 'max_per_cor'"), std::string::npos)
      << t.err;
  std::string unknown = dir.Write("unknown.yaml", "disable: [ST999]\n");
  EXPECT_EQ(Lint(conf + " --config " + unknown).exit_code, 2);
}

TEST(LintCommand, SparkVersionChangesVersionedFindings) {
  TempDir dir;
  std::string conf =
      dir.Write("spark-defaults.conf",
                "spark.dynamicAllocation.enabled true\nspark.dynamicAllocation.maxExecutors 50\n");
  EXPECT_NE(Lint(conf + " --spark-version 3.3.1").out.find("[ST404]"), std::string::npos);
  EXPECT_EQ(Lint(conf + " --spark-version 3.4.0").out.find("[ST404]"), std::string::npos);
  std::string project = dir.Write("lint.yaml", "spark_version: 3.1.3\n");
  EXPECT_NE(Lint(conf + " --config " + project).out.find("[ST301]"), std::string::npos);
}

TEST(LintCommand, SuppressionsNeedAReason) {
  TempDir dir;
  std::string conf = dir.Write("a.conf",
                               "# sparktune: disable=ST203 reason: GPU executors\n"
                               "spark.executor.cores 8\n"
                               "# sparktune: disable=ST205\n"
                               "spark.driver.memory 40g\n");
  auto r = Lint(conf + " --fail-on never");
  EXPECT_EQ(r.out.find("[ST203]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(":4:21: warning [ST205]"), std::string::npos)
      << r.out;  // no reason: not suppressed
  EXPECT_NE(r.out.find(":3:1: warning [ST001]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("(1 suppressed)"), std::string::npos) << r.out;
  std::string script = dir.Write("job.sh",
                                 "spark-submit --executor-cores 8 app.jar  # sparktune: "
                                 "disable=executor-cores-range reason: GPU\n");
  EXPECT_EQ(Lint(script).out.find("[ST203]"), std::string::npos);
  std::string whole = dir.Write(
      "b.conf", "# sparktune: disable-file=ST203,ST701 reason: sandbox\nspark.executor.cores 8\n");
  EXPECT_EQ(Lint(whole).out.find("[ST203]"), std::string::npos);
}

TEST(LintCommand, ListRulesShowsTheCatalog) {
  auto r = Lint("--list-rules");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("ST201  memory-per-core"), std::string::npos) << r.out;
  EXPECT_NE(RunCommand("'" + SparktuneBinary() + "' help").out.find("lint"), std::string::npos);
}

}  // namespace
}  // namespace sparktune::rules
