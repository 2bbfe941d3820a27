// FidelityOfStored: the replay fidelity of an application from the store's
// rows alone (what `report` and `recommend` see): no stored replay is
// refused, a stored replay more than 25% off is low-confidence, a stage
// attempt outside the application's lifetime is named, a close replay is ok.
#include "advisor/nightly/stored_fidelity.h"

#include <gtest/gtest.h>

namespace sparktune::advisor {
namespace {

constexpr int64_t kStart = 1'700'000'000'000;

store::AppDetail Detail(double baseline_duration_ms, double baseline_mb_seconds) {
  store::AppDetail d;
  d.app.start_ms = kStart;
  d.app.end_ms = kStart + 60'000;
  d.app.duration_ms = 60'000;
  d.app.job_time_ms = 50'000;
  d.app.mb_seconds = 1'000'000;
  d.app.complete = true;
  store::StageRow s;
  s.completed_tasks = 10;
  s.submission_ms = kStart + 1'000;
  s.completion_ms = kStart + 50'000;
  d.stages.push_back(s);
  store::ExecutorRow e;
  e.start_ms = kStart + 500;
  e.end_ms = kStart + 60'000;
  d.executors.push_back(e);
  d.configs.push_back({"spark.master", "yarn", store::ConfigSource::kLogged});
  store::PredictionRow p;
  p.kind = store::PredictionKind::kBaseline;
  p.duration_ms = baseline_duration_ms;
  p.mb_seconds = baseline_mb_seconds;
  d.predictions.push_back(p);
  return d;
}

TEST(StoredFidelity, ACloseReplayIsOk) {
  simulator::ReplayFidelity f = FidelityOfStored(Detail(62'000, 1'050'000));
  EXPECT_EQ(f.level, simulator::FidelityLevel::kOk) << f.Summary();
  EXPECT_FALSE(f.job_time_error.has_value()) << "the store keeps no simulated time in jobs";
}

TEST(StoredFidelity, NoStoredReplayIsRefused) {
  store::AppDetail d = Detail(60'000, 1'000'000);
  d.predictions.clear();
  simulator::ReplayFidelity f = FidelityOfStored(d);
  EXPECT_EQ(f.level, simulator::FidelityLevel::kRefused);
  EXPECT_NE(f.Summary().find("no replay of this log is stored"), std::string::npos);
}

TEST(StoredFidelity, AReplayFarOffIsLowConfidenceOrRefused) {
  EXPECT_EQ(FidelityOfStored(Detail(90'000, 1'000'000)).level,
            simulator::FidelityLevel::kLowConfidence);
  EXPECT_EQ(FidelityOfStored(Detail(60'000, 0)).level, simulator::FidelityLevel::kRefused);
  EXPECT_EQ(FidelityOfStored(Detail(900'000, 1'000'000)).level, simulator::FidelityLevel::kRefused);
}

TEST(StoredFidelity, StagesOutsideTheLifetimeAndLocalModeAreNamed) {
  store::AppDetail d = Detail(60'000, 1'000'000);
  d.stages[0].completion_ms = kStart + 10 * 60'000;  // ten minutes after the end
  EXPECT_NE(FidelityOfStored(d).Summary().find("outside the application's lifetime"),
            std::string::npos);
  store::AppDetail local = Detail(60'000, 1'000'000);
  local.executors.clear();
  local.configs[0].value = "local[4]";
  EXPECT_NE(FidelityOfStored(local).Summary().find("local mode"), std::string::npos);
}

}  // namespace
}  // namespace sparktune::advisor
