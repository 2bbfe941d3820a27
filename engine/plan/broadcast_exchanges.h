// ObservedBroadcasts: what each broadcast exchange of a SQL execution cost the driver, from the
// driver-side SQL metrics Spark posts for it (BroadcastExchangeExec: "data size", "number of
// output rows", "time to collect", "time to build", "time to broadcast"; posted with
// SQLMetrics.postDriverMetricUpdates as SparkListenerDriverAccumUpdates, 2.0-4.x). The relation
// is collected to the driver, built into a HashedRelation there and shipped by TorrentBroadcast
// before any task probing it can run: that time is on the query's critical path.
// A metric the log lacks is -1. Pure function of the application.
#pragma once

#include <vector>

#include "data/model/application.h"
#include "data/model/aqe_observations.h"

namespace sparktune::engine::plan {

// Every BroadcastExchange node of `sql`'s final plan, in node order.
std::vector<model::BroadcastObservation> ObservedBroadcasts(const model::Application& app,
                                                            const model::SqlExecution& sql);

}  // namespace sparktune::engine::plan
