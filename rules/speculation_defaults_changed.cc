// ST504 speculation-defaults-changed: speculation on for Spark 4.0+ with the
// multiplier or quantile left at its default. The defaults moved from 1.5 /
// 0.75 to 3 / 0.9 in 4.0 (SPARK-47720), so a job tuned on 3.x speculates far
// less after an upgrade; pin the values you rely on.
#include "data/config/config_catalog.h"
#include "rules/rule.h"

namespace sparktune::rules {

namespace {

namespace keys = config::keys;

void Check(RuleContext& ctx) {
  if (!ctx.version().AtLeast(4, 0)) return;
  if (!ctx.IsSet(keys::kSpeculation) || !ctx.Bool(keys::kSpeculation).value_or(false)) return;
  if (ctx.IsSet(keys::kSpeculationMultiplier) && ctx.IsSet(keys::kSpeculationQuantile)) return;
  ctx.Report(
      ctx.LocationOf(keys::kSpeculation),
      "speculation defaults changed in Spark 4.0 (multiplier 1.5 -> 3, quantile 0.75 -> 0.9); "
      "set spark.speculation.multiplier and spark.speculation.quantile explicitly",
      std::string(keys::kSpeculation));
}

}  // namespace

const Rule& SpeculationDefaultsChangedRule() {
  static const Rule rule{
      .id = "ST504",
      .slug = "speculation-defaults-changed",
      .default_severity = Severity::kNote,
      .summary = "Speculation relies on defaults that changed in Spark 4.0.",
      .options = {},
      .check = &Check,
  };
  return rule;
}

}  // namespace sparktune::rules
