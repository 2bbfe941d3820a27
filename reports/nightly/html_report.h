// The nightly report as ONE self-contained HTML file: inline CSS
// (html_style.h) and inline SVG charts (nightly_charts.h), no JavaScript, no
// external resource of any kind (fonts, images, stylesheets), and a
// Content-Security-Policy that forbids scripts and network loads should any
// ever slip in. Readable on screen and in print.
//
// Sections: fleet totals with trend; the unified cluster config proposal and
// per-job overrides; top jobs by waste and by predicted saving; every job in a
// table, and a detail card for the most important ones (kMaxJobDetails:
// top savers first, then top wasters, then the others in the given order);
// prediction accuracy of adopted recommendations; inputs and unreadable logs.
// Empty sections (first night, nothing recommended, zero apps) say so in
// words instead of drawing empty charts.
//
// Every string from the report is escaped with HtmlEscape, in element text,
// attribute values and SVG <text>/<title> alike; element ids are generated
// from indices, never from report strings.
//
// Thread safety: pure function.
#pragma once

#include <cstddef>
#include <string>

#include "reports/nightly/nightly_report.h"

namespace sparktune::reports {

// Jobs that get a full detail card; the rest appear in the jobs table.
inline constexpr size_t kMaxJobDetails = 25;
// Length of the "top jobs" lists.
inline constexpr size_t kTopJobs = 10;

std::string RenderNightlyHtml(const NightlyReport& report);

}  // namespace sparktune::reports
