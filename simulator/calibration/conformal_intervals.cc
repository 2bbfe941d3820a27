#include "simulator/calibration/conformal_intervals.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sparktune::simulator {

namespace {

// The ceil((n + 1) x coverage)-th smallest score (1-based), infinite when that rank exceeds n:
// split conformal's finite-sample quantile.
double ConformalQuantile(std::vector<double> scores, double coverage) {
  if (scores.empty()) return std::numeric_limits<double>::infinity();
  std::sort(scores.begin(), scores.end());
  const double n = static_cast<double>(scores.size());
  const auto rank = static_cast<size_t>(std::ceil((n + 1) * coverage));
  if (rank > scores.size()) return std::numeric_limits<double>::infinity();
  return scores[std::max<size_t>(rank, 1) - 1];
}

}  // namespace

double ConformalTable::HalfWidth(const std::string& group) const {
  auto n = pairs.find(group);
  auto q = half_width.find(group);
  if (n != pairs.end() && q != half_width.end() && n->second >= min_group_pairs &&
      std::isfinite(q->second)) {
    return q->second;
  }
  auto all = half_width.find(kAllPairsGroup);
  return all != half_width.end() ? all->second : std::numeric_limits<double>::infinity();
}

std::pair<double, double> ConformalTable::Interval(const std::string& group,
                                                   double predicted) const {
  const double q = HalfWidth(group);
  if (!std::isfinite(q)) return {0, std::numeric_limits<double>::infinity()};
  return {predicted * std::exp(-q), predicted * std::exp(q)};
}

std::string ConformalGroup(const std::vector<std::string>& knob_classes) {
  if (knob_classes.empty()) return kAllPairsGroup;
  if (knob_classes.size() >= 2) return kMultiKnobGroup;
  return knob_classes.front();
}

ConformalTable CalibrateConformal(const std::vector<ConformalSample>& samples, double coverage,
                                  int min_group_pairs) {
  ConformalTable table;
  table.coverage = coverage;
  table.min_group_pairs = min_group_pairs;
  std::map<std::string, std::vector<double>> scores;
  for (const ConformalSample& s : samples) {
    if (!(s.predicted > 0) || !(s.actual > 0)) continue;
    const double score = std::abs(std::log(s.actual / s.predicted));
    scores[kAllPairsGroup].push_back(score);
    if (s.group != kAllPairsGroup) scores[s.group].push_back(score);
  }
  for (auto& [group, v] : scores) {
    table.pairs[group] = static_cast<int>(v.size());
    table.half_width[group] = ConformalQuantile(std::move(v), coverage);
  }
  return table;
}

nlohmann::json ConformalTableJson(const ConformalTable& table) {
  nlohmann::json groups = nlohmann::json::object();
  for (const auto& [group, q] : table.half_width) {
    const bool finite = std::isfinite(q);
    groups[group] = {{"halfWidthLn", finite ? nlohmann::json(q) : nlohmann::json(nullptr)},
                     {"factor", finite ? nlohmann::json(std::exp(q)) : nlohmann::json(nullptr)},
                     {"pairs", table.pairs.at(group)}};
  }
  return {
      {"coverage", table.coverage}, {"minGroupPairs", table.min_group_pairs}, {"groups", groups}};
}

Result<ConformalTable> ConformalTableFromJson(const nlohmann::json& j, const std::string& where) {
  auto bad = [&](const std::string& what) { return Status::InvalidArgument(where + ": " + what); };
  if (!j.is_object() || !j.contains("groups") || !j["groups"].is_object())
    return bad("expected an object with \"coverage\", \"minGroupPairs\" and \"groups\"");
  ConformalTable t;
  if (!j.value("coverage", nlohmann::json()).is_number())
    return bad("\"coverage\" must be a number");
  t.coverage = j["coverage"].get<double>();
  if (!(t.coverage > 0 && t.coverage < 1)) return bad("\"coverage\" must be in (0, 1)");
  t.min_group_pairs = j.value("minGroupPairs", kMinConformalGroupPairs);
  for (const auto& [group, g] : j["groups"].items()) {
    if (!g.is_object() || !g.contains("pairs") || !g["pairs"].is_number_integer())
      return bad("group \"" + group + "\" needs \"halfWidthLn\" and an integer \"pairs\"");
    const nlohmann::json q = g.value("halfWidthLn", nlohmann::json());
    if (!q.is_null() && !(q.is_number() && q.get<double>() >= 0))
      return bad("group \"" + group + "\": \"halfWidthLn\" must be a number >= 0 or null");
    t.half_width[group] = q.is_null() ? std::numeric_limits<double>::infinity() : q.get<double>();
    t.pairs[group] = g["pairs"].get<int>();
  }
  if (!t.half_width.count(kAllPairsGroup)) return bad("no \"all\" group");
  return t;
}

}  // namespace sparktune::simulator
