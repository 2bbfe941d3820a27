#include "engine/plan/shuffle_size_model.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "data/base/stats.h"

namespace sparktune::engine::plan {

namespace {

// Spark's median of the sizes (OptimizeSkewedJoin.medianSize), floored at 1.
int64_t Median(std::vector<int64_t> v) {
  return std::max<int64_t>(stats::SparkMedian(std::move(v)), 1);
}

// Largest-remainder apportionment of `total` units over `weights`, each >= 1 when
// total >= weights.size().
std::vector<int> Apportion(const std::vector<int64_t>& weights, int total) {
  const int n = static_cast<int>(weights.size());
  std::vector<int> out(n, 0);
  if (n == 0) return out;
  int base = total >= n ? 1 : 0;
  int left = total - base * n;
  double sum = 0;
  for (int64_t w : weights) sum += static_cast<double>(std::max<int64_t>(w, 0));
  std::vector<std::pair<double, int>> frac;
  int given = 0;
  for (int i = 0; i < n; ++i) {
    double share = sum > 0 ? left * static_cast<double>(std::max<int64_t>(weights[i], 0)) / sum
                           : static_cast<double>(left) / n;
    int whole = static_cast<int>(std::floor(share));
    out[i] = base + whole;
    given += whole;
    frac.push_back({share - whole, i});
  }
  std::sort(frac.begin(), frac.end(), [](auto& a, auto& b) {
    return a.first > b.first || (a.first == b.first && a.second < b.second);
  });
  for (int k = 0; k < left - given && k < n; ++k) out[frac[k].second] += 1;
  return out;
}

}  // namespace

ShuffleSizeModel ShuffleSizeModel::FromPartitionSizes(const std::vector<int64_t>& sizes) {
  ShuffleSizeModel m;
  m.observed_partitions_ = static_cast<int>(sizes.size());
  const int64_t median = Median(sizes);
  const double mean =
      sizes.empty() ? 0
                    : static_cast<double>(std::accumulate(sizes.begin(), sizes.end(), int64_t{0})) /
                          static_cast<double>(sizes.size());
  m.cumulative_.assign(sizes.size() + 1, 0);
  for (size_t i = 0; i < sizes.size(); ++i) {
    int64_t s = sizes[i];
    bool heavy = static_cast<double>(s) > kHeavyFactor * static_cast<double>(median) &&
                 static_cast<double>(s) > mean;
    if (heavy) m.heavy_.push_back({static_cast<double>(i) / static_cast<double>(sizes.size()), s});
    m.cumulative_[i + 1] = m.cumulative_[i] + (heavy ? 0 : s);
  }
  return m;
}

std::vector<int> CoalescedReadWidths(const std::vector<int64_t>& reads, int num_partitions,
                                     int64_t single_above) {
  const int k = static_cast<int>(reads.size());
  std::vector<int> widths(k, 0);
  if (k == 0 || num_partitions <= 0) return widths;
  if (k >= num_partitions) {
    for (int j = 0; j < std::min(k, num_partitions); ++j) widths[j] = 1;
    return widths;
  }
  std::vector<int64_t> weights;
  std::vector<int> small;
  int singles = 0;
  for (int j = 0; j < k; ++j) {
    if (single_above > 0 && reads[j] > single_above) {
      widths[j] = 1;
      ++singles;
    } else {
      small.push_back(j);
      weights.push_back(reads[j]);
    }
  }
  if (small.empty()) {
    // Every read is above the target: the extra partitions are empty ones in between.
    widths.assign(k, 1);
    widths[k - 1] += num_partitions - k;
  } else {
    std::vector<int> w = Apportion(weights, num_partitions - singles);
    for (size_t i = 0; i < small.size(); ++i) widths[small[i]] = w[i];
  }
  return widths;
}

std::vector<double> BoundaryFractions(const std::vector<int64_t>& reads,
                                      const std::vector<int>& widths, int64_t target) {
  std::vector<double> out(reads.size(), 0.0);
  for (size_t j = 1; j < reads.size() && j < widths.size(); ++j) {
    if (widths[j] < 2 || reads[j] <= 0 || target <= 0 || reads[j - 1] > target) continue;
    const double needed = static_cast<double>(target - reads[j - 1] + 1);
    const double even = static_cast<double>(reads[j]) / widths[j];
    if (needed > even) out[j] = std::min(1.0, needed / static_cast<double>(reads[j]));
  }
  return out;
}

std::vector<int64_t> SpreadOverWidths(const std::vector<int64_t>& reads,
                                      const std::vector<int>& widths, int num_partitions,
                                      const std::vector<double>& first_fractions) {
  std::vector<int64_t> sizes;
  for (size_t j = 0; j < reads.size(); ++j) {
    int w = j < widths.size() ? std::max(widths[j], 0) : 0;
    if (w == 0) {
      if (!sizes.empty())
        sizes.back() += reads[j];
      else if (num_partitions > 0)
        sizes.push_back(reads[j]);
      continue;
    }
    double fraction = j < first_fractions.size() ? first_fractions[j] : 0.0;
    if (fraction > 0 && w >= 2) {
      int64_t first = static_cast<int64_t>(std::ceil(fraction * static_cast<double>(reads[j])));
      first = std::min(first, reads[j]);
      int64_t rest = reads[j] - first;
      sizes.push_back(first);
      int64_t each = rest / (w - 1);
      int64_t extra = rest - each * (w - 1);
      for (int t = 0; t < w - 1; ++t) sizes.push_back(each + (t < extra ? 1 : 0));
      continue;
    }
    int64_t each = reads[j] / w;
    int64_t extra = reads[j] - each * w;
    for (int t = 0; t < w; ++t) sizes.push_back(each + (t < extra ? 1 : 0));
  }
  if (static_cast<int>(sizes.size()) > num_partitions && num_partitions > 0) {
    for (size_t j = num_partitions; j < sizes.size(); ++j) sizes[num_partitions - 1] += sizes[j];
  }
  sizes.resize(std::max(num_partitions, 0), 0);
  return sizes;
}

std::vector<int64_t> SpreadCoalescedReads(const std::vector<int64_t>& reads, int num_partitions,
                                          int64_t single_above) {
  return SpreadOverWidths(reads, CoalescedReadWidths(reads, num_partitions, single_above),
                          num_partitions);
}

ShuffleSizeModel ShuffleSizeModel::FromCoalescedReads(const std::vector<int64_t>& reads,
                                                      int num_partitions, int64_t single_above) {
  return FromPartitionSizes(SpreadCoalescedReads(reads, num_partitions, single_above));
}

ShuffleSizeModel ShuffleSizeModel::Uniform(int64_t total, int num_partitions) {
  std::vector<int64_t> sizes(std::max(num_partitions, 0), 0);
  for (int i = 0; i < num_partitions; ++i)
    sizes[i] = total / num_partitions + (i < total % num_partitions ? 1 : 0);
  ShuffleSizeModel m;
  m.observed_partitions_ = num_partitions;
  m.cumulative_.assign(sizes.size() + 1, 0);
  for (size_t i = 0; i < sizes.size(); ++i) m.cumulative_[i + 1] = m.cumulative_[i] + sizes[i];
  return m;
}

int64_t ShuffleSizeModel::total_bytes() const {
  int64_t t = remainder_bytes();
  for (const auto& h : heavy_) t += h.bytes;
  return t;
}

std::vector<int64_t> ShuffleSizeModel::Regenerate(int n) const {
  std::vector<int64_t> out(std::max(n, 0), 0);
  if (n <= 0) return out;
  const int r = observed_partitions_;
  if (r > 0) {
    // Cumulative remainder at fractional index x in [0, r], linear inside a partition.
    auto cum = [&](double x) -> double {
      if (x <= 0) return 0;
      if (x >= r) return static_cast<double>(cumulative_[r]);
      int i = static_cast<int>(std::floor(x));
      double f = x - i;
      return static_cast<double>(cumulative_[i]) +
             f * static_cast<double>(cumulative_[i + 1] - cumulative_[i]);
    };
    int64_t prev = 0;
    for (int i = 0; i < n; ++i) {
      int64_t next =
          i + 1 == n ? cumulative_[r]
                     : static_cast<int64_t>(std::llround(cum(static_cast<double>(i + 1) * r / n)));
      out[i] = next - prev;
      prev = next;
    }
  }
  for (const HeavyPartition& h : heavy_) {
    int idx = std::min(n - 1, static_cast<int>(std::floor(h.position * n + 1e-9)));
    out[idx] += h.bytes;
  }
  return out;
}

}  // namespace sparktune::engine::plan
