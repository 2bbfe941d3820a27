#include <gtest/gtest.h>

#include <string>

#include "reports/nightly/svg_canvas.h"
#include "reports/nightly/svg_charts.h"

namespace sparktune::reports {
namespace {

TEST(SvgChartTest, NiceTicksUseOneTwoFiveSteps) {
  Ticks t = NiceTicks(0, 905, 5);
  EXPECT_EQ(t.lo, 0);
  EXPECT_EQ(t.step, 200);
  EXPECT_EQ(t.hi, 1000);
  ASSERT_EQ(t.values.size(), 6u);
  EXPECT_EQ(t.values[3], 600);
  Ticks small = NiceTicks(0.013, 0.087, 5);
  EXPECT_NEAR(small.step, 0.02, 1e-12);
  EXPECT_NEAR(small.lo, 0.0, 1e-12);
  EXPECT_NEAR(small.hi, 0.1, 1e-12);
  Ticks flat = NiceTicks(5, 5, 5);
  EXPECT_LT(flat.lo, 5);
  EXPECT_GT(flat.hi, 5);
}

TEST(SvgChartTest, TimeTicksLandOnRoundDurations) {
  Ticks t = TimeTicks(0, 1'512'000, 8);  // 25 min 12 s
  EXPECT_EQ(t.step, 300'000) << "5 min steps";
  EXPECT_EQ(t.hi, 1'800'000);
  Ticks seconds = TimeTicks(0, 42'000, 8);
  EXPECT_EQ(seconds.step, 10'000);
  Ticks hours = TimeTicks(0, 7.5 * 3'600'000, 6);
  EXPECT_EQ(hours.step, 7'200'000);
}

TEST(SvgChartTest, CanvasEscapesTextTooltipsAndTitle) {
  SvgCanvas c(100, 50, "t<\"'>");
  c.Text(1, 2, "<script>x</script>", "c-tick");
  c.Rect(0, 0, 10, 10, "c-bar", "\"><img src=x onerror=y>");
  std::string svg = c.Finish();
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_EQ(svg.find("<img"), std::string::npos);
  EXPECT_NE(svg.find("aria-label=\"t&lt;&quot;&#39;&gt;\""), std::string::npos);
  EXPECT_NE(svg.find("<title>&quot;&gt;&lt;img src=x onerror=y&gt;</title>"), std::string::npos);
}

TEST(SvgChartTest, EllipsizeCountsCodePoints) {
  EXPECT_EQ(Ellipsize("abcdef", 4), "abc…");
  EXPECT_EQ(Ellipsize("ééééé", 3), "éé…");
  EXPECT_EQ(Ellipsize("abc", 3), "abc");
}

TEST(SvgChartTest, EmptyInputsDrawNothing) {
  EXPECT_EQ(RenderLineChart({}), "");
  EXPECT_EQ(RenderBarChart({}), "");
  EXPECT_EQ(RenderGantt({}), "");
  EXPECT_EQ(RenderScatter({}), "");
}

TEST(SvgChartTest, GanttPlacesBarsOnTheTimeAxis) {
  GanttSpec spec;
  spec.title = "g";
  spec.rows = {{"a", {{0, 500'000, "c-s1", ""}}}, {"b", {{500'000, 1'000'000, "c-s2", ""}}}};
  std::string svg = RenderGantt(spec);
  // 1,000,000 ms on 5-min ticks -> axis to 20 min; "b" starts where "a" ends.
  EXPECT_NE(svg.find(">20 min<"), std::string::npos);
  size_t a = svg.find("class=\"c-bar c-s1\"");
  size_t b = svg.find("class=\"c-bar c-s2\"");
  ASSERT_NE(a, std::string::npos);
  ASSERT_NE(b, std::string::npos);
}

}  // namespace
}  // namespace sparktune::reports
