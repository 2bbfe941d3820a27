#include "advisor/search/paired_interval.h"

#include <algorithm>

namespace sparktune::search {

RatioInterval PairedRatio(double base, double base_low, double base_high, double value, double low,
                          double high) {
  RatioInterval r;
  if (base <= 0 || value <= 0) return r;
  r.ratio = value / base;
  // The part of the config's relative width beyond the baseline's, on each side.
  const double excess_high = std::max(0.0, (high - base_high * r.ratio) / value);
  const double excess_low = std::max(0.0, (base_low * r.ratio - low) / value);
  r.high = r.ratio * (1.0 + excess_high);
  r.low = r.ratio * std::max(0.0, 1.0 - excess_low);
  return r;
}

}  // namespace sparktune::search
