// Human-friendly formatting of the nightly report's numbers, shared by the
// HTML and Markdown renderers so both say the same thing the same way:
//
//   FormatMbSeconds(3.6e6)      "1.0 GB·h"     (MB·h / GB·h / TB·h, base 1024)
//   FormatCoreSeconds(45000)    "12.5 core-h"
//   FormatDurationMs(754000)    "12 min 34 s"  (ms, s, min, h)
//   FormatBytes(1.5 * 2^30)     "1.5 GiB"
//   FormatPercent(-4.04)        "−4.0%"        (with a sign only if asked)
//   FormatMoney(1234.5, "USD")  "$1,234.50"    (other currencies: "1,234.50 EUR")
//   FormatCount(1204)           "1,204"
//
// Three significant digits at most (1 decimal from 1 to 100, none above,
// 2 below 1). Non-finite values print as "n/a". Output is plain UTF-8 text
// with no markup; callers escape it like any other string.
//
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "data/base/unit_format.h"
#include "data/base/units.h"
#include "reports/nightly/nightly_report.h"

namespace sparktune::reports {

// The unit formatters are the project's (data/base/unit_format.h).
using units::FormatDurationMs;
using units::FormatMbSeconds;
using units::kMbSecondsPerGbHour;

std::string FormatCoreSeconds(double core_seconds);
// Bytes in the report style (units::kSignificantBytes): "1,023 MiB", "1.46 GiB".
std::string FormatBytes(double bytes);
std::string FormatPercent(double percent, bool with_sign = false);
std::string FormatMoney(double amount, const std::string& currency);
std::string FormatCount(int64_t n);
// A plain number with up to 3 significant digits, trailing zeros dropped:
// "0.42", "3.4", "17", "50", "1,250".
std::string FormatNumber(double value);

// "121–236 GB·h": a range with a unit the two share written once.
std::string FormatRange(double low, double high, const std::function<std::string(double)>& format);

// A time-axis label without zero parts: "0", "30 s", "10 min", "1 h 30 min".
std::string FormatDurationTick(double ms);

// "value (low–high)" when the estimate has an interval, else just "value";
// a unit the three share is written once: "61.7 GB·h (54.3–69.1)".
std::string FormatEstimate(const Estimate& e, const std::function<std::string(double)>& format);

// The footnote on memory-cost units, shared by every renderer so it names
// the units FormatMbSeconds writes (MB·h, GB·h, TB·h), not just one of them.
std::string MemoryCostUnitsNote();

// Whether an override has settings to paste (rows without are left out).
bool HasSettings(const JobOverride& o);

// An override's predicted gain, "6.5% (3.9%–8.8%)"; an override that only
// keeps a job's own values (no gain: the unified config breaks its limit)
// says so instead of "0.0%".
std::string FormatOverrideGain(const JobOverride& o);

// Money for the given use at `prices`; 0 when prices are not configured.
double CostOf(double mb_seconds, double core_seconds, const Prices& prices);

// The prices in one sentence for the reports' footers: "Prices: $0.0045 per GB·h, $0.034 per
// core-hour." or the price file's "Prices (source: ...): 0.29 CNY per CU-hour (1 CU = 1 vCPU,
// 4 GB)."; empty when no prices are configured. Plain text: the caller escapes it.
std::string PricesNote(const Prices& prices);

// Relative error of a prediction against what was observed, in percent
// ((predicted - observed) / observed x 100); NaN when observed is 0.
double ErrorPercent(double predicted, double observed);

}  // namespace sparktune::reports
