// ST503 speculation-aggressive: speculation on with a multiplier or quantile
// so low that ordinary task-time variance triggers copies
// (TaskSetManager.checkSpeculatableTasks: a task is speculated once quantile
// of the tasks finished and it ran multiplier x the median; spark-reference.md
// 5.4). Duplicate tasks burn slots and, for non-idempotent output, risk
// duplicate side effects.
#include "data/config/config_catalog.h"
#include "rules/rule.h"

namespace sparktune::rules {

namespace {

namespace keys = config::keys;

void Check(RuleContext& ctx) {
  if (!ctx.Bool(keys::kSpeculation).value_or(false)) return;
  if (ctx.IsSet(keys::kSpeculationMultiplier)) {
    std::optional<double> m = ctx.Number(keys::kSpeculationMultiplier);
    if (m && *m < ctx.OptionNumber("min_multiplier")) {
      ctx.Report(ctx.LocationOf(keys::kSpeculationMultiplier),
                 "spark.speculation.multiplier " +
                     ctx.Setting(keys::kSpeculationMultiplier)->value + " is below " +
                     ctx.OptionText("min_multiplier") + "; normal variance will launch copies",
                 std::string(keys::kSpeculationMultiplier));
    }
  }
  if (ctx.IsSet(keys::kSpeculationQuantile)) {
    std::optional<double> q = ctx.Number(keys::kSpeculationQuantile);
    if (q && *q < ctx.OptionNumber("min_quantile")) {
      ctx.Report(ctx.LocationOf(keys::kSpeculationQuantile),
                 "spark.speculation.quantile " + ctx.Setting(keys::kSpeculationQuantile)->value +
                     " is below " + ctx.OptionText("min_quantile") +
                     "; speculation starts before the median is meaningful",
                 std::string(keys::kSpeculationQuantile));
    }
  }
}

}  // namespace

const Rule& SpeculationAggressiveRule() {
  static const Rule rule{
      .id = "ST503",
      .slug = "speculation-aggressive",
      .default_severity = Severity::kWarning,
      .summary = "Speculation thresholds so low that normal variance launches task copies.",
      .options = {{"min_multiplier", "1.5", "Smallest spark.speculation.multiplier."},
                  {"min_quantile", "0.5", "Smallest spark.speculation.quantile."}},
      .check = &Check,
  };
  return rule;
}

}  // namespace sparktune::rules
