// Optimize() on a real Spark 4 log (data/samples, w4 global sort at 768m / 2
// cores / 4 partitions): the constraints hold (max slowdown, OOM risk, cluster
// limits), candidates restrict the choice, the cache canonicalizes values, and
// the result explains itself (savings interval, Pareto front, stage drivers).
#include "advisor/search/optimizer.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "advisor/search/evaluator.h"
#include "data/eventlog/event_log_reader.h"
#include "tests/test_paths.h"

namespace sparktune::search {
namespace {

std::string Log() { return testing::SourceDir() + "/data/samples/app-20261121222445-0019.lz4"; }

// A smaller search than the CLI's default, so the suite stays quick under sanitizers.
OptimizeOptions Quick() {
  OptimizeOptions o;
  o.max_simulations = 120;
  o.bayes_iterations = 15;
  return o;
}

class OptimizeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(Log())) GTEST_SKIP();
    auto loaded = eventlog::ReadEventLog(Log());
    ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
    log_ = std::make_unique<eventlog::LoadedLog>(std::move(*loaded));
    sim_ = std::make_unique<simulator::AppSimulator>(log_->app);
  }
  std::unique_ptr<eventlog::LoadedLog> log_;
  std::unique_ptr<simulator::AppSimulator> sim_;
};

TEST_F(OptimizeTest, FreeSearchSavesWithinTheSlowdownLimit) {
  OptimizeOptions o = Quick();
  o.max_slowdown_pct = 0;  // not slower than the log's config
  auto r = Optimize(*sim_, o);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_LE(r->best.result.duration_ms, r->baseline.result.duration_ms * (1 + 1e-9));
  EXPECT_LE(r->best.result.mb_seconds, r->baseline.result.mb_seconds);
  EXPECT_GT(r->simulations, 10);
  EXPECT_LT(r->simulations, o.max_simulations + 20);
  // Without the limit the best can only be as cheap or cheaper.
  o.max_slowdown_pct = -1;
  auto free = Optimize(*sim_, o);
  ASSERT_TRUE(free.ok());
  EXPECT_LE(free->best.result.mb_seconds, r->best.result.mb_seconds * (1 + 1e-9));
}

TEST_F(OptimizeTest, RuntimeObjectiveDoesNotSlowDown) {
  OptimizeOptions o = Quick();
  o.objective = ObjectiveKind::kRuntime;
  auto r = Optimize(*sim_, o);
  ASSERT_TRUE(r.ok());
  EXPECT_LE(r->best.result.duration_ms, r->baseline.result.duration_ms);
}

TEST_F(OptimizeTest, CostObjectiveFollowsThePrices) {
  // Only cores cost money: the answer may not use more core-seconds.
  OptimizeOptions o = Quick();
  o.objective = ObjectiveKind::kCost;
  o.prices = Prices{0.0, 1.0};
  o.max_slowdown_pct = -1;
  auto r = Optimize(*sim_, o);
  ASSERT_TRUE(r.ok());
  EXPECT_LE(r->best.result.core_seconds, r->baseline.result.core_seconds * (1 + 1e-9));
  EXPECT_NEAR(r->best.objective.value, r->best.result.core_seconds / 3600.0, 1e-9);
}

TEST_F(OptimizeTest, ResultExplainsItself) {
  // The broadcast-join log (w2): a change pays even at the lower end of its saving.
  auto loaded =
      eventlog::ReadEventLog(testing::SourceDir() + "/data/samples/app-20261121221030-0008.lzf");
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  simulator::AppSimulator sim(loaded->app);
  OptimizeOptions o = Quick();
  o.max_slowdown_pct = -1;
  o.rank_by_upper_bound = false;  // by point value a change pays on this log
  auto r = Optimize(sim, o);
  ASSERT_TRUE(r.ok());
  ASSERT_FALSE(r->best_is_baseline) << r->keep_reason;
  EXPECT_TRUE(r->keep_reason.empty());
  EXPECT_LT(r->mb_seconds.pct, 0);
  EXPECT_LE(r->mb_seconds.pct_low, r->mb_seconds.pct);
  EXPECT_GE(r->mb_seconds.pct_high, r->mb_seconds.pct);
  EXPECT_EQ(r->changes.size(), r->best.overrides.size());
  EXPECT_FALSE(r->drivers.empty());
  ASSERT_FALSE(r->pareto.empty());
  int chosen = 0;
  for (size_t i = 0; i < r->pareto.size(); ++i) {
    chosen += r->pareto[i].chosen;
    if (i > 0) {  // faster points cost more: no point dominates another
      EXPECT_GE(r->pareto[i].duration_ms, r->pareto[i - 1].duration_ms);
      EXPECT_LT(r->pareto[i].mb_seconds, r->pareto[i - 1].mb_seconds);
    }
  }
  EXPECT_EQ(chosen, 1);
  // Every recommended key differs from the log's config.
  for (const auto& [k, v] : r->best.overrides) {
    EXPECT_NE(CanonicalValue(k, v), CanonicalValue(k, sim.observed_config().Get(k))) << k;
  }
}

TEST_F(OptimizeTest, KeepsTheLogsConfigWhenTheLowerEndOfTheSavingIsBelowTheMinimumGain) {
  // By point value the best change on the w4 sort saves a few percent, but
  // its interval (beyond the replay's own error) reaches below zero: keep.
  OptimizeOptions o = Quick();
  o.max_slowdown_pct = -1;
  o.rank_by_upper_bound = false;
  auto r = Optimize(*sim_, o);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->best_is_baseline);
  EXPECT_TRUE(r->best.overrides.empty());
  EXPECT_EQ(r->keep_reason.rfind("predicted saving ", 0), 0u) << r->keep_reason;
  EXPECT_NE(r->keep_reason.find("is below the 2% minimum gain"), std::string::npos)
      << r->keep_reason;
  // A lower minimum gain does not turn a saving whose interval crosses zero into advice.
  o.min_gain_pct = 0;
  r = Optimize(*sim_, o);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->best_is_baseline) << r->keep_reason;
}

TEST_F(OptimizeTest, OutOfMemoryRiskIsExcluded) {
  // 512m with one shuffle partition is flagged OOM by the model (one task's
  // footprint dwarfs its memory); it is cheaper than 4g but must not win.
  OptimizeOptions o = Quick();
  o.max_slowdown_pct = -1;
  o.candidates = std::vector<ConfigMap>{
      {{"spark.executor.memory", "512m"}, {"spark.sql.shuffle.partitions", "1"}},
      {{"spark.executor.memory", "4g"}, {"spark.sql.shuffle.partitions", "4"}}};
  auto r = Optimize(*sim_, o);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->best_candidate, 1);
  EXPECT_TRUE(r->found_feasible);
  CachedEvaluator ev(*sim_, ObjectiveKind::kMbSeconds, {}, {}, false);
  const Evaluation& risky = ev.Evaluate((*o.candidates)[0]);
  EXPECT_TRUE(risky.result.oom_risk);
  EXPECT_FALSE(risky.feasible());
  EXPECT_LT(risky.objective.value, ev.Evaluate((*o.candidates)[1]).objective.value);
}

TEST_F(OptimizeTest, CandidatesRestrictTheChoice) {
  std::vector<ConfigMap> shapes = {
      {{"spark.executor.memory", "1g"}, {"spark.executor.cores", "1"}},
      {{"spark.executor.memory", "3g"}, {"spark.executor.cores", "2"}}};
  OptimizeOptions o = Quick();
  o.max_slowdown_pct = -1;
  o.candidates = shapes;
  o.explain = false;
  auto r = Optimize(*sim_, o);
  ASSERT_TRUE(r.ok());
  ASSERT_GE(r->best_candidate, 0);
  EXPECT_EQ(CanonicalKey(r->best.overrides),
            CanonicalKey(DropUnchanged(sim_->observed_config(), shapes[r->best_candidate])));
  EXPECT_EQ(r->simulations, 3);  // the baseline and the two shapes, nothing else
  // A single candidate is taken even when the log's config is cheaper.
  o.candidates = std::vector<ConfigMap>{{{"spark.executor.memory", "6g"}}};
  auto one = Optimize(*sim_, o);
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->best.overrides.at("spark.executor.memory"), "6g");
}

TEST_F(OptimizeTest, ClusterLimitsBoundTheAnswer) {
  OptimizeOptions o = Quick();
  o.max_slowdown_pct = -1;
  o.limits.cores_per_node = 1;
  o.limits.memory_steps_mib = {1024, 2048};
  auto r = Optimize(*sim_, o);
  ASSERT_TRUE(r.ok());
  // The answer and every config on the Pareto front (configs within the hard limits) respect them.
  std::vector<ConfigMap> configs = {r->best.overrides};
  for (const auto& p : r->pareto) configs.push_back(p.overrides);
  EXPECT_GT(configs.size(), 1u);
  for (const ConfigMap& c : configs) {
    auto cores = c.find("spark.executor.cores");
    if (cores != c.end()) {
      EXPECT_EQ(cores->second, "1");
    }
    auto mem = c.find("spark.executor.memory");
    if (mem != c.end()) {
      EXPECT_TRUE(mem->second == "1g" || mem->second == "2g") << mem->second;
    }
  }
  // A container limit below the log's own rules out any larger heap.
  OptimizeOptions small = Quick();
  small.limits.largest_container_mib = 1500;  // 1g + 384m overhead fits, 2g does not
  small.candidates =
      std::vector<ConfigMap>{{{"spark.executor.memory", "2g"}}, {{"spark.executor.memory", "1g"}}};
  small.max_slowdown_pct = -1;
  auto s = Optimize(*sim_, small);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->best_candidate, 1);
}

TEST_F(OptimizeTest, CacheCanonicalizesValues) {
  CachedEvaluator ev(*sim_, ObjectiveKind::kMbSeconds, {}, {}, false);
  const Evaluation& a = ev.Evaluate({{"spark.sql.adaptive.advisoryPartitionSizeInBytes", "32m"}});
  const Evaluation& b =
      ev.Evaluate({{"spark.sql.adaptive.advisoryPartitionSizeInBytes", "33554432"}});
  EXPECT_EQ(&a, &b);
  // The log's own values are dropped: same entry as the baseline.
  const Evaluation& same =
      ev.Evaluate({{"spark.executor.memory", "768m"}, {"spark.executor.cores", "2"}});
  EXPECT_EQ(&same, &ev.Baseline());
  EXPECT_EQ(ev.simulations(), 2);
  EXPECT_EQ(ev.cache_hits(), 2);
}

}  // namespace
}  // namespace sparktune::search
