#include "data/base/unit_format.h"

#include <cmath>
#include <cstdio>

#include "data/base/units.h"

namespace sparktune::units {
namespace {

constexpr const char* kNotAvailable = "n/a";
constexpr const char* kByteUnits[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
constexpr const char* kShortByteUnits[] = {"B", "KB", "MB", "GB", "TB", "PB"};
constexpr const char* kMbHourUnits[] = {"MB·h", "GB·h", "TB·h", "PB·h"};

std::string Printf(const char* format, double value, const char* unit) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, value, unit);
  return buf;
}

}  // namespace

std::string GroupThousands(std::string_view digits) {
  std::string grouped;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  return grouped;
}

Scaled ScaleToUnit(double value, double base, int first_unit, int last_unit, double carry) {
  Scaled s{value, 0};
  for (; s.unit < first_unit; ++s.unit) s.value /= base;
  while (s.unit < last_unit && std::fabs(s.value) >= base * carry) {
    s.value /= base;
    ++s.unit;
  }
  return s;
}

std::string FormatSignificant(double value) {
  if (!std::isfinite(value)) return kNotAvailable;
  double a = std::fabs(value);
  int decimals = a >= 100 ? 0 : (a >= 1 ? 1 : 2);
  if (a == 0) decimals = 0;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, a);
  std::string digits = buf;
  size_t dot = digits.find('.');
  std::string grouped = GroupThousands(digits.substr(0, dot));
  std::string frac = dot == std::string::npos ? "" : digits.substr(dot);
  bool negative = value < 0 && (grouped + frac).find_first_not_of("0.,") != std::string::npos;
  return (negative ? "−" : "") + grouped + frac;
}

std::string FormatBytes(double bytes, const ByteFormat& format) {
  if (!std::isfinite(bytes)) return kNotAvailable;
  Scaled s = ScaleToUnit(bytes, static_cast<double>(kKib), format.first_unit, format.last_unit,
                         format.carry);
  const char* unit = (format.short_labels ? kShortByteUnits : kByteUnits)[s.unit];
  if (format.whole_in_first_unit && s.unit == format.first_unit) {
    return Printf("%.0f %s", s.value, unit);
  }
  switch (format.precision) {
    case Precision::kWholeOrOneDecimal:
      return Printf(std::fabs(s.value - std::round(s.value)) < 0.05 ? "%.0f %s" : "%.1f %s",
                    s.value, unit);
    case Precision::kOneDecimal:
      return Printf("%.1f %s", s.value, unit);
    case Precision::kSignificant:
      return FormatSignificant(s.value) + " " + unit;
  }
  return kNotAvailable;
}

std::string FormatDurationMs(double ms) {
  if (!std::isfinite(ms)) return kNotAvailable;
  std::string sign = ms < 0 ? "−" : "";
  double a = std::fabs(ms);
  char buf[64];
  if (a < 1000) {
    std::snprintf(buf, sizeof buf, "%.0f ms", a);
  } else if (a < 60'000) {
    std::snprintf(buf, sizeof buf, a < 10'000 ? "%.1f s" : "%.0f s", a / 1000);
  } else if (a < 3'600'000) {
    long long s = std::llround(a / 1000);
    std::snprintf(buf, sizeof buf, "%lld min %02lld s", s / 60, s % 60);
  } else {
    long long m = std::llround(a / 60'000);
    std::snprintf(buf, sizeof buf, "%lld h %02lld min", m / 60, m % 60);
  }
  return sign + buf;
}

std::string FormatMbSeconds(double mb_seconds) {
  double mb_hours = mb_seconds / 3600.0;
  if (!std::isfinite(mb_hours)) return kNotAvailable;
  Scaled s = ScaleToUnit(mb_hours, 1024.0, 0, 3, 0.9995);
  return FormatSignificant(s.value) + " " + kMbHourUnits[s.unit];
}

}  // namespace sparktune::units
