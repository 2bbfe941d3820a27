#include "engine/aqe/adaptive_rule_registry.h"

#include <chrono>

#include "engine/aqe/coalesce_shuffle_partitions.h"
#include "engine/aqe/dynamic_join_selection.h"
#include "engine/aqe/optimize_shuffle_with_local_read.h"
#include "engine/aqe/optimize_skew_in_rebalance_partitions.h"
#include "engine/aqe/optimize_skewed_join.h"

namespace sparktune::engine::aqe {

AdaptiveRuleRegistry::AdaptiveRuleRegistry() {
  auto add = [this](std::unique_ptr<AdaptiveRule> rule) {
    auto e = std::make_unique<Entry>();
    e->rule = std::move(rule);
    entries_.push_back(std::move(e));
  };
  // The one table of AQE rules (order here is only the listing order; the run order
  // comes from the version row).
  add(std::make_unique<DynamicJoinSelection>());
  add(std::make_unique<OptimizeSkewedJoin>());
  add(std::make_unique<OptimizeSkewInRebalancePartitions>());
  add(std::make_unique<CoalesceShufflePartitions>());
  add(std::make_unique<OptimizeShuffleWithLocalRead>());
}

AdaptiveRuleRegistry::~AdaptiveRuleRegistry() = default;

std::vector<std::string_view> AdaptiveRuleRegistry::RuleNames() const {
  std::vector<std::string_view> names;
  for (const auto& e : entries_) names.push_back(e->rule->name());
  return names;
}

const AdaptiveRuleRegistry::Entry* AdaptiveRuleRegistry::Find(std::string_view name) const {
  for (const auto& e : entries_)
    if (e->rule->name() == name) return e.get();
  return nullptr;
}

bool AdaptiveRuleRegistry::SetEnabled(std::string_view name, bool enabled) {
  const Entry* e = Find(name);
  if (!e) return false;
  const_cast<Entry*>(e)->enabled = enabled;
  return true;
}

bool AdaptiveRuleRegistry::IsEnabled(std::string_view name) const {
  const Entry* e = Find(name);
  return e && e->enabled;
}

StagePlan AdaptiveRuleRegistry::Plan(const StagePlanningInput& input,
                                     const AqeConfig& config) const {
  StagePlan plan = StagePlan::From(input);
  if (!config.enabled) return plan;
  const AqeVersionBehavior& behavior = AqeBehaviorFor(config.version);
  RuleContext ctx{input, config, behavior};
  for (std::string_view name : behavior.rule_order) {
    const Entry* e = Find(name);
    if (!e || !e->enabled) continue;
    auto start = std::chrono::steady_clock::now();
    e->rule->Apply(ctx, &plan);
    auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                  std::chrono::steady_clock::now() - start)
                  .count();
    e->calls.fetch_add(1, std::memory_order_relaxed);
    e->total_ns.fetch_add(ns, std::memory_order_relaxed);
  }
  return plan;
}

std::vector<RuleTiming> AdaptiveRuleRegistry::Timings() const {
  std::vector<RuleTiming> out;
  for (const auto& e : entries_)
    out.push_back({e->rule->name(), e->enabled, e->calls.load(), e->total_ns.load()});
  return out;
}

}  // namespace sparktune::engine::aqe
