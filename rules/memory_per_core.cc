// ST201 memory-per-core: executor heap per core above the guidance. eBay's
// cluster-wide rule of thumb (seed-cases.md): nodes of 384 GB / 64 cores give
// 5 GB per core; 40g with 2 cores (20 GB per core) spent 43 s in GC where
// 20g with 4 cores spent 0.2 s.
#include "data/config/config_catalog.h"
#include "rules/rule.h"

namespace sparktune::rules {

namespace {

namespace keys = config::keys;

void Check(RuleContext& ctx) {
  if (!ctx.IsSet(keys::kExecutorMemory) && !ctx.IsSet(keys::kExecutorCores)) return;
  std::optional<int64_t> heap = ctx.Bytes(keys::kExecutorMemory);
  std::optional<double> cores = ctx.Number(keys::kExecutorCores);
  if (!heap || !cores || *cores < 1) return;
  const int64_t max_per_core = ctx.OptionBytes("max_per_core", 'g');
  const int64_t per_core = static_cast<int64_t>(static_cast<double>(*heap) / *cores);
  if (per_core <= max_per_core) return;
  std::string key(ctx.IsSet(keys::kExecutorMemory) ? keys::kExecutorMemory : keys::kExecutorCores);
  ctx.Report(ctx.LocationOf(key),
             "executor heap per core is " + FormatBytes(per_core) + " (" + FormatBytes(*heap) +
                 " / " + FormatNumber(*cores) + " cores), above " + FormatBytes(max_per_core) +
                 "; use more cores per executor or less memory",
             key);
}

}  // namespace

const Rule& MemoryPerCoreRule() {
  static const Rule rule{
      .id = "ST201",
      .slug = "memory-per-core",
      .default_severity = Severity::kWarning,
      .summary = "Executor heap per core is above the guidance (5 GB per core).",
      .options =
          {{"max_per_core", "5g",
            "Largest executor heap per core (spark.executor.memory / spark.executor.cores)."}},
      .check = &Check,
  };
  return rule;
}

}  // namespace sparktune::rules
