#include "advisor/lint/last_run_cost_model.h"

#include <filesystem>

#include "data/store/history_store.h"
#include "data/store/job_key.h"

namespace sparktune::lint {
namespace {

rules::CostPrediction FromSimulation(const simulator::SimResult& r) {
  return {.mb_seconds = r.mb_seconds,
          .mb_seconds_low = r.mb_seconds_low,
          .mb_seconds_high = r.mb_seconds_high,
          .duration_ms = r.duration_ms};
}

bool FileExists(const std::string& path) {
  std::error_code ec;
  return std::filesystem::exists(path, ec);
}

}  // namespace

LastRunCostModel::LastRunCostModel(eventlog::LoadedLog log)
    : log_(std::move(log)), simulator_(log_.app), baseline_(FromSimulation(simulator_.Run({}))) {}

Result<std::unique_ptr<LastRunCostModel>> LastRunCostModel::Open(const std::string& path) {
  Result<eventlog::LoadedLog> loaded = eventlog::ReadEventLog(path);
  if (!loaded.ok()) return loaded.status();
  return std::unique_ptr<LastRunCostModel>(new LastRunCostModel(std::move(*loaded)));
}

const std::string* LastRunCostModel::LoggedValue(const std::string& key) const {
  return log_.app.Property(key);
}

rules::CostPrediction LastRunCostModel::Predict(
    const std::map<std::string, std::string>& overrides) {
  return FromSimulation(simulator_.Run(overrides));
}

Result<std::string> LastRunLog(const std::string& db, const std::string& job) {
  if (!FileExists(db)) return Status::NotFound(db + ": no such history store");
  auto store = store::HistoryStore::Open(db);
  if (!store.ok()) return store.status();
  const std::string key = store::JobKeyFor(job);
  auto apps = (*store)->ListApps({.job_key = key});
  if (!apps.ok()) return apps.status();
  for (auto it = apps->rbegin(); it != apps->rend(); ++it) {
    if (!it->complete) continue;
    if (!FileExists(it->source_path)) {
      return Status::NotFound("the last run of job '" + key + "' (" + it->app_id +
                              ") was read from " + it->source_path + ", which is gone; pass --log");
    }
    return it->source_path;
  }
  return Status::NotFound("no complete run of job '" + key + "' in " + db);
}

}  // namespace sparktune::lint
