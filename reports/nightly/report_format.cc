#include "reports/nightly/report_format.h"

#include <cmath>
#include <cstdio>
#include <limits>

namespace sparktune::reports {
namespace {

constexpr const char* kNotAvailable = "n/a";

}  // namespace

std::string FormatNumber(double value) {
  if (!std::isfinite(value)) return kNotAvailable;
  std::string s = units::FormatSignificant(value);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s;
}

std::string FormatCoreSeconds(double core_seconds) {
  if (!std::isfinite(core_seconds)) return kNotAvailable;
  return units::FormatSignificant(core_seconds / 3600.0) + " core-h";
}

std::string FormatBytes(double bytes) {
  return units::FormatBytes(bytes, units::kSignificantBytes);
}

std::string FormatPercent(double percent, bool with_sign) {
  if (!std::isfinite(percent)) return kNotAvailable;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.1f%%", std::fabs(percent));
  bool zero = std::string(buf) == "0.0%";
  if (zero) return buf;
  if (percent < 0) return std::string("−") + buf;
  return (with_sign ? "+" : "") + std::string(buf);
}

std::string FormatMoney(double amount, const std::string& currency) {
  if (!std::isfinite(amount)) return kNotAvailable;
  char buf[64];
  double a = std::fabs(amount);
  // Below one unit (a price per GB·h), keep up to 4 decimals: "$0.0045".
  std::snprintf(buf, sizeof buf, a > 0 && a < 0.995 ? "%.4f" : "%.2f", a);
  std::string digits = buf;
  while (digits.size() > 4 && digits.back() == '0' && digits[digits.size() - 3] != '.')
    digits.pop_back();
  size_t dot = digits.find('.');
  std::string grouped = units::GroupThousands(digits.substr(0, dot));
  std::string number = (amount < 0 ? "−" : "") + grouped + digits.substr(dot);
  if (currency == "USD") return (amount < 0 ? "−$" : "$") + grouped + digits.substr(dot);
  if (currency == "EUR") return number + " €";
  return number + " " + currency;
}

std::string FormatCount(int64_t n) {
  std::string grouped = units::GroupThousands(std::to_string(n < 0 ? -n : n));
  return (n < 0 ? "−" : "") + grouped;
}

std::string FormatEstimate(const Estimate& e, const std::function<std::string(double)>& format) {
  if (!e.has_interval()) return format(e.value);
  std::string value = format(e.value), low = format(e.low), high = format(e.high);
  // "61.7 GB·h (54.3–69.1)": drop a single-word unit the three share.
  size_t space = value.rfind(' ');
  if (space != std::string::npos && value.find(' ') == space) {
    std::string unit = value.substr(space);
    auto strip = [&](std::string& s) {
      if (s.size() > unit.size() && s.compare(s.size() - unit.size(), unit.size(), unit) == 0 &&
          s.find(' ') == s.size() - unit.size()) {
        s.resize(s.size() - unit.size());
        return true;
      }
      return false;
    };
    std::string l = low, h = high;
    if (strip(l) && strip(h)) return value + " (" + l + "–" + h + ")";
  }
  return value + " (" + low + "–" + high + ")";
}

std::string FormatRange(double low, double high, const std::function<std::string(double)>& format) {
  std::string l = format(low), h = format(high);
  size_t space = h.rfind(' ');
  if (space != std::string::npos && h.find(' ') == space && l.find(' ') == l.rfind(' ') &&
      l.size() > h.size() - space &&
      l.compare(l.size() - (h.size() - space), std::string::npos, h, space) == 0) {
    return l.substr(0, l.size() - (h.size() - space)) + "–" + h;
  }
  return l + " – " + h;
}

std::string FormatDurationTick(double ms) {
  if (!std::isfinite(ms)) return kNotAvailable;
  if (ms == 0) return "0";
  if (std::fabs(ms) < 60'000) return FormatDurationMs(ms);
  long long s = std::llround(std::fabs(ms) / 1000);
  std::string out = ms < 0 ? "−" : "";
  long long h = s / 3600, m = (s % 3600) / 60, sec = s % 60;
  if (h > 0) out += std::to_string(h) + " h";
  if (m > 0) out += (h > 0 ? " " : "") + std::to_string(m) + " min";
  if (sec > 0) out += (h > 0 || m > 0 ? " " : "") + std::to_string(sec) + " s";
  return out;
}

std::string MemoryCostUnitsNote() {
  return "Memory cost is container memory × lifetime (MB-seconds), shown in MB·h, GB·h or TB·h "
         "(base 1024: 1 GB·h = 1024 MB·h = 3,686,400 MB-seconds).";
}

bool HasSettings(const JobOverride& o) { return !o.settings.empty(); }

std::string FormatOverrideGain(const JobOverride& o) {
  if (!o.gain_percent.has_interval() && std::fabs(o.gain_percent.value) < 0.05) {
    return "keeps its own values (the unified config breaks its limit)";
  }
  return FormatEstimate(o.gain_percent, [](double v) { return FormatPercent(v); });
}

double CostOf(double mb_seconds, double core_seconds, const Prices& prices) {
  if (prices.sheet) {
    return prices::PriceOf(*prices.sheet, core_seconds / 3600.0, mb_seconds / kMbSecondsPerGbHour);
  }
  return mb_seconds / kMbSecondsPerGbHour * prices.per_gb_hour +
         core_seconds / 3600.0 * prices.per_core_hour;
}

std::string PricesNote(const Prices& prices) {
  if (!prices.configured()) return "";
  auto g = [](double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return std::string(buf);
  };
  if (!prices.sheet) {
    return "Prices: " + FormatMoney(prices.per_gb_hour, prices.currency) + " per GB·h, " +
           FormatMoney(prices.per_core_hour, prices.currency) + " per core-hour.";
  }
  const prices::PriceSheet& s = *prices.sheet;
  std::string what = s.compute_units
                         ? g(s.per_cu_hour) + " " + s.currency +
                               " per CU-hour (1 CU = " + g(s.cu_vcpus) + " vCPU, " + g(s.cu_gb) +
                               " GB; billed on the larger of vCPU-hours and GB-hours)"
                         : g(s.per_vcpu_hour) + " " + s.currency + " per vCPU-hour, " +
                               g(s.per_gb_hour) + " " + s.currency + " per GB·h";
  return "Prices (" + s.source + "): " + what + ".";
}

double ErrorPercent(double predicted, double observed) {
  if (observed == 0) return std::numeric_limits<double>::quiet_NaN();
  return (predicted - observed) / observed * 100.0;
}

}  // namespace sparktune::reports
