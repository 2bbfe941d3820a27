#include "rules/predicted_cost_change.h"

#include <cstdio>
#include <map>
#include <string>

#include "data/config/config_catalog.h"

namespace sparktune::rules {
namespace {

// The settings of `job` that differ from the last run, as overrides, and
// "key=value, ..." naming them.
std::map<std::string, std::string> ChangedSettings(const jobconfig::JobConfig& job,
                                                   const CostModel& model, std::string* changed) {
  std::map<std::string, std::string> overrides;
  for (const jobconfig::ConfigSetting& setting : job.settings) {
    const jobconfig::ConfigSetting* in_force = job.Find(setting.key);
    if (in_force != &setting || setting.dynamic || config::FindKey(setting.key) == nullptr) {
      continue;
    }
    const std::string* logged = model.LoggedValue(setting.key);
    if (logged != nullptr && *logged == setting.value) continue;
    overrides[setting.key] = setting.value;
    *changed += (changed->empty() ? "" : ", ") + setting.key + "=" + setting.value;
  }
  return overrides;
}

}  // namespace

const Rule& PredictedCostChangeRule() {
  static const Rule rule{
      .id = "ST801",
      .slug = "predicted-cost-change",
      .default_severity = Severity::kNote,
      .summary = "The config changes the job's predicted MB-seconds against its last run.",
      .options = {},
      .check = nullptr,  // needs a CostModel: run through CheckPredictedCost
      .scope = RuleScope::kJob,
      .enabled_by_default = false,
  };
  return rule;
}

std::vector<Finding> CheckPredictedCost(const jobconfig::ConfigFile& file, CostModel& model,
                                        std::optional<double> max_cost_increase) {
  const Rule& rule = PredictedCostChangeRule();
  const CostPrediction& baseline = model.Baseline();
  std::vector<Finding> out;
  for (const jobconfig::JobConfig& job : file.jobs) {
    std::string changed;
    std::map<std::string, std::string> overrides = ChangedSettings(job, model, &changed);
    CostPrediction alt = overrides.empty() ? baseline : model.Predict(overrides);
    double pct = baseline.mb_seconds > 0 ? 100.0 * (alt.mb_seconds / baseline.mb_seconds - 1) : 0;
    char msg[512];
    std::snprintf(msg, sizeof msg,
                  "predicted MB-seconds %.0f -> %.0f (%+.1f%%, interval %.0f..%.0f), duration "
                  "%.1f s -> %.1f s against the last run %s",
                  baseline.mb_seconds, alt.mb_seconds, pct, alt.mb_seconds_low, alt.mb_seconds_high,
                  baseline.duration_ms / 1000, alt.duration_ms / 1000, model.last_run_id().c_str());
    const bool exceeds = max_cost_increase && pct > *max_cost_increase;
    Finding f;
    f.rule_id = std::string(rule.id);
    f.slug = std::string(rule.slug);
    f.severity = exceeds ? Severity::kError : Severity::kNote;
    f.message = std::string(msg) +
                (changed.empty() ? "; no setting differs from that run" : "; changed: " + changed);
    if (exceeds) {
      char limit[96];
      std::snprintf(limit, sizeof limit, "; exceeds --max-cost-increase %.1f%%",
                    *max_cost_increase);
      f.message += limit;
    }
    f.location = job.anchor;
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace sparktune::rules
