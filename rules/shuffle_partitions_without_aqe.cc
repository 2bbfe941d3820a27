// ST305 shuffle-partitions-without-aqe: a large spark.sql.shuffle.partitions
// with no AQE coalescing. Every shuffle then runs that many reduce tasks
// whatever its size: eBay's 5000 partitions gave ~20 MB tasks and 1.7x the
// MB-seconds of AQE packing to 100 MB (seed-cases.md). The data-aware check
// (partitions vs observed shuffle volume) needs history and comes with the
// simulator.
#include "data/config/config_catalog.h"
#include "rules/rule.h"

namespace sparktune::rules {

namespace {

namespace keys = config::keys;

void Check(RuleContext& ctx) {
  if (!ctx.IsSet(keys::kSqlShufflePartitions)) return;
  std::optional<double> partitions = ctx.Number(keys::kSqlShufflePartitions);
  if (!partitions || *partitions <= ctx.OptionNumber("max_without_aqe")) return;
  bool coalescing = ctx.Bool(keys::kAdaptiveEnabled).value_or(false) &&
                    ctx.Bool(keys::kAdaptiveCoalesceEnabled).value_or(true);
  if (coalescing) return;
  ctx.Report(ctx.LocationOf(keys::kSqlShufflePartitions),
             "spark.sql.shuffle.partitions=" + ctx.Setting(keys::kSqlShufflePartitions)->value +
                 " without AQE coalescing runs that many tasks for every shuffle, however small; "
                 "enable AQE or size partitions to the shuffle volume",
             std::string(keys::kSqlShufflePartitions));
}

}  // namespace

const Rule& ShufflePartitionsWithoutAqeRule() {
  static const Rule rule{
      .id = "ST305",
      .slug = "shuffle-partitions-without-aqe",
      .default_severity = Severity::kWarning,
      .summary = "Many shuffle partitions with no AQE coalescing to pack them.",
      .options = {{"max_without_aqe", "2000", "Most shuffle partitions without AQE coalescing."}},
      .check = &Check,
  };
  return rule;
}

}  // namespace sparktune::rules
