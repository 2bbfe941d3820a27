// The replay-fidelity block every single-log command shows (whatif, its
// shell, optimize): the level and one line per reason, in text and in JSON
// ("fidelity" object of sparktune.whatif/1 and sparktune.optimize/1:
// {"level": "ok"|"low-confidence"|"refused", "reasons": [...],
// "durationError", "jobTimeError", "mbSecondsError": fractions or null}).
// Reasons may quote untrusted text from the log only as numbers; they are
// written as they are.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

#include "simulator/workload/replay_fidelity.h"

namespace sparktune::cli {

// Nothing when the replay is ok; otherwise
//   "  replay fidelity: low-confidence (predictions below are uncertain)"
//   "    - <reason>" per reason.
void PrintFidelity(std::ostream& out, const simulator::ReplayFidelity& fidelity);

nlohmann::ordered_json FidelityJson(const simulator::ReplayFidelity& fidelity);

}  // namespace sparktune::cli
