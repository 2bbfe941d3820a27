// Summarize(): the figures of `sparktune validate` from its pairs and repeat
// samples (validation_report.h states the definitions).
#include <algorithm>
#include <cmath>
#include <set>

#include "data/base/stats.h"
#include "reports/validate/validation_report.h"

namespace sparktune::reports {

namespace {

double RelativeError(double predicted, double actual) {
  return actual > 0 ? std::abs(predicted - actual) / actual : 0.0;
}

bool Inside(double value, double low, double high) { return value >= low && value <= high; }

// Order of splits in every table: the held-out figures first.
int SplitRank(const std::string& split) {
  if (split == "test") return 0;
  if (split == "train") return 1;
  return 2;
}

bool SplitBefore(const std::string& a, const std::string& b) {
  int ra = SplitRank(a), rb = SplitRank(b);
  return ra != rb ? ra < rb : a < b;
}

std::string ClassLabel(const std::vector<std::string>& classes) {
  if (classes.empty()) return "(none)";
  std::string label;
  for (const auto& c : classes) label += (label.empty() ? "" : "+") + c;
  return label;
}

// Mean of per-base-run Kendall taus over the pairs of one group.
void AddTau(const std::vector<const ValidationPair*>& pairs, PairFigures* f) {
  std::map<std::string, std::vector<const ValidationPair*>> by_base;
  for (const auto* p : pairs) by_base[p->workload + "\n" + p->base_run].push_back(p);
  double sum_duration = 0, sum_mb = 0;
  for (const auto& [base, group] : by_base) {
    if (group.size() < 2) continue;
    std::vector<double> pd, ad, pm, am;
    for (const auto* p : group) {
      pd.push_back(p->predicted_duration_ms);
      ad.push_back(p->actual_duration_ms);
      pm.push_back(p->predicted_mb_seconds);
      am.push_back(p->actual_mb_seconds);
    }
    sum_duration += KendallTau(pd, ad);
    sum_mb += KendallTau(pm, am);
    ++f->tau_bases;
  }
  if (f->tau_bases > 0) {
    f->kendall_tau_duration = sum_duration / f->tau_bases;
    f->kendall_tau_mb_seconds = sum_mb / f->tau_bases;
  }
}

PairFigures Figures(const std::vector<const ValidationPair*>& pairs, bool with_tau) {
  PairFigures f;
  for (const auto* p : pairs) {
    ++f.pairs;
    f.mape_duration += RelativeError(p->predicted_duration_ms, p->actual_duration_ms);
    f.mape_mb_seconds += RelativeError(p->predicted_mb_seconds, p->actual_mb_seconds);
    f.coverage_duration += Inside(p->actual_duration_ms, p->duration_low_ms, p->duration_high_ms);
    f.coverage_mb_seconds += Inside(p->actual_mb_seconds, p->mb_seconds_low, p->mb_seconds_high);
    if (p->has_calibrated) {
      ++f.calibrated_pairs;
      f.calibrated_coverage_duration += Inside(p->actual_duration_ms, p->calibrated_duration_low_ms,
                                               p->calibrated_duration_high_ms);
      f.calibrated_coverage_mb_seconds +=
          Inside(p->actual_mb_seconds, p->calibrated_mb_seconds_low, p->calibrated_mb_seconds_high);
    }
  }
  if (f.calibrated_pairs > 0) {
    f.calibrated_coverage_duration /= f.calibrated_pairs;
    f.calibrated_coverage_mb_seconds /= f.calibrated_pairs;
  }
  if (f.pairs > 0) {
    f.mape_duration /= f.pairs;
    f.mape_mb_seconds /= f.pairs;
    f.coverage_duration /= f.pairs;
    f.coverage_mb_seconds /= f.pairs;
  }
  if (with_tau) AddTau(pairs, &f);
  return f;
}

FloorFigures Floor(const std::vector<const RepeatSample*>& samples) {
  FloorFigures f;
  for (const auto* s : samples) {
    ++f.repeats;
    f.mape_duration += RelativeError(s->duration_ms, s->others_duration_ms);
    f.mape_mb_seconds += RelativeError(s->mb_seconds, s->others_mb_seconds);
  }
  if (f.repeats > 0) {
    f.mape_duration /= f.repeats;
    f.mape_mb_seconds /= f.repeats;
  }
  return f;
}

SplitSummary SummarizeSplit(const std::string& split,
                            const std::vector<const ValidationPair*>& pairs,
                            const std::vector<const RepeatSample*>& repeats) {
  SplitSummary s;
  s.split = split;
  s.all = Figures(pairs, true);
  std::vector<const ValidationPair*> single, multi;
  std::map<std::string, std::vector<const ValidationPair*>> by_single, by_multi;
  for (const auto* p : pairs) {
    if (p->knob_classes.size() >= 2) {
      multi.push_back(p);
      by_multi[ClassLabel(p->knob_classes)].push_back(p);
    } else {
      single.push_back(p);
      by_single[ClassLabel(p->knob_classes)].push_back(p);
    }
  }
  s.single_knob = Figures(single, false);
  s.multi_knob = Figures(multi, false);
  s.floor = Floor(repeats);
  for (const auto& [label, group] : by_single)
    s.knob_classes.emplace_back(label, Figures(group, false));
  for (const auto& [label, group] : by_multi)
    s.knob_classes.emplace_back(label, Figures(group, false));
  return s;
}

}  // namespace

double KendallTau(const std::vector<double>& a, const std::vector<double>& b) {
  int concordant = 0, discordant = 0;
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
    for (size_t j = i + 1; j < a.size() && j < b.size(); ++j) {
      double x = (a[i] - a[j]) * (b[i] - b[j]);
      if (x > 0) ++concordant;
      if (x < 0) ++discordant;
    }
  }
  int n = concordant + discordant;
  return n == 0 ? 1.0 : static_cast<double>(concordant - discordant) / n;
}

double MedianOfRepeats(const std::vector<double>& values) {
  if (values.empty()) return 0;
  return (stats::Quantile(values, 0.5) + stats::Median(values)) / 2;
}

ValidationSummary Summarize(const ValidationInput& input) {
  std::set<std::string, decltype(&SplitBefore)> splits(&SplitBefore);
  std::map<std::pair<std::string, std::string>, std::vector<const ValidationPair*>>
      pairs_by_workload;
  std::map<std::pair<std::string, std::string>, std::vector<const RepeatSample*>>
      repeats_by_workload;
  std::map<std::string, std::vector<const ValidationPair*>> pairs_by_split;
  std::map<std::string, std::vector<const RepeatSample*>> repeats_by_split;
  for (const auto& p : input.pairs) {
    splits.insert(p.split);
    pairs_by_split[p.split].push_back(&p);
    pairs_by_workload[{p.split, p.workload}].push_back(&p);
  }
  for (const auto& r : input.repeats) {
    splits.insert(r.split);
    repeats_by_split[r.split].push_back(&r);
    repeats_by_workload[{r.split, r.workload}].push_back(&r);
  }
  ValidationSummary out;
  for (const auto& split : splits) {
    out.splits.push_back(SummarizeSplit(split, pairs_by_split[split], repeats_by_split[split]));
  }
  std::set<std::pair<std::string, std::string>> workloads;
  for (const auto& [key, _] : pairs_by_workload) workloads.insert(key);
  for (const auto& [key, _] : repeats_by_workload) workloads.insert(key);
  for (const auto& key : workloads) {
    out.workloads.push_back({key.second, key.first, Figures(pairs_by_workload[key], true),
                             Floor(repeats_by_workload[key])});
  }
  std::stable_sort(out.workloads.begin(), out.workloads.end(),
                   [](const WorkloadSummary& a, const WorkloadSummary& b) {
                     return SplitRank(a.split) != SplitRank(b.split)
                                ? SplitRank(a.split) < SplitRank(b.split)
                                : a.split < b.split;
                   });
  return out;
}

}  // namespace sparktune::reports
