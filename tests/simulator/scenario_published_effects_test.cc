// The published effects of seed-cases.md, reproduced by `simulate` from the
// scenario files in data/scenarios/: each file carries its "publishedEffect"
// list (the change, the metric and the published before/after ratio); the
// simulator runs the scenario as is and with the change, and the ratio must
// point the same way and lie within [0.5x, 2x] of the published one. The
// factor of 2 is the stated accuracy of a model with no log to calibrate
// from: the cost parameters are the documented defaults, the same for every
// case (scenario_file.h), so a case can only land in range through the
// modelled mechanism (fetch requests per task, broadcast vs shuffle,
// spill and GC vs memory per task, skew split, container size x time).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "simulator/workload/scenario_simulator.h"
#include "tests/test_paths.h"

namespace sparktune::simulator {
namespace {

constexpr double kLowFactor = 0.5, kHighFactor = 2.0;

std::string ScenarioDir() { return testing::SourceDir() + "/data/scenarios"; }

struct Effect {
  std::string name, metric;
  double ratio = 0;
  bool asserted = true;  // false: a known miss, reported and explained in docs/scenarios.md
  std::map<std::string, std::string> config;
  nlohmann::json tables;
};

std::vector<Effect> EffectsOf(const std::string& path) {
  std::ifstream in(path);
  nlohmann::json j = nlohmann::json::parse(in);
  std::vector<Effect> out;
  for (const auto& e : j.at("publishedEffect")) {
    Effect x;
    x.name = e.at("name");
    x.metric = e.at("metric");
    x.ratio = e.at("ratio");
    x.asserted = e.value("asserted", true);
    if (e.at("after").contains("config"))
      for (auto it = e["after"]["config"].begin(); it != e["after"]["config"].end(); ++it)
        x.config[it.key()] = it->get<std::string>();
    if (e.at("after").contains("tables")) x.tables = e["after"]["tables"];
    out.push_back(x);
  }
  return out;
}

// The scenario with the effect's table changes applied.
Scenario After(Scenario s, const Effect& e) {
  if (e.tables.is_object()) {
    for (auto it = e.tables.begin(); it != e.tables.end(); ++it) {
      for (ScenarioTable& t : s.tables) {
        if (t.name != it.key()) continue;
        if (it->contains("buckets")) t.buckets = (*it)["buckets"];
        if (it->contains("files")) t.files = (*it)["files"];
        if (it->contains("sortedByBucketKey")) t.sorted_by_bucket_key = (*it)["sortedByBucketKey"];
      }
    }
  }
  return s;
}

double Metric(const ScenarioResult& r, const std::string& metric) {
  if (metric == "mbSeconds") return r.sim.mb_seconds;
  if (metric == "durationMs") return r.sim.duration_ms;
  ADD_FAILURE() << "unknown metric " << metric;
  return 0;
}

// The join stage of a run (the one with a join strategy).
size_t JoinStage(const ScenarioResult& r) {
  for (size_t i = 0; i < r.details.size(); ++i)
    if (!r.details[i].join_strategy.empty()) return i;
  return r.details.size();
}

class PublishedEffect : public ::testing::TestWithParam<std::string> {};

TEST_P(PublishedEffect, DirectionAndRoughSize) {
  std::string path = ScenarioDir() + "/" + GetParam();
  auto sc = ParseScenarioFile(path);
  ASSERT_TRUE(sc.ok()) << sc.status().ToString();
  EXPECT_TRUE(sc->warnings.empty()) << sc->warnings.front();
  auto before = ScenarioSimulator(*sc).Run({});
  ASSERT_TRUE(before.ok()) << before.status().ToString();
  for (const Effect& e : EffectsOf(path)) {
    auto after = ScenarioSimulator(After(*sc, e)).Run(e.config);
    ASSERT_TRUE(after.ok()) << after.status().ToString();
    if (e.metric == "skewStage") {
      // Before: the stage waits for one task ~35x the median; after the split,
      // the longest task is of the order of the average one.
      size_t b = JoinStage(*before), a = JoinStage(*after);
      ASSERT_LT(b, before->details.size());
      ASSERT_LT(a, after->details.size());
      const auto& db = before->details[b];
      const auto& da = after->details[a];
      double skew_before = db.max_task_ms / db.median_task_ms;
      std::printf(
          "  %s: longest/median task before %.1fx, longest/mean after %.2fx; stage %.0f -> %.0f "
          "ms\n",
          e.name.c_str(), skew_before, da.max_task_ms / da.mean_task_ms,
          before->sim.stages[b].end_ms - before->sim.stages[b].start_ms,
          after->sim.stages[a].end_ms - after->sim.stages[a].start_ms);
      EXPECT_GE(skew_before, kLowFactor * e.ratio) << e.name;
      EXPECT_LE(da.max_task_ms, 2.5 * da.mean_task_ms)
          << e.name << ": the stage is not bounded by the average task";
      EXPECT_NE(da.join_strategy.find("skew"), std::string::npos) << da.join_strategy;
      EXPECT_LT(after->sim.stages[a].end_ms - after->sim.stages[a].start_ms,
                0.5 * (before->sim.stages[b].end_ms - before->sim.stages[b].start_ms));
      continue;
    }
    double ratio = Metric(*before, e.metric) / Metric(*after, e.metric);
    std::printf("  %s: %s %.4g -> %.4g = %.2fx (published %.2fx)%s\n", e.name.c_str(),
                e.metric.c_str(), Metric(*before, e.metric), Metric(*after, e.metric), ratio,
                e.ratio, e.asserted ? "" : " [known miss, not asserted]");
    if (!e.asserted) continue;
    EXPECT_GT(ratio, 1.0) << e.name << ": wrong direction";
    EXPECT_GE(ratio, kLowFactor * e.ratio) << e.name;
    EXPECT_LE(ratio, kHighFactor * e.ratio) << e.name;
  }
}

INSTANTIATE_TEST_SUITE_P(SeedCases, PublishedEffect,
                         ::testing::Values("ebay_aqe_too_many_partitions.json",
                                           "ebay_aqe_memory_per_core.json",
                                           "ebay_aqe_broadcast_join.json",
                                           "ebay_aqe_skewed_join.json", "ebay_buckets_40000.json",
                                           "qimao_serverless_native_rss.json"));

// Each effect comes from its mechanism: the run-time conversion shows in the
// join strategy, packing in the task count, memory in spill and GC.
TEST(ScenarioMechanisms, BroadcastConversionIsARuntimeDecision) {
  auto sc = ParseScenarioFile(ScenarioDir() + "/ebay_aqe_broadcast_join.json");
  ASSERT_TRUE(sc.ok()) << sc.status().ToString();
  auto smj = ScenarioSimulator(*sc).Run({});
  auto bhj = ScenarioSimulator(*sc).Run({{"spark.sql.autoBroadcastJoinThreshold", "20m"}});
  ASSERT_TRUE(smj.ok() && bhj.ok());
  EXPECT_EQ(smj->details[JoinStage(*smj)].join_strategy, "SortMergeJoin");
  EXPECT_NE(bhj->details[JoinStage(*bhj)].join_strategy.find("BroadcastHashJoin"),
            std::string::npos);
  // The adaptive threshold alone (3.2+) converts it too; AQE off cannot (the
  // static estimate is the whole table).
  auto adaptive =
      ScenarioSimulator(*sc).Run({{"spark.sql.adaptive.autoBroadcastJoinThreshold", "20m"}});
  ASSERT_TRUE(adaptive.ok());
  EXPECT_NE(adaptive->details[JoinStage(*adaptive)].join_strategy.find("BroadcastHashJoin"),
            std::string::npos);
  auto off = ScenarioSimulator(*sc).Run(
      {{"spark.sql.autoBroadcastJoinThreshold", "20m"}, {"spark.sql.adaptive.enabled", "false"}});
  ASSERT_TRUE(off.ok());
  EXPECT_EQ(off->details[JoinStage(*off)].join_strategy, "SortMergeJoin");
}

TEST(ScenarioMechanisms, AqePacksPartitionsToTheAdvisorySize) {
  auto sc = ParseScenarioFile(ScenarioDir() + "/ebay_aqe_too_many_partitions.json");
  ASSERT_TRUE(sc.ok());
  auto off = ScenarioSimulator(*sc).Run({});
  auto on = ScenarioSimulator(*sc).Run({{"spark.sql.adaptive.enabled", "true"}});
  ASSERT_TRUE(off.ok() && on.ok());
  const auto& s_off = off->sim.stages[JoinStage(*off)];
  const auto& d_on = on->details[JoinStage(*on)];
  EXPECT_EQ(s_off.tasks, 5000);
  int tasks_on = on->sim.stages[JoinStage(*on)].tasks;
  // ~199 GB read in ~100 MB tasks.
  double expected = d_on.read_bytes / (100.0 * 1024 * 1024);
  EXPECT_GT(tasks_on, 0.8 * expected);
  EXPECT_LT(tasks_on, 1.3 * expected);
}

TEST(ScenarioMechanisms, LessMemoryPerTaskSpillsMore) {
  auto sc = ParseScenarioFile(ScenarioDir() + "/ebay_aqe_memory_per_core.json");
  ASSERT_TRUE(sc.ok());
  auto big = ScenarioSimulator(*sc).Run({});
  auto small = ScenarioSimulator(*sc).Run({{"spark.executor.memory", "8g"}});
  ASSERT_TRUE(big.ok() && small.ok());
  EXPECT_GT(small->sim.spill_bytes, big->sim.spill_bytes);
  EXPECT_GT(big->sim.gc_ms, 0);
  // Same work, same slots: the container shrinks, so MB-seconds per second does.
  EXPECT_LT(small->sim.mb_seconds / small->sim.duration_ms,
            big->sim.mb_seconds / big->sim.duration_ms);
}

}  // namespace
}  // namespace sparktune::simulator
