// ST203 executor-cores-range: spark.executor.cores outside the 2-5 range that
// eBay's tuning rules (seed-cases.md) and most vendor guides recommend: one
// core wastes the JVM's fixed cost and broadcast copies; many cores contend on
// HDFS I/O and GC of one large heap.
#include "data/config/config_catalog.h"
#include "rules/rule.h"

namespace sparktune::rules {

namespace {

namespace keys = config::keys;

void Check(RuleContext& ctx) {
  if (!ctx.IsSet(keys::kExecutorCores)) return;
  std::optional<double> cores = ctx.Number(keys::kExecutorCores);
  if (!cores) return;
  const double lo = ctx.OptionNumber("min_cores");
  const double hi = ctx.OptionNumber("max_cores");
  if (*cores >= lo && *cores <= hi) return;
  ctx.Report(ctx.LocationOf(keys::kExecutorCores),
             "spark.executor.cores is " + FormatNumber(*cores) + ", outside " + FormatNumber(lo) +
                 "-" + FormatNumber(hi),
             std::string(keys::kExecutorCores));
}

}  // namespace

const Rule& ExecutorCoresRangeRule() {
  static const Rule rule{
      .id = "ST203",
      .slug = "executor-cores-range",
      .default_severity = Severity::kWarning,
      .summary = "Cores per executor outside the recommended 2-5.",
      .options = {{"min_cores", "2", "Fewest cores per executor."},
                  {"max_cores", "5", "Most cores per executor."}},
      .check = &Check,
  };
  return rule;
}

}  // namespace sparktune::rules
