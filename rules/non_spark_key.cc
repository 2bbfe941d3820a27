// ST108 non-spark-key: a key that does not start with "spark." in a
// spark-defaults file, a --conf argument or spec.sparkConf. spark-submit
// drops it with "Ignoring non-Spark config property" (SparkSubmitArguments);
// Hadoop settings need the spark.hadoop. prefix.
#include "rules/rule.h"

namespace sparktune::rules {

namespace {

void Check(RuleContext& ctx) {
  for (const jobconfig::ConfigSetting& s : ctx.job().settings) {
    if (s.key.rfind("spark.", 0) == 0 || s.from_flag) continue;
    std::string hint = s.key.find('.') != std::string::npos
                           ? "; for a Hadoop setting write spark.hadoop." + s.key
                           : "";
    ctx.Report(s.key_location, "Spark ignores non-Spark key '" + s.key + "'" + hint, s.key);
  }
}

}  // namespace

const Rule& NonSparkKeyRule() {
  static const Rule rule{
      .id = "ST108",
      .slug = "non-spark-key",
      .default_severity = Severity::kWarning,
      .summary = "A key without the spark. prefix, which spark-submit ignores.",
      .options = {},
      .check = &Check,
  };
  return rule;
}

}  // namespace sparktune::rules
