// ST102 unknown-key: a spark.* key that is not in the config catalog but is
// within a few edits (case-insensitively) of one that is: almost always a
// typo that Spark silently ignores. Keys under the ignored prefixes
// (pass-through namespaces such as spark.hadoop.*) are not checked.
#include <sstream>

#include "data/config/config_catalog.h"
#include "rules/rule.h"

namespace sparktune::rules {

namespace {

bool HasIgnoredPrefix(std::string_view key, const std::string& prefixes) {
  std::stringstream ss(prefixes);
  std::string p;
  while (std::getline(ss, p, ',')) {
    if (!p.empty() && key.rfind(p, 0) == 0) return true;
  }
  return false;
}

void Check(RuleContext& ctx) {
  const double max_distance = ctx.OptionNumber("max_distance");
  const std::string prefixes = ctx.OptionText("ignore_prefixes");
  const bool report_unmatched = ctx.OptionText("report_unmatched") == "true";
  for (const jobconfig::ConfigSetting& s : ctx.job().settings) {
    if (s.key.rfind("spark.", 0) != 0 || config::FindKey(s.key)) continue;
    if (HasIgnoredPrefix(s.key, prefixes)) continue;
    std::optional<std::string_view> suggestion =
        config::ClosestKey(s.key, static_cast<size_t>(max_distance < 0 ? 0 : max_distance));
    if (suggestion) {
      ctx.Report(s.key_location,
                 "unknown key " + s.key + "; did you mean " + std::string(*suggestion) +
                     "? (Spark ignores keys it does not know)",
                 s.key);
    } else if (report_unmatched) {
      ctx.Report(s.key_location, "key " + s.key + " is not in sparktune's catalog", s.key);
    }
  }
}

}  // namespace

const Rule& UnknownKeyRule() {
  static const Rule rule{
      .id = "ST102",
      .slug = "unknown-key",
      .default_severity = Severity::kWarning,
      .summary = "A spark.* key that Spark does not know, with the closest known key.",
      .options =
          {{"max_distance", "3", "Largest edit distance for a did-you-mean suggestion."},
           {"ignore_prefixes",
            "spark.hadoop.,spark.executorEnv.,spark.yarn.appMasterEnv.,spark.kubernetes.driver."
            "label.,"
            "spark.kubernetes.executor.label.,spark.kubernetes.driver.annotation.,"
            "spark.kubernetes.executor.annotation.,spark.sql.catalog.,spark.driver.resource.,"
            "spark.executor.resource.,spark.metrics.conf.",
            "Comma-separated key prefixes that are never checked."},
           {"report_unmatched", "false",
            "Also report spark.* keys with no close match (the catalog is not exhaustive)."}},
      .check = &Check,
  };
  return rule;
}

}  // namespace sparktune::rules
