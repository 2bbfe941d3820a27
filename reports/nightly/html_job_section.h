// The detail card of one job in the nightly HTML report: identity, replay
// error, observed vs baseline replay vs recommended figures with intervals,
// evidence used and missing, advice, the rewrite to paste, the executor
// timeline, the stage Gantt chart, skew / spill / GC charts and the longest
// SQL executions. Part of html_report.h; every report string is escaped.
//
// Thread safety: pure functions.
#pragma once

#include <string>

#include "reports/nightly/nightly_report.h"

namespace sparktune::reports {

// The element id of job `index`'s card ("job-3"); ids never contain report text.
std::string JobAnchor(size_t index);

// The replay error badge ("replay error +4.2%"), class good/warn/bad by size;
// "" without a baseline replay.
std::string ReplayErrorBadge(const JobReport& job);
// "replay low-confidence" (warn) or "replay refused" (bad), the reasons in the
// tooltip; empty when the replay is ok.
std::string ReplayConfidenceBadge(const JobReport& job);

std::string RenderJobSection(const JobReport& job, size_t index, const Prices& prices);

}  // namespace sparktune::reports
