#include "advisor/search/objective.h"

namespace sparktune::search {

const char* ObjectiveName(ObjectiveKind kind) {
  switch (kind) {
    case ObjectiveKind::kMbSeconds:
      return "mb-seconds";
    case ObjectiveKind::kRuntime:
      return "runtime";
    case ObjectiveKind::kCost:
      return "cost";
  }
  return "mb-seconds";
}

std::optional<ObjectiveKind> ParseObjective(std::string_view name) {
  if (name == "mb-seconds" || name == "mbseconds" || name == "memory")
    return ObjectiveKind::kMbSeconds;
  if (name == "runtime" || name == "duration") return ObjectiveKind::kRuntime;
  if (name == "cost") return ObjectiveKind::kCost;
  return std::nullopt;
}

double CostOf(const Prices& prices, double mb_seconds, double core_seconds) {
  if (prices.sheet) {
    return prices::PriceOf(*prices.sheet, core_seconds / 3600.0, mb_seconds / 1024.0 / 3600.0);
  }
  return mb_seconds / 1024.0 / 3600.0 * prices.per_gb_hour +
         core_seconds / 3600.0 * prices.per_core_hour;
}

ObjectiveValue ObjectiveOf(ObjectiveKind kind, const Prices& prices,
                           const simulator::SimResult& r) {
  switch (kind) {
    case ObjectiveKind::kMbSeconds:
      return {r.mb_seconds, r.mb_seconds_low, r.mb_seconds_high};
    case ObjectiveKind::kRuntime:
      return {r.duration_ms, r.duration_ms_low, r.duration_ms_high};
    case ObjectiveKind::kCost: {
      double v = CostOf(prices, r.mb_seconds, r.core_seconds);
      double lo = r.mb_seconds > 0 ? v * r.mb_seconds_low / r.mb_seconds : v;
      double hi = r.mb_seconds > 0 ? v * r.mb_seconds_high / r.mb_seconds : v;
      return {v, lo, hi};
    }
  }
  return {};
}

}  // namespace sparktune::search
