// The `sparktune optimize` output for one log: the search's answer, its
// options and the plan-level advice gathered as plain values
// (reports::OptimizeReport) for the renderer in
// reports/optimize/optimize_report.h, with the rewrite already spelled out
// (job_rewrite.h).
#pragma once

#include <string>
#include <vector>

#include "advisor/advice/advice.h"
#include "advisor/search/optimizer.h"
#include "reports/optimize/optimize_report.h"

namespace sparktune::recommend {

struct OptimizeReportInput {
  std::string path;
  std::string app_id;
  std::string app_name;
  const search::OptimizeResult* result = nullptr;
  const search::OptimizeOptions* options = nullptr;
  const std::vector<advice::Advice>* advice = nullptr;  // may be null
};

reports::OptimizeReport BuildOptimizeReport(const OptimizeReportInput& in);

}  // namespace sparktune::recommend
