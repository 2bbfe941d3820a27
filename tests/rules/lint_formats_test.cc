// Golden outputs of `sparktune lint` in every format (text, json, sarif,
// junit) over tests/rules/golden/{defaults.conf,submit.sh,app.yaml}, which
// hold findings, a suppression and hostile text (markup, quotes, a control
// character, an invalid UTF-8 byte). Regenerate with SPARKTUNE_UPDATE_GOLDEN=1.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "tests/test_paths.h"

namespace sparktune::rules {
namespace {

namespace fs = std::filesystem;
using sparktune::testing::RunCommand;
using sparktune::testing::SourceDir;
using sparktune::testing::SparktuneBinary;

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

sparktune::testing::CommandResult Lint(const std::string& format) {
  return RunCommand(
      "cd '" + SourceDir() + "' && '" + SparktuneBinary() + "' lint --format " + format +
      " tests/rules/golden/defaults.conf tests/rules/golden/submit.sh tests/rules/golden/app.yaml");
}

void ExpectGolden(const std::string& format, const std::string& file) {
  auto r = Lint(format);
  EXPECT_EQ(r.exit_code, 1) << r.err;  // the inputs hold errors; default --fail-on error
  fs::path golden = fs::path(SourceDir()) / "tests/rules/golden" / file;
  if (std::getenv("SPARKTUNE_UPDATE_GOLDEN")) std::ofstream(golden, std::ios::binary) << r.out;
  EXPECT_EQ(r.out, Slurp(golden)) << "golden " << file << " differs";
}

TEST(LintFormats, TextGolden) { ExpectGolden("text", "expected.txt"); }
TEST(LintFormats, JsonGolden) { ExpectGolden("json", "expected.json"); }
TEST(LintFormats, SarifGolden) { ExpectGolden("sarif", "expected.sarif"); }
TEST(LintFormats, JunitGolden) { ExpectGolden("junit", "expected.xml"); }

TEST(LintFormats, TextIsCompilerStyleAndOneLinePerFinding) {
  auto r = Lint("text");
  std::istringstream lines(r.out);
  std::string line;
  int findings = 0;
  while (std::getline(lines, line)) {
    if (line.find(" [ST") == std::string::npos) continue;
    ++findings;
    EXPECT_EQ(line.rfind("tests/rules/golden/", 0), 0u) << line;
    EXPECT_TRUE(line.find(": error [") != std::string::npos ||
                line.find(": warning [") != std::string::npos ||
                line.find(": note [") != std::string::npos)
        << line;
  }
  EXPECT_GT(findings, 5);
  EXPECT_NE(r.out.find("\\x07"), std::string::npos) << "control character not escaped";
  EXPECT_EQ(r.out.find('\x07'), std::string::npos);
}

TEST(LintFormats, JsonIsVersionedAndValid) {
  auto r = Lint("json");
  nlohmann::json j = nlohmann::json::parse(r.out);  // throws on invalid JSON or UTF-8
  EXPECT_EQ(j["schema"], "sparktune.lint/1");
  EXPECT_EQ(j["summary"]["suppressed"], 1);
  ASSERT_FALSE(j["findings"].empty());
  for (const auto& f : j["findings"]) {
    EXPECT_GE(f["line"].get<int>(), 1);
    EXPECT_GE(f["column"].get<int>(), 1);
    EXPECT_TRUE(f["rule"].get<std::string>().rfind("ST", 0) == 0);
  }
}

TEST(LintFormats, JunitIsWellFormedXml) {
  auto r = Lint("junit");
  for (char c : r.out) {
    unsigned char u = static_cast<unsigned char>(c);
    EXPECT_FALSE(u < 0x20 && c != '\n' && c != '\t' && c != '\r') << "raw control character in XML";
  }
  EXPECT_NE(r.out.find("&lt;b&gt;"), std::string::npos);
  // Parse it with Python's XML parser when Python is there (it is on CI).
  if (RunCommand("python3 -c 'import xml.dom.minidom'").exit_code == 0) {
    fs::path tmp = fs::temp_directory_path() / "sparktune-junit-test.xml";
    std::ofstream(tmp, std::ios::binary) << r.out;
    auto parsed = RunCommand(
        "python3 -c 'import sys,xml.dom.minidom; d=xml.dom.minidom.parse(sys.argv[1]); "
        "print(len(d.getElementsByTagName(\"testsuite\")))' '" +
        tmp.string() + "'");
    EXPECT_EQ(parsed.exit_code, 0) << parsed.err;
    EXPECT_EQ(parsed.out, "3\n");
    fs::remove(tmp);
  }
}

TEST(LintFormats, SarifHasRulesHelpLocationsAndFingerprints) {
  auto r = Lint("sarif");
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["version"], "2.1.0");
  const auto& run = j["runs"][0];
  const auto& rules = run["tool"]["driver"]["rules"];
  ASSERT_GE(rules.size(), 30u);
  for (const auto& rule : rules) {
    EXPECT_FALSE(rule["shortDescription"]["text"].get<std::string>().empty());
    EXPECT_LE(rule["fullDescription"]["text"].get<std::string>().size(), 1024u);
    EXPECT_NE(rule["help"]["markdown"].get<std::string>().find("## Why it matters"),
              std::string::npos);
  }
  std::set<std::string> prints;
  for (const auto& res : run["results"]) {
    const auto& loc = res["locations"][0]["physicalLocation"];
    EXPECT_GE(loc["region"]["startLine"].get<int>(), 1);
    EXPECT_GE(loc["region"]["startColumn"].get<int>(), 1);
    EXPECT_EQ(loc["artifactLocation"]["uri"].get<std::string>().rfind("tests/rules/golden/", 0),
              0u);
    EXPECT_EQ(rules[res["ruleIndex"].get<int>()]["id"], res["ruleId"]);
    EXPECT_TRUE(prints.insert(res["partialFingerprints"]["primaryLocationLineHash"]).second);
  }
}

}  // namespace
}  // namespace sparktune::rules
