// ST801 predicted-cost-change: the one data-aware lint rule. Every job of a
// linted file is replayed against the job's last run (a CostModel the CLI
// injects) at the config the file sets, and the predicted change of
// MB-seconds and duration is reported at the job: a note, or an error when
// the predicted increase exceeds a limit (--max-cost-increase).
//
// It is not in the static table (rules/registry.h: AllRules) because it runs
// only when a last run is given; its findings are not subject to suppression
// comments and come after the static rules' findings of the same file. Docs:
// rules/docs/ST801.md.
//
// Thread safety: pure functions except for the CostModel they call.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "data/jobconfig/job_config.h"
#include "rules/cost_model.h"
#include "rules/rule.h"

namespace sparktune::rules {

// The rule's metadata (id ST801, slug, default severity note, summary).
const Rule& PredictedCostChangeRule();
// The SARIF fullDescription of ST801.
inline constexpr std::string_view kPredictedCostChangeDescription =
    "Simulates the job's last run (--log) under the linted config and reports the predicted "
    "change of MB-seconds and duration; with --max-cost-increase a larger increase is an error.";

// One finding per job of `file`, in file order, at the job's anchor. A job's
// overrides are the settings in force whose key is in the config catalog, is
// not dynamic, and whose value differs from the last run's. Severity: error
// when `max_cost_increase` (percent) is given and exceeded, else note.
std::vector<Finding> CheckPredictedCost(const jobconfig::ConfigFile& file, CostModel& model,
                                        std::optional<double> max_cost_increase);

}  // namespace sparktune::rules
