// The fleet recommender on a scenario fleet shaped like eBay's (seed-cases.md,
// "eBay: Spark with adaptive execution"): the jobs of the published cases
// (a big shuffle at 5000 partitions, a GC-heavy aggregation at 600 partitions
// on 20 GB per core, a sort-merge join with a 13.4 MB side, a skewed join),
// each simulated at every fleet-grid candidate with the scenario simulator.
// eBay derived 5 GB per core, AQE on, a large initial partition count and
// ~100 MB per post-shuffle task; the solver must land on that kind of answer.
#include <gtest/gtest.h>

#include <cstdio>

#include "advisor/recommend/fleet_evaluation.h"
#include "advisor/recommend/fleet_grid.h"
#include "advisor/recommend/fleet_recommender.h"
#include "simulator/workload/scenario_file.h"
#include "simulator/workload/scenario_simulator.h"
#include "tests/test_paths.h"

namespace sparktune::advisor {
namespace {

constexpr const char* kFleet[] = {
    "data/scenarios/ebay_aqe_too_many_partitions.json",
    "data/scenarios/ebay_aqe_memory_per_core.json",
    "data/scenarios/ebay_aqe_broadcast_join.json",
    "data/scenarios/ebay_aqe_skewed_join.json",
};

long GiB(const std::string& v) { return std::stol(v); }  // "20g" -> 20

TEST(EbayFleetTest, SolverLandsOnFiveGbPerCoreWithAqeAndLargePartitionCounts) {
  std::vector<FleetCandidate> grid = FleetGrid();
  std::vector<FleetJob> jobs;
  for (const char* path : kFleet) {
    auto scenario = simulator::ParseScenarioFile(testing::SourceDir() + "/" + path);
    ASSERT_TRUE(scenario.ok()) << scenario.status().ToString();
    simulator::ScenarioSimulator sim(*scenario);
    auto base = sim.Run({});
    ASSERT_TRUE(base.ok()) << base.status().ToString();
    FleetJob job;
    job.job_key = path;
    job.app_id = path;
    // No log: the scenario's own config is both the observed and the
    // baseline run. eBay judged throughput jobs by MB-seconds and allowed
    // them to run longer; critical jobs kept a duration limit.
    job.observed_duration_ms = job.baseline_duration_ms = base->sim.duration_ms;
    job.observed_mb_seconds = job.baseline_mb_seconds = base->sim.mb_seconds;
    job.observed_core_seconds = job.baseline_core_seconds = base->sim.core_seconds;
    job.max_slowdown = 0.25;
    for (const FleetCandidate& c : grid) {
      auto r = sim.Run(c.config);
      job.at.push_back(r.ok() ? ToCandidatePrediction(r->sim) : CandidatePrediction{});
    }
    jobs.push_back(std::move(job));
  }
  // eBay's compute nodes: 384 GB / 64 cores. Memory a job's cores strand on
  // a node is charged (FleetOptions::node_mib_per_core).
  FleetRecommendation rec = RecommendFleet(grid, jobs, {.node_mib_per_core = 384.0 * 1024 / 64});
  ASSERT_GE(rec.chosen, 0);
  const ConfigMap& chosen = grid[rec.chosen].config;
  for (size_t i = 0; i < rec.scores.size() && i < 5; ++i) {
    std::printf("  #%zu %-48s total %.3g MB-s, %d forced off\n", i + 1,
                grid[rec.scores[i].candidate].label.c_str(), rec.scores[i].total_mb_seconds,
                rec.scores[i].jobs_forced_off);
  }
  std::printf("  fleet %.3g -> %.3g MB-s (%.0f%% saving), %d overrides\n", rec.observed_mb_seconds,
              rec.predicted_mb_seconds, 100 * rec.SavingFraction(), rec.overrides);
  long per_core =
      GiB(chosen.at("spark.executor.memory")) / std::stol(chosen.at("spark.executor.cores"));
  EXPECT_GE(per_core, 4) << grid[rec.chosen].label;
  EXPECT_LE(per_core, 6) << grid[rec.chosen].label;
  ASSERT_TRUE(chosen.count("spark.sql.adaptive.enabled")) << grid[rec.chosen].label;
  EXPECT_EQ(chosen.at("spark.sql.adaptive.enabled"), "true");
  EXPECT_GE(std::stol(chosen.at("spark.sql.shuffle.partitions")), 2000);
  EXPECT_GT(rec.SavingFraction(), 0.3);
}

}  // namespace
}  // namespace sparktune::advisor
