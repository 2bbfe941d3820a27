// The `sparktune profile` document: one object per log with
// "schema": "sparktune.profile/1". Field names follow the Spark History
// Server REST API (status/api/v1/api.scala) wherever it has the same concept,
// with its meaning: jobs[] (JobData), stages[] (StageData, one per attempt),
// executors[] (ExecutorSummary, all executors with isActive), plus sql[] with
// the AQE decisions observed, cost (MB-seconds, core-seconds as in
// architecture.md section 5), evidence, and warnings.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "data/eventlog/event_log_reader.h"

namespace sparktune::advisor {

nlohmann::ordered_json ProfileJson(const eventlog::LoadedLog& log, const std::string& path);

// The human summary: aligned, plain text (no color unless `color`).
std::string ProfileText(const eventlog::LoadedLog& log, const std::string& path, bool color);

}  // namespace sparktune::advisor
