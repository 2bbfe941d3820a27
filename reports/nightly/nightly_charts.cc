#include "reports/nightly/nightly_charts.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

#include "reports/nightly/report_format.h"
#include "reports/nightly/svg_charts.h"

namespace sparktune::reports {
namespace {

std::string GbHoursLabel(double gb_hours) {
  return gb_hours == 0 ? std::string("0") : FormatMbSeconds(gb_hours * kMbSecondsPerGbHour);
}

std::string StageLabel(const StageSpan& s) {
  std::string id = std::to_string(s.stage_id);
  if (s.attempt > 0) id += "." + std::to_string(s.attempt);
  return id + " · " + s.name;
}

double GcFraction(const StageSpan& s) {
  return s.task_time_ms > 0 ? static_cast<double>(s.gc_ms) / static_cast<double>(s.task_time_ms)
                            : 0;
}

std::string StageTooltip(const StageSpan& s) {
  std::string t = "Stage " + std::to_string(s.stage_id) + " attempt " + std::to_string(s.attempt) +
                  (s.failed ? " (failed)" : "") + "\n" + s.name + "\n" +
                  FormatDurationMs(static_cast<double>(s.end_ms - s.start_ms)) + " · " +
                  FormatCount(s.tasks) + " tasks";
  if (s.skew_ratio > 0) t += " · skew " + FormatNumber(s.skew_ratio) + "×";
  if (s.spill_bytes > 0) t += " · spill " + FormatBytes(static_cast<double>(s.spill_bytes));
  if (s.task_time_ms > 0) t += " · GC " + FormatPercent(GcFraction(s) * 100);
  return t;
}

// Indices of the stages with the largest positive `metric`, largest first.
std::vector<size_t> WorstStages(const JobReport& job,
                                const std::function<double(const StageSpan&)>& metric) {
  std::vector<size_t> order;
  for (size_t i = 0; i < job.stages.size(); ++i) {
    if (metric(job.stages[i]) > 0) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return metric(job.stages[a]) > metric(job.stages[b]);
  });
  if (order.size() > kMaxStageBars) order.resize(kMaxStageBars);
  return order;
}

template <typename T>
std::vector<size_t> ByStart(const std::vector<T>& items, size_t limit) {
  std::vector<size_t> order(items.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return items[a].start_ms < items[b].start_ms; });
  if (order.size() > limit) order.resize(limit);
  return order;
}

std::string AccuracySvg(const NightlyReport& report, bool mb_seconds) {
  ScatterSpec spec;
  spec.title = mb_seconds ? "Predicted vs actual MB-seconds of adopted recommendations"
                          : "Predicted vs actual duration of adopted recommendations";
  spec.x_title = mb_seconds ? "predicted (GB·h)" : "predicted";
  spec.y_title = mb_seconds ? "actual (GB·h)" : "actual";
  if (mb_seconds) {
    spec.format = [](double v) { return FormatNumber(v); };
  } else {
    spec.format = FormatDurationTick;
    spec.time_axis = true;
  }
  for (const AccuracyPoint& a : report.accuracy) {
    double predicted = mb_seconds ? a.predicted.mb_seconds.value / kMbSecondsPerGbHour
                                  : a.predicted.duration_ms.value;
    double actual = mb_seconds ? a.actual_mb_seconds / kMbSecondsPerGbHour : a.actual_duration_ms;
    double error = ErrorPercent(predicted, actual);
    std::string unit_p = mb_seconds ? GbHoursLabel(predicted) : FormatDurationMs(predicted);
    std::string unit_a = mb_seconds ? GbHoursLabel(actual) : FormatDurationMs(actual);
    spec.points.push_back({predicted, actual, std::fabs(error) <= 20 ? "c-s1" : "c-warn",
                           a.job + " (" + a.night + ")\npredicted " + unit_p + ", actual " +
                               unit_a + ", error " + FormatPercent(error, true)});
  }
  return RenderScatter(spec);
}

}  // namespace

std::string TrendChartSvg(const NightlyReport& report) {
  std::vector<FleetTotals> series = TrendSeries(report);
  if (series.size() < 2) return "";
  LineChartSpec spec;
  spec.title = "Fleet memory cost per night";
  spec.format_y = GbHoursLabel;
  LineSeries line;
  line.name = "GB·h";
  line.css_class = "c-s1";
  for (const FleetTotals& t : series) {
    spec.x_labels.push_back(t.night.size() == 10 ? t.night.substr(5) : t.night);  // MM-DD
    line.values.push_back(t.mb_seconds / kMbSecondsPerGbHour);
    std::string tip = t.night + "\n" + FormatMbSeconds(t.mb_seconds) + " · " +
                      FormatCoreSeconds(t.core_seconds) + " · " + FormatCount(t.apps) + " apps";
    if (report.prices.configured()) {
      tip += " · " + FormatMoney(CostOf(t.mb_seconds, t.core_seconds, report.prices),
                                 report.prices.currency);
    }
    line.tooltips.push_back(tip);
  }
  spec.series.push_back(std::move(line));
  return RenderLineChart(spec);
}

std::string ExecutorTimelineSvg(const JobReport& job) {
  GanttSpec spec;
  spec.title = "Executor timeline of " + job.name;
  for (size_t i : ByStart(job.executors, kMaxTimelineRows)) {
    const ExecutorSpan& e = job.executors[i];
    std::string tip = "Executor " + e.id + " on " + e.host + "\n" + std::to_string(e.cores) +
                      " cores · " + FormatBytes(static_cast<double>(e.memory_mib) * 1024 * 1024) +
                      " · alive " + FormatDurationMs(static_cast<double>(e.end_ms - e.start_ms));
    if (!e.removed_reason.empty()) tip += "\nremoved: " + e.removed_reason;
    spec.rows.push_back(
        {e.id + " · " + e.host,
         {{static_cast<double>(e.start_ms), static_cast<double>(e.end_ms), "c-s2", tip}}});
  }
  return RenderGantt(spec);
}

std::string StageGanttSvg(const JobReport& job) {
  GanttSpec spec;
  spec.title = "Stage Gantt chart of " + job.name;
  for (size_t i : ByStart(job.stages, kMaxGanttRows)) {
    const StageSpan& s = job.stages[i];
    std::string css =
        s.failed ? "c-bad" : (s.skew_ratio >= kSkewHighlightRatio ? "c-warn" : "c-s1");
    spec.rows.push_back(
        {StageLabel(s),
         {{static_cast<double>(s.start_ms), static_cast<double>(s.end_ms), css, StageTooltip(s)}}});
  }
  return RenderGantt(spec);
}

std::string SkewChartSvg(const JobReport& job) {
  BarChartSpec spec;
  spec.title = "Task skew per stage (longest task / median task)";
  spec.format_value = [](double v) { return FormatNumber(v) + "×"; };
  spec.reference = kSkewHighlightRatio;
  spec.reference_label = FormatNumber(kSkewHighlightRatio) + "×";
  for (size_t i :
       WorstStages(job, [](const StageSpan& s) { return s.skew_ratio > 1 ? s.skew_ratio : 0; })) {
    const StageSpan& s = job.stages[i];
    spec.bars.push_back({StageLabel(s), s.skew_ratio,
                         s.skew_ratio >= kSkewHighlightRatio ? "c-warn" : "c-s1", StageTooltip(s)});
  }
  return RenderBarChart(spec);
}

std::string SpillChartSvg(const JobReport& job) {
  BarChartSpec spec;
  spec.title = "Disk spill per stage";
  spec.format_value = [](double v) { return FormatBytes(v); };
  for (size_t i :
       WorstStages(job, [](const StageSpan& s) { return static_cast<double>(s.spill_bytes); })) {
    const StageSpan& s = job.stages[i];
    spec.bars.push_back(
        {StageLabel(s), static_cast<double>(s.spill_bytes), "c-warn", StageTooltip(s)});
  }
  return RenderBarChart(spec);
}

std::string GcChartSvg(const JobReport& job) {
  BarChartSpec spec;
  spec.title = "GC time per stage (share of task time)";
  spec.format_value = [](double v) { return FormatPercent(v * 100); };
  spec.reference = kGcHighlightFraction;
  spec.reference_label = FormatPercent(kGcHighlightFraction * 100);
  for (size_t i : WorstStages(job, GcFraction)) {
    const StageSpan& s = job.stages[i];
    double f = GcFraction(s);
    spec.bars.push_back(
        {StageLabel(s), f, f >= kGcHighlightFraction ? "c-warn" : "c-s1", StageTooltip(s)});
  }
  return RenderBarChart(spec);
}

std::string AccuracyMbSecondsSvg(const NightlyReport& report) { return AccuracySvg(report, true); }
std::string AccuracyDurationSvg(const NightlyReport& report) { return AccuracySvg(report, false); }

}  // namespace sparktune::reports
