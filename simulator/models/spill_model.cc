#include "simulator/models/spill_model.h"

#include <algorithm>
#include <vector>

#include "data/base/stats.h"
#include "data/config/config_catalog.h"

namespace sparktune::simulator {

namespace keys = config::keys;

namespace {

constexpr double kMib = 1024.0 * 1024.0;
// UnifiedMemoryManager.RESERVED_SYSTEM_MEMORY_BYTES (1.6-4.x).
constexpr double kReservedMib = 300.0;
// Upper bound of in-memory bytes per compressed shuffle/input byte: shuffle
// data compresses 5-30x and operators need ~2x scratch (seed-cases.md, eBay).
constexpr double kMaxExpansion = 30.0;
// In-memory bytes per processed byte when nothing spilled and the tasks read
// too alike a volume for the slope of peak memory to show it: a task's peak
// is then mostly the operator's first pages (a hash map or sort buffer is
// allocated whole: 2000 partitions of 0.16 MB each peaked at 33.8 MB in the
// ground truth's w1), so peak/bytes says nothing about growth. Where the
// ground truth shows the slope it is 1.2-1.6 (w1 with AQE: 62 MB read, 100.7
// MB peak; 11 MB read, 37.7 MB peak); we take 2.
constexpr double kPriorExpansion = 2.0;
// A footprint this many times the memory cannot be spilled down (see OutOfMemoryRisk).
constexpr double kUnspillableFactor = 8.0;

}  // namespace

double ExecutionMemoryPerTaskMib(const engine::EffectiveConfig& c, int cores, int task_cpus,
                                 bool local) {
  // In local mode the tasks run in the driver's heap.
  double heap = static_cast<double>(
                    c.GetBytes(std::string(local ? keys::kDriverMemory : keys::kExecutorMemory))) /
                kMib;
  double fraction = c.GetDouble(std::string(keys::kMemoryFraction), 0.6);
  int slots = std::max(1, cores / std::max(1, task_cpus));
  return std::max(0.0, (heap - kReservedMib) * fraction) / slots;
}

double SpillVolumeBytes(double input_bytes, double shuffle_read_bytes, double shuffle_write_bytes) {
  double read = input_bytes + shuffle_read_bytes;
  return read > 0 ? read : shuffle_write_bytes;
}

double SpillModel::SpilledBytes(double bytes, double memory) const {
  const double footprint = bytes * expansion;
  if (semantics == SpillSemantics::kAggregationMap) return footprint > memory ? footprint : 0.0;
  return std::max(0.0, footprint - memory);
}

bool SpillModel::OutOfMemoryRisk(double bytes, double memory) const {
  double footprint = bytes * expansion;
  return memory > 0 && footprint > kUnspillableFactor * memory &&
         footprint > kUnspillableFactor * memory_obs && expansion > 0;
}

SpillEvidence MeasureSpill(const model::Application& app, const model::StageAttempt& s,
                           SpillSemantics semantics) {
  SpillEvidence m;
  m.semantics = semantics;
  std::vector<double> ratios, bytes_all, peaks, peak_abs;
  double spill_total = 0;
  for (uint32_t ti : s.tasks) {
    const model::Task& t = app.tasks[ti];
    double bytes = SpillVolumeBytes(static_cast<double>(t.metrics.input_bytes),
                                    static_cast<double>(t.metrics.shuffle_read_bytes()),
                                    static_cast<double>(t.metrics.shuffle_bytes_written));
    if (t.status != model::TaskStatus::kSuccess || bytes <= 0) continue;
    double spilled = static_cast<double>(t.metrics.memory_bytes_spilled);
    bytes_all.push_back(bytes);
    spill_total += spilled;
    if (spilled > 0) ratios.push_back(spilled / bytes);
    peak_abs.push_back(static_cast<double>(t.metrics.peak_execution_memory));
    if (t.metrics.peak_execution_memory > 0)
      peaks.push_back(static_cast<double>(t.metrics.peak_execution_memory) / bytes);
  }
  if (!ratios.empty() && semantics == SpillSemantics::kAggregationMap) {
    // Each spilling task spilled its whole footprint: the expansion is the spilled bytes per
    // byte, and the memory was below the smallest footprint that spilled.
    m.from_spills = true;
    m.expansion = std::min(kMaxExpansion, stats::Median(ratios));
    double smallest = -1;
    for (uint32_t ti : s.tasks) {
      const model::Task& t = app.tasks[ti];
      if (t.status != model::TaskStatus::kSuccess || t.metrics.memory_bytes_spilled <= 0) continue;
      double b = SpillVolumeBytes(static_cast<double>(t.metrics.input_bytes),
                                  static_cast<double>(t.metrics.shuffle_read_bytes()),
                                  static_cast<double>(t.metrics.shuffle_bytes_written));
      if (b <= 0) continue;
      double f = m.expansion * b;
      smallest = smallest < 0 ? f : std::min(smallest, f);
    }
    m.solved_memory = 0.999 * smallest;
  } else if (!ratios.empty()) {
    m.from_spills = true;
    m.expansion = std::min(kMaxExpansion, 1.5 * stats::Median(ratios));
    // Solve sum(max(0, e*b - M)) = observed spill for M by bisection.
    double hi = 0;
    for (double b : bytes_all) hi = std::max(hi, m.expansion * b);
    double lo = 0;
    for (int it = 0; it < 60; ++it) {
      double mid = 0.5 * (lo + hi), sum = 0;
      for (double b : bytes_all) sum += std::max(0.0, m.expansion * b - mid);
      (sum > spill_total ? lo : hi) = mid;
    }
    m.solved_memory = 0.5 * (lo + hi);
  } else if (!peaks.empty()) {
    // Nothing spilled. Peak execution memory = fixed pages + e x bytes: the
    // slope, not the ratio, is the expansion (small tasks carry whole pages).
    m.from_peaks = true;
    double n = static_cast<double>(bytes_all.size()), sb = 0, sp = 0, sbb = 0, sbp = 0;
    for (size_t i = 0; i < bytes_all.size() && i < peak_abs.size(); ++i) {
      sb += bytes_all[i];
      sp += peak_abs[i];
      sbb += bytes_all[i] * bytes_all[i];
      sbp += bytes_all[i] * peak_abs[i];
    }
    double var = sbb / n - (sb / n) * (sb / n);
    double mean_b = sb / n;
    if (peak_abs.size() == bytes_all.size() && n >= 3 && var > 0.01 * mean_b * mean_b) {
      m.expansion = std::clamp((sbp / n - (sb / n) * (sp / n)) / var, 0.0, kMaxExpansion);
    } else {
      m.expansion = std::min({kMaxExpansion, kPriorExpansion, stats::Median(peaks)});
    }
    for (double b : bytes_all) m.largest_footprint = std::max(m.largest_footprint, m.expansion * b);
  }
  return m;
}

SpillModel ResolveSpill(const SpillEvidence& evidence, double share_obs) {
  SpillModel m;
  m.semantics = evidence.semantics;
  m.expansion = evidence.expansion;
  if (evidence.from_spills && evidence.semantics == SpillSemantics::kAggregationMap) {
    // The memory held no spilling footprint: at most the nominal share, below the smallest.
    m.memory_obs = std::min(share_obs, evidence.solved_memory);
  } else if (evidence.from_spills) {
    m.memory_obs = evidence.solved_memory;
  } else if (evidence.from_peaks) {
    // Every footprint fitted in memory at the observed config.
    m.memory_obs = std::max(share_obs, evidence.largest_footprint);
  }
  return m;
}

SpillModel CalibrateSpill(const model::Application& app, const model::StageAttempt& s,
                          double share_obs) {
  return ResolveSpill(MeasureSpill(app, s), share_obs);
}

}  // namespace sparktune::simulator
