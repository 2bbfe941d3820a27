// RenderValidationText(): the table `sparktune validate` prints: the splits
// side by side (test first), the floor and the knob classes as rows, then one
// row per workload; with --pairs, every prediction.
#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <set>

#include "reports/validate/validation_report.h"

namespace sparktune::reports {

namespace {

std::string Format(const char* format, ...) {
  char buffer[512];
  va_list args;
  va_start(args, format);
  std::vsnprintf(buffer, sizeof buffer, format, args);
  va_end(args);
  return buffer;
}

std::string Percent(double share) { return Format("%.1f%%", 100 * share); }

constexpr int kMinLabelWidth = 24;
constexpr const char* kCellHeader = "pairs   dur%  MB-s%   tau  inside d/m   calib d/m";

// One split's cell of a row: pairs, MAPE duration and MB-seconds, tau, coverage.
std::string Cell(const PairFigures& f, bool with_tau) {
  if (f.pairs == 0) return Format("%5s %6s %6s %5s %11s %11s", "-", "-", "-", "-", "-", "-");
  std::string tau = with_tau && f.tau_bases > 0 ? Format("%.2f", f.kendall_tau_mb_seconds) : "-";
  std::string inside =
      Format("%.0f/%.0f%%", 100 * f.coverage_duration, 100 * f.coverage_mb_seconds);
  std::string calibrated = f.calibrated_pairs == 0
                               ? std::string("-")
                               : Format("%.0f/%.0f%%", 100 * f.calibrated_coverage_duration,
                                        100 * f.calibrated_coverage_mb_seconds);
  return Format("%5d %6s %6s %5s %11s %11s", f.pairs, Percent(f.mape_duration).c_str(),
                Percent(f.mape_mb_seconds).c_str(), tau.c_str(), inside.c_str(),
                calibrated.c_str());
}

std::string FloorCell(const FloorFigures& f) {
  if (f.repeats == 0) return Format("%5s %6s %6s %5s %11s %11s", "-", "-", "-", "-", "-", "-");
  return Format("%5d %6s %6s %5s %11s %11s", f.repeats, Percent(f.mape_duration).c_str(),
                Percent(f.mape_mb_seconds).c_str(), "-", "-", "-");
}

const PairFigures* FindClass(const SplitSummary& s, const std::string& label) {
  for (const auto& [l, f] : s.knob_classes) {
    if (l == label) return &f;
  }
  return nullptr;
}

// Knob-class labels: single classes first, then combinations, in first-seen order.
std::vector<std::string> ClassLabels(const ValidationSummary& summary) {
  std::vector<std::string> labels;
  std::set<std::string> seen;
  for (bool multi : {false, true}) {
    for (const auto& s : summary.splits) {
      for (const auto& [label, f] : s.knob_classes) {
        bool is_multi = label.find('+') != std::string::npos;
        if (is_multi == multi && seen.insert(label).second) labels.push_back(label);
      }
    }
  }
  return labels;
}

void SplitTable(const ValidationSummary& summary, std::string* out) {
  std::vector<std::string> labels = ClassLabels(summary);
  int width = kMinLabelWidth;
  for (const auto& l : labels) width = std::max(width, static_cast<int>(l.size()) + 3);
  *out += Format("%-*s", width, "");
  for (const auto& s : summary.splits) *out += Format("   %-49s", s.split.c_str());
  *out += Format("\n%-*s", width, "");
  for (size_t i = 0; i < summary.splits.size(); ++i) *out += Format("   %s", kCellHeader);
  *out += "\n";
  auto row = [&](const std::string& label, auto cell) {
    *out += Format("%-*s", width, label.c_str());
    for (const auto& s : summary.splits) *out += "   " + cell(s);
    *out += "\n";
  };
  row("all pairs", [](const SplitSummary& s) { return Cell(s.all, true); });
  row("  one knob class", [](const SplitSummary& s) { return Cell(s.single_knob, false); });
  row("  multi-knob (>= 2)", [](const SplitSummary& s) { return Cell(s.multi_knob, false); });
  row("repeat floor", [](const SplitSummary& s) { return FloorCell(s.floor); });
  if (!labels.empty()) *out += "by knob class:\n";
  for (const auto& label : labels) {
    row("  " + label, [&](const SplitSummary& s) {
      const PairFigures* f = FindClass(s, label);
      return f ? Cell(*f, false) : Cell(PairFigures{}, false);
    });
  }
}

void WorkloadTable(const ValidationSummary& summary, std::string* out) {
  int width = kMinLabelWidth;
  for (const auto& w : summary.workloads)
    width = std::max(width, static_cast<int>(w.workload.size()) + 1);
  *out += Format("\n%-*s %-6s %s   %s\n", width, "by workload", "split", kCellHeader,
                 "floor: repeats  dur%  MB-s%");
  for (const auto& w : summary.workloads) {
    std::string floor = w.floor.repeats == 0 ? std::string("-")
                                             : Format("%14d %6s %6s", w.floor.repeats,
                                                      Percent(w.floor.mape_duration).c_str(),
                                                      Percent(w.floor.mape_mb_seconds).c_str());
    *out += Format("%-*s %-6s %s   %s\n", width, w.workload.c_str(), w.split.c_str(),
                   Cell(w.figures, true).c_str(), floor.c_str());
  }
}

void PairList(const ValidationInput& input, std::string* out) {
  *out += "\npairs (predicted vs median of the target's repeats):\n";
  for (const auto& p : input.pairs) {
    std::string classes;
    for (const auto& c : p.knob_classes) classes += (classes.empty() ? "" : "+") + c;
    *out += Format("  %s %s %s -> %s (%d): duration %.0f vs %.0f ms (%+.0f%%), MB-s %+.0f%%; %s\n",
                   p.split.c_str(), p.workload.c_str(), p.base_run.c_str(), p.target_config.c_str(),
                   p.target_repeats, p.predicted_duration_ms, p.actual_duration_ms,
                   100 * (p.predicted_duration_ms / p.actual_duration_ms - 1),
                   100 * (p.predicted_mb_seconds / p.actual_mb_seconds - 1), classes.c_str());
  }
}

}  // namespace

std::string RenderValidationText(const ValidationInput& input, const ValidationSummary& summary,
                                 bool with_pairs) {
  std::string out = Format(
      "%s: %d runs replayed, %zu predictions, each against the median of the target config's "
      "repeats; floor: each repeat against the median of the others (%zu repeats)\n",
      input.index_path.c_str(), input.runs, input.pairs.size(), input.repeats.size());
  if (!input.skipped.empty())
    out += Format("left out: %zu runs (--json lists why)\n", input.skipped.size());
  out +=
      "dur%, MB-s%: mean absolute percentage error; tau: Kendall's tau of MB-seconds per base run; "
      "inside d/m: actual inside the simulator's [low, high] (duration/MB-s); calib d/m: inside "
      "the interval calibrated on the train split (split conformal, --coverage)\n\n";
  if (summary.splits.empty()) {
    out += "no pairs: every workload needs runs of at least two configs\n";
    return out;
  }
  SplitTable(summary, &out);
  WorkloadTable(summary, &out);
  if (with_pairs) PairList(input, &out);
  return out;
}

}  // namespace sparktune::reports
