// The figures of `sparktune validate` on hand-made pairs whose answers are
// known: MAPE against the target's median, interval coverage, Kendall's tau
// per base run, the split order (test first), single- vs multi-knob groups,
// and the repeat floor.
#include <gtest/gtest.h>

#include "reports/validate/validation_report.h"

namespace sparktune::reports {
namespace {

ValidationPair Pair(std::string split, std::string workload, std::string base, std::string target,
                    std::vector<std::string> classes, double predicted, double actual, double low,
                    double high) {
  ValidationPair p;
  p.split = std::move(split);
  p.workload = std::move(workload);
  p.base_run = std::move(base);
  p.base_config = "c1";
  p.target_config = std::move(target);
  p.knob_classes = std::move(classes);
  p.target_repeats = 3;
  p.predicted_duration_ms = predicted;
  p.actual_duration_ms = actual;
  p.duration_low_ms = low;
  p.duration_high_ms = high;
  // MB-seconds twice the duration figures: same relative errors.
  p.predicted_mb_seconds = 2 * predicted;
  p.actual_mb_seconds = 2 * actual;
  p.mb_seconds_low = 2 * low;
  p.mb_seconds_high = 2 * high;
  return p;
}

TEST(ValidationSummary, KendallTauOrdersAndReverses) {
  EXPECT_DOUBLE_EQ(KendallTau({1, 2, 3}, {10, 20, 30}), 1.0);
  EXPECT_DOUBLE_EQ(KendallTau({1, 2, 3}, {30, 20, 10}), -1.0);
  EXPECT_DOUBLE_EQ(KendallTau({1, 2, 3}, {10, 30, 20}), 1.0 / 3);
}

TEST(ValidationSummary, MedianOfAnEvenCountIsTheMidpoint) {
  EXPECT_DOUBLE_EQ(MedianOfRepeats({30, 10, 20}), 20);
  EXPECT_DOUBLE_EQ(MedianOfRepeats({10, 30}), 20);
  EXPECT_DOUBLE_EQ(MedianOfRepeats({40, 10, 30, 20}), 25);
}

TEST(ValidationSummary, TestSplitFirstWithItsOwnFigures) {
  ValidationInput in;
  // train: one base run, two targets, errors 10% and 30%; only the first inside its interval.
  in.pairs.push_back(Pair("train", "w1", "w1-c1-r1", "c2", {"aqe"}, 110, 100, 90, 120));
  in.pairs.push_back(Pair("train", "w1", "w1-c1-r1", "c3", {"aqe", "memory"}, 260, 200, 210, 300));
  // test: predictions rank the two targets the wrong way round; 50% error on both.
  in.pairs.push_back(Pair("test", "w7", "w7-c1-r1", "c2", {"memory"}, 150, 100, 0, 1000));
  in.pairs.push_back(Pair("test", "w7", "w7-c1-r1", "c3", {"memory"}, 100, 200, 0, 1000));
  ValidationSummary s = Summarize(in);
  ASSERT_EQ(s.splits.size(), 2u);
  EXPECT_EQ(s.splits[0].split, "test");
  EXPECT_EQ(s.splits[1].split, "train");
  const SplitSummary& train = s.splits[1];
  EXPECT_EQ(train.all.pairs, 2);
  EXPECT_NEAR(train.all.mape_duration, 0.2, 1e-12);
  EXPECT_NEAR(train.all.mape_mb_seconds, 0.2, 1e-12);
  EXPECT_DOUBLE_EQ(train.all.coverage_duration, 0.5);
  EXPECT_DOUBLE_EQ(train.all.kendall_tau_mb_seconds, 1.0);
  EXPECT_EQ(train.single_knob.pairs, 1);
  EXPECT_NEAR(train.single_knob.mape_duration, 0.1, 1e-12);
  EXPECT_EQ(train.multi_knob.pairs, 1);
  EXPECT_NEAR(train.multi_knob.mape_duration, 0.3, 1e-12);
  ASSERT_EQ(train.knob_classes.size(), 2u);
  EXPECT_EQ(train.knob_classes[0].first, "aqe");
  EXPECT_EQ(train.knob_classes[1].first, "aqe+memory");
  const SplitSummary& test = s.splits[0];
  EXPECT_NEAR(test.all.mape_duration, 0.5, 1e-12);
  EXPECT_DOUBLE_EQ(test.all.coverage_mb_seconds, 1.0);
  EXPECT_DOUBLE_EQ(test.all.kendall_tau_duration, -1.0);
  EXPECT_EQ(test.multi_knob.pairs, 0);
  ASSERT_EQ(s.workloads.size(), 2u);
  EXPECT_EQ(s.workloads[0].workload, "w7");
  EXPECT_EQ(s.workloads[1].workload, "w1");
}

TEST(ValidationSummary, TheFloorIsEachRepeatAgainstTheOthers) {
  ValidationInput in;
  in.repeats.push_back({"w1", "train", "c2", "r1", 100, 125, 200, 250});  // 20% under
  in.repeats.push_back({"w1", "train", "c2", "r2", 110, 110, 220, 220});  // exact
  ValidationSummary s = Summarize(in);
  ASSERT_EQ(s.splits.size(), 1u);
  EXPECT_EQ(s.splits[0].floor.repeats, 2);
  EXPECT_NEAR(s.splits[0].floor.mape_duration, 0.1, 1e-12);
  EXPECT_EQ(s.splits[0].all.pairs, 0);
  ASSERT_EQ(s.workloads.size(), 1u);
  EXPECT_EQ(s.workloads[0].floor.repeats, 2);
}

TEST(ValidationSummary, TheTableAndJsonCarryTheSameFigures) {
  ValidationInput in;
  in.index_path = "index.json";
  in.pairs.push_back(
      Pair("test", "w8", "w8-c1-r1", "c2", {"aqe", "partitions"}, 120, 100, 105, 130));
  in.repeats.push_back({"w8", "test", "c2", "r1", 100, 105, 200, 210});
  ValidationSummary s = Summarize(in);
  std::string text = RenderValidationText(in, s, false);
  EXPECT_NE(text.find("multi-knob"), std::string::npos) << text;
  EXPECT_NE(text.find("aqe+partitions"), std::string::npos) << text;
  EXPECT_NE(text.find("20.0%"), std::string::npos) << text;  // the pair's duration error
  auto j = RenderValidationJson(in, s, true);
  EXPECT_EQ(j["schema"], "sparktune.validate/2");
  EXPECT_NEAR(j["splits"][0]["multiKnob"]["mapeDuration"].get<double>(), 0.2, 1e-12);
  EXPECT_EQ(j["splits"][0]["multiKnob"]["coverageDuration"].get<double>(), 0.0);  // 100 < 105
  EXPECT_EQ(j["splits"][0]["floor"]["repeats"], 1);
  EXPECT_EQ(j["pairs"][0]["multiKnob"], true);
  EXPECT_EQ(j["repeats"].size(), 1u);
}

}  // namespace
}  // namespace sparktune::reports
