// ReplanApplication under configs other than the observed one (what-if): the
// shuffle size models re-spread over new partition counts and the rules decide
// again; the observed config reproduces the replay.
#include "engine/aqe/application_replanner.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "data/eventlog/event_log_reader.h"
#include "tests/test_paths.h"

namespace sparktune::engine::aqe {
namespace {

const ReplannedStage* JoinStage(const std::vector<ReplannedStage>& rows) {
  for (const auto& r : rows)
    if (r.input.shuffles.size() == 2) return &r;
  return nullptr;
}

TEST(ReplanApplication, WhatIfOnAqeShuffleLog) {
  const std::string path =
      testing::SharedEventLogs() +
      "/nvidia-spark-rapids-tools/spark-events-qualification/aqeshuffle_eventlog.zstd";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no shared event logs";
  auto loaded = eventlog::ReadEventLog(path);
  ASSERT_TRUE(loaded.ok());
  const model::Application& app = loaded->app;
  plan::EnginePlan ep = plan::BuildEnginePlan(app);
  const EffectiveConfig observed = EffectiveConfig::FromApplication(app);
  AdaptiveRuleRegistry registry;
  auto replan = [&](const EffectiveConfig& c) {
    auto rows = ReplanApplication(app, ep, observed, c, registry);
    const ReplannedStage* j = JoinStage(rows);
    return j ? j->replanned_tasks : -1;
  };
  EXPECT_EQ(replan(observed), 13);
  EXPECT_EQ(replan(observed), JoinStage(ReplanAtObservedConfig(app, ep))->replanned_tasks);
  // Without parallelismFirst the 64 MiB advisory size packs ~105 MB into 2 tasks.
  EffectiveConfig c = observed;
  c.Set("spark.sql.adaptive.coalescePartitions.parallelismFirst", "false");
  EXPECT_EQ(replan(c), 2);
  // Twice the shuffle partitions: the same bytes re-spread; the count follows the bytes.
  c = observed;
  c.Set("spark.sql.shuffle.partitions", "400");
  int64_t tasks = replan(c);
  EXPECT_GE(tasks, 12);
  EXPECT_LE(tasks, 14);
  // AQE off: one task per shuffle partition.
  c = observed;
  c.Set("spark.sql.adaptive.enabled", "false");
  EXPECT_EQ(replan(c), 200);
  c.Set("spark.sql.shuffle.partitions", "64");
  EXPECT_EQ(replan(c), 64);
  // Coalescing disabled through the registry (ablation).
  registry.SetEnabled(rule_names::kCoalesceShufflePartitions, false);
  EXPECT_EQ(replan(observed), 200);
}

}  // namespace
}  // namespace sparktune::engine::aqe
