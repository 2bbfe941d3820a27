// Chart types of the nightly report, built on svg_canvas.h: a line chart over
// categories, horizontal bars, Gantt rows on a time axis and a
// predicted-vs-actual scatter. Each returns one <svg> element as a string, or
// "" when there is nothing to draw (the caller then says so in words).
//
// Charts know nothing about Spark: the report-specific charts in
// nightly_charts.h map report structs onto these specs. CSS classes named in
// the specs ("c-s1", "c-warn", ...) come from the page stylesheet
// (html_style.h).
//
// Thread safety: pure functions.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace sparktune::reports {

using ValueFormatter = std::function<std::string(double)>;

struct LineSeries {
  std::string name;
  std::string css_class;              // colour of line and points: "c-s1"
  std::vector<double> values;         // one per x label
  std::vector<std::string> tooltips;  // one per point, or empty
};

struct LineChartSpec {
  std::string title;                  // accessible name
  std::vector<std::string> x_labels;  // evenly spaced categories (dates)
  std::vector<LineSeries> series;
  ValueFormatter format_y;
  double width = 960;
  double height = 260;
};
// Needs at least one point; a single point is drawn as a dot.
std::string RenderLineChart(const LineChartSpec& spec);

struct Bar {
  std::string label;  // left of the bar (cut with "…")
  double value = 0;
  std::string css_class;  // "c-s1", "c-warn"
  std::string tooltip;
};

struct BarChartSpec {
  std::string title;
  std::vector<Bar> bars;  // drawn top to bottom in this order
  ValueFormatter format_value;
  double reference = 0;  // a dashed vertical rule at this value when > 0
  std::string reference_label;
  double width = 360;
  double label_width = 130;
};
std::string RenderBarChart(const BarChartSpec& spec);

struct GanttBar {
  double start = 0;  // x-domain units (ms)
  double end = 0;
  std::string css_class;
  std::string tooltip;
};

struct GanttRow {
  std::string label;
  std::vector<GanttBar> bars;
};

struct GanttSpec {
  std::string title;
  std::vector<GanttRow> rows;
  double width = 960;
  double label_width = 220;
  double row_height = 18;
};
// The x axis is a time axis in milliseconds (TimeTicks) from 0.
std::string RenderGantt(const GanttSpec& spec);

struct ScatterPoint {
  double x = 0;
  double y = 0;
  std::string css_class;
  std::string tooltip;
};

struct ScatterSpec {
  std::string title;
  std::string x_title;
  std::string y_title;
  std::vector<ScatterPoint> points;
  ValueFormatter format;   // both axes share a unit
  double band = 0.2;       // dashed lines at y = x (1 ± band); 0 = none
  bool time_axis = false;  // values are milliseconds: ticks on round durations
  double size = 380;
};
// Both axes start at 0 and share one scale, with the y = x diagonal.
std::string RenderScatter(const ScatterSpec& spec);

}  // namespace sparktune::reports
