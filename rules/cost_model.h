// CostModel: what the data-aware lint rule ST801 (predicted-cost-change)
// needs to know about a job's last run, as an interface owned by rules/.
//
// rules/ depends on data/ and engine/ only, never on the simulator
// (architecture.md section 2), so the implementation lives in the advisor
// (advisor/lint/last_run_cost_model.h: the run's event log replayed by the
// simulator) and the CLI injects it. Tests may implement it with fixed numbers.
//
// Thread safety: Predict may be called from one thread at a time.
#pragma once

#include <map>
#include <string>

namespace sparktune::rules {

// A prediction of one configuration's cost, as the simulator states it.
struct CostPrediction {
  double mb_seconds = 0;      // predicted MB-seconds (point)
  double mb_seconds_low = 0;  // its interval
  double mb_seconds_high = 0;
  double duration_ms = 0;  // predicted application duration
};

class CostModel {
 public:
  virtual ~CostModel() = default;

  // The application id of the last run ("app-20261121215226-0000").
  virtual const std::string& last_run_id() const = 0;
  // The value of `key` in force in the last run as its log recorded it, or
  // nullptr when the log does not set it.
  virtual const std::string* LoggedValue(const std::string& key) const = 0;
  // The last run replayed at its own config.
  virtual const CostPrediction& Baseline() const = 0;
  // The last run replayed with `overrides` (Spark key -> value) over its config;
  // empty overrides give Baseline().
  virtual CostPrediction Predict(const std::map<std::string, std::string>& overrides) = 0;
};

}  // namespace sparktune::rules
