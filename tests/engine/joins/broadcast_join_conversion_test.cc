// ConvertSortMergeJoins on a real log that ran every join as a sort-merge
// join (ground truth w5, AQE off, broadcasts disabled): which joins a new
// static threshold turns into broadcast hash joins, which AQE would convert
// at run time, and none without a change.
#include "engine/joins/broadcast_join_conversion.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "data/eventlog/event_log_reader.h"
#include "tests/test_paths.h"

namespace sparktune::engine {
namespace {

class BroadcastJoinConversionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string path =
        testing::SourceDir() + "/data/groundtruth/2026-11-21/logs/app-20261121223622-0029.snappy";
    auto loaded = eventlog::ReadEventLog(path);
    ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
    log_ = std::make_unique<eventlog::LoadedLog>(std::move(*loaded));
    plan_ = plan::BuildEnginePlan(log_->app);
  }
  std::vector<BroadcastConversion> Convert(const std::map<std::string, std::string>& overrides) {
    EffectiveConfig observed = EffectiveConfig::FromApplication(log_->app);
    EffectiveConfig config = observed;
    for (const auto& [k, v] : overrides) config.Set(k, v);
    return ConvertSortMergeJoins(log_->app, plan_, observed, config);
  }
  std::unique_ptr<eventlog::LoadedLog> log_;
  plan::EnginePlan plan_;
};

TEST_F(BroadcastJoinConversionTest, NothingConvertsAtTheObservedConfig) {
  EXPECT_TRUE(Convert({}).empty());
  EXPECT_TRUE(Convert({{"spark.executor.memory", "8g"}}).empty());
}

TEST_F(BroadcastJoinConversionTest, AStaticThresholdAdmitsTheSmallSides) {
  auto small = Convert({{"spark.sql.autoBroadcastJoinThreshold", "10m"}});
  ASSERT_FALSE(small.empty());
  for (const BroadcastConversion& c : small) {
    EXPECT_EQ(c.kind, BroadcastConversionKind::kStatic);
    EXPECT_LE(c.small_side_bytes, 10 << 20);
    EXPECT_FALSE(c.reduce_stage_ids.empty());
    EXPECT_FALSE(c.big_side_writer_stage_ids.empty());
  }
  // A larger threshold admits at least as many joins.
  auto large = Convert({{"spark.sql.autoBroadcastJoinThreshold", "1g"}});
  EXPECT_GE(large.size(), small.size());
}

TEST_F(BroadcastJoinConversionTest, AqeConvertsAtRunTimeUnderItsOwnThreshold) {
  // The static threshold stays off; AQE's run-time threshold (3.2+) admits them.
  auto runtime = Convert({{"spark.sql.adaptive.enabled", "true"},
                          {"spark.sql.adaptive.autoBroadcastJoinThreshold", "10m"}});
  ASSERT_FALSE(runtime.empty());
  for (const BroadcastConversion& c : runtime) {
    EXPECT_EQ(c.kind, BroadcastConversionKind::kRuntime);
    EXPECT_GT(c.big_side_map_tasks, 0);
  }
  // Without a run-time threshold the static one (-1, off) holds.
  EXPECT_TRUE(Convert({{"spark.sql.adaptive.enabled", "true"}}).empty());
}

// An AQE log (ground truth w2, AQE on, 10 MB): the join was planned sort-merge and converted to a
// broadcast at run time. Its static planning is JoinSelection's as without AQE: a static
// threshold above the one it was planned under makes it a broadcast hash join from the start,
// with AQE or without; the threshold it was planned under (its estimate exceeded it) does not.
TEST(BroadcastJoinConversionAqeLog,
     JoinsConvertedAtRunTimeArePlannedStaticallyUnderALargerThreshold) {
  std::string path =
      testing::SourceDir() + "/data/groundtruth/2026-11-21/logs/app-20261121220631-0004";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path;
  auto loaded = eventlog::ReadEventLog(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  const plan::EnginePlan plan = plan::BuildEnginePlan(loaded->app);
  EffectiveConfig observed = EffectiveConfig::FromApplication(loaded->app);
  auto convert = [&](const std::map<std::string, std::string>& overrides) {
    EffectiveConfig config = observed;
    for (const auto& [k, v] : overrides) config.Set(k, v);
    return ConvertSortMergeJoins(loaded->app, plan, observed, config);
  };
  for (const std::string aqe : {"true", "false"}) {
    auto larger = convert(
        {{"spark.sql.adaptive.enabled", aqe}, {"spark.sql.autoBroadcastJoinThreshold", "200m"}});
    ASSERT_EQ(larger.size(), 1u) << "AQE " << aqe;
    EXPECT_EQ(larger[0].kind, BroadcastConversionKind::kStatic);
    EXPECT_FALSE(larger[0].reduce_stage_ids.empty());
    EXPECT_FALSE(larger[0].big_side_writer_stage_ids.empty());
    // The run-time conversions stay engine/aqe's: none is reported here.
    EXPECT_TRUE(convert({{"spark.sql.adaptive.enabled", aqe}}).empty()) << "AQE " << aqe;
  }
}

// A star join whose sort-merge joins differ in what sits above them (ground truth w8, AQE
// off, 10 MB static threshold; test split): the customer join feeds a final aggregate on its
// key in the same stage, the by-month join only a partial one. Under a larger threshold both
// become broadcast hash joins, but only the customer join keeps an exchange above it
// (EnsureRequirements: the aggregate needs the key's hash partitioning that the sort-merge
// join had given it), so its reduce stage must still run.
TEST(BroadcastJoinConversionStarLog, AJoinUnderAnOperatorNeedingItsKeysKeepsTheExchange) {
  std::string path =
      testing::SourceDir() + "/data/groundtruth/2026-12-05/logs/app-20261205083850-0025";
  auto loaded = eventlog::ReadEventLog(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  const plan::EnginePlan plan = plan::BuildEnginePlan(loaded->app);
  EffectiveConfig observed = EffectiveConfig::FromApplication(loaded->app);
  EffectiveConfig config = observed;
  config.Set("spark.sql.autoBroadcastJoinThreshold", "200m");
  auto conversions = ConvertSortMergeJoins(loaded->app, plan, observed, config);
  ASSERT_GE(conversions.size(), 2u);
  int kept = 0, dropped = 0;
  for (const BroadcastConversion& c : conversions) {
    EXPECT_EQ(c.kind, BroadcastConversionKind::kStatic);
    // The by-customer branch reads the customer exchange through a ReusedExchange: its size is
    // the original's (~80 MB), not the empty copy's.
    EXPECT_GT(c.small_side_bytes, 10 << 20);
    (c.exchange_above ? kept : dropped) += 1;
  }
  EXPECT_GE(kept, 1) << "the customer join's aggregate needs its partitioning";
  EXPECT_GE(dropped, 1) << "the by-month join has only a partial aggregate above";
  EXPECT_TRUE(ConvertSortMergeJoins(loaded->app, plan, observed, observed).empty());
  // Under the observed 10 MB threshold none of the ~80-90 MB sides converts at run time either.
  config = observed;
  config.Set("spark.sql.adaptive.enabled", "true");
  EXPECT_TRUE(ConvertSortMergeJoins(loaded->app, plan, observed, config).empty());
}

}  // namespace
}  // namespace sparktune::engine
