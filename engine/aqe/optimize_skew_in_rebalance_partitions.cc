#include "engine/aqe/optimize_skew_in_rebalance_partitions.h"

#include <algorithm>
#include <string>

#include "engine/aqe/skew_partition_split.h"

namespace sparktune::engine::aqe {

void OptimizeSkewInRebalancePartitions::Apply(const RuleContext& ctx, StagePlan* plan) const {
  const AqeConfig& c = ctx.config;
  if (!ctx.behavior.has_rebalance_rule || !c.optimize_skews_in_rebalance) return;
  const double small_factor = ctx.behavior.rebalance_small_factor_config
                                  ? c.rebalance_small_partition_factor
                                  : kSmallPartitionFactor;
  for (size_t i = 0; i < ctx.input.shuffles.size(); ++i) {
    const ShuffleStageStats& s = ctx.input.shuffles[i];
    ShuffleReadPlan& read = plan->reads[i];
    if (s.origin != ShuffleOrigin::kRebalancePartitionsByNone &&
        s.origin != ShuffleOrigin::kRebalancePartitionsByCol)
      continue;
    if (!read.specs.empty() || read.broadcast || read.eliminated) continue;
    const int64_t advisory = c.advisory_partition_size;
    if (std::all_of(s.bytes_by_partition.begin(), s.bytes_by_partition.end(),
                    [&](int64_t b) { return b <= advisory; }))
      continue;
    PartitionSpecs specs;
    int split = 0;
    for (int r = 0; r < s.num_partitions(); ++r) {
      int64_t bytes = s.bytes_by_partition[r];
      if (bytes > advisory) {
        auto parts = CreateSkewPartitionSpecs(r, s.MapSizesFor(r), advisory, small_factor,
                                              ctx.behavior.skip_missing_map_outputs);
        if (parts) {
          specs.insert(specs.end(), parts->begin(), parts->end());
          ++split;
          continue;
        }
      }
      specs.push_back(ShufflePartitionSpec::Coalesced(r, r + 1, bytes));
    }
    if (static_cast<int>(specs.size()) == s.num_partitions()) continue;
    plan->Note(std::string(name()), std::to_string(split) + " rebalance partitions above " +
                                        std::to_string(advisory) + " bytes split into " +
                                        std::to_string(specs.size()) + " reads");
    read.specs = std::move(specs);
    read.skewed = true;
  }
}

}  // namespace sparktune::engine::aqe
