// AdaptiveRule: one AQE rule, as Spark names it, applied to the plan of one
// stage. A rule reads the StagePlanningInput (statistics and plan shape), the
// resolved AqeConfig and the version row, and rewrites the StagePlan in place
// (partition specs, join decisions, a decision log). Rules are pure functions of
// their inputs: no I/O, no global state, safe to call from several threads on
// distinct plans. The ordered, switchable list is AdaptiveRuleRegistry.
#pragma once

#include <string_view>

#include "engine/aqe/stage_plan.h"
#include "engine/aqe/stage_planning_input.h"
#include "engine/aqe_settings/aqe_config.h"
#include "engine/aqe_settings/aqe_version_table.h"

namespace sparktune::engine::aqe {

struct RuleContext {
  const StagePlanningInput& input;
  const AqeConfig& config;
  const AqeVersionBehavior& behavior;
};

class AdaptiveRule {
 public:
  virtual ~AdaptiveRule() = default;
  // Stable name: the Spark class name (rule_names in aqe_version_table.h).
  virtual std::string_view name() const = 0;
  // Rewrites `plan`; a rule that does not apply leaves it unchanged.
  virtual void Apply(const RuleContext& context, StagePlan* plan) const = 0;
};

}  // namespace sparktune::engine::aqe
