// BuildAppRecord / BaselinePrediction: turn one loaded event log (facts) and
// its baseline replay (simulator) into the plain rows the history store
// keeps (data/store/store_records.h). No I/O.
//
// Stage rows summarize each stage attempt over its tasks (skew = max / median
// duration of successful tasks, as `profile` shows it); executor rows carry
// the container size and lifetime of the MB-seconds accounting
// (engine/cost/app_cost.h; the driver is not an executor row); config rows
// are every property the log's EnvironmentUpdate carried ("logged") plus
// every catalog key the log left unset with its default for the app's Spark
// version ("default", data/config/config_catalog.h).
#pragma once

#include <string>

#include "data/eventlog/content_hash.h"
#include "data/eventlog/event_log_reader.h"
#include "data/store/store_records.h"
#include "engine/cost/observed_times.h"
#include "simulator/result/sim_result.h"

namespace sparktune::advisor {

// How many warning lines are kept with an app (all are counted).
inline constexpr size_t kStoredWarnings = 20;

// The facts of `log` (no predictions yet). `source_path` is what the user gave.
store::AppRecord BuildAppRecord(const eventlog::LoadedLog& log, const std::string& source_path,
                                const eventlog::LogContentHash& hash);

// The baseline prediction row: `baseline` is the replay at the log's own
// config, `observed` what the log measured; the relative errors are
// (predicted - observed) / observed, absent when nothing was observed.
store::PredictionRow BaselinePrediction(const simulator::SimResult& baseline,
                                        const engine::ObservedTimes& observed);

}  // namespace sparktune::advisor
