// LastRunCostModel: the simulator side of lint rule ST801 (rules/cost_model.h).
// A job's last run, read from its event log, is replayed by the AppSimulator
// at its own config (the baseline, once) and under the linted config's
// overrides. LastRunLog finds that log in the history store for --db/--job.
//
// Thread safety: one instance per lint run; not shared across threads.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "data/base/result.h"
#include "data/eventlog/event_log_reader.h"
#include "rules/cost_model.h"
#include "simulator/workload/app_simulator.h"

namespace sparktune::lint {

class LastRunCostModel : public rules::CostModel {
 public:
  // Reads the log at `path` and replays it once at its own config.
  static Result<std::unique_ptr<LastRunCostModel>> Open(const std::string& path);

  const std::string& last_run_id() const override { return log_.app.app_id; }
  const std::string* LoggedValue(const std::string& key) const override;
  const rules::CostPrediction& Baseline() const override { return baseline_; }
  rules::CostPrediction Predict(const std::map<std::string, std::string>& overrides) override;

 private:
  explicit LastRunCostModel(eventlog::LoadedLog log);

  eventlog::LoadedLog log_;
  simulator::AppSimulator simulator_;
  rules::CostPrediction baseline_;
};

// The log path of job `job`'s newest complete run stored in the history
// store `db` (job key: data/store/job_key.h). NotFound when the store, the
// job or the recorded log file is missing.
Result<std::string> LastRunLog(const std::string& db, const std::string& job);

}  // namespace sparktune::lint
