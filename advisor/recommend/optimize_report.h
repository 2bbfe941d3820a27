// OptimizeReport: the output of `sparktune optimize` for one log, as JSON
// ("schema": "sparktune.optimize/1") and as a human table (best vs observed,
// savings with intervals, the changes and the stages that drive them, the
// Pareto front, the rewrite, plan-level advice). Strings from the log (app
// name, stage names) are reduced to one printable line in text output.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "advisor/advice/advice.h"
#include "advisor/search/optimizer.h"

namespace sparktune::recommend {

struct OptimizeReportInput {
  std::string path;
  std::string app_id;
  std::string app_name;
  const search::OptimizeResult* result = nullptr;
  const search::OptimizeOptions* options = nullptr;
  const std::vector<advice::Advice>* advice = nullptr;  // may be null
};

nlohmann::ordered_json OptimizeJson(const OptimizeReportInput& in);
std::string OptimizeText(const OptimizeReportInput& in);

}  // namespace sparktune::recommend
