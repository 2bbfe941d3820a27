// AdaptiveRuleRegistry: the one ordered table of AQE stage rules. Each rule has
// a stable name (its Spark class name), can be disabled (ablation studies, and
// spark.sql.adaptive.optimizer.excludedRules-like what-ifs), and is timed.
//
// Plan() runs the enabled rules in the order of the application's version row
// (AqeVersionBehavior::rule_order, spark-reference.md 3.10):
//   3.0-3.1  DynamicJoinSelection, CoalesceShufflePartitions, OptimizeSkewedJoin,
//            OptimizeShuffleWithLocalRead
//   3.2+     DynamicJoinSelection, OptimizeSkewedJoin, OptimizeSkewInRebalancePartitions,
//            CoalesceShufflePartitions, OptimizeShuffleWithLocalRead
// (DynamicJoinSelection stands for the logical re-optimization that precedes
// the physical stage rules; OptimizeSkewedJoin is a preparation rule in 3.3+,
// which also runs before the stage rules.) With AQE disabled nothing is
// rewritten.
//
// Thread safety: Plan() is const and may run concurrently; timing counters are
// atomic. SetEnabled() must not race with Plan().
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "engine/aqe/adaptive_rule.h"

namespace sparktune::engine::aqe {

struct RuleTiming {
  std::string_view name;
  bool enabled = true;
  int64_t calls = 0;
  int64_t total_ns = 0;
};

class AdaptiveRuleRegistry {
 public:
  AdaptiveRuleRegistry();
  ~AdaptiveRuleRegistry();
  AdaptiveRuleRegistry(const AdaptiveRuleRegistry&) = delete;
  AdaptiveRuleRegistry& operator=(const AdaptiveRuleRegistry&) = delete;

  // Every registered rule name, in registration order.
  std::vector<std::string_view> RuleNames() const;
  // Enables or disables a rule by name; false when no rule has that name.
  bool SetEnabled(std::string_view name, bool enabled);
  bool IsEnabled(std::string_view name) const;

  // Plans one stage: runs the enabled rules in the version's order.
  StagePlan Plan(const StagePlanningInput& input, const AqeConfig& config) const;

  std::vector<RuleTiming> Timings() const;

 private:
  struct Entry {
    std::unique_ptr<AdaptiveRule> rule;
    bool enabled = true;
    mutable std::atomic<int64_t> calls{0};
    mutable std::atomic<int64_t> total_ns{0};
  };
  const Entry* Find(std::string_view name) const;
  std::vector<std::unique_ptr<Entry>> entries_;
};

}  // namespace sparktune::engine::aqe
