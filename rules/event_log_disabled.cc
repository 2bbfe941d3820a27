// ST701 event-log-disabled: the job writes no event log
// (spark.eventLog.enabled defaults to false). The History Server, and
// sparktune's profile/whatif/optimize, have nothing to read afterwards.
#include "data/config/config_catalog.h"
#include "rules/rule.h"

namespace sparktune::rules {

namespace {

namespace keys = config::keys;

void Check(RuleContext& ctx) {
  if (ctx.Bool(keys::kEventLogEnabled).value_or(true)) return;
  if (ctx.OptionText("require_in_every_file") != "true" && !ctx.IsSet(keys::kEventLogEnabled) &&
      ctx.job().format != jobconfig::ConfigFormat::kSparkDefaults) {
    return;  // a submit script usually inherits the cluster's spark-defaults.conf
  }
  ctx.Report(
      ctx.LocationOf(keys::kEventLogEnabled),
      "event logging is off; the History Server and sparktune cannot analyse this job's runs",
      std::string(keys::kEventLogEnabled));
}

}  // namespace

const Rule& EventLogDisabledRule() {
  static const Rule rule{
      .id = "ST701",
      .slug = "event-log-disabled",
      .default_severity = Severity::kWarning,
      .summary = "Event logging is off, so no run of the job can be analysed.",
      .options = {{"require_in_every_file", "false",
                   "Also report spark-submit scripts and SparkApplications that leave it unset "
                   "(they usually inherit spark-defaults.conf)."}},
      .check = &Check,
  };
  return rule;
}

}  // namespace sparktune::rules
