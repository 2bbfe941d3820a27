// ST109 submit-argument-error: something spark-submit or the operator would
// reject or misread: an unknown option, "--conf k" without '=', an option
// missing its value, a SparkApplication field of the wrong shape.
#include "rules/rule.h"

namespace sparktune::rules {

namespace {

void Check(RuleContext& ctx) {
  for (const jobconfig::JobConfig::Problem& p : ctx.job().problems) {
    ctx.Report(p.location, p.message);
  }
}

}  // namespace

const Rule& SubmitArgumentErrorRule() {
  static const Rule rule{
      .id = "ST109",
      .slug = "submit-argument-error",
      .default_severity = Severity::kError,
      .summary = "A spark-submit argument or SparkApplication field that Spark would reject.",
      .options = {},
      .check = &Check,
  };
  return rule;
}

}  // namespace sparktune::rules
