// PlanAdvice: one plan-level recommendation for an application (broadcast a
// small join side, split a skewed join, bucket a repeatedly shuffled table,
// ...), as plain data: what the advisors in advisor/advice produce and what the
// `optimize` output (optimize_report.h) shows. Strings may carry untrusted
// text from the log (table and column names); renderers reduce them to one
// printable line or escape them.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sparktune::reports {

struct PlanAdvice {
  std::string id;      // the advisor's id
  std::string title;   // one line
  std::string action;  // what to change
  std::vector<std::string> evidence;
  std::vector<int> stage_ids;
  // Config that implements it (when a config change does), simulated to price it.
  std::map<std::string, std::string> config;
  std::optional<double> mb_seconds_pct;  // predicted change, percent (negative = saving)
  std::optional<double> duration_pct;
  std::string priced;  // how the saving was priced, or why it was not
};

}  // namespace sparktune::reports
