#include "simulator/models/gc_model.h"

#include <algorithm>

namespace sparktune::simulator {

double GcShareOfRun(double observed_fraction) { return std::clamp(observed_fraction, 0.0, 1.0); }

double LiveSetGcFraction(double live_mb, double fraction_per_live_gb, double max_fraction) {
  return std::min(max_fraction, fraction_per_live_gb * live_mb / 1024.0);
}

}  // namespace sparktune::simulator
