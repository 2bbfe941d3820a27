#include "reports/nightly/html_report.h"

#include <gtest/gtest.h>

#include <cctype>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "reports/nightly/html_escape.h"
#include "reports/nightly/nightly_charts.h"
#include "tests/reports/nightly/html_tags.h"
#include "tests/reports/nightly/sample_report.h"

namespace sparktune::reports {
namespace {

using testing::kRendererElements;
using testing::StartTags;
using testing::Tag;

size_t Count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t p = haystack.find(needle); p != std::string::npos; p = haystack.find(needle, p + 1))
    ++n;
  return n;
}

TEST(NightlyHtmlTest, EscapeCoversTextAndAttributes) {
  EXPECT_EQ(HtmlEscape("<a href=\"x\" title='y'>&</a>"),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  EXPECT_EQ(HtmlEscape("tab\tnew\nline\x01\x7f"), "tab\tnew\nline");
  EXPECT_EQ(HtmlEscape("caf\xc3\xa9 \xff"), "caf\xc3\xa9 \xEF\xBF\xBD");
}

TEST(NightlyHtmlTest, HostileStringsAppearOnlyEscaped) {
  std::string html = RenderNightlyHtml(testing::SampleNightlyReport());
  // The page has no script, image, frame or embedded object, no element
  // with an event handler, and every element is one the renderer writes.
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<svg onload"), std::string::npos);
  EXPECT_EQ(html.find("<b onmouseover"), std::string::npos);
  for (const Tag& tag : StartTags(html)) {
    EXPECT_TRUE(kRendererElements.count(tag.name)) << "unexpected element <" << tag.name << ">";
    for (const auto& [name, value] : tag.attributes) {
      EXPECT_NE(name.rfind("on", 0), 0u) << "<" << tag.name << "> has event handler " << name;
    }
  }
  // The hostile app name is shown, escaped, in the jobs table, the card
  // heading and the SVG <title> of its charts.
  std::string name = HtmlEscape(testing::kHostileAppName);
  EXPECT_GE(Count(html, name), 4u);
  EXPECT_NE(html.find("<h3>" + name + "</h3>"), std::string::npos);
  EXPECT_NE(html.find("aria-label=\"Executor timeline of " + name + "\""), std::string::npos);
  // The hostile host name is in SVG <text> and tooltips, escaped.
  std::string host = HtmlEscape(testing::kHostileHost);
  EXPECT_NE(html.find("Executor 1 on " + host), std::string::npos);
  EXPECT_EQ(html.find(testing::kHostileHost), std::string::npos);
  // The hostile SQL text is in the Gantt chart (stage names) and the SQL list.
  EXPECT_NE(html.find(HtmlEscape(testing::kHostileSql)), std::string::npos);
  EXPECT_EQ(html.find("</pre><script>"), std::string::npos);
}

TEST(NightlyHtmlTest, HostileStringsInSvgAreEscaped) {
  NightlyReport r = testing::SampleNightlyReport();
  const JobReport& hostile = r.jobs[3];
  ASSERT_EQ(hostile.name, testing::kHostileAppName);
  for (const std::string& svg : {ExecutorTimelineSvg(hostile), StageGanttSvg(hostile)}) {
    ASSERT_FALSE(svg.empty());
    EXPECT_EQ(svg.find("<script"), std::string::npos);
    EXPECT_EQ(svg.find("<img"), std::string::npos);
    EXPECT_EQ(svg.find("\"><svg"), std::string::npos);
    EXPECT_EQ(Count(svg, "<svg"), 1u) << "exactly one svg element: nothing injected";
  }
}

TEST(NightlyHtmlTest, PageIsSelfContained) {
  std::string html = RenderNightlyHtml(testing::SampleNightlyReport());
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("Content-Security-Policy"), std::string::npos);
  EXPECT_NE(html.find("default-src 'none'"), std::string::npos);
  // Nothing that could load: no attribute that fetches, no stylesheet link,
  // @import or url(...) in CSS, no absolute URL; links are in-page anchors.
  static const std::set<std::string> kFetching = {"src",        "srcset",     "data",
                                                  "poster",     "background", "action",
                                                  "formaction", "xlink:href", "ping"};
  for (const Tag& tag : StartTags(html)) {
    for (const auto& [name, value] : tag.attributes) {
      EXPECT_FALSE(kFetching.count(name)) << "<" << tag.name << " " << name << "=...>";
      if (name == "href") {
        EXPECT_EQ(value.rfind('#', 0), 0u) << "non-anchor link " << value;
      }
    }
  }
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  EXPECT_EQ(html.find("url("), std::string::npos);
  EXPECT_EQ(html.find("://"), std::string::npos);
}

TEST(NightlyHtmlTest, EveryInPageLinkHasATarget) {
  std::string html = RenderNightlyHtml(testing::SampleNightlyReport());
  std::smatch m;
  std::string rest = html;
  int links = 0;
  while (std::regex_search(rest, m, std::regex("href=\"#([^\"]*)\""))) {
    EXPECT_NE(html.find("id=\"" + m[1].str() + "\""), std::string::npos)
        << "dangling link #" << m[1];
    ++links;
    rest = m.suffix();
  }
  EXPECT_GT(links, 6);
}

TEST(NightlyHtmlTest, SampleShowsEveryChartAndSection) {
  NightlyReport r = testing::SampleNightlyReport();
  std::string html = RenderNightlyHtml(r);
  // trend + 5 jobs x (timeline, gantt, skew, spill?, gc) + 2 accuracy scatters
  EXPECT_NE(html.find("aria-label=\"Fleet memory cost per night\""), std::string::npos);
  EXPECT_EQ(Count(html, "aria-label=\"Executor timeline of "), r.jobs.size());
  EXPECT_EQ(Count(html, "aria-label=\"Stage Gantt chart of "), r.jobs.size());
  EXPECT_NE(html.find("Predicted vs actual MB-seconds"), std::string::npos);
  EXPECT_NE(html.find("Predicted vs actual duration"), std::string::npos);
  EXPECT_NE(html.find("spark.executor.memory                          6g"), std::string::npos);
  EXPECT_NE(html.find("--conf spark.executor.memory=5g"), std::string::npos);
  EXPECT_NE(html.find("truncated zstd frame at byte 1048576"), std::string::npos);
  EXPECT_NE(html.find("905 GB·h"), std::string::npos);
  EXPECT_NE(html.find("$15.58"), std::string::npos);
}

TEST(NightlyHtmlTest, FirstNightExplainsEmptySections) {
  std::string html = RenderNightlyHtml(testing::FirstNightReport());
  EXPECT_NE(html.find("The trend appears from the second night on"), std::string::npos);
  EXPECT_NE(html.find("No change to the cluster configuration is proposed tonight."),
            std::string::npos);
  EXPECT_NE(html.find("No application was analyzed tonight."), std::string::npos);
  EXPECT_NE(html.find("No job has run with a recommended rewrite yet"), std::string::npos);
  EXPECT_NE(html.find("Every log was read."), std::string::npos);
  EXPECT_NE(html.find("prices not configured"), std::string::npos);
  EXPECT_EQ(html.find("<svg"), std::string::npos) << "no empty charts";
}

TEST(NightlyHtmlTest, JobWithoutStagesOrExecutorsSaysSo) {
  NightlyReport r = testing::FirstNightReport();
  JobReport job;
  job.name = "empty-app";
  job.app_id = "app-0";
  r.jobs.push_back(job);
  r.totals.apps = 1;
  std::string html = RenderNightlyHtml(r);
  EXPECT_NE(html.find("No executor was recorded in the log."), std::string::npos);
  EXPECT_NE(html.find("No stage was recorded in the log."), std::string::npos);
  EXPECT_NE(html.find("No stage spilled to disk."), std::string::npos);
  EXPECT_NE(html.find("replay failed: no prediction"), std::string::npos);
  EXPECT_NE(html.find("no rewrite recommended"), std::string::npos);
}

TEST(NightlyHtmlTest, DetailCardsAreCappedButEveryJobIsListed) {
  NightlyReport r = testing::FirstNightReport();
  for (size_t i = 0; i < kMaxJobDetails + 5; ++i) {
    JobReport job;
    job.name = "job-" + std::to_string(i);
    job.app_id = "app-" + std::to_string(i);
    job.saving_mb_seconds =
        Estimate::Exact(i == kMaxJobDetails + 4 ? 1e9 : 0);  // the last one saves most
    r.jobs.push_back(job);
  }
  std::string html = RenderNightlyHtml(r);
  EXPECT_EQ(Count(html, "<article class=\"card job\""), kMaxJobDetails);
  EXPECT_NE(html.find("id=\"job-" + std::to_string(kMaxJobDetails + 5) + "\""), std::string::npos)
      << "the top saver gets a card even though it is listed last";
  EXPECT_NE(html.find(">job-" + std::to_string(kMaxJobDetails + 2) + "<"), std::string::npos)
      << "jobs without a card still appear in the table";
}

TEST(NightlyHtmlTest, NoEmptyOverrideRowAndTheReasonForKeepingSettings) {
  NightlyReport r = testing::FirstNightReport();
  r.overrides = {{"empty-job", "app-1", {}, Estimate::Exact(0)}};
  r.proposal.decision =
      "keep current settings: predicted saving 0.3% (-2.1% to 2.8%), is below "
      "the 2% minimum gain";
  std::string html = RenderNightlyHtml(r);
  EXPECT_EQ(html.find("empty-job"), std::string::npos);
  EXPECT_EQ(html.find("Per-job overrides"), std::string::npos);
  EXPECT_NE(html.find("proposed tonight: keep current settings: predicted saving 0.3%"),
            std::string::npos);
  size_t footer = html.find("<footer>");
  ASSERT_NE(footer, std::string::npos);
  EXPECT_NE(html.find("MB·h", footer), std::string::npos) << "the footnote names MB·h too";
}

}  // namespace
}  // namespace sparktune::reports
