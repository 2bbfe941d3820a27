// A small toolkit for inline SVG charts: nice axis ticks, linear scales and a
// canvas that writes escaped SVG elements. Higher-level charts (line, bars,
// Gantt rows, scatter) are in svg_charts.h and are built from these parts.
//
// The canvas writes presentation through CSS classes ("c-bar", "c-axis", ...)
// that the page's stylesheet defines, so a chart follows the page's palette,
// print rules and colour choices; it never emits scripts, event-handler
// attributes, links or external references. Every piece of text (labels,
// tooltips, the accessible title) goes through HtmlEscape, so untrusted
// strings stay text inside <text>, <title> and attribute values.
//
// Thread safety: NiceTicks/TimeTicks/LinearScale are pure; a canvas is a
// single-threaded builder.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sparktune::reports {

// Round tick positions covering [lo, hi]: steps of 1, 2 or 5 x 10^k
// (Heckbert, "Nice numbers for graph labels", Graphics Gems, 1990).
// lo/hi are widened to multiples of step; values are lo, lo+step, ..., hi.
// An empty or degenerate range gets a unit-wide range around its value.
struct Ticks {
  double lo = 0;
  double hi = 1;
  double step = 1;
  std::vector<double> values;
};
Ticks NiceTicks(double min, double max, int target_count);

// Ticks for a time axis in milliseconds, on round durations (1, 2, 5, 10, 15,
// 30 s, 1, 2, 5, 10, 15, 30 min, 1, 2, 3, 6, 12 h, then days) from `min_ms`;
// sub-second ranges fall back to NiceTicks.
Ticks TimeTicks(double min_ms, double max_ms, int target_count);

// Maps the domain [d0, d1] linearly onto the range [r0, r1] (pixels).
class LinearScale {
 public:
  LinearScale(double d0, double d1, double r0, double r1);
  double operator()(double v) const;

 private:
  double d0_, d1_, r0_, r1_;
};

enum class TextAnchor { kStart, kMiddle, kEnd };

// Builds one <svg> element. Coordinates are in user units of a viewBox of
// width x height; the element scales to its container's width.
class SvgCanvas {
 public:
  // `title` is the chart's accessible name (role="img" + <title>).
  SvgCanvas(double width, double height, std::string_view title);

  double width() const { return width_; }
  double height() const { return height_; }

  // A rectangle; a non-empty tooltip becomes a <title> child (shown on hover).
  void Rect(double x, double y, double w, double h, std::string_view css_class,
            std::string_view tooltip = {});
  void Line(double x1, double y1, double x2, double y2, std::string_view css_class);
  void Polyline(const std::vector<std::pair<double, double>>& points, std::string_view css_class);
  void Circle(double cx, double cy, double r, std::string_view css_class,
              std::string_view tooltip = {});
  // Text at (x, y) (baseline). Long text is cut to `max_chars` with "…".
  void Text(double x, double y, std::string_view text, std::string_view css_class,
            TextAnchor anchor = TextAnchor::kStart, size_t max_chars = 0);

  // The finished <svg> element.
  std::string Finish() const;

 private:
  double width_;
  double height_;
  std::string title_;
  std::string body_;
};

// `text` cut to at most `max_chars` code points, ending in "…" when cut.
std::string Ellipsize(std::string_view text, size_t max_chars);

// A number as a short SVG coordinate ("12.5", "300").
std::string SvgNumber(double v);

}  // namespace sparktune::reports
