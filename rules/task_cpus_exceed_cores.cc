// ST207 task-cpus-exceed-cores: spark.task.cpus above spark.executor.cores.
// No task fits in an executor; SparkContext fails at start (the default
// ResourceProfile check that executor cores hold at least one task's cpus).
#include "data/config/config_catalog.h"
#include "rules/rule.h"

namespace sparktune::rules {

namespace {

namespace keys = config::keys;

void Check(RuleContext& ctx) {
  if (!ctx.IsSet(keys::kTaskCpus) && !ctx.IsSet(keys::kExecutorCores)) return;
  std::optional<double> task_cpus = ctx.Number(keys::kTaskCpus);
  std::optional<double> cores = ctx.Number(keys::kExecutorCores);
  if (!task_cpus || !cores || *task_cpus <= *cores) return;
  std::string_view key = ctx.IsSet(keys::kTaskCpus) ? keys::kTaskCpus : keys::kExecutorCores;
  ctx.Report(ctx.LocationOf(key),
             "spark.task.cpus (" + FormatNumber(*task_cpus) + ") exceeds spark.executor.cores (" +
                 FormatNumber(*cores) + "); no task can run",
             std::string(key));
}

}  // namespace

const Rule& TaskCpusExceedCoresRule() {
  static const Rule rule{
      .id = "ST207",
      .slug = "task-cpus-exceed-cores",
      .default_severity = Severity::kError,
      .summary = "spark.task.cpus is larger than spark.executor.cores; no task can run.",
      .options = {},
      .check = &Check,
  };
  return rule;
}

}  // namespace sparktune::rules
