// Order statistics over plain vectors: the project's one median and quantile.
//
// Contract: every function takes its input by value (callers keep theirs
// unsorted) and returns 0 for an empty input. Quantile(v, q) is the element of
// rank floor(q * (n - 1)) after sorting (no interpolation), so Quantile(v, 0.5)
// is the lower median for even n; Median(v) is the upper-middle element
// v[n / 2], the definition every model of this project was calibrated with;
// SparkMedian(v) is Spark's own (mean of the two middles), for code that
// mirrors a Spark decision.
// Thread-compatible: no state.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace sparktune::stats {

// The element at index n / 2 of the sorted input (upper middle for even n).
template <typename T>
T Median(std::vector<T> v) {
  if (v.empty()) return T{};
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
  return v[v.size() / 2];
}

// The element of rank floor(q * (n - 1)) of the sorted input; q is clamped to [0, 1].
template <typename T>
T Quantile(std::vector<T> v, double q) {
  if (v.empty()) return T{};
  q = std::clamp(q, 0.0, 1.0);
  auto k = static_cast<std::ptrdiff_t>(std::floor(q * static_cast<double>(v.size() - 1)));
  std::nth_element(v.begin(), v.begin() + k, v.end());
  return v[static_cast<size_t>(k)];
}

// Spark's Utils.median (core/src/main/scala/org/apache/spark/util/Utils.scala,
// 3.0-4.x; OptimizeSkewedJoin's medianSize): the middle element for odd n, the
// mean of the two middle elements for even n, in T's arithmetic (integer
// division for integers). Differs from Median() for even n on purpose: the
// engine's AQE rules must decide exactly as Spark does.
template <typename T>
T SparkMedian(std::vector<T> v) {
  if (v.empty()) return T{};
  std::sort(v.begin(), v.end());
  size_t n = v.size();
  return n % 2 == 0 ? (v[n / 2] + v[n / 2 - 1]) / 2 : v[n / 2];
}

// Median absolute deviation from the median (unscaled).
inline double MedianAbsDeviation(const std::vector<double>& v) {
  if (v.empty()) return 0;
  double m = Median(v);
  std::vector<double> dev;
  dev.reserve(v.size());
  for (double x : v) dev.push_back(std::abs(x - m));
  return Median(std::move(dev));
}

}  // namespace sparktune::stats
