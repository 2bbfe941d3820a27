// The nightly report as a versioned JSON document ("schema":
// "sparktune.report/1"), every field documented with its unit in
// docs/report-schema.md. Keys are camelCase like the profile document;
// durations in ms, memory cost in MB-seconds, compute in core-seconds, bytes
// in bytes, money in prices.currency (null when prices are not configured).
// Estimates are {"value", "low", "high"}. A value that cannot be computed (a
// replay error against an observed 0) is null. Strings are the report's
// strings with invalid UTF-8 replaced by U+FFFD.
//
// Thread safety: pure functions.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "reports/nightly/nightly_report.h"

namespace sparktune::reports {

inline constexpr const char* kReportJsonSchema = "sparktune.report/1";

nlohmann::ordered_json NightlyReportJson(const NightlyReport& report);
// NightlyReportJson dumped with 2-space indentation and a final newline.
std::string RenderNightlyJson(const NightlyReport& report);

}  // namespace sparktune::reports
