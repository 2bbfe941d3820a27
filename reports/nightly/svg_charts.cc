#include "reports/nightly/svg_charts.h"

#include <algorithm>
#include <cmath>

#include "reports/nightly/report_format.h"
#include "reports/nightly/svg_canvas.h"

namespace sparktune::reports {
namespace {

// Layout constants (SVG user units; charts scale to the page width).
constexpr double kAxisLabelWidth = 72;  // room for y tick labels
constexpr double kTopMargin = 14;
constexpr double kBottomAxis = 30;  // x tick labels under the plot
constexpr double kRightMargin = 24;
constexpr double kCharWidth = 6.6;  // average glyph width at the 12-unit font
constexpr double kBarRow = 24;
constexpr double kBarThickness = 15;
constexpr double kValueRoom = 78;  // room right of a bar for its value label

double MaxOf(const std::vector<double>& v) {
  double m = 0;
  for (double x : v) {
    if (std::isfinite(x)) m = std::max(m, x);
  }
  return m;
}

void DrawYGrid(SvgCanvas& c, const Ticks& ticks, const LinearScale& y, double x0, double x1,
               const ValueFormatter& format) {
  for (double v : ticks.values) {
    double py = y(v);
    c.Line(x0, py, x1, py, v == 0 ? "c-axis" : "c-grid");
    c.Text(x0 - 8, py + 4, format ? format(v) : FormatNumber(v), "c-tick", TextAnchor::kEnd);
  }
}

}  // namespace

std::string RenderLineChart(const LineChartSpec& spec) {
  size_t n = spec.x_labels.size();
  if (n == 0 || spec.series.empty()) return "";
  SvgCanvas c(spec.width, spec.height, spec.title);
  double left = kAxisLabelWidth, right = spec.width - kRightMargin - 40;
  double top = kTopMargin, bottom = spec.height - kBottomAxis;
  double max = 0;
  for (const LineSeries& s : spec.series) max = std::max(max, MaxOf(s.values));
  Ticks ticks = NiceTicks(0, max > 0 ? max * 1.08 : 1, 5);
  LinearScale y(ticks.lo, ticks.hi, bottom, top);
  DrawYGrid(c, ticks, y, left, right, spec.format_y);
  auto x_of = [&](size_t i) {
    return n == 1 ? (left + right) / 2 : left + (right - left) * static_cast<double>(i) / (n - 1);
  };
  size_t every = std::max<size_t>(1, (n + 9) / 10);
  for (size_t i = 0; i < n; ++i) {
    bool last_far_enough = i + 1 == n && i % every >= (every + 1) / 2;
    if (i % every != 0 && !last_far_enough) continue;
    c.Text(x_of(i), bottom + 20, spec.x_labels[i], "c-tick", TextAnchor::kMiddle);
  }
  for (const LineSeries& s : spec.series) {
    std::vector<std::pair<double, double>> pts;
    for (size_t i = 0; i < n && i < s.values.size(); ++i) {
      double v = std::isfinite(s.values[i]) ? s.values[i] : 0;
      pts.emplace_back(x_of(i), y(v));
    }
    if (pts.size() > 1) {
      std::vector<std::pair<double, double>> area = pts;
      area.emplace_back(pts.back().first, y(0));
      area.emplace_back(pts.front().first, y(0));
      c.Polyline(area, "c-area " + s.css_class);
      c.Polyline(pts, "c-line " + s.css_class);
    }
    for (size_t i = 0; i < pts.size(); ++i) {
      std::string tip = i < s.tooltips.size() ? s.tooltips[i] : spec.x_labels[i];
      c.Circle(pts[i].first, pts[i].second, i + 1 == pts.size() ? 5 : 3.5, "c-point " + s.css_class,
               tip);
    }
    if (!pts.empty() && spec.format_y) {
      double last = s.values[pts.size() - 1];
      c.Text(pts.back().first + 9, pts.back().second + 4, spec.format_y(last), "c-value");
    }
  }
  return c.Finish();
}

std::string RenderBarChart(const BarChartSpec& spec) {
  if (spec.bars.empty()) return "";
  double height = kTopMargin / 2 + spec.bars.size() * kBarRow + 6;
  SvgCanvas c(spec.width, height, spec.title);
  double left = spec.label_width, right = spec.width - kValueRoom;
  double max = spec.reference;
  for (const Bar& b : spec.bars) {
    if (std::isfinite(b.value)) max = std::max(max, b.value);
  }
  LinearScale x(0, max > 0 ? max : 1, left, right);
  double y = kTopMargin / 2;
  size_t label_chars = static_cast<size_t>((spec.label_width - 10) / kCharWidth);
  for (const Bar& b : spec.bars) {
    double v = std::isfinite(b.value) ? std::max(0.0, b.value) : 0;
    double mid = y + kBarRow / 2;
    c.Text(left - 8, mid + 4, b.label, "c-tick", TextAnchor::kEnd, label_chars);
    c.Rect(left, mid - kBarThickness / 2, std::max(1.5, x(v) - left), kBarThickness,
           "c-bar " + b.css_class, b.tooltip);
    c.Text(x(v) + 6, mid + 4,
           spec.format_value ? spec.format_value(b.value) : FormatNumber(b.value), "c-value");
    y += kBarRow;
  }
  c.Line(left, kTopMargin / 2 - 2, left, y + 2, "c-axis");
  if (spec.reference > 0) {
    double rx = x(spec.reference);
    c.Line(rx, kTopMargin / 2 - 2, rx, y + 2, "c-ref");
    if (!spec.reference_label.empty()) {
      c.Text(rx + 4, height - 2, spec.reference_label, "c-note");
    }
  }
  return c.Finish();
}

std::string RenderGantt(const GanttSpec& spec) {
  if (spec.rows.empty()) return "";
  double max_end = 0;
  for (const GanttRow& r : spec.rows) {
    for (const GanttBar& b : r.bars) max_end = std::max(max_end, b.end);
  }
  double plot_height = spec.rows.size() * spec.row_height;
  double height = kTopMargin + plot_height + kBottomAxis;
  SvgCanvas c(spec.width, height, spec.title);
  double left = spec.label_width, right = spec.width - kRightMargin;
  Ticks ticks = TimeTicks(0, max_end > 0 ? max_end : 1000, 8);
  LinearScale x(ticks.lo, ticks.hi, left, right);
  double bottom = kTopMargin + plot_height;
  for (size_t i = 0; i < spec.rows.size(); ++i) {
    if (i % 2 == 1)
      c.Rect(left, kTopMargin + i * spec.row_height, right - left, spec.row_height, "c-stripe");
  }
  for (double v : ticks.values) {
    c.Line(x(v), kTopMargin, x(v), bottom, v == 0 ? "c-axis" : "c-grid");
    c.Text(x(v), bottom + 18, FormatDurationTick(v), "c-tick", TextAnchor::kMiddle);
  }
  size_t label_chars = static_cast<size_t>((spec.label_width - 10) / kCharWidth);
  double bar_h = std::max(4.0, spec.row_height - 6);
  for (size_t i = 0; i < spec.rows.size(); ++i) {
    const GanttRow& r = spec.rows[i];
    double top = kTopMargin + i * spec.row_height;
    c.Text(left - 8, top + spec.row_height / 2 + 4, r.label, "c-tick", TextAnchor::kEnd,
           label_chars);
    for (const GanttBar& b : r.bars) {
      double x0 = x(std::max(0.0, b.start));
      double x1 = x(std::max(b.start, b.end));
      c.Rect(x0, top + (spec.row_height - bar_h) / 2, std::max(1.5, x1 - x0), bar_h,
             "c-bar " + b.css_class, b.tooltip);
    }
  }
  c.Line(left, bottom, right, bottom, "c-axis");
  return c.Finish();
}

std::string RenderScatter(const ScatterSpec& spec) {
  if (spec.points.empty()) return "";
  double max = 0;
  for (const ScatterPoint& p : spec.points) {
    if (std::isfinite(p.x)) max = std::max(max, p.x);
    if (std::isfinite(p.y)) max = std::max(max, p.y);
  }
  Ticks ticks = spec.time_axis ? TimeTicks(0, max > 0 ? max * 1.05 : 1000, 5)
                               : NiceTicks(0, max > 0 ? max * 1.05 : 1, 5);
  double left = kAxisLabelWidth + 18, bottom_room = kBottomAxis + 22;
  double plot = spec.size - left - kRightMargin;
  constexpr double kTitleRoom = 30;  // the y-axis title sits above the plot
  double width = spec.size, height = kTitleRoom + plot + bottom_room;
  SvgCanvas c(width, height, spec.title);
  double top = kTitleRoom, bottom = top + plot, right = left + plot;
  LinearScale x(ticks.lo, ticks.hi, left, right);
  LinearScale y(ticks.lo, ticks.hi, bottom, top);
  DrawYGrid(c, ticks, y, left, right, spec.format);
  for (double v : ticks.values) {
    c.Line(x(v), top, x(v), bottom, v == 0 ? "c-axis" : "c-grid");
    c.Text(x(v), bottom + 18, spec.format ? spec.format(v) : FormatNumber(v), "c-tick",
           TextAnchor::kMiddle);
  }
  c.Line(x(0), y(0), x(ticks.hi), y(ticks.hi), "c-diag");
  if (spec.band > 0) {
    c.Line(x(0), y(0), x(ticks.hi / (1 + spec.band)), y(ticks.hi), "c-band");
    c.Line(x(0), y(0), x(ticks.hi), y(ticks.hi * (1 - spec.band)), "c-band");
  }
  for (const ScatterPoint& p : spec.points) {
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
    c.Circle(x(p.x), y(p.y), 5, "c-point " + p.css_class, p.tooltip);
  }
  c.Text((left + right) / 2, height - 6, spec.x_title, "c-axis-title", TextAnchor::kMiddle);
  c.Text(left - kAxisLabelWidth, top - 14, spec.y_title, "c-axis-title");
  return c.Finish();
}

}  // namespace sparktune::reports
