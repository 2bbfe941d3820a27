// ST801 behind its interface: a CostModel with fixed predictions stands for
// the simulator. Only catalog keys whose value differs from the last run are
// overrides, the message carries the figures and the changed settings, and
// the finding is an error only above --max-cost-increase.
#include "rules/predicted_cost_change.h"

#include <gtest/gtest.h>

#include "data/jobconfig/config_file_loader.h"

namespace sparktune::rules {
namespace {

class FixedCostModel : public CostModel {
 public:
  const std::string& last_run_id() const override { return id_; }
  const std::string* LoggedValue(const std::string& key) const override {
    auto it = logged_.find(key);
    return it == logged_.end() ? nullptr : &it->second;
  }
  const CostPrediction& Baseline() const override { return baseline_; }
  CostPrediction Predict(const std::map<std::string, std::string>& overrides) override {
    asked.push_back(overrides);
    return {
        .mb_seconds = 1200, .mb_seconds_low = 1100, .mb_seconds_high = 1300, .duration_ms = 9000};
  }
  std::vector<std::map<std::string, std::string>> asked;

 private:
  std::string id_ = "app-1";
  std::map<std::string, std::string> logged_ = {{"spark.sql.shuffle.partitions", "200"}};
  CostPrediction baseline_{
      .mb_seconds = 1000, .mb_seconds_low = 900, .mb_seconds_high = 1100, .duration_ms = 10000};
};

jobconfig::ConfigFile Parse(const std::string& text) {
  auto parsed = jobconfig::ParseConfigText("job.conf", text);
  EXPECT_TRUE(parsed.ok()) << parsed.status().ToString();
  return *parsed;
}

TEST(PredictedCostChange, OnlyChangedCatalogKeysAreSimulated) {
  FixedCostModel model;
  auto findings = CheckPredictedCost(
      Parse("spark.sql.shuffle.partitions 200\nspark.executor.memory 8g\nmy.own.key x\n"), model,
      std::nullopt);
  ASSERT_EQ(findings.size(), 1u);
  ASSERT_EQ(model.asked.size(), 1u);
  EXPECT_EQ(model.asked[0], (std::map<std::string, std::string>{{"spark.executor.memory", "8g"}}));
  const Finding& f = findings[0];
  EXPECT_EQ(f.rule_id, "ST801");
  EXPECT_EQ(f.severity, Severity::kNote);
  EXPECT_EQ(f.message,
            "predicted MB-seconds 1000 -> 1200 (+20.0%, interval 1100..1300), duration 10.0 s -> "
            "9.0 s against the last run app-1; changed: spark.executor.memory=8g");
}

TEST(PredictedCostChange, AnIncreaseAboveTheLimitIsAnError) {
  FixedCostModel model;
  auto over = CheckPredictedCost(Parse("spark.executor.memory 8g\n"), model, 10.0);
  ASSERT_EQ(over.size(), 1u);
  EXPECT_EQ(over[0].severity, Severity::kError);
  EXPECT_NE(over[0].message.find("; exceeds --max-cost-increase 10.0%"), std::string::npos);
  auto under = CheckPredictedCost(Parse("spark.executor.memory 8g\n"), model, 25.0);
  EXPECT_EQ(under[0].severity, Severity::kNote);
}

TEST(PredictedCostChange, AnUnchangedConfigIsTheBaselineWithoutASimulation) {
  FixedCostModel model;
  auto findings = CheckPredictedCost(Parse("spark.sql.shuffle.partitions 200\n"), model, 5.0);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_TRUE(model.asked.empty());
  EXPECT_EQ(findings[0].severity, Severity::kNote);
  EXPECT_NE(findings[0].message.find("(+0.0%"), std::string::npos);
  EXPECT_NE(findings[0].message.find("; no setting differs from that run"), std::string::npos);
}

}  // namespace
}  // namespace sparktune::rules
