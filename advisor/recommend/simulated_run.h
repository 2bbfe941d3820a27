// SimulatedRunOf: a simulator result as the figures the renderers show
// (reports/simulate/simulated_run.h); used by `simulate` and `optimize`.
#pragma once

#include "reports/simulate/simulated_run.h"
#include "simulator/result/sim_result.h"

namespace sparktune::recommend {

reports::SimulatedRun SimulatedRunOf(const simulator::SimResult& result);

}  // namespace sparktune::recommend
