// Configs shaped like the published eBay before/after-tuning jobs
// (../shared/design/seed-cases.md), in all three input formats: the
// before-tuning ones get the findings the case describes, each located at
// the line that sets the value; the after-tuning ones pass --fail-on error.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <utility>

#include "tests/test_paths.h"

namespace sparktune::rules {
namespace {

using sparktune::testing::RunCommand;
using sparktune::testing::SourceDir;
using sparktune::testing::SparktuneBinary;

sparktune::testing::CommandResult Lint(const std::string& file, const std::string& extra) {
  return RunCommand("cd '" + SourceDir() + "' && '" + SparktuneBinary() + "' lint " + extra +
                    " tests/rules/seed/" + file);
}

// (rule, line) pairs found in `file`.
std::set<std::pair<std::string, int>> Located(const std::string& file) {
  auto r = Lint(file, "--format json --fail-on never");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::set<std::pair<std::string, int>> out;
  const nlohmann::json report = nlohmann::json::parse(r.out);
  for (const auto& f : report["findings"]) {
    EXPECT_GE(f["column"].get<int>(), 1);
    out.insert({f["rule"].get<std::string>(), f["line"].get<int>()});
  }
  return out;
}

struct SeedCase {
  const char* before;
  const char* after;
  std::vector<std::pair<std::string, int>> expected;  // (rule, line) in `before`
};

class SeedCases : public ::testing::TestWithParam<SeedCase> {};

TEST_P(SeedCases, BeforeGetsLocatedFindingsAfterPassesFailOnError) {
  const SeedCase& c = GetParam();
  std::set<std::pair<std::string, int>> found = Located(c.before);
  for (const auto& e : c.expected) {
    EXPECT_TRUE(found.count(e)) << c.before << " lacks " << e.first << " at line " << e.second;
  }
  EXPECT_EQ(Lint(c.before, "--fail-on warning").exit_code, 1);
  auto after = Lint(c.after, "--fail-on error");
  EXPECT_EQ(after.exit_code, 0) << after.out << after.err;
  // Tuning removed the case's findings.
  std::set<std::pair<std::string, int>> after_found = Located(c.after);
  for (const auto& e : c.expected) {
    if (e.first == "ST201" && std::string(c.after).find("merge") != std::string::npos) continue;
    for (const auto& a : after_found)
      EXPECT_NE(a.first, e.first) << c.after << " still has " << e.first;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Ebay, SeedCases,
    ::testing::Values(
        // 40g / 2 cores, 18g overhead, 20000 partitions, timeout 3000 s.
        SeedCase{"ebay_merge_before.sh",
                 "ebay_merge_after.sh",
                 {{"ST201", 6}, {"ST202", 6}, {"ST205", 6}, {"ST204", 7}, {"ST501", 12}}},
        // 5000 partitions without AQE, 20 GB per core.
        SeedCase{"ebay_aqe_before.conf",
                 "ebay_aqe_after.conf",
                 {{"ST201", 4}, {"ST305", 6}, {"ST301", 7}}},
        // 26 GB + 18 GB overhead, a huge initial executor count.
        SeedCase{"ebay_dw_accounts_before.yaml",
                 "ebay_dw_accounts_after.yaml",
                 {{"ST201", 16}, {"ST204", 17}, {"ST402", 20}}}),
    [](const ::testing::TestParamInfo<SeedCase>& info) {
      std::string name = info.param.before;
      return name.substr(0, name.find('.'));
    });

}  // namespace
}  // namespace sparktune::rules
