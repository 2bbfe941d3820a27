// ST308 broadcast-exceeds-driver: a broadcast threshold that the driver
// cannot hold. The driver collects the small side and builds the hash
// relation before sending it (BroadcastExchangeExec), which needs several
// times the estimated size; Spark also refuses relations above 8 GB
// ("Cannot broadcast the table that is larger than 8GB").
#include "data/base/units.h"
#include "data/config/config_catalog.h"
#include "rules/rule.h"

namespace sparktune::rules {

namespace {

namespace keys = config::keys;

void Check(RuleContext& ctx) {
  std::optional<int64_t> driver = ctx.Bytes(keys::kDriverMemory);
  if (!driver) return;
  const double fraction = ctx.OptionNumber("max_driver_fraction");
  const int64_t hard_limit = 8 * units::kGib;
  for (std::string_view key :
       {keys::kAutoBroadcastJoinThreshold, keys::kAdaptiveAutoBroadcastJoinThreshold}) {
    if (!ctx.IsSet(key)) continue;
    std::optional<int64_t> t = ctx.Bytes(key);
    if (!t || *t <= 0) continue;
    if (*t >= hard_limit) {
      ctx.Report(ctx.LocationOf(key),
                 std::string(key) + " is " + FormatBytes(*t) +
                     "; Spark cannot broadcast relations of 8 GiB or more",
                 std::string(key));
    } else if (static_cast<double>(*t) > fraction * static_cast<double>(*driver)) {
      ctx.Report(ctx.LocationOf(key),
                 std::string(key) + " (" + FormatBytes(*t) + ") is more than " +
                     ctx.OptionText("max_driver_fraction") + " of the " + FormatBytes(*driver) +
                     " driver heap; a broadcast near the threshold can crash the driver",
                 std::string(key));
    }
  }
}

}  // namespace

const Rule& BroadcastExceedsDriverRule() {
  static const Rule rule{
      .id = "ST308",
      .slug = "broadcast-exceeds-driver",
      .default_severity = Severity::kError,
      .summary = "A broadcast threshold that risks the driver's memory.",
      .options = {{"max_driver_fraction", "0.25",
                   "Largest broadcast threshold as a fraction of spark.driver.memory."}},
      .check = &Check,
  };
  return rule;
}

}  // namespace sparktune::rules
