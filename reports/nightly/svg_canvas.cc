#include "reports/nightly/svg_canvas.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "reports/nightly/html_escape.h"

namespace sparktune::reports {
namespace {

// The nice number (1, 2, 5 or 10 x 10^k) closest to `x` (round) or not below it.
double NiceNumber(double x, bool round) {
  double exponent = std::floor(std::log10(x));
  double fraction = x / std::pow(10.0, exponent);
  double nice;
  if (round) {
    nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
  } else {
    nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  }
  return nice * std::pow(10.0, exponent);
}

Ticks TicksWithStep(double min, double max, double step) {
  Ticks t;
  t.step = step;
  t.lo = std::floor(min / step + 1e-9) * step;
  t.hi = std::ceil(max / step - 1e-9) * step;
  if (t.hi <= t.lo) t.hi = t.lo + step;
  int n = static_cast<int>(std::llround((t.hi - t.lo) / step));
  for (int i = 0; i <= n; ++i) {
    double v = t.lo + i * step;
    if (std::fabs(v) < step * 1e-9) v = 0;  // no "-0"
    t.values.push_back(v);
  }
  return t;
}

size_t Utf8Length(std::string_view s) {
  size_t n = 0;
  for (char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

const char* AnchorName(TextAnchor a) {
  switch (a) {
    case TextAnchor::kStart:
      return "start";
    case TextAnchor::kMiddle:
      return "middle";
    case TextAnchor::kEnd:
      return "end";
  }
  return "start";
}

}  // namespace

Ticks NiceTicks(double min, double max, int target_count) {
  if (!std::isfinite(min) || !std::isfinite(max)) return TicksWithStep(0, 1, 1);
  if (max < min) std::swap(min, max);
  if (max - min < 1e-12 * std::max(1.0, std::fabs(max))) {
    double pad = min == 0 ? 1 : std::fabs(min) * 0.5;
    min -= pad;
    max += pad;
  }
  target_count = std::max(2, target_count);
  double range = NiceNumber(max - min, false);
  double step = NiceNumber(range / (target_count - 1), true);
  return TicksWithStep(min, max, step);
}

Ticks TimeTicks(double min_ms, double max_ms, int target_count) {
  static const double kSteps[] = {1e3,     2e3,      5e3,     10e3,    15e3,    30e3,    // seconds
                                  60e3,    120e3,    300e3,   600e3,   900e3,   1800e3,  // minutes
                                  3600e3,  7200e3,   10800e3, 21600e3, 43200e3,          // hours
                                  86400e3, 172800e3, 604800e3};  // days, a week
  if (!std::isfinite(min_ms) || !std::isfinite(max_ms)) return TicksWithStep(0, 1000, 1000);
  if (max_ms < min_ms) std::swap(min_ms, max_ms);
  double range = max_ms - min_ms;
  target_count = std::max(2, target_count);
  if (range < 2000) return NiceTicks(min_ms, std::max(max_ms, min_ms + 1), target_count);
  double wanted = range / (target_count - 1);
  for (double step : kSteps) {
    if (step >= wanted) return TicksWithStep(min_ms, max_ms, step);
  }
  return TicksWithStep(min_ms, max_ms, NiceNumber(wanted / 86400e3, true) * 86400e3);
}

LinearScale::LinearScale(double d0, double d1, double r0, double r1)
    : d0_(d0), d1_(d1 == d0 ? d0 + 1 : d1), r0_(r0), r1_(r1) {}

double LinearScale::operator()(double v) const {
  return r0_ + (v - d0_) / (d1_ - d0_) * (r1_ - r0_);
}

std::string SvgNumber(double v) {
  if (!std::isfinite(v)) v = 0;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  std::string s = buf;
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  if (s == "-0") s = "0";
  return s;
}

std::string Ellipsize(std::string_view text, size_t max_chars) {
  if (max_chars == 0 || Utf8Length(text) <= max_chars) return std::string(text);
  std::string out;
  size_t count = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    bool starts = (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    if (starts && ++count > max_chars - 1) break;
    out += text[i];
  }
  return out + "…";
}

SvgCanvas::SvgCanvas(double width, double height, std::string_view title)
    : width_(width), height_(height), title_(title) {}

void SvgCanvas::Rect(double x, double y, double w, double h, std::string_view css_class,
                     std::string_view tooltip) {
  body_ += "<rect x=\"" + SvgNumber(x) + "\" y=\"" + SvgNumber(y) + "\" width=\"" +
           SvgNumber(std::max(0.0, w)) + "\" height=\"" + SvgNumber(std::max(0.0, h)) +
           "\" class=\"" + HtmlEscape(css_class) + "\"";
  if (tooltip.empty()) {
    body_ += "/>";
  } else {
    body_ += "><title>" + HtmlEscape(tooltip) + "</title></rect>";
  }
}

void SvgCanvas::Line(double x1, double y1, double x2, double y2, std::string_view css_class) {
  body_ += "<line x1=\"" + SvgNumber(x1) + "\" y1=\"" + SvgNumber(y1) + "\" x2=\"" + SvgNumber(x2) +
           "\" y2=\"" + SvgNumber(y2) + "\" class=\"" + HtmlEscape(css_class) + "\"/>";
}

void SvgCanvas::Polyline(const std::vector<std::pair<double, double>>& points,
                         std::string_view css_class) {
  body_ += "<polyline points=\"";
  for (size_t i = 0; i < points.size(); ++i) {
    if (i > 0) body_ += ' ';
    body_ += SvgNumber(points[i].first) + "," + SvgNumber(points[i].second);
  }
  body_ += "\" class=\"" + HtmlEscape(css_class) + "\"/>";
}

void SvgCanvas::Circle(double cx, double cy, double r, std::string_view css_class,
                       std::string_view tooltip) {
  body_ += "<circle cx=\"" + SvgNumber(cx) + "\" cy=\"" + SvgNumber(cy) + "\" r=\"" + SvgNumber(r) +
           "\" class=\"" + HtmlEscape(css_class) + "\"";
  if (tooltip.empty()) {
    body_ += "/>";
  } else {
    body_ += "><title>" + HtmlEscape(tooltip) + "</title></circle>";
  }
}

void SvgCanvas::Text(double x, double y, std::string_view text, std::string_view css_class,
                     TextAnchor anchor, size_t max_chars) {
  body_ += "<text x=\"" + SvgNumber(x) + "\" y=\"" + SvgNumber(y) + "\" class=\"" +
           HtmlEscape(css_class) + "\"";
  if (anchor != TextAnchor::kStart)
    body_ += std::string(" text-anchor=\"") + AnchorName(anchor) + "\"";
  body_ += ">" + HtmlEscape(Ellipsize(text, max_chars)) + "</text>";
}

std::string SvgCanvas::Finish() const {
  std::string title = HtmlEscape(title_);
  return "<svg class=\"chart\" viewBox=\"0 0 " + SvgNumber(width_) + " " + SvgNumber(height_) +
         "\" role=\"img\" aria-label=\"" + title + "\"><title>" + title + "</title>" + body_ +
         "</svg>";
}

}  // namespace sparktune::reports
