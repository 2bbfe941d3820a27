#include "advisor/advice/skewed_join.h"

#include <algorithm>

#include "advisor/advice/plan_evidence.h"
#include "data/base/stats.h"
#include "data/base/units.h"
#include "data/config/config_catalog.h"

namespace sparktune::advice {

namespace {

namespace keys = config::keys;
using engine::aqe::JoinStrategy;

using units::kMib;
constexpr double kSkewFactor = 5.0;           // SQLConf SKEW_JOIN_SKEWED_PARTITION_FACTOR default
constexpr int64_t kMinSkewBytes = 16 * kMib;  // below this a hot partition costs seconds at most

}  // namespace

std::vector<Advice> SkewedJoin::Advise(const AdviceContext& ctx) const {
  std::vector<Advice> out;
  const engine::EffectiveConfig& observed = ctx.sim.observed_config();
  bool aqe = observed.GetBool(std::string(keys::kAdaptiveEnabled), false);
  bool skew_on = aqe && observed.GetBool(std::string(keys::kAdaptiveSkewJoinEnabled), true);
  int64_t threshold = observed.GetBytes(std::string(keys::kAdaptiveSkewedPartitionThreshold));
  for (const auto& ex : ctx.plan.executions) {
    for (size_t q = 0; q < ex.stages.stages.size(); ++q) {
      const auto& qs = ex.stages.stages[q];
      for (size_t ji = 0; ji < qs.joins.size(); ++ji) {
        const auto& join = qs.joins[ji];
        if (join.info.strategy != JoinStrategy::kSortMerge &&
            join.info.strategy != JoinStrategy::kShuffledHash)
          continue;
        if (join.info.skew_join) continue;  // AQE already split it
        for (const auto& rd : qs.reads) {
          if (rd.join != static_cast<int>(ji) || rd.broadcast || rd.exchange_node < 0 ||
              rd.exchange_node >= static_cast<int>(ex.exchange_of_node.size()))
            continue;
          int ei = ex.exchange_of_node[rd.exchange_node];
          if (ei < 0) continue;
          const auto& exch = ex.exchanges[ei];
          int n = exch.sizes.observed_partitions();
          if (n < 2) continue;
          std::vector<int64_t> sizes = exch.sizes.Regenerate(n);
          int64_t median = std::max<int64_t>(1, stats::Median(sizes));
          auto top = std::max_element(sizes.begin(), sizes.end());
          int64_t max = *top;
          if (max < kMinSkewBytes ||
              static_cast<double>(max) < kSkewFactor * static_cast<double>(median))
            continue;
          Advice a;
          a.id = std::string(id());
          std::vector<int> stages = SparkStageIds(ctx.app, ex, q);
          a.stage_ids = stages;
          int partition = static_cast<int>(top - sizes.begin());
          a.title = "skewed join in SQL execution " + std::to_string(ex.execution_id) +
                    ": partition " + std::to_string(partition) + " of the " +
                    (rd.join_side == 0 ? "left" : "right") + " side holds " +
                    Bytes(static_cast<double>(max)) + ", " + std::to_string(max / median) +
                    "x the median";
          a.evidence.push_back(
              Short(StripExpressionIds(ex.final_plan->nodes[join.node].simple_string)));
          std::string stage_list;
          for (int s : stages) stage_list += (stage_list.empty() ? "" : ", ") + std::to_string(s);
          a.evidence.push_back("stage " + stage_list + " reads " + std::to_string(n) +
                               " partitions; partition " + std::to_string(partition) + ": " +
                               Bytes(static_cast<double>(max)) + ", median " +
                               Bytes(static_cast<double>(median)) + " (" + exch.size_source + ")");
          int64_t new_thr = std::max<int64_t>(kMib, (max / 2) / kMib * kMib);
          if (!aqe) {
            a.config[std::string(keys::kAdaptiveEnabled)] = "true";
            a.config[std::string(keys::kAdaptiveSkewJoinEnabled)] = "true";
          } else if (!skew_on) {
            a.config[std::string(keys::kAdaptiveSkewJoinEnabled)] = "true";
          }
          if (max <= threshold) {
            a.config[std::string(keys::kAdaptiveSkewedPartitionThreshold)] =
                std::to_string(new_thr / kMib) + "m";
          }
          if (!a.config.empty()) {
            std::string what;
            for (const auto& [k, v] : a.config) what += (what.empty() ? "" : ", ") + k + "=" + v;
            a.action = "let AQE split the hot partition: " + what;
            PriceWithSimulator(ctx, a);
          } else {
            a.action =
                "AQE skew handling is on and the partition is above its threshold, yet it was not "
                "split "
                "(e.g. the join side cannot be split): salt the hot key or handle it in a separate "
                "UNION ALL branch";
            a.priced = "not priced: a query rewrite the simulator cannot replay";
          }
          out.push_back(std::move(a));
          break;  // one advice per join
        }
      }
    }
  }
  return out;
}

}  // namespace sparktune::advice
