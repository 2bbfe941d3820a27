// Objective: what `optimize` minimizes over the simulated runs of one app.
//   mb-seconds  container MiB x lifetime, executors + driver (engine/cost/app_cost.h)
//   runtime     application wall time (ms)
//   cost        money: GB-hours x price per GB-hour + core-hours x price per core-hour
//
// Prices default to illustrative on-demand cloud figures (an m5-class instance
// split between memory and cores, 2024): 0.0045 per GB-hour and 0.034 per
// core-hour; pass your own with --price-gb-hour / --price-core-hour.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "data/prices/price_sheet.h"
#include "simulator/result/sim_result.h"

namespace sparktune::search {

enum class ObjectiveKind { kMbSeconds, kRuntime, kCost };

struct Prices {
  double per_gb_hour = 0.0045;
  double per_core_hour = 0.034;
  // A price file (`--prices FILE`, data/prices/price_sheet.h) replaces the two figures above;
  // a compute-unit sheet bills max(core-hours / cu_vcpus, GB-hours / cu_gb) x per_cu_hour.
  std::optional<prices::PriceSheet> sheet;
};

const char* ObjectiveName(ObjectiveKind kind);  // "mb-seconds", "runtime", "cost"
std::optional<ObjectiveKind> ParseObjective(std::string_view name);

// Point value and the interval ends of the objective for one simulated run.
// Runtime and MB-seconds use SimResult's intervals; cost scales MB-seconds'
// interval (core-seconds follow the same lifetimes).
struct ObjectiveValue {
  double value = 0;
  double low = 0;
  double high = 0;
};
ObjectiveValue ObjectiveOf(ObjectiveKind kind, const Prices& prices, const simulator::SimResult& r);

// Money of a run (the `cost` objective's point value).
double CostOf(const Prices& prices, double mb_seconds, double core_seconds);

}  // namespace sparktune::search
