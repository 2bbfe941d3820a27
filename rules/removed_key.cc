// ST104 removed-key: a key that the job's Spark version ignores or rejects
// because it was removed (e.g. spark.shuffle.memoryFraction with the legacy
// memory manager in 3.0, SPARK-26218), with what replaced it.
#include "data/config/config_catalog.h"
#include "rules/rule.h"

namespace sparktune::rules {

namespace {

void Check(RuleContext& ctx) {
  for (const jobconfig::ConfigSetting& s : ctx.job().settings) {
    const config::ConfigKey* key = config::FindKey(s.key);
    if (!key || !config::IsRemovedIn(*key, ctx.version())) continue;
    std::string msg = s.key + " has no effect since Spark " + std::string(key->removed_in) +
                      " (this job targets " + ctx.version().text + ")";
    if (!key->replaced_by.empty()) msg += "; use " + std::string(key->replaced_by);
    ctx.Report(s.key_location, msg, s.key);
  }
}

}  // namespace

const Rule& RemovedKeyRule() {
  static const Rule rule{
      .id = "ST104",
      .slug = "removed-key",
      .default_severity = Severity::kError,
      .summary = "A key that the job's Spark version no longer reads.",
      .options = {},
      .check = &Check,
  };
  return rule;
}

}  // namespace sparktune::rules
