// The calibrated interval of a what-if (simulator/calibration/cross_config_intervals.h): the
// overrides' knob classes pick the group, multi-class changes the multi-knob group, event-log
// keys are no knob, no override means no calibrated interval, and the shipped table (generated
// by scripts/calibrate-intervals from the ground truth's train split) parses.
#include "simulator/calibration/cross_config_intervals.h"

#include <gtest/gtest.h>

#include <cmath>

#include "simulator/calibration/knob_classes.h"

namespace sparktune::simulator {
namespace {

CrossConfigIntervals Table() {
  std::vector<ConformalSample> samples;
  for (int i = 1; i <= 20; ++i) {
    samples.push_back({"memory", 100, 100 * std::exp(i / 100.0)});        // q ~ 0.19 at 0.9
    samples.push_back({kMultiKnobGroup, 100, 100 * std::exp(i / 20.0)});  // q ~ 0.95
  }
  CrossConfigIntervals t;
  t.calibrated_on = "train";
  t.pairs = 40;
  t.duration = CalibrateConformal(samples, 0.9, 8);
  t.mb_seconds = CalibrateConformal(samples, 0.9, 8);
  return t;
}

TEST(CrossConfigIntervals, TheOverridesKnobClassesPickTheGroup) {
  const CrossConfigIntervals t = Table();
  SimResult r;
  r.duration_ms = 1000;
  r.mb_seconds = 5000;
  auto memory = CalibratedIntervalFor({{"spark.executor.memory", "4g"}}, r, &t);
  ASSERT_TRUE(memory.has_value());
  EXPECT_EQ(memory->group, "memory");
  EXPECT_EQ(memory->calibration_pairs, 20);
  EXPECT_NEAR(memory->duration_high_ms, 1000 * std::exp(0.19), 1e-6);
  EXPECT_NEAR(memory->mb_seconds_low, 5000 * std::exp(-0.19), 1e-6);
  auto multi = CalibratedIntervalFor(
      {{"spark.executor.memory", "4g"}, {"spark.sql.adaptive.enabled", "false"}}, r, &t);
  ASSERT_TRUE(multi.has_value());
  EXPECT_EQ(multi->group, kMultiKnobGroup);
  EXPECT_GT(multi->duration_high_ms, memory->duration_high_ms);
  // Two keys of one class are one class.
  auto one = CalibratedIntervalFor(
      {{"spark.executor.memory", "4g"}, {"spark.executor.memoryOverhead", "1g"}}, r, &t);
  ASSERT_TRUE(one.has_value());
  EXPECT_EQ(one->group, "memory");
}

TEST(CrossConfigIntervals, NoKnobNoCalibratedInterval) {
  const CrossConfigIntervals t = Table();
  SimResult r;
  r.duration_ms = 1000;
  EXPECT_FALSE(CalibratedIntervalFor({}, r, &t).has_value());
  EXPECT_FALSE(CalibratedIntervalFor({{"spark.eventLog.compress", "true"}}, r, &t).has_value());
  EXPECT_FALSE(CalibratedIntervalFor({{"spark.executor.memory", "4g"}}, r, nullptr).has_value());
  EXPECT_EQ(KnobClassOf("spark.eventLog.compress"), "");
  EXPECT_EQ(KnobClassOf("spark.sql.shuffle.partitions"), "partitions");
  EXPECT_EQ(KnobClassOf("spark.some.other.key"), "spark.some.other.key");
}

TEST(CrossConfigIntervals, TheShippedTableIsFittedOnTheTrainSplit) {
  const CrossConfigIntervals* shipped = ShippedCrossConfigIntervals();
  ASSERT_NE(shipped, nullptr) << "run scripts/calibrate-intervals and rebuild";
  EXPECT_EQ(shipped->calibrated_on, "train");
  EXPECT_GE(shipped->pairs, 100);
  EXPECT_TRUE(std::isfinite(shipped->mb_seconds.HalfWidth(kAllPairsGroup)));
}

}  // namespace
}  // namespace sparktune::simulator
