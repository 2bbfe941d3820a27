// The ordered list of plan-level advisors (advice.h) and a runner.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "advisor/advice/advice.h"

namespace sparktune::advice {

std::vector<std::unique_ptr<Advisor>> DefaultAdvisors();

// Runs every advisor not in `disabled` on `sim`'s app; `baseline` is
// sim.Run({}). Advice priced by the simulator comes first, largest saving first.
std::vector<Advice> RunAdvisors(const simulator::AppSimulator& sim,
                                const simulator::SimResult& baseline,
                                const std::set<std::string>& disabled = {});

}  // namespace sparktune::advice
