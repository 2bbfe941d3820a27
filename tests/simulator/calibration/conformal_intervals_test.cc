// Split-conformal intervals (simulator/calibration/conformal_intervals.h): the finite-sample
// quantile rank, per-group half-widths with the pooled fallback for small groups, intervals
// that are symmetric in ln(ratio), and the JSON table round trip with its errors.
#include "simulator/calibration/conformal_intervals.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace sparktune::simulator {
namespace {

// n samples of one group whose actual/predicted ratios are e^0.01, e^0.02, ..., e^(n/100).
std::vector<ConformalSample> Ladder(const std::string& group, int n, double predicted = 100) {
  std::vector<ConformalSample> v;
  for (int i = 1; i <= n; ++i) v.push_back({group, predicted, predicted * std::exp(i / 100.0)});
  return v;
}

TEST(ConformalIntervals, HalfWidthIsTheFiniteSampleQuantileOfTheScores) {
  // n = 19, coverage 0.9: rank ceil(20 x 0.9) = 18 -> the 18th smallest score, 0.18.
  ConformalTable t = CalibrateConformal(Ladder("memory", 19), 0.9, 8);
  EXPECT_NEAR(t.HalfWidth("memory"), 0.18, 1e-12);
  EXPECT_EQ(t.pairs.at("memory"), 19);
  EXPECT_EQ(t.pairs.at(kAllPairsGroup), 19);
  auto [low, high] = t.Interval("memory", 200);
  EXPECT_NEAR(low, 200 * std::exp(-0.18), 1e-9);
  EXPECT_NEAR(high, 200 * std::exp(0.18), 1e-9);
  // Under- and over-prediction score alike.
  std::vector<ConformalSample> both = {{"aqe", 100, 50}, {"aqe", 100, 200}};
  ConformalTable s = CalibrateConformal(both, 0.5, 1);
  EXPECT_NEAR(s.HalfWidth("aqe"), std::log(2.0), 1e-12);
}

TEST(ConformalIntervals, TooFewPairsForTheCoverageGiveAnUnboundedInterval) {
  // n = 5 at 0.9: rank ceil(6 x 0.9) = 6 > 5: no finite quantile can promise 90%.
  ConformalTable t = CalibrateConformal(Ladder("cores", 5), 0.9, 1);
  EXPECT_TRUE(std::isinf(t.HalfWidth("cores")));
  auto [low, high] = t.Interval("cores", 100);
  EXPECT_EQ(low, 0);
  EXPECT_TRUE(std::isinf(high));
  EXPECT_TRUE(ConformalTableJson(t)["groups"]["cores"]["halfWidthLn"].is_null());
  // A group too small for a finite quantile falls back to a pool that has one.
  std::vector<ConformalSample> v = Ladder("cores", 5);
  for (const auto& s : Ladder("memory", 30)) v.push_back(s);
  ConformalTable u = CalibrateConformal(v, 0.9, 1);
  EXPECT_TRUE(std::isfinite(u.HalfWidth("cores")));
  EXPECT_DOUBLE_EQ(u.HalfWidth("cores"), u.HalfWidth(kAllPairsGroup));
}

TEST(ConformalIntervals, SmallGroupsAndUnknownGroupsUseThePool) {
  std::vector<ConformalSample> v = Ladder("partitions", 30);
  v.push_back({"broadcast", 100, 100 * std::exp(0.9)});  // one pair: below the minimum
  ConformalTable t = CalibrateConformal(v, 0.8, 8);
  EXPECT_EQ(t.pairs.at("broadcast"), 1);
  EXPECT_DOUBLE_EQ(t.HalfWidth("broadcast"), t.HalfWidth(kAllPairsGroup));
  EXPECT_DOUBLE_EQ(t.HalfWidth("never-seen"), t.HalfWidth(kAllPairsGroup));
  EXPECT_NE(t.HalfWidth("partitions"), t.HalfWidth(kAllPairsGroup));
}

TEST(ConformalIntervals, GroupsOfPairs) {
  EXPECT_EQ(ConformalGroup({}), kAllPairsGroup);
  EXPECT_EQ(ConformalGroup({"memory"}), "memory");
  EXPECT_EQ(ConformalGroup({"aqe", "memory"}), kMultiKnobGroup);
}

TEST(ConformalIntervals, NonPositiveFiguresAreSkipped) {
  ConformalTable t = CalibrateConformal({{"aqe", 0, 10}, {"aqe", 10, -1}}, 0.9, 1);
  EXPECT_TRUE(t.half_width.empty());
  EXPECT_TRUE(std::isinf(t.HalfWidth("aqe")));
}

TEST(ConformalIntervals, JsonRoundTripAndErrors) {
  ConformalTable t = CalibrateConformal(Ladder("memory", 40), 0.85, 8);
  auto back = ConformalTableFromJson(ConformalTableJson(t), "t.json");
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_DOUBLE_EQ(back->coverage, 0.85);
  EXPECT_DOUBLE_EQ(back->HalfWidth("memory"), t.HalfWidth("memory"));
  auto no_groups = ConformalTableFromJson(nlohmann::json{{"coverage", 0.9}}, "t.json");
  ASSERT_FALSE(no_groups.ok());
  EXPECT_NE(no_groups.status().message().find("t.json: expected an object"), std::string::npos);
  nlohmann::json bad = ConformalTableJson(t);
  bad["groups"]["memory"]["halfWidthLn"] = -1;
  auto negative = ConformalTableFromJson(bad, "t.json");
  ASSERT_FALSE(negative.ok());
  EXPECT_NE(negative.status().message().find("\"memory\""), std::string::npos);
  bad = ConformalTableJson(t);
  bad["coverage"] = 1.5;
  EXPECT_FALSE(ConformalTableFromJson(bad, "t.json").ok());
}

}  // namespace
}  // namespace sparktune::simulator
