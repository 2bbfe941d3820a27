#include "simulator/calibration/cross_config_intervals.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <tuple>

#include "simulator/calibration/knob_classes.h"

namespace sparktune::simulator {

// Generated: cross_config_intervals_data.cc ("null" when no calibration was generated).
extern const char kCrossConfigIntervalsJson[];

namespace {

std::optional<CrossConfigIntervals> Parse(const char* text) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object()) return std::nullopt;
  auto d = ConformalTableFromJson(j.value("duration", nlohmann::json()), "duration");
  auto m = ConformalTableFromJson(j.value("mbSeconds", nlohmann::json()), "mbSeconds");
  if (!d.ok() || !m.ok()) return std::nullopt;
  CrossConfigIntervals t;
  t.calibrated_on = j.value("calibratedOn", "");
  t.pairs = j.value("pairs", 0);
  t.duration = std::move(*d);
  t.mb_seconds = std::move(*m);
  return t;
}

}  // namespace

const CrossConfigIntervals* ShippedCrossConfigIntervals() {
  static const std::optional<CrossConfigIntervals> table = Parse(kCrossConfigIntervalsJson);
  return table ? &*table : nullptr;
}

std::optional<CalibratedInterval> CalibratedIntervalFor(
    const std::map<std::string, std::string>& overrides, const SimResult& predicted,
    const CrossConfigIntervals* table) {
  if (table == nullptr) return std::nullopt;
  const std::vector<std::string> classes = KnobClassesOf(overrides);
  if (classes.empty()) return std::nullopt;
  CalibratedInterval out;
  out.group = ConformalGroup(classes);
  out.coverage = table->duration.coverage;
  if (!std::isfinite(table->duration.HalfWidth(out.group)) ||
      !std::isfinite(table->mb_seconds.HalfWidth(out.group))) {
    return std::nullopt;
  }
  auto n = table->duration.pairs.find(out.group);
  out.calibration_pairs =
      n != table->duration.pairs.end() && n->second >= table->duration.min_group_pairs ? n->second
      : table->duration.pairs.count(kAllPairsGroup) ? table->duration.pairs.at(kAllPairsGroup)
                                                    : 0;
  std::tie(out.duration_low_ms, out.duration_high_ms) =
      table->duration.Interval(out.group, predicted.duration_ms);
  std::tie(out.mb_seconds_low, out.mb_seconds_high) =
      table->mb_seconds.Interval(out.group, predicted.mb_seconds);
  return out;
}

}  // namespace sparktune::simulator
