// Every input string is untrusted: random and adversarial inputs must give a
// Status or findings, never a crash, hang or sanitizer report (CI runs this
// under ASan/UBSan). Seeds are fixed so failures reproduce.
#include <gtest/gtest.h>

#include <random>

#include "data/jobconfig/config_file_loader.h"
#include "reports/lint/lint_renderers.h"
#include "rules/lint_config.h"
#include "rules/linter.h"

namespace sparktune::rules {
namespace {

void LintAndRender(const std::string& path, const std::string& text) {
  Result<jobconfig::ConfigFile> parsed = jobconfig::ParseConfigText(path, text);
  if (!parsed.ok()) {
    EXPECT_FALSE(parsed.status().message().empty());
    return;
  }
  static const LintConfig config;
  LintResult result = LintConfigFile(*parsed, config);
  reports::LintReport report;
  report.files.push_back(path);
  for (const Finding& f : result.findings) {
    EXPECT_GE(f.location.line, 1) << f.rule_id << " " << f.message;
    EXPECT_GE(f.location.column, 1) << f.rule_id << " " << f.message;
    report.findings.push_back({f.rule_id, f.slug, std::string(SeverityName(f.severity)), f.message,
                               path, f.location.line, f.location.column, f.key,
                               text.substr(0, 40)});
  }
  EXPECT_FALSE(reports::RenderLintText(report).empty());
  EXPECT_FALSE(reports::RenderLintJson(report).empty());
  EXPECT_FALSE(reports::RenderLintSarif(report).empty());
  EXPECT_FALSE(reports::RenderLintJunit(report).empty());
}

std::string RandomText(std::mt19937& rng, const std::string& alphabet, size_t max_len) {
  std::uniform_int_distribution<size_t> len(0, max_len);
  std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1);
  std::string s(len(rng), ' ');
  for (char& c : s) c = alphabet[pick(rng)];
  return s;
}

TEST(LintRobustness, RandomInputsInEveryFormat) {
  std::mt19937 rng(20261121);
  const std::string alphabet =
      "spark.executor.memory=cores 4g -1 1.5 \\\n\n\t\"'#:!{}[]$()`|&;u0041 --conf "
      "--executor-memory "
      "spark-submit kind: SparkApplication spec: sparkConf: executor: memory: \xc3\xa9\xff\x01";
  for (int i = 0; i < 1500; ++i) {
    std::string text = RandomText(rng, alphabet, 400);
    LintAndRender("r.conf", text);
    LintAndRender("r.sh", "spark-submit " + text);
    LintAndRender("r.yaml", text);
  }
}

TEST(LintRobustness, AdversarialShapes) {
  LintAndRender("a.conf", std::string(100000, '\\'));
  LintAndRender("a.conf", "spark.a \\u");
  LintAndRender("a.conf", "spark.a \\uzzzz\n");
  LintAndRender("a.conf",
                "spark.executor.memory 99999999999999999999999g\nspark.executor.cores 0\n");
  LintAndRender("a.conf",
                "spark.executor.memory -5g\nspark.executor.cores -3\nspark.task.cpus 0\n");
  LintAndRender("a.conf", "spark.network.timeout 9223372036854775807d\n");
  LintAndRender("a.sh", "spark-submit " + std::string(50000, '"'));
  LintAndRender("a.sh", "spark-submit $(((((((((((((((((((");
  LintAndRender("a.sh", "spark-submit --conf");
  LintAndRender("a.sh", "spark-submit \\");
  LintAndRender("a.yaml", std::string(5000, '[') + std::string(5000, ']'));
  LintAndRender("a.yaml", "kind: SparkApplication\nspec:\n  sparkConf: &a\n    x: *a\n");
  LintAndRender("a.yaml", "kind: SparkApplication\nspec:\n  executor: [1, 2]\n  sparkConf: 7\n");
  LintAndRender("a.yaml", "kind: SparkApplication\nspec:\n  ? [complex, key]\n  : value\n");
  LintAndRender("a.yaml", std::string("\0\0\0", 3));
}

}  // namespace
}  // namespace sparktune::rules
