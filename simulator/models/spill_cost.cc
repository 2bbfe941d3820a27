#include "simulator/models/spill_cost.h"

#include <algorithm>

namespace sparktune::simulator {

namespace {
// Bounds on the calibrated cost of a spilled MB (ms).
constexpr double kMinSpillMsPerMb = 1.0, kMaxSpillMsPerMb = 50.0;
}  // namespace

SpillCost PriceSpill(const StageCoefficients& app_level) {
  SpillCost c;
  double calibrated = app_level.beta[kFeatureSpilledMb];
  c.replanned_ms_per_mb = calibrated > 0
                              ? std::clamp(calibrated, kMinSpillMsPerMb, kMaxSpillMsPerMb)
                              : kPriorSpillMsPerMb;
  return c;
}

}  // namespace sparktune::simulator
