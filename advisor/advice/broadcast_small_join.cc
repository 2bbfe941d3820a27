#include "advisor/advice/broadcast_small_join.h"

#include <algorithm>

#include "advisor/advice/plan_evidence.h"
#include "data/base/units.h"
#include "data/config/config_catalog.h"

namespace sparktune::advice {

namespace {

namespace keys = config::keys;
using engine::aqe::JoinStrategy;
using engine::aqe::JoinType;

using units::kMib;
// Broadcasting more than this per executor and the driver risks memory trouble.
constexpr int64_t kMaxBroadcastBytes = 256 * kMib;
// The other side must be at least this many times larger for the shuffle to be worth skipping.
constexpr double kMinAsymmetry = 4.0;

}  // namespace

std::vector<Advice> BroadcastSmallJoin::Advise(const AdviceContext& ctx) const {
  std::vector<Advice> out;
  engine::EffectiveConfig observed = ctx.sim.observed_config();
  for (const auto& ex : ctx.plan.executions) {
    for (size_t q = 0; q < ex.stages.stages.size(); ++q) {
      const auto& qs = ex.stages.stages[q];
      for (size_t ji = 0; ji < qs.joins.size(); ++ji) {
        const auto& join = qs.joins[ji];
        if (join.info.strategy != JoinStrategy::kSortMerge &&
            join.info.strategy != JoinStrategy::kShuffledHash)
          continue;
        int side_ex[2] = {-1, -1};
        for (const auto& rd : qs.reads) {
          if (rd.join == static_cast<int>(ji) && rd.join_side >= 0 && rd.join_side < 2 &&
              !rd.broadcast && rd.exchange_node >= 0 &&
              rd.exchange_node < static_cast<int>(ex.exchange_of_node.size()))
            side_ex[rd.join_side] = ex.exchange_of_node[rd.exchange_node];
        }
        if (side_ex[0] < 0 || side_ex[1] < 0) continue;
        int64_t size[2] = {ExchangeBytes(ex.exchanges[side_ex[0]]),
                           ExchangeBytes(ex.exchanges[side_ex[1]])};
        JoinType type = join.info.type;
        bool right_ok = type != JoinType::kRightOuter && type != JoinType::kFullOuter;
        bool left_ok =
            type == JoinType::kInner || type == JoinType::kCross || type == JoinType::kRightOuter;
        int small = -1;
        if (right_ok && (!left_ok || size[1] <= size[0]))
          small = 1;
        else if (left_ok)
          small = 0;
        if (small < 0 || size[small] < 0) continue;
        int64_t sz = size[small], big = size[1 - small];
        if (sz > kMaxBroadcastBytes ||
            static_cast<double>(big) < kMinAsymmetry * static_cast<double>(sz))
          continue;
        Advice a;
        a.id = std::string(id());
        const model::PlanNode& node = ex.final_plan->nodes[join.node];
        a.title = "broadcast the " + std::string(small == 1 ? "right" : "left") + " side (" +
                  Bytes(sz) + ") of a sort-merge join in SQL execution " +
                  std::to_string(ex.execution_id);
        a.evidence.push_back(Short(StripExpressionIds(node.simple_string)));
        a.evidence.push_back("sides: left " + Bytes(size[0]) + ", right " + Bytes(size[1]) +
                             " (exchange data size as shuffled)");
        bool adaptive = ex.adaptive && observed.GetBool(std::string(keys::kAdaptiveEnabled), false);
        std::string key =
            adaptive && !config::IsNewerThan(
                            *config::FindKey(keys::kAdaptiveAutoBroadcastJoinThreshold),
                            observed.version())
                ? std::string(keys::kAdaptiveAutoBroadcastJoinThreshold)
                : std::string(keys::kAutoBroadcastJoinThreshold);
        std::string current = observed.Get(key);
        if (current.empty()) current = observed.Get(std::string(keys::kAutoBroadcastJoinThreshold));
        a.evidence.push_back(key + " in force: " + (current.empty() ? "(default)" : current));
        int64_t thr_mib = std::max<int64_t>(1, (sz + sz / 4 + kMib - 1) / kMib);
        int64_t in_force = current.empty() ? -1
                           : config::ParseBytes(current, 'b').ok()
                               ? *config::ParseBytes(current, 'b')
                               : -1;
        a.stage_ids = SparkStageIds(ctx.app, ex, q);
        std::string hint = "add a /*+ BROADCAST(...) */ hint on the " +
                           std::string(small == 1 ? "right" : "left") + " relation";
        if (in_force >= 0 && sz <= in_force) {
          // Under the threshold at run time, yet planned as a sort-merge join:
          // the static planner's estimate (before filters' real selectivity) was larger.
          a.evidence.push_back(
              "the side was under the threshold at run time: the planner's static size "
              "estimate was larger (e.g. a selective filter it cannot see through)");
          a.action =
              hint + (adaptive ? "" : ", or turn AQE on so the join is chosen on runtime sizes");
          a.priced =
              "not priced: the simulator converts joins by their runtime size against a changed "
              "threshold; "
              "a hint is not a config change";
        } else {
          a.config[key] = std::to_string(thr_mib) + "m";
          a.action = hint + ", or set " + key + "=" + a.config[key];
          PriceWithSimulator(ctx, a);
        }
        out.push_back(std::move(a));
      }
    }
  }
  return out;
}

}  // namespace sparktune::advice
