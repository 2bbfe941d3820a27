// ST204 overhead-out-of-proportion: memory overhead far above the default
// 10% of the heap for a JVM-only job. eBay's jobs carried 18 GB of overhead on
// 26-40 GB heaps; after tuning 4 GB on 16 GB and 2 GB on 27 GB
// (seed-cases.md). PySpark jobs are exempt: Python workers live in the
// overhead unless spark.executor.pyspark.memory is set.
#include <cmath>

#include "data/config/config_catalog.h"
#include "rules/rule.h"

namespace sparktune::rules {

namespace {

namespace keys = config::keys;

void Check(RuleContext& ctx) {
  if (ctx.job().python_app || ctx.IsSet(keys::kExecutorPysparkMemory)) return;
  const double max_ratio = ctx.OptionNumber("max_ratio");
  std::optional<int64_t> heap = ctx.Bytes(keys::kExecutorMemory);
  if (!heap || *heap <= 0) return;
  std::string_view overhead_key =
      ctx.IsSet(keys::kExecutorMemoryOverhead)       ? keys::kExecutorMemoryOverhead
      : ctx.IsSet(keys::kYarnExecutorMemoryOverhead) ? keys::kYarnExecutorMemoryOverhead
                                                     : std::string_view();
  if (!overhead_key.empty()) {
    std::optional<int64_t> overhead = ctx.Bytes(overhead_key);
    if (!overhead) return;
    double ratio = static_cast<double>(*overhead) / static_cast<double>(*heap);
    if (ratio <= max_ratio) return;
    ctx.Report(ctx.LocationOf(overhead_key),
               "memory overhead " + FormatBytes(*overhead) + " is " +
                   FormatNumber(std::round(ratio * 100)) + "% of the " + FormatBytes(*heap) +
                   " heap (limit " + FormatNumber(std::round(max_ratio * 100)) +
                   "% for a JVM job); size it to the job's off-heap needs",
               std::string(overhead_key));
    return;
  }
  for (std::string_view factor_key :
       {keys::kExecutorMemoryOverheadFactor, keys::kKubernetesMemoryOverheadFactor}) {
    if (!ctx.IsSet(factor_key)) continue;
    std::optional<double> factor = ctx.Number(factor_key);
    if (!factor || *factor <= max_ratio) continue;
    ctx.Report(ctx.LocationOf(factor_key),
               std::string(factor_key) + " is " + ctx.Setting(factor_key)->value + ", above " +
                   ctx.OptionText("max_ratio") + " for a JVM job",
               std::string(factor_key));
  }
}

}  // namespace

const Rule& OverheadOutOfProportionRule() {
  static const Rule rule{
      .id = "ST204",
      .slug = "overhead-out-of-proportion",
      .default_severity = Severity::kWarning,
      .summary = "Executor memory overhead far above its usual share of the heap (JVM jobs).",
      .options = {{"max_ratio", "0.25", "Largest overhead / heap ratio for a non-PySpark job."}},
      .check = &Check,
  };
  return rule;
}

}  // namespace sparktune::rules
