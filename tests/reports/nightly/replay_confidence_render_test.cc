// The replay confidence of a job (simulator/workload/replay_fidelity.h, as
// plain strings in JobReport) in every nightly renderer: a low-confidence or
// refused replay is said plainly with its reasons, escaped like any text from
// a log, and an ok replay adds nothing.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "reports/nightly/html_report.h"
#include "reports/nightly/json_report.h"
#include "reports/nightly/markdown_report.h"
#include "tests/reports/nightly/sample_report.h"

namespace sparktune::reports {
namespace {

NightlyReport WithUntrustedReplays() {
  NightlyReport r = testing::SampleNightlyReport();
  r.jobs[0].replay_confidence = "low-confidence";
  r.jobs[0].replay_confidence_reasons = {"the replay misses the observed duration by +40% <b>"};
  r.jobs[1].replay_confidence = "refused";
  r.jobs[1].replay_confidence_reasons = {"the log has no task end"};
  r.jobs[1].baseline.reset();
  r.jobs[1].recommended.reset();
  return r;
}

TEST(ReplayConfidenceRenderTest, MarkdownListsUntrustedReplaysWithTheirReasons) {
  std::string md = RenderNightlyMarkdown(WithUntrustedReplays());
  EXPECT_NE(md.find("### Replays that cannot be trusted"), std::string::npos);
  EXPECT_NE(md.find("| refused | the log has no task end |"), std::string::npos) << md;
  EXPECT_NE(md.find("+40% &lt;b&gt;"), std::string::npos) << "reasons are escaped";
  std::string plain = RenderNightlyMarkdown(testing::SampleNightlyReport());
  EXPECT_EQ(plain.find("cannot be trusted"), std::string::npos)
      << "nothing when every replay is ok";
}

TEST(ReplayConfidenceRenderTest, HtmlShowsABadgeAndTheReasons) {
  std::string html = RenderNightlyHtml(WithUntrustedReplays());
  EXPECT_NE(html.find("replay low-confidence</span>"), std::string::npos);
  EXPECT_NE(html.find("replay refused</span>"), std::string::npos);
  EXPECT_NE(html.find("no prediction is shown for this job"), std::string::npos);
  EXPECT_NE(html.find("<li>the log has no task end</li>"), std::string::npos);
  EXPECT_EQ(html.find("+40% <b>"), std::string::npos) << "reasons are escaped";
  EXPECT_EQ(RenderNightlyHtml(testing::SampleNightlyReport()).find("replay refused"),
            std::string::npos);
}

TEST(ReplayConfidenceRenderTest, JsonCarriesTheLevelAndReasons) {
  auto j = nlohmann::json::parse(RenderNightlyJson(WithUntrustedReplays()));
  EXPECT_EQ(j["jobs"][0]["replayConfidence"]["level"], "low-confidence");
  EXPECT_EQ(j["jobs"][1]["replayConfidence"]["level"], "refused");
  EXPECT_EQ(j["jobs"][1]["replayConfidence"]["reasons"][0], "the log has no task end");
  EXPECT_TRUE(j["jobs"][1]["baseline"].is_null());
  EXPECT_EQ(j["jobs"][2]["replayConfidence"]["level"], "ok");
  EXPECT_TRUE(j["jobs"][2]["replayConfidence"]["reasons"].empty());
}

}  // namespace
}  // namespace sparktune::reports
