// ST304 advisory-size-ignored: an advisory partition size is set, but from
// Spark 3.2 AQE coalescing ignores it while
// spark.sql.adaptive.coalescePartitions.parallelismFirst is true (the
// default): it then only guarantees minPartitionSize and keeps the default
// parallelism (SQLConf COALESCE_PARTITIONS_PARALLELISM_FIRST; Spark's tuning
// guide recommends false on busy clusters).
#include "data/config/config_catalog.h"
#include "rules/rule.h"

namespace sparktune::rules {

namespace {

namespace keys = config::keys;

void Check(RuleContext& ctx) {
  if (!ctx.version().AtLeast(3, 2)) return;
  if (!ctx.IsSet(keys::kAdaptiveAdvisoryPartitionSize)) return;
  if (!ctx.Bool(keys::kAdaptiveEnabled).value_or(false)) return;
  if (!ctx.Bool(keys::kAdaptiveCoalesceEnabled).value_or(true)) return;
  if (!ctx.Bool(keys::kAdaptiveParallelismFirst).value_or(true)) return;
  ctx.Report(ctx.LocationOf(keys::kAdaptiveAdvisoryPartitionSize),
             "the advisory partition size is ignored while "
             "spark.sql.adaptive.coalescePartitions.parallelismFirst is true (the default); set it "
             "to false",
             std::string(keys::kAdaptiveAdvisoryPartitionSize));
}

}  // namespace

const Rule& AdvisorySizeIgnoredRule() {
  static const Rule rule{
      .id = "ST304",
      .slug = "advisory-size-ignored",
      .default_severity = Severity::kWarning,
      .summary =
          "The AQE advisory partition size is set but ignored because parallelismFirst is true.",
      .options = {},
      .check = &Check,
  };
  return rule;
}

}  // namespace sparktune::rules
