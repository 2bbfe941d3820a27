// `sparktune profile` for one log: the engine's figures about it (the observed
// cost, the AQE decisions of each SQL execution) gathered as plain values
// (reports::ProfileInput), and the document and summary rendered from them by
// reports/profile/profile_report.h ("schema": "sparktune.profile/1").
//
// Thread safety: pure functions; a ProfileInput keeps a pointer to `log`,
// which must outlive it.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "data/eventlog/event_log_reader.h"
#include "reports/profile/profile_report.h"

namespace sparktune::advisor {

reports::ProfileInput BuildProfileInput(const eventlog::LoadedLog& log, const std::string& path);

// reports::ProfileJson / ProfileText of BuildProfileInput(log, path).
nlohmann::ordered_json ProfileJson(const eventlog::LoadedLog& log, const std::string& path);
std::string ProfileText(const eventlog::LoadedLog& log, const std::string& path, bool color);

}  // namespace sparktune::advisor
