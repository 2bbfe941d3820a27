#include "reports/nightly/markdown_report.h"

#include <gtest/gtest.h>

#include "tests/reports/nightly/golden_file.h"
#include "tests/reports/nightly/sample_report.h"

namespace sparktune::reports {
namespace {

TEST(NightlyMarkdownTest, SampleReportMatchesGolden) {
  testing::ExpectMatchesGolden("sample_report.md",
                               RenderNightlyMarkdown(testing::SampleNightlyReport()));
}

TEST(NightlyMarkdownTest, FirstNightMatchesGolden) {
  testing::ExpectMatchesGolden("first_night.md",
                               RenderNightlyMarkdown(testing::FirstNightReport()));
}

TEST(NightlyMarkdownTest, HostileNameCannotFormatOrEmbedHtml) {
  std::string md = RenderNightlyMarkdown(testing::SampleNightlyReport());
  EXPECT_EQ(md.find("<script"), std::string::npos);
  EXPECT_EQ(md.find("<img"), std::string::npos);
  EXPECT_NE(
      md.find("&lt;script&gt;alert\\(1\\)&lt;/script&gt;&lt;img src=x onerror=alert\\(2\\)&gt;"),
      std::string::npos);
}

TEST(NightlyMarkdownTest, EscapeNeutralizesMarkdownAndHtml) {
  EXPECT_EQ(MarkdownEscape("a|b"), "a\\|b");
  EXPECT_EQ(MarkdownEscape("*bold* _it_ [x](http://e) ![i](y)"),
            "\\*bold\\* \\_it\\_ \\[x\\]\\(http://e\\) \\!\\[i\\]\\(y\\)");
  EXPECT_EQ(MarkdownEscape("<b>&amp;</b>"), "&lt;b&gt;&amp;amp;&lt;/b&gt;");
  EXPECT_EQ(MarkdownEscape("`code`"), "\\`code\\`");
  EXPECT_EQ(MarkdownEscape("line1\nline2"), "line1 line2");
}

TEST(NightlyMarkdownTest, CodeSpanOutlastsBackticksAndKeepsTableCells) {
  EXPECT_EQ(MarkdownCode("spark.executor.memory"), "`spark.executor.memory`");
  EXPECT_EQ(MarkdownCode("a`b"), "``a`b``");
  EXPECT_EQ(MarkdownCode("`x`"), "`` `x` ``");
  EXPECT_EQ(MarkdownCode("a|b"), "`a\\|b`");
  EXPECT_EQ(MarkdownCode("a\nb"), "`a b`");
}

TEST(NightlyMarkdownTest, UnreadableLogWithPipeStaysInOneRow) {
  NightlyReport r = testing::FirstNightReport();
  r.inputs.unreadable.push_back({"/logs/a|b.lz4", "bad | worse\nthird line"});
  std::string md = RenderNightlyMarkdown(r);
  EXPECT_NE(md.find("| `/logs/a\\|b.lz4` | bad \\| worse third line |\n"), std::string::npos) << md;
}

TEST(NightlyMarkdownTest, FirstNightSaysThereIsNothingToPropose) {
  std::string md = RenderNightlyMarkdown(testing::FirstNightReport());
  EXPECT_NE(md.find("No change proposed tonight."), std::string::npos);
  EXPECT_NE(md.find("No job has a predicted saving tonight."), std::string::npos);
  EXPECT_EQ(md.find("Unreadable logs"), std::string::npos);
}

TEST(NightlyMarkdownTest, FootnoteNamesTheUnitTheTablesUse) {
  // A small fleet: its figures are in MB·h, and the footnote must say so
  // (it used to claim GB·h under MB·h tables).
  NightlyReport r = testing::FirstNightReport();
  r.totals.mb_seconds = 20.0 * 3600;  // 20 MB·h
  std::string md = RenderNightlyMarkdown(r);
  ASSERT_NE(md.find("20.0 MB·h"), std::string::npos) << md;
  size_t note = md.rfind("*Memory cost");
  ASSERT_NE(note, std::string::npos) << md;
  EXPECT_NE(md.find("MB·h", note), std::string::npos) << md.substr(note);
  EXPECT_EQ(md.find("in GB·h", note), std::string::npos) << md.substr(note);
}

TEST(NightlyMarkdownTest, AnOverrideWithoutSettingsGetsNoRow) {
  NightlyReport r = testing::SampleNightlyReport();
  r.overrides.push_back({"empty-job", "app-1", {}, Estimate::Exact(0)});
  std::string md = RenderNightlyMarkdown(r);
  EXPECT_NE(md.find("clickstream-sessionize"), std::string::npos);
  EXPECT_EQ(md.find("empty-job"), std::string::npos) << md;
  // Only empty overrides: no table at all.
  r.overrides = {{"empty-job", "app-1", {}, Estimate::Exact(0)}};
  md = RenderNightlyMarkdown(r);
  EXPECT_EQ(md.find("Per-job overrides"), std::string::npos) << md;
}

TEST(NightlyMarkdownTest, AnOverrideThatKeepsAJobsOwnValuesSaysSoInsteadOfZeroPercent) {
  NightlyReport r = testing::FirstNightReport();
  r.overrides = {{"exempt-job", "app-1", {{"spark.executor.memory", "4g"}}, Estimate::Exact(0)}};
  std::string md = RenderNightlyMarkdown(r);
  EXPECT_NE(md.find("| exempt-job | `spark.executor.memory=4g` | keeps its own values (the unified "
                    "config breaks its limit) |"),
            std::string::npos)
      << md;
  EXPECT_EQ(md.find("0.0%"), std::string::npos) << md;
}

TEST(NightlyMarkdownTest, KeepingCurrentSettingsSaysWhy) {
  NightlyReport r = testing::FirstNightReport();
  r.proposal.decision =
      "keep current settings: predicted saving 0.3% (-2.1% to 2.8%), is below the 2% minimum gain";
  std::string md = RenderNightlyMarkdown(r);
  EXPECT_NE(md.find("No change proposed tonight: keep current settings: predicted saving 0.3% "
                    "\\(-2.1% to 2.8%\\), is below the 2% minimum gain."),
            std::string::npos)
      << md;
}

}  // namespace
}  // namespace sparktune::reports
