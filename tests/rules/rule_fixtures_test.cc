// Data-driven golden tests of every lint rule (one ctest case per rule):
// tests/rules/fixtures/<ID>/ holds bad.* and good.* inputs, an optional
// lint.yaml project config (e.g. a Spark version), and expected.txt, the text
// output of `sparktune lint --only <ID>` over all inputs. Good inputs must give
// no finding; bad ones at least one. Also checks the rule's docs page.
//
// Regenerate the expected files after an intended change with
//   SPARKTUNE_UPDATE_GOLDEN=1 ctest --test-dir build -R RuleFixtures
// and review the diff.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "rules/registry.h"
#include "rules/rule_docs.h"
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

bool UpdateGolden() { return std::getenv("SPARKTUNE_UPDATE_GOLDEN") != nullptr; }

std::vector<std::string> Inputs(const std::string& id, std::string_view prefix) {
  std::vector<std::string> out;
  fs::path dir = fs::path(SourceDir()) / "tests/rules/fixtures" / id;
  if (!fs::exists(dir)) return out;
  for (const auto& e : fs::directory_iterator(dir)) {
    std::string name = e.path().filename().string();
    if (name.rfind(prefix, 0) == 0) out.push_back("tests/rules/fixtures/" + id + "/" + name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string LintCommand(const std::string& id, const std::vector<std::string>& files) {
  std::string cmd = "cd '" + SourceDir() + "' && '" + SparktuneBinary() + "' lint --only " + id +
                    " --fail-on never";
  std::string config = "tests/rules/fixtures/" + id + "/lint.yaml";
  if (fs::exists(fs::path(SourceDir()) / config)) cmd += " --config " + config;
  for (const std::string& f : files) cmd += " '" + f + "'";
  return cmd;
}

class RuleFixtures : public ::testing::TestWithParam<std::string> {};

TEST_P(RuleFixtures, MatchesGoldenOutput) {
  const std::string id = GetParam();
  std::vector<std::string> bad = Inputs(id, "bad");
  std::vector<std::string> good = Inputs(id, "good");
  ASSERT_FALSE(bad.empty()) << "no bad.* fixture for " << id;
  ASSERT_FALSE(good.empty()) << "no good.* fixture for " << id;
  std::vector<std::string> all = bad;
  all.insert(all.end(), good.begin(), good.end());
  auto result = RunCommand(LintCommand(id, all));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  fs::path expected = fs::path(SourceDir()) / "tests/rules/fixtures" / id / "expected.txt";
  if (UpdateGolden()) {
    std::ofstream(expected, std::ios::binary) << result.out;
  }
  EXPECT_EQ(result.out, Slurp(expected)) << "golden output differs for " << id;
  // Every bad input yields a finding of this rule; no good input does.
  for (const std::string& f : bad) {
    auto r = RunCommand(LintCommand(id, {f}));
    EXPECT_NE(r.out.find("[" + id + "]"), std::string::npos)
        << f << " gives no " << id << " finding";
  }
  for (const std::string& f : good) {
    auto r = RunCommand(LintCommand(id, {f}));
    EXPECT_EQ(r.out.find("[" + id + "]"), std::string::npos) << f << " gives a finding:\n" << r.out;
  }
}

TEST_P(RuleFixtures, HasDocsPageWithEverySection) {
  const std::string id = GetParam();
  fs::path page = fs::path(SourceDir()) / "rules/docs" / (id + ".md");
  ASSERT_TRUE(fs::exists(page)) << page;
  std::string text = Slurp(page);
  for (const char* heading : {"## What it checks", "## Why it matters", "## Example",
                              "## Use instead", "## Options", "## References"}) {
    EXPECT_NE(text.find(heading), std::string::npos) << id << " lacks " << heading;
  }
  const Rule* rule = FindRule(id);
  ASSERT_NE(rule, nullptr);
  EXPECT_EQ(text.rfind("# " + id + " " + std::string(rule->slug), 0), 0u) << "title of " << id;
  for (const RuleOption& o : rule->options) {
    EXPECT_NE(text.find("`" + std::string(o.name) + "`"), std::string::npos)
        << id << " docs do not document option " << o.name;
  }
  EXPECT_EQ(std::string(RuleDocMarkdown(id)), text)
      << "embedded docs are stale: run python3 rules/docs/embed_docs.py";
  EXPECT_FALSE(RuleFullDescription(id).empty());
  EXPECT_LE(RuleFullDescription(id).size(), 1024u);
}

std::vector<std::string> AllIds() {
  std::vector<std::string> ids;
  for (const Rule* r : AllRules()) ids.emplace_back(r->id);
  return ids;
}

INSTANTIATE_TEST_SUITE_P(AllRules, RuleFixtures, ::testing::ValuesIn(AllIds()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           return info.param;
                         });

TEST(RuleRegistry, IdsAndSlugsAreUniqueAndFilesMatchSlugs) {
  std::set<std::string_view> ids, slugs;
  for (const Rule* r : AllRules()) {
    EXPECT_TRUE(ids.insert(r->id).second) << r->id;
    EXPECT_TRUE(slugs.insert(r->slug).second) << r->slug;
    std::string file(r->slug);
    std::replace(file.begin(), file.end(), '-', '_');
    EXPECT_TRUE(fs::exists(fs::path(SourceDir()) / "rules" / (file + ".cc"))) << r->slug;
    EXPECT_EQ(FindRule(r->slug), r);
    EXPECT_NE(r->check, nullptr);
    EXPECT_FALSE(r->summary.empty());
  }
  EXPECT_GE(ids.size(), 30u);
  std::string index = Slurp(fs::path(SourceDir()) / "rules/docs/README.md");
  for (std::string_view id : ids) {
    EXPECT_NE(index.find("[" + std::string(id) + "]"), std::string::npos)
        << "rules/docs/README.md lacks " << id << ": run python3 rules/docs/embed_docs.py";
  }
  EXPECT_TRUE(std::is_sorted(AllRules().begin(), AllRules().end(),
                             [](const Rule* a, const Rule* b) { return a->id < b->id; }));
}

}  // namespace
}  // namespace sparktune::rules
