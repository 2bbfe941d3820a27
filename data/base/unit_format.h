// Unit formatters: the project's one way to write bytes, durations and
// MB-seconds for people (terminal output, lint messages, advice, reports).
//
//   FormatBytes(1.5 * kGib)                       "1.5 GiB"   (default: whole or 1 decimal)
//   FormatBytes(512 * kMib)                       "512 MiB"
//   FormatBytes(x, kSignificantBytes)             "1,023 MiB" (3 significant digits, grouped)
//   FormatSignificant(-1234.5)                    "−1,235"    (U+2212 minus)
//   FormatDurationMs(754000)                      "12 min 34 s"
//   FormatMbSeconds(3.6e6)                        "1.0 GB·h"  (MB·h / GB·h / TB·h, base 1024)
//
// Contract: byte units are binary (KiB = 1024 B, data/base/units.h) whatever
// the label says; non-finite values print as "n/a". Each caller picks a
// ByteFormat once (a named constant) so one output keeps one style; the styles
// exist because published outputs (CLI text, golden files) already use them.
// Spark config spellings ("4g", "512m") are not here: config::FormatSizeSetting.
// Thread-compatible: pure functions.
#pragma once

#include <string>
#include <string_view>

namespace sparktune::units {

// A value divided down to the largest unit it fills: value / base^unit.
struct Scaled {
  double value = 0;
  int unit = 0;
};

// Divides `value` by `base` while |value| >= base x carry and a unit above
// remains: the result is in unit first_unit .. last_unit (the input is in
// unit 0). carry < 1 moves up a little early, so rounding never shows
// "1,024 MiB" for a value that is almost 1 GiB.
Scaled ScaleToUnit(double value, double base, int first_unit, int last_unit, double carry = 1.0);

enum class Precision {
  kWholeOrOneDecimal,  // "%.0f" within 0.05 of a whole number, else "%.1f": "512 MiB", "1.5 GiB"
  kOneDecimal,         // "%.1f": "512.0 MiB"
  kSignificant,        // FormatSignificant: "1,023 MiB", "1.46 GiB", "0.42 KiB"
};

struct ByteFormat {
  int first_unit = 0;  // 0 = B, 1 = KiB, 2 = MiB, 3 = GiB, 4 = TiB, 5 = PiB
  int last_unit = 5;
  Precision precision = Precision::kWholeOrOneDecimal;
  bool whole_in_first_unit = false;  // "%.0f" in first_unit whatever the precision: "512 B"
  bool short_labels = false;         // "KB", "MB" for the same binary units
  double carry = 1.0;                // see ScaleToUnit
};

// Lint messages and other plain text: "512 MiB", "1.5 GiB", "-1 B".
inline constexpr ByteFormat kPlainBytes{};
// The reports' style: 3 significant digits, thousands separators, U+2212 minus.
inline constexpr ByteFormat kSignificantBytes{.precision = Precision::kSignificant,
                                              .carry = 0.9995};

std::string FormatBytes(double bytes, const ByteFormat& format = kPlainBytes);

// `value` with 3 significant digits at most (no decimal from 100, 1 from 1,
// 2 below 1), thousands separators and U+2212 for a minus sign; "n/a" when
// not finite.
std::string FormatSignificant(double value);

// Digits grouped by three with commas: "1234567" -> "1,234,567".
std::string GroupThousands(std::string_view digits);

// Milliseconds as "850 ms", "4.2 s", "42 s", "12 min 34 s", "3 h 05 min";
// negative with U+2212.
std::string FormatDurationMs(double ms);

// MB-seconds in MB·h, GB·h, TB·h or PB·h (base 1024), 3 significant digits.
std::string FormatMbSeconds(double mb_seconds);

}  // namespace sparktune::units
