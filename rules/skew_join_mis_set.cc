// ST309 skew-join-mis-set: AQE skew-join handling disabled or set so it can
// never trigger usefully: a skewedPartitionFactor below 2 (normal variance
// counts as skew), or a skewedPartitionThresholdInBytes below the advisory
// partition size (OptimizeSkewedJoin splits into advisory-size pieces, so a
// "skewed" partition smaller than that is not split). eBay's skewed join:
// longest task 4 min vs 3 s average until AQE split it (seed-cases.md).
#include "data/config/config_catalog.h"
#include "rules/rule.h"

namespace sparktune::rules {

namespace {

namespace keys = config::keys;

void Check(RuleContext& ctx) {
  if (!ctx.Bool(keys::kAdaptiveEnabled).value_or(false)) return;
  if (ctx.IsSet(keys::kAdaptiveSkewJoinEnabled) &&
      !ctx.Bool(keys::kAdaptiveSkewJoinEnabled).value_or(true)) {
    ctx.Report(ctx.LocationOf(keys::kAdaptiveSkewJoinEnabled),
               "AQE skew-join handling is disabled; one skewed key can bound the whole stage",
               std::string(keys::kAdaptiveSkewJoinEnabled));
    return;
  }
  if (ctx.IsSet(keys::kAdaptiveSkewedPartitionFactor)) {
    std::optional<double> factor = ctx.Number(keys::kAdaptiveSkewedPartitionFactor);
    if (factor && *factor < ctx.OptionNumber("min_factor")) {
      ctx.Report(ctx.LocationOf(keys::kAdaptiveSkewedPartitionFactor),
                 "skewedPartitionFactor " +
                     ctx.Setting(keys::kAdaptiveSkewedPartitionFactor)->value + " is below " +
                     ctx.OptionText("min_factor") + "; ordinary variance will count as skew",
                 std::string(keys::kAdaptiveSkewedPartitionFactor));
    }
  }
  if (ctx.IsSet(keys::kAdaptiveSkewedPartitionThreshold)) {
    std::optional<int64_t> threshold = ctx.Bytes(keys::kAdaptiveSkewedPartitionThreshold);
    std::optional<int64_t> advisory = ctx.Bytes(keys::kAdaptiveAdvisoryPartitionSize);
    if (threshold && advisory && *threshold < *advisory) {
      ctx.Report(ctx.LocationOf(keys::kAdaptiveSkewedPartitionThreshold),
                 "skewedPartitionThresholdInBytes (" + FormatBytes(*threshold) +
                     ") is below the advisory partition size (" + FormatBytes(*advisory) +
                     "); partitions in between cannot be split",
                 std::string(keys::kAdaptiveSkewedPartitionThreshold));
    }
  }
}

}  // namespace

const Rule& SkewJoinMisSetRule() {
  static const Rule rule{
      .id = "ST309",
      .slug = "skew-join-mis-set",
      .default_severity = Severity::kWarning,
      .summary = "AQE skew-join handling disabled or set so it cannot help.",
      .options = {{"min_factor", "2", "Smallest sensible skewedPartitionFactor."}},
      .check = &Check,
  };
  return rule;
}

}  // namespace sparktune::rules
