// The rewrite forms carry hostile values safely: shell arguments survive a
// real /bin/sh round trip byte for byte, and a spark-defaults.conf value with
// newlines, backslashes or comment characters cannot inject another setting.
#include <gtest/gtest.h>

#include "advisor/recommend/job_rewrite.h"
#include "tests/test_paths.h"

namespace sparktune::recommend {
namespace {

const char* const kHostile[] = {
    "plain-4g",
    "it's",
    "$(touch /tmp/sparktune-pwned) `id` ; rm -rf / && echo",
    "a\"b'c\\d",
    "line1\nspark.evil true",
    "-Dx=1 -Dy='2'",
    " leading space",
    "#not a comment",
};

TEST(JobRewrite, ShellQuotingSurvivesARealShell) {
  for (const char* v : kHostile) {
    std::string quoted = ShellQuote(v);
    auto r = testing::RunCommand("printf '%s' " + quoted);
    ASSERT_EQ(r.exit_code, 0) << quoted;
    EXPECT_EQ(r.out, v) << quoted;
  }
  EXPECT_EQ(ShellQuote("spark.executor.memory=4g"),
            "spark.executor.memory=4g");  // readable when safe
  EXPECT_EQ(ShellQuote(""), "''");
}

TEST(JobRewrite, SubmitArgsQuoteEachConf) {
  std::string s = SubmitArgs({{"spark.executor.memory", "4g"}, {"spark.app.name", "x'; rm -rf /"}});
  auto r = testing::RunCommand("set -- " + s + "\nfor a in \"$@\"; do printf '[%s]' \"$a\"; done");
  ASSERT_EQ(r.exit_code, 0) << s;
  EXPECT_EQ(r.out, "[--conf][spark.app.name=x'; rm -rf /][--conf][spark.executor.memory=4g]");
}

// Minimal java.util.Properties.load for the escapes we emit: returns the keys
// a loader would see.
std::vector<std::pair<std::string, std::string>> LoadProperties(const std::string& text) {
  std::vector<std::pair<std::string, std::string>> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    std::string line = text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    pos = nl == std::string::npos ? text.size() : nl + 1;
    size_t b = line.find_first_not_of(" \t\f");
    if (b == std::string::npos || line[b] == '#' || line[b] == '!') continue;
    std::string key, value;
    bool in_value = false;
    for (size_t i = b; i < line.size(); ++i) {
      char c = line[i];
      if (c == '\\' && i + 1 < line.size()) {
        char n = line[++i];
        char lit = n == 'n' ? '\n' : n == 't' ? '\t' : n == 'r' ? '\r' : n == 'f' ? '\f' : n;
        (in_value ? value : key) += lit;
        continue;
      }
      if (!in_value && (c == ' ' || c == '=' || c == ':' || c == '\t')) {
        in_value = true;
        while (i + 1 < line.size() && (line[i + 1] == ' ' || line[i + 1] == '\t')) ++i;
        continue;
      }
      (in_value ? value : key) += c;
    }
    out.push_back({key, value});
  }
  return out;
}

TEST(JobRewrite, DefaultsFragmentCannotInjectSettings) {
  for (const char* v : kHostile) {
    std::string frag = DefaultsFragment({{"spark.app.name", v}}, std::string("app ") + v);
    auto props = LoadProperties(frag);
    ASSERT_EQ(props.size(), 1u) << frag;
    EXPECT_EQ(props[0].first, "spark.app.name");
    EXPECT_EQ(props[0].second, v) << frag;  // including an escaped leading space
  }
}

TEST(JobRewrite, ConfigJsonIsAFlatObject) {
  auto j = ConfigJson({{"spark.executor.memory", "4g"}, {"spark.sql.shuffle.partitions", "400"}});
  EXPECT_TRUE(j.is_object());
  EXPECT_EQ(j["spark.executor.memory"], "4g");
  EXPECT_EQ(j.size(), 2u);
}

}  // namespace
}  // namespace sparktune::recommend
