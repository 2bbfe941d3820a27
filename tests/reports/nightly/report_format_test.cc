#include "reports/nightly/report_format.h"

#include <gtest/gtest.h>

#include <cmath>

#include "reports/nightly/nightly_report.h"
#include "tests/reports/nightly/sample_report.h"

namespace sparktune::reports {
namespace {

TEST(ReportFormatTest, MemoryCostScalesFromMbToTbHours) {
  EXPECT_EQ(FormatMbSeconds(0), "0 MB·h");
  EXPECT_EQ(FormatMbSeconds(512.0 * 3600), "512 MB·h");
  EXPECT_EQ(FormatMbSeconds(kMbSecondsPerGbHour), "1.0 GB·h");
  EXPECT_EQ(FormatMbSeconds(3.4 * kMbSecondsPerGbHour), "3.4 GB·h");
  EXPECT_EQ(FormatMbSeconds(905.3 * kMbSecondsPerGbHour), "905 GB·h");
  EXPECT_EQ(FormatMbSeconds(1.2 * 1024 * kMbSecondsPerGbHour), "1.2 TB·h");
  EXPECT_EQ(FormatMbSeconds(NAN), "n/a");
}

TEST(ReportFormatTest, DurationsReadLikeAClock) {
  EXPECT_EQ(FormatDurationMs(850), "850 ms");
  EXPECT_EQ(FormatDurationMs(4'260), "4.3 s");
  EXPECT_EQ(FormatDurationMs(42'000), "42 s");
  EXPECT_EQ(FormatDurationMs(754'000), "12 min 34 s");
  EXPECT_EQ(FormatDurationMs(8'040'000), "2 h 14 min");
  EXPECT_EQ(FormatDurationTick(0), "0");
  EXPECT_EQ(FormatDurationTick(600'000), "10 min");
  EXPECT_EQ(FormatDurationTick(5'400'000), "1 h 30 min");
  EXPECT_EQ(FormatDurationTick(150'000), "2 min 30 s");
}

TEST(ReportFormatTest, CountsPercentsBytesAndMoney) {
  EXPECT_EQ(FormatCount(1204), "1,204");
  EXPECT_EQ(FormatCount(-1234567), "−1,234,567");
  EXPECT_EQ(FormatPercent(-4.04), "−4.0%");
  EXPECT_EQ(FormatPercent(4.04, true), "+4.0%");
  EXPECT_EQ(FormatPercent(0.01, true), "0.0%");
  EXPECT_EQ(FormatBytes(1.5 * (1 << 30)), "1.5 GiB");
  EXPECT_EQ(FormatBytes(512), "512 B");
  EXPECT_EQ(FormatMoney(1234.5, "USD"), "$1,234.50");
  EXPECT_EQ(FormatMoney(0.0045, "USD"), "$0.0045");
  EXPECT_EQ(FormatMoney(12, "CHF"), "12.00 CHF");
}

TEST(ReportFormatTest, EstimateWritesASharedUnitOnce) {
  EXPECT_EQ(FormatEstimate({61.7 * kMbSecondsPerGbHour, 54.3 * kMbSecondsPerGbHour,
                            69.1 * kMbSecondsPerGbHour},
                           FormatMbSeconds),
            "61.7 GB·h (54.3–69.1)");
  EXPECT_EQ(
      FormatEstimate({900 * 3600.0, 800 * 3600.0, 1.5 * kMbSecondsPerGbHour}, FormatMbSeconds),
      "900 MB·h (800 MB·h–1.5 GB·h)");
  EXPECT_EQ(FormatEstimate(Estimate::Exact(754'000), FormatDurationMs), "12 min 34 s");
  EXPECT_EQ(FormatEstimate({754'000, 700'000, 800'000}, FormatDurationMs),
            "12 min 34 s (11 min 40 s–13 min 20 s)");
}

TEST(ReportFormatTest, RangeWritesASharedUnitOnce) {
  EXPECT_EQ(FormatRange(121 * kMbSecondsPerGbHour, 236 * kMbSecondsPerGbHour, FormatMbSeconds),
            "121–236 GB·h");
  EXPECT_EQ(FormatRange(900 * 3600.0, 2 * kMbSecondsPerGbHour, FormatMbSeconds),
            "900 MB·h – 2.0 GB·h");
  EXPECT_EQ(FormatRange(60'000, 90'000, FormatDurationMs), "1 min 00 s – 1 min 30 s");
}

TEST(ReportFormatTest, CostUsesGbHoursAndCoreHours) {
  Prices prices{0.01, 0.05, "USD"};
  EXPECT_DOUBLE_EQ(CostOf(2 * kMbSecondsPerGbHour, 3 * 3600.0, prices), 0.02 + 0.15);
  EXPECT_DOUBLE_EQ(CostOf(1e9, 1e9, Prices{}), 0);
  EXPECT_TRUE(std::isnan(ErrorPercent(1, 0)));
  EXPECT_DOUBLE_EQ(ErrorPercent(110, 100), 10);
}

TEST(NightlyReportTest, TrendDropsTheHistoryCopyOfTonight) {
  NightlyReport r = testing::SampleNightlyReport();
  std::vector<FleetTotals> trend = TrendSeries(r);
  ASSERT_EQ(trend.size(), 8u);
  EXPECT_EQ(trend.front().night, "2026-11-14");
  EXPECT_EQ(trend.back().night, r.totals.night);
  EXPECT_EQ(trend.back().mb_seconds, r.totals.mb_seconds);
}

TEST(NightlyReportTest, TopJobsRankLargestFirstAndSkipZero) {
  NightlyReport r = testing::SampleNightlyReport();
  std::vector<size_t> saving = TopJobsBySaving(r, 10);
  ASSERT_EQ(saving.size(), 3u) << "two jobs have no saving";
  EXPECT_EQ(r.jobs[saving[0]].name, "nightly_sales_etl");
  std::vector<size_t> waste = TopJobsByWaste(r, 2);
  ASSERT_EQ(waste.size(), 2u);
  EXPECT_EQ(r.jobs[waste[0]].name, "clickstream-sessionize");
  EXPECT_EQ(r.jobs[waste[1]].name, "nightly_sales_etl");
}

}  // namespace
}  // namespace sparktune::reports
