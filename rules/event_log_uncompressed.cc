// ST702 event-log-uncompressed: event logging on without compression
// (spark.eventLog.compress defaults to false before 4.0, SPARK-45257).
// Event logs are JSON and compress about 10x; uncompressed logs of large
// applications reach gigabytes and slow the History Server.
#include "data/config/config_catalog.h"
#include "rules/rule.h"

namespace sparktune::rules {

namespace {

namespace keys = config::keys;

void Check(RuleContext& ctx) {
  if (!ctx.Bool(keys::kEventLogEnabled).value_or(false)) return;
  if (ctx.Bool(keys::kEventLogCompress).value_or(true)) return;
  std::string why = ctx.IsSet(keys::kEventLogCompress)
                        ? "spark.eventLog.compress=false"
                        : "spark.eventLog.compress is false by default before Spark 4.0";
  ctx.Report(ctx.LocationOf(ctx.IsSet(keys::kEventLogCompress) ? keys::kEventLogCompress
                                                               : keys::kEventLogEnabled),
             "event logs are written uncompressed (" + why + "); set spark.eventLog.compress=true",
             std::string(keys::kEventLogCompress));
}

}  // namespace

const Rule& EventLogUncompressedRule() {
  static const Rule rule{
      .id = "ST702",
      .slug = "event-log-uncompressed",
      .default_severity = Severity::kWarning,
      .summary = "Event logs written without compression.",
      .options = {},
      .check = &Check,
  };
  return rule;
}

}  // namespace sparktune::rules
