// ST101 invalid-value: a value Spark would reject: a size or duration it
// cannot parse (JavaUtils.byteStringAs / timeStringAs: "4 gigs", "1.5g"), a
// boolean that is not true/false, a number out of the key's valid range
// (the catalog's min/max, from the ConfigBuilder checkValue calls), or an
// enum value outside its choices.
#include "data/config/config_catalog.h"
#include "rules/rule.h"

namespace sparktune::rules {

namespace {

void Check(RuleContext& ctx) {
  for (const jobconfig::ConfigSetting& s : ctx.job().settings) {
    if (s.dynamic) continue;
    const config::ConfigKey* key = config::FindKey(s.key);
    if (!key) continue;
    Status st = config::ValidateValue(*key, s.value);
    if (!st.ok()) {
      ctx.Report(s.value_location, "invalid value for " + s.key + ": " + st.message(), s.key);
    }
  }
}

}  // namespace

const Rule& InvalidValueRule() {
  static const Rule rule{
      .id = "ST101",
      .slug = "invalid-value",
      .default_severity = Severity::kError,
      .summary = "A value that Spark cannot parse or that is outside the key's valid range.",
      .options = {},
      .check = &Check,
  };
  return rule;
}

}  // namespace sparktune::rules
