// Advice: plan-level recommendations for one application, each with the
// evidence from the log that supports it and, where the simulator can price
// it, a predicted saving (the simulated change and its effect). Advisors are
// one class per file behind the Advisor interface, listed in order in
// advice_registry.cc; each can be switched off by id.
//
//   broadcast-small-join   a sort-merge join whose small side is small enough to broadcast
//   skewed-join            a join whose shuffle has a partition far above the median
//   bucket-repeated-shuffle a table shuffled on the same keys by several queries
//   small-file-writes      a write that produced many small files
//   cache-repeated-scan    the same scan read by several queries
//   filter-above-join      a filter on one side's columns applied after a join
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "data/model/application.h"
#include "engine/plan/engine_plan.h"
#include "reports/optimize/plan_advice.h"
#include "simulator/result/sim_result.h"
#include "simulator/workload/app_simulator.h"

namespace sparktune::advice {

// The advice itself is plain data the renderers read (reports/optimize/plan_advice.h).
using Advice = reports::PlanAdvice;

struct AdviceContext {
  const model::Application& app;
  const engine::plan::EnginePlan& plan;
  const simulator::AppSimulator& sim;
  const simulator::SimResult& baseline;  // the log's config, simulated
};

class Advisor {
 public:
  virtual ~Advisor() = default;
  virtual std::string_view id() const = 0;
  virtual std::vector<Advice> Advise(const AdviceContext& ctx) const = 0;
};

// Prices `a.config` with the simulator (sets mb_seconds_pct, duration_pct and
// priced) when it is not empty.
void PriceWithSimulator(const AdviceContext& ctx, Advice& a);

}  // namespace sparktune::advice
