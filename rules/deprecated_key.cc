// ST103 deprecated-key: a key deprecated at the job's Spark version that still
// works (SparkConf.deprecatedConfigs / configsWithAlternatives,
// SQLConf.deprecatedSQLConfigs), with the key to use instead.
#include "data/config/config_catalog.h"
#include "rules/rule.h"

namespace sparktune::rules {

namespace {

void Check(RuleContext& ctx) {
  for (const jobconfig::ConfigSetting& s : ctx.job().settings) {
    const config::ConfigKey* key = config::FindKey(s.key);
    if (!key || !config::IsDeprecatedIn(*key, ctx.version()) ||
        config::IsRemovedIn(*key, ctx.version())) {
      continue;
    }
    std::string msg = s.key + " is deprecated since Spark " + std::string(key->deprecated_in);
    if (!key->replaced_by.empty()) msg += "; use " + std::string(key->replaced_by);
    if (!key->replaced_by.empty() && ctx.IsSet(key->replaced_by)) {
      msg += " (also set here, and it wins)";
    }
    ctx.Report(s.key_location, msg, s.key);
  }
}

}  // namespace

const Rule& DeprecatedKeyRule() {
  static const Rule rule{
      .id = "ST103",
      .slug = "deprecated-key",
      .default_severity = Severity::kWarning,
      .summary = "A key deprecated at the job's Spark version, with its replacement.",
      .options = {},
      .check = &Check,
  };
  return rule;
}

}  // namespace sparktune::rules
