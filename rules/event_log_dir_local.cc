// ST703 event-log-dir-local: event logging on with spark.eventLog.dir unset
// (default file:///tmp/spark-events) or on the local file: scheme. In cluster
// mode the driver's local /tmp is on whichever node ran it and is often
// wiped; the History Server never sees those logs.
#include "data/config/config_catalog.h"
#include "rules/rule.h"

namespace sparktune::rules {

namespace {

namespace keys = config::keys;

void Check(RuleContext& ctx) {
  if (!ctx.Bool(keys::kEventLogEnabled).value_or(false)) return;
  std::optional<std::string> dir = ctx.Value(keys::kEventLogDir);
  if (!dir || dir->rfind("file:", 0) != 0) return;
  ctx.Report(
      ctx.LocationOf(ctx.IsSet(keys::kEventLogDir) ? keys::kEventLogDir : keys::kEventLogEnabled),
      "event logs go to the local directory " + *dir +
          "; use shared storage (hdfs://, s3a://, abfss://) so the History Server can read them",
      std::string(keys::kEventLogDir));
}

}  // namespace

const Rule& EventLogDirLocalRule() {
  static const Rule rule{
      .id = "ST703",
      .slug = "event-log-dir-local",
      .default_severity = Severity::kWarning,
      .summary = "Event logs written to a node-local directory.",
      .options = {},
      .check = &Check,
  };
  return rule;
}

}  // namespace sparktune::rules
