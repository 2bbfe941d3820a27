// Characterization (golden) tests of AppSimulator::Run on real logs.
//
// Every log of tests/simulator/golden/app_simulator_cases.json is replayed
// under every override set of that file, and each SimResult is compared with
// the one recorded in tests/simulator/golden/app_simulator/<log>.json:
// duration, time inside jobs, MB- and core-seconds, both intervals, spill,
// GC, the OOM flag and the notes; per stage its job, simulated and observed
// task counts, start, end, task time, spill, GC, evidence and the "why" text,
// and its task-time terms (which must add up to its task time plus cold
// starts); per executor its lifetime, cores and container size. Numbers must agree to
// a relative 1e-9 (any figure change shows; only rounding noise passes);
// counts and text exactly.
//
// The recorded results are what the code produced when they were written,
// not a judgement that they are right: the test guards refactorings. After a
// deliberate change of figures, regenerate them (and say why in the commit):
//
//   SPARKTUNE_UPDATE_GOLDEN=1 build/tests/sparktune_tests
//       --gtest_filter='RealLogs/AppSimulatorGolden.*'      (one command line)
//
// A log under ../shared/eventlogs that is absent on this machine is skipped.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "data/eventlog/event_log_reader.h"
#include "simulator/workload/app_simulator.h"
#include "tests/test_paths.h"

namespace sparktune::simulator {
namespace {

using nlohmann::json;

constexpr double kRelativeTolerance = 1e-9;

std::string GoldenDir() { return testing::SourceDir() + "/tests/simulator/golden"; }

json ReadJson(const std::string& path) {
  std::ifstream in(path);
  if (!in) return json();
  return json::parse(in, nullptr, /*allow_exceptions=*/false);
}

struct GoldenLog {
  std::string name;
  std::string path;  // absolute
};
void PrintTo(const GoldenLog& log, std::ostream* os) { *os << log.name; }

std::vector<GoldenLog> CaseLogs() {
  json cases = ReadJson(GoldenDir() + "/app_simulator_cases.json");
  std::vector<GoldenLog> out;
  if (!cases.is_object()) return out;
  for (const json& l : cases["logs"]) {
    std::string path = l["path"].get<std::string>();
    const std::string shared = "shared/";
    path = path.starts_with(shared) ? testing::SharedEventLogs() + "/" + path.substr(shared.size())
                                    : testing::SourceDir() + "/" + path;
    out.push_back({l["name"].get<std::string>(), path});
  }
  return out;
}

std::vector<std::pair<std::string, std::map<std::string, std::string>>> OverrideSets() {
  json cases = ReadJson(GoldenDir() + "/app_simulator_cases.json");
  std::vector<std::pair<std::string, std::map<std::string, std::string>>> out;
  for (const json& o : cases["overrides"]) {
    std::map<std::string, std::string> set;
    for (auto& [k, v] : o["set"].items()) set[k] = v.get<std::string>();
    out.emplace_back(o["name"].get<std::string>(), set);
  }
  return out;
}

// The SimResult as a JSON object: scalars by name, stages and executors as
// rows (one line each in the file).
json ToJson(const SimResult& r) {
  json j;
  j["duration_ms"] = r.duration_ms;
  j["job_time_ms"] = r.job_time_ms;
  j["mb_seconds"] = r.mb_seconds;
  j["core_seconds"] = r.core_seconds;
  j["duration_ms_low"] = r.duration_ms_low;
  j["duration_ms_high"] = r.duration_ms_high;
  j["mb_seconds_low"] = r.mb_seconds_low;
  j["mb_seconds_high"] = r.mb_seconds_high;
  j["spill_bytes"] = r.spill_bytes;
  j["gc_ms"] = r.gc_ms;
  j["oom_risk"] = r.oom_risk;
  j["notes"] = r.notes;
  j["stages"] = json::array();
  for (const StageTimeline& s : r.stages) {
    j["stages"].push_back(
        json::array({s.stage_id, s.job_id, s.tasks, s.observed_tasks, s.start_ms, s.end_ms,
                     s.task_time_ms, s.spill_bytes, s.gc_ms, s.evidence, s.why}));
  }
  // Per stage: the task-time terms (fixed, data, fetch, spill, GC, cold start).
  j["terms"] = json::array();
  for (const StageTimeline& s : r.stages) {
    const TaskTimeTerms& t = s.terms;
    j["terms"].push_back(
        json::array({t.fixed_ms, t.data_ms, t.fetch_ms, t.spill_ms, t.gc_ms, t.cold_start_ms}));
  }
  j["executors"] = json::array();
  for (const ExecutorLifetime& e : r.executors) {
    j["executors"].push_back(json::array({e.id, e.start_ms, e.end_ms, e.cores, e.container_mib}));
  }
  return j;
}

// The file: one case per override set, each stage and executor row on a line.
std::string Serialize(const std::vector<std::pair<std::string, json>>& cases) {
  std::ostringstream out;
  out << "{\n";
  for (size_t c = 0; c < cases.size(); ++c) {
    const json& r = cases[c].second;
    out << "  " << json(cases[c].first).dump() << ": {\n";
    for (auto& [k, v] : r.items()) {
      if (k == "stages" || k == "terms" || k == "executors" || k == "notes") continue;
      out << "    " << json(k).dump() << ": " << v.dump() << ",\n";
    }
    for (const char* rows : {"notes", "stages", "terms", "executors"}) {
      out << "    \"" << rows << "\": [";
      const json& a = r[rows];
      for (size_t i = 0; i < a.size(); ++i) out << (i ? ",\n      " : "\n      ") << a[i].dump();
      out << (a.empty() ? "]" : "\n    ]") << (std::string(rows) == "executors" ? "\n" : ",\n");
    }
    out << "  }" << (c + 1 < cases.size() ? ",\n" : "\n");
  }
  out << "}\n";
  return out.str();
}

bool Close(double expected, double actual) {
  if (expected == actual) return true;
  double scale = std::max({1.0, std::abs(expected), std::abs(actual)});
  return std::abs(expected - actual) <= kRelativeTolerance * scale;
}

// Compares two JSON values; numbers within the tolerance, everything else
// exactly. Differences are appended to `diffs` with their path.
void Compare(const json& expected, const json& actual, const std::string& where,
             std::vector<std::string>* diffs) {
  if (expected.is_number_float() || actual.is_number_float()) {
    if (!expected.is_number() || !actual.is_number() ||
        !Close(expected.get<double>(), actual.get<double>()))
      diffs->push_back(where + ": expected " + expected.dump() + ", got " + actual.dump());
    return;
  }
  if (expected.is_array() && actual.is_array()) {
    if (expected.size() != actual.size()) {
      diffs->push_back(where + ": expected " + std::to_string(expected.size()) + " rows, got " +
                       std::to_string(actual.size()));
      return;
    }
    for (size_t i = 0; i < expected.size(); ++i)
      Compare(expected[i], actual[i], where + "[" + std::to_string(i) + "]", diffs);
    return;
  }
  if (expected.is_object() && actual.is_object()) {
    for (auto& [k, v] : expected.items()) {
      if (!actual.contains(k)) {
        diffs->push_back(where + "." + k + ": missing");
        continue;
      }
      Compare(v, actual[k], where + "." + k, diffs);
    }
    for (auto& [k, v] : actual.items())
      if (!expected.contains(k)) diffs->push_back(where + "." + k + ": not in the golden file");
    return;
  }
  if (expected != actual)
    diffs->push_back(where + ": expected " + expected.dump() + ", got " + actual.dump());
}

class AppSimulatorGolden : public ::testing::TestWithParam<GoldenLog> {};

TEST_P(AppSimulatorGolden, FiguresMatchTheRecordedRun) {
  const GoldenLog& log = GetParam();
  // Every golden log is in the repository or in ../shared: a missing one is a
  // moved path, never a reason to skip.
  ASSERT_TRUE(std::filesystem::exists(log.path)) << "golden log missing: " << log.path;
  auto loaded = eventlog::ReadEventLog(log.path);
  ASSERT_TRUE(loaded.ok()) << log.path << ": " << loaded.status().ToString();
  AppSimulator sim(loaded->app);
  std::vector<std::pair<std::string, json>> results;
  for (const auto& [name, overrides] : OverrideSets()) {
    SimResult r = sim.Run(overrides);
    // Each stage's terms add up to its task time plus the cold starts it paid.
    for (const StageTimeline& s : r.stages) {
      double sum = s.task_time_ms + s.terms.cold_start_ms;
      EXPECT_NEAR(s.terms.Total(), sum, 1e-9 * std::max(1.0, sum))
          << log.name << " / " << name << ": stage " << s.stage_id;
    }
    results.emplace_back(name, ToJson(r));
  }
  ASSERT_FALSE(results.empty()) << "no override sets in app_simulator_cases.json";

  const std::string golden = GoldenDir() + "/app_simulator/" + log.name + ".json";
  const char* update = std::getenv("SPARKTUNE_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(golden) << Serialize(results);
    GTEST_SKIP() << "rewrote " << golden;
  }
  json expected = ReadJson(golden);
  ASSERT_TRUE(expected.is_object())
      << golden << ": missing or not JSON (regenerate: see the test's header)";
  std::vector<std::string> diffs;
  for (const auto& [name, actual] : results) {
    if (!expected.contains(name)) {
      diffs.push_back(name + ": not in the golden file");
      continue;
    }
    Compare(expected[name], actual, name, &diffs);
  }
  for (auto& [name, v] : expected.items()) {
    bool found =
        std::any_of(results.begin(), results.end(), [&](auto& r) { return r.first == name; });
    if (!found) diffs.push_back(name + ": in the golden file but not among the override sets");
  }
  std::string report;
  for (size_t i = 0; i < diffs.size() && i < 40; ++i) report += "  " + diffs[i] + "\n";
  EXPECT_TRUE(diffs.empty()) << log.name << ": " << diffs.size() << " differences from " << golden
                             << "\n"
                             << report;
}

INSTANTIATE_TEST_SUITE_P(RealLogs, AppSimulatorGolden, ::testing::ValuesIn(CaseLogs()),
                         [](const ::testing::TestParamInfo<GoldenLog>& info) {
                           std::string n = info.param.name;
                           std::replace(n.begin(), n.end(), '-', '_');
                           return n;
                         });

// The case list itself: a dozen or more logs, every override set named once.
TEST(AppSimulatorGoldenCases, CoverTheIntendedMix) {
  std::vector<GoldenLog> logs = CaseLogs();
  EXPECT_GE(logs.size(), 12u);
  auto sets = OverrideSets();
  EXPECT_GE(sets.size(), 10u);
  std::vector<std::string> names;
  for (auto& [n, s] : sets) names.push_back(n);
  std::sort(names.begin(), names.end());
  EXPECT_EQ(std::adjacent_find(names.begin(), names.end()), names.end())
      << "duplicate override set name";
}

}  // namespace
}  // namespace sparktune::simulator
