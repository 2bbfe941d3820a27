// ST502 heartbeat-not-below-timeout: spark.executor.heartbeatInterval at or
// above spark.network.timeout. SparkContext refuses to start ("The value of
// spark.network.timeout must be greater than the value of
// spark.executor.heartbeatInterval"); well below it is needed anyway, or
// live executors are declared lost.
#include "data/config/config_catalog.h"
#include "rules/rule.h"

namespace sparktune::rules {

namespace {

namespace keys = config::keys;

void Check(RuleContext& ctx) {
  if (!ctx.IsSet(keys::kExecutorHeartbeatInterval) && !ctx.IsSet(keys::kNetworkTimeout)) return;
  std::optional<int64_t> heartbeat = ctx.DurationMs(keys::kExecutorHeartbeatInterval);
  std::optional<int64_t> timeout = ctx.DurationMs(keys::kNetworkTimeout);
  if (!heartbeat || !timeout || *heartbeat < *timeout) return;
  std::string_view key = ctx.IsSet(keys::kExecutorHeartbeatInterval)
                             ? keys::kExecutorHeartbeatInterval
                             : keys::kNetworkTimeout;
  ctx.Report(ctx.LocationOf(key),
             "spark.executor.heartbeatInterval (" + FormatMs(*heartbeat) +
                 ") must be below spark.network.timeout (" + FormatMs(*timeout) +
                 "); Spark refuses to start",
             std::string(key));
}

}  // namespace

const Rule& HeartbeatNotBelowTimeoutRule() {
  static const Rule rule{
      .id = "ST502",
      .slug = "heartbeat-not-below-timeout",
      .default_severity = Severity::kError,
      .summary = "Executor heartbeat interval not below the network timeout.",
      .options = {},
      .check = &Check,
  };
  return rule;
}

}  // namespace sparktune::rules
