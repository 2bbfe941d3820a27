// ST202 memory-per-task: container memory per concurrently running task
// above the guidance (eBay: no more than ~10 GB per task). The container is
// heap + overhead (set, or max(factor x heap, 384 MiB)) + off-heap when
// enabled + PySpark memory (spark-reference.md 4.6); tasks per executor are
// floor(cores / spark.task.cpus).
#include <algorithm>

#include "data/base/units.h"
#include "data/config/config_catalog.h"
#include "rules/rule.h"

namespace sparktune::rules {

namespace {

namespace keys = config::keys;

void Check(RuleContext& ctx) {
  if (!ctx.IsSet(keys::kExecutorMemory)) return;
  std::optional<int64_t> heap = ctx.Bytes(keys::kExecutorMemory);
  std::optional<double> cores = ctx.Number(keys::kExecutorCores);
  std::optional<double> task_cpus = ctx.Number(keys::kTaskCpus);
  if (!heap || !cores || !task_cpus || *task_cpus < 1 || *cores < *task_cpus) return;
  int64_t overhead = 0;
  if (std::optional<int64_t> set = ctx.Bytes(keys::kExecutorMemoryOverhead)) {
    overhead = *set;
  } else {
    double factor =
        std::clamp(ctx.Number(keys::kExecutorMemoryOverheadFactor).value_or(0.1), 0.0, 1.0);
    overhead = std::max<int64_t>(static_cast<int64_t>(factor * static_cast<double>(*heap)),
                                 384 * units::kMib);
  }
  int64_t container = *heap + overhead;
  if (ctx.Bool(keys::kOffHeapEnabled).value_or(false))
    container += ctx.Bytes(keys::kOffHeapSize).value_or(0);
  if (ctx.job().python_app) container += ctx.Bytes(keys::kExecutorPysparkMemory).value_or(0);
  const int64_t slots = std::max<int64_t>(static_cast<int64_t>(*cores / *task_cpus), 1);
  const int64_t per_task = container / slots;
  const int64_t max_per_task = ctx.OptionBytes("max_per_task", 'g');
  if (per_task <= max_per_task) return;
  ctx.Report(ctx.LocationOf(keys::kExecutorMemory),
             "each running task has " + FormatBytes(per_task) + " of container memory (" +
                 FormatBytes(container) + " for " + std::to_string(slots) +
                 " concurrent tasks), above " + FormatBytes(max_per_task),
             std::string(keys::kExecutorMemory));
}

}  // namespace

const Rule& MemoryPerTaskRule() {
  static const Rule rule{
      .id = "ST202",
      .slug = "memory-per-task",
      .default_severity = Severity::kWarning,
      .summary = "Container memory per concurrently running task is above the guidance (~10 GB).",
      .options = {{"max_per_task", "10g", "Largest container memory per concurrent task."}},
      .check = &Check,
  };
  return rule;
}

}  // namespace sparktune::rules
