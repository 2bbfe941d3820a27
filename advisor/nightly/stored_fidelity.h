// The replay fidelity (simulator/workload/replay_fidelity.h) of an
// application as the history store keeps it, for the commands that work from
// the store alone (`nightly`'s report, `report`, `recommend`).
//
// The store keeps stage attempts, not tasks, so the clock check counts stage
// attempts outside the application's lifetime; the observed figures are the
// application row's, the baseline figures its stored baseline prediction (an
// app without one is refused: nothing replayed it). Thread-compatible.
#pragma once

#include "data/store/store_records.h"
#include "simulator/workload/replay_fidelity.h"

namespace sparktune::advisor {

simulator::ReplayFidelity FidelityOfStored(const store::AppDetail& detail);

}  // namespace sparktune::advisor
