// The stylesheet of the nightly HTML report, inlined into its <style> element:
// page layout, tables, badges, and the classes that svg_canvas.h and
// svg_charts.h put on chart elements (c-s1, c-s2, c-warn, c-bad, c-grid, ...).
//
// Colours are from the Okabe-Ito palette (distinguishable with the common
// colour-vision deficiencies); status is never shown by colour alone (words or
// arrows go with it). System fonts only, nothing loaded. Print rules drop the
// page background and avoid splitting cards.
#pragma once

namespace sparktune::reports {

const char* NightlyReportCss();

}  // namespace sparktune::reports
