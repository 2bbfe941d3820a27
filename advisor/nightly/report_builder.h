// BuildNightlyReport: fills reports::NightlyReport for one night from the
// history store alone (so `report --db` rewrites exactly what `nightly`
// wrote): the night's applications with their stages, executors, baseline
// replay, per-job optimum and advice; the fleet totals of every night (the
// trend); the night's fleet recommendation and overrides; and the accuracy
// rows of jobs that adopted a recommendation.
#pragma once

#include <cstdint>
#include <string>

#include "data/base/result.h"
#include "data/store/history_store.h"
#include "reports/nightly/nightly_report.h"

namespace sparktune::advisor {

struct ReportOptions {
  reports::Prices prices;
  std::string source;  // what the night read ("--logs DIR" or a History Server URL)
};

// Errors: NotFound when the night does not exist; store errors.
Result<reports::NightlyReport> BuildNightlyReport(store::HistoryStore& store, int64_t night_id,
                                                  const ReportOptions& options);

// "YYYY-MM-DD" (UTC) of an epoch-ms time.
std::string DateOf(int64_t epoch_ms);

}  // namespace sparktune::advisor
