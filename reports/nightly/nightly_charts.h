// The charts of the nightly report: report structs mapped onto the generic
// charts of svg_charts.h. Each returns one <svg> element, or "" when there is
// nothing to draw (fewer than two nights, no executors, no stage with spill,
// ...); the HTML renderer then says so in words.
//
// Thread safety: pure functions.
#pragma once

#include <cstddef>
#include <string>

#include "reports/nightly/nightly_report.h"

namespace sparktune::reports {

// Display thresholds, the same in every renderer.
// A stage whose longest task takes 5x its median task is marked skewed
// (the factor Spark's OptimizeSkewedJoin uses by default since 3.0).
inline constexpr double kSkewHighlightRatio = 5.0;
// GC above 10% of task time is marked, as the Spark web UI's executors page
// does (core/src/main/resources/org/apache/spark/ui/static/executorspage.js).
inline constexpr double kGcHighlightFraction = 0.10;
// Rows shown in the executor timeline and the stage Gantt; the rest are
// counted under the chart.
inline constexpr size_t kMaxTimelineRows = 40;
inline constexpr size_t kMaxGanttRows = 50;
// Bars in each skew / spill / GC chart (the worst stages).
inline constexpr size_t kMaxStageBars = 8;

// Fleet MB-seconds per night (GB·h), with apps, core-hours and cost in the
// tooltips; "" with fewer than two nights.
std::string TrendChartSvg(const NightlyReport& report);

// One row per executor (the first kMaxTimelineRows by start time).
std::string ExecutorTimelineSvg(const JobReport& job);
// One row per stage attempt (the first kMaxGanttRows by start time); skewed
// stages and failed attempts are coloured differently.
std::string StageGanttSvg(const JobReport& job);

// The worst stages by skew ratio, disk spill, and GC share of task time.
std::string SkewChartSvg(const JobReport& job);
std::string SpillChartSvg(const JobReport& job);
std::string GcChartSvg(const JobReport& job);

// Predicted vs actual MB-seconds (resp. duration) of adopted
// recommendations, with the y = x diagonal and a ±20% band.
std::string AccuracyMbSecondsSvg(const NightlyReport& report);
std::string AccuracyDurationSvg(const NightlyReport& report);

}  // namespace sparktune::reports
