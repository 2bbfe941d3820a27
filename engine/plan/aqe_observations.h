// AqeObservations: what adaptive query execution did in one SQL execution, read
// from the plans the log carries (the initial plan of SQLExecutionStart and the
// last SQLAdaptiveExecutionUpdate) and the driver-side metric values of
// SQLDriverAccumUpdates (AQEShuffleReadExec, 3.2+; CustomShuffleReaderExec,
// 3.0-3.1). These are observations, used by `profile` and as the targets that
// re-planning must reproduce; they are never fed back into predictions.
#pragma once

#include "data/model/application.h"
#include "data/model/aqe_observations.h"

namespace sparktune::engine {

// The observation structs are facts and live in data/model (renderers read them).
using model::AqeObservations;
using model::JoinStrategyChange;
using model::ShuffleReadObservation;

AqeObservations ObserveAqe(const model::SqlExecution& sql, const model::Application& app);

}  // namespace sparktune::engine
