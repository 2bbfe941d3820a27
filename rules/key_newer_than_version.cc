// ST106 key-newer-than-version: a key introduced after the job's Spark
// version (the catalog's `since`), which that version silently ignores.
#include "data/config/config_catalog.h"
#include "rules/rule.h"

namespace sparktune::rules {

namespace {

void Check(RuleContext& ctx) {
  for (const jobconfig::ConfigSetting& s : ctx.job().settings) {
    const config::ConfigKey* key = config::FindKey(s.key);
    if (!key || !config::IsNewerThan(*key, ctx.version())) continue;
    ctx.Report(s.key_location,
               s.key + " exists from Spark " + std::string(key->since) + "; Spark " +
                   ctx.version().text + " ignores it",
               s.key);
  }
}

}  // namespace

const Rule& KeyNewerThanVersionRule() {
  static const Rule rule{
      .id = "ST106",
      .slug = "key-newer-than-version",
      .default_severity = Severity::kWarning,
      .summary = "A key that does not exist yet in the job's Spark version.",
      .options = {},
      .check = &Check,
  };
  return rule;
}

}  // namespace sparktune::rules
