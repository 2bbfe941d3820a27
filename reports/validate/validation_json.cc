// RenderValidationJson(): the sparktune.validate/2 document: the figures per
// split (with the floor, single- and multi-knob pairs and knob classes), per
// workload, and, on request, every pair and repeat sample.
#include "reports/validate/validation_report.h"

namespace sparktune::reports {

namespace {

using nlohmann::json;

json FiguresJson(const PairFigures& f) {
  json j = {{"pairs", f.pairs},
            {"mapeDuration", f.mape_duration},
            {"mapeMbSeconds", f.mape_mb_seconds},
            {"coverageDuration", f.coverage_duration},
            {"coverageMbSeconds", f.coverage_mb_seconds}};
  if (f.calibrated_pairs > 0) {
    j["calibratedPairs"] = f.calibrated_pairs;
    j["calibratedCoverageDuration"] = f.calibrated_coverage_duration;
    j["calibratedCoverageMbSeconds"] = f.calibrated_coverage_mb_seconds;
  }
  if (f.tau_bases > 0) {
    j["tauBaseRuns"] = f.tau_bases;
    j["kendallTauDuration"] = f.kendall_tau_duration;
    j["kendallTauMbSeconds"] = f.kendall_tau_mb_seconds;
  }
  return j;
}

json FloorJson(const FloorFigures& f) {
  return {{"repeats", f.repeats},
          {"mapeDuration", f.mape_duration},
          {"mapeMbSeconds", f.mape_mb_seconds}};
}

json PairJson(const ValidationPair& p) {
  json j = {{"workload", p.workload},
            {"split", p.split},
            {"base", p.base_run},
            {"baseConfig", p.base_config},
            {"targetConfig", p.target_config},
            {"knobClasses", p.knob_classes},
            {"multiKnob", p.knob_classes.size() >= 2},
            {"overrides", p.overrides},
            {"targetRepeats", p.target_repeats},
            {"predictedDurationMs", p.predicted_duration_ms},
            {"durationLowMs", p.duration_low_ms},
            {"durationHighMs", p.duration_high_ms},
            {"actualDurationMs", p.actual_duration_ms},
            {"predictedMbSeconds", p.predicted_mb_seconds},
            {"mbSecondsLow", p.mb_seconds_low},
            {"mbSecondsHigh", p.mb_seconds_high},
            {"actualMbSeconds", p.actual_mb_seconds}};
  if (p.has_calibrated) {
    j["calibrated"] = {{"durationLowMs", p.calibrated_duration_low_ms},
                       {"durationHighMs", p.calibrated_duration_high_ms},
                       {"mbSecondsLow", p.calibrated_mb_seconds_low},
                       {"mbSecondsHigh", p.calibrated_mb_seconds_high}};
  }
  return j;
}

json RepeatJson(const RepeatSample& r) {
  return {{"workload", r.workload},      {"split", r.split},
          {"config", r.config},          {"run", r.run},
          {"durationMs", r.duration_ms}, {"othersMedianDurationMs", r.others_duration_ms},
          {"mbSeconds", r.mb_seconds},   {"othersMedianMbSeconds", r.others_mb_seconds}};
}

}  // namespace

json RenderValidationJson(const ValidationInput& input, const ValidationSummary& summary,
                          bool with_pairs) {
  json out;
  out["schema"] = "sparktune.validate/2";
  out["index"] = input.index_path;
  out["runs"] = input.runs;
  out["skipped"] = input.skipped;
  out["definitions"] = {
      {"actual",
       "median of the target config's repeats (mean of the two middles for an even count)"},
      {"floor", "each repeat against the median of the other repeats of its config"},
      {"multiKnob", "the target differs from the base run in knobs of two or more classes"},
      {"coverage", "share of pairs whose actual lies inside the prediction's [low, high]"},
      {"calibratedCoverage",
       "the same for the interval calibrated on the train split's pairs (split conformal on "
       "|ln(actual / predicted)| per knob class; `calibration` holds the half-widths)"},
      {"kendallTau", "per base run over its targets, averaged over base runs"}};
  json splits = json::array();
  for (const auto& s : summary.splits) {
    json classes = json::array();
    for (const auto& [label, f] : s.knob_classes) {
      json c = FiguresJson(f);
      c["knobClass"] = label;
      c["multiKnob"] = label.find('+') != std::string::npos;
      classes.push_back(c);
    }
    splits.push_back({{"split", s.split},
                      {"all", FiguresJson(s.all)},
                      {"singleKnob", FiguresJson(s.single_knob)},
                      {"multiKnob", FiguresJson(s.multi_knob)},
                      {"floor", FloorJson(s.floor)},
                      {"knobClasses", classes}});
  }
  out["splits"] = splits;
  out["calibration"] = input.calibration;
  json workloads = json::array();
  for (const auto& w : summary.workloads) {
    json j = FiguresJson(w.figures);
    j["workload"] = w.workload;
    j["split"] = w.split;
    j["floor"] = FloorJson(w.floor);
    workloads.push_back(j);
  }
  out["workloads"] = workloads;
  if (with_pairs) {
    json pairs = json::array();
    for (const auto& p : input.pairs) pairs.push_back(PairJson(p));
    json repeats = json::array();
    for (const auto& r : input.repeats) repeats.push_back(RepeatJson(r));
    out["pairs"] = pairs;
    out["repeats"] = repeats;
  }
  return out;
}

}  // namespace sparktune::reports
