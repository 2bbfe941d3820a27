// The shared small things of data/base: byte formatting in each published
// style (lint messages, reports, advice, collect progress, profile), the
// duration and MB-seconds formatters, Spark's median next to the project's,
// the edit distance behind "did you mean", and the text helpers.
#include "data/base/units.h"

#include <gtest/gtest.h>

#include "data/base/edit_distance.h"
#include "data/base/stats.h"
#include "data/base/text.h"
#include "data/base/unit_format.h"
#include "data/config/config_catalog.h"

namespace sparktune {
namespace {

using units::kGib;
using units::kKib;
using units::kMib;

TEST(UnitFormat, PlainBytesAreWholeOrOneDecimal) {
  EXPECT_EQ(units::FormatBytes(512 * kMib), "512 MiB");
  EXPECT_EQ(units::FormatBytes(1.5 * kGib), "1.5 GiB");
  EXPECT_EQ(units::FormatBytes(40 * kGib), "40 GiB");
  EXPECT_EQ(units::FormatBytes(-1), "-1 B");
  EXPECT_EQ(units::FormatBytes(13.4 * kMib), "13.4 MiB");
}

TEST(UnitFormat, ReportBytesHaveThreeSignificantDigits) {
  EXPECT_EQ(units::FormatBytes(1023 * kMib, units::kSignificantBytes), "1,023 MiB");
  EXPECT_EQ(units::FormatBytes(1.46 * kGib, units::kSignificantBytes), "1.5 GiB");
  // 1,023.9 MiB moves to the next unit rather than rounding to "1,024 MiB".
  EXPECT_EQ(units::FormatBytes(1023.9 * kMib, units::kSignificantBytes), "1.00 GiB");
  EXPECT_EQ(units::FormatBytes(0.0 / 0.0, units::kSignificantBytes), "n/a");
}

TEST(UnitFormat, StylesWithAFirstUnitAndShortLabels) {
  constexpr units::ByteFormat kAdvice{.first_unit = 1,
                                      .last_unit = 3,
                                      .precision = units::Precision::kOneDecimal,
                                      .whole_in_first_unit = true};
  EXPECT_EQ(units::FormatBytes(500, kAdvice), "0 KiB");
  EXPECT_EQ(units::FormatBytes(12 * kMib, kAdvice), "12.0 MiB");
  EXPECT_EQ(units::FormatBytes(3 * 1024.0 * kGib, kAdvice), "3072.0 GiB");  // GiB is the last unit
  constexpr units::ByteFormat kProgress{.first_unit = 1,
                                        .last_unit = 2,
                                        .precision = units::Precision::kOneDecimal,
                                        .short_labels = true};
  EXPECT_EQ(units::FormatBytes(1536, kProgress), "1.5 KB");
  EXPECT_EQ(units::FormatBytes(5 * kGib, kProgress), "5120.0 MB");
}

TEST(UnitFormat, DurationsAndMbSeconds) {
  EXPECT_EQ(units::FormatDurationMs(850), "850 ms");
  EXPECT_EQ(units::FormatDurationMs(4200), "4.2 s");
  EXPECT_EQ(units::FormatDurationMs(754000), "12 min 34 s");
  EXPECT_EQ(units::FormatDurationMs(-4200), "−4.2 s");
  EXPECT_EQ(units::FormatMbSeconds(units::kMbSecondsPerGbHour), "1.0 GB·h");
  EXPECT_EQ(units::FormatSignificant(-1234.6), "−1,235");
  EXPECT_EQ(units::GroupThousands("1234567"), "1,234,567");
}

TEST(Units, SizeSettingIsTheShortestExactSpelling) {
  EXPECT_EQ(config::FormatSizeSetting(4 * kGib), "4g");
  EXPECT_EQ(config::FormatSizeSetting(1536 * kMib), "1536m");
  EXPECT_EQ(config::FormatSizeSetting(64 * kKib), "64k");
  EXPECT_EQ(config::FormatSizeSetting(1000), "1000");
  EXPECT_EQ(config::FormatSizeSetting(-5), "-1");
  EXPECT_EQ(*config::ParseBytes(config::FormatSizeSetting(1536 * kMib), 'b'), 1536 * kMib);
}

TEST(Stats, SparkMedianAveragesTheMiddlesWhereMedianTakesTheUpper) {
  EXPECT_EQ(stats::SparkMedian(std::vector<int64_t>{4, 1, 3, 10}), 3);  // (3 + 4) / 2
  EXPECT_EQ(stats::Median(std::vector<int64_t>{4, 1, 3, 10}), 4);
  EXPECT_DOUBLE_EQ(stats::SparkMedian(std::vector<double>{1, 2}), 1.5);
  EXPECT_EQ(stats::SparkMedian(std::vector<int64_t>{}), 0);
}

TEST(EditDistance, CaseAndBound) {
  EXPECT_EQ(text::EditDistance("kitten", "sitting"), 3u);
  EXPECT_EQ(text::EditDistance("Lint", "lint"), 1u);
  EXPECT_EQ(text::EditDistance("Lint", "lint", text::Case::kInsensitive), 0u);
  EXPECT_EQ(text::EditDistanceWithin("kitten", "sitting", 3), std::optional<size_t>(3));
  EXPECT_EQ(text::EditDistanceWithin("kitten", "sitting", 2), std::nullopt);
  EXPECT_EQ(text::EditDistanceWithin("a", "abcdef", 3), std::nullopt);  // length alone rules it out
}

TEST(Text, TrimLowerOneLineAndUtf8) {
  EXPECT_EQ(text::TrimWhitespace(" \t4g \r\n"), "4g");
  EXPECT_EQ(text::AsciiLower("ZSTD-Ä"), "zstd-Ä");
  EXPECT_EQ(text::OneLine("a\nb\x1b[31m"), "a?b?[31m");
  EXPECT_EQ(text::ValidUtf8("ok \xC3\xA9 \xFF \xC0\xAF"),
            "ok \xC3\xA9 \xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD");
}

}  // namespace
}  // namespace sparktune
