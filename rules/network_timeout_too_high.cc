// ST501 network-timeout-too-high: spark.network.timeout far above the 120 s
// default. Lost executors and dead fetches are then detected minutes late and
// stages hang instead of retrying (eBay went from 3000 s back to 120 s,
// seed-cases.md). It also becomes the default of the RPC ask, shuffle
// connection and storage timeouts.
#include "data/config/config_catalog.h"
#include "rules/rule.h"

namespace sparktune::rules {

namespace {

namespace keys = config::keys;

void Check(RuleContext& ctx) {
  if (!ctx.IsSet(keys::kNetworkTimeout)) return;
  std::optional<int64_t> ms = ctx.DurationMs(keys::kNetworkTimeout);
  const int64_t max_ms = ctx.OptionMs("max_timeout");
  if (!ms || *ms <= max_ms) return;
  ctx.Report(ctx.LocationOf(keys::kNetworkTimeout),
             "spark.network.timeout is " + FormatMs(*ms) + ", far above " + FormatMs(max_ms) +
                 " (the guidance is 120 s); failures will be detected late",
             std::string(keys::kNetworkTimeout));
}

}  // namespace

const Rule& NetworkTimeoutTooHighRule() {
  static const Rule rule{
      .id = "ST501",
      .slug = "network-timeout-too-high",
      .default_severity = Severity::kWarning,
      .summary = "spark.network.timeout far above two minutes.",
      .options = {{"max_timeout", "300s", "Largest network timeout."}},
      .check = &Check,
  };
  return rule;
}

}  // namespace sparktune::rules
