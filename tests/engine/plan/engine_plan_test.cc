// BuildEnginePlan on a real AQE log (Spark 3.2.1, a sort-merge join of two
// 200-partition shuffles coalesced into 13 reads): query stages mapped to Spark
// stages through accumulator ids, exchange facts, size models, the stage DAG.
#include "engine/plan/engine_plan.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "data/eventlog/event_log_reader.h"
#include "engine/plan/default_parallelism.h"
#include "tests/test_paths.h"

namespace sparktune::engine::plan {
namespace {

std::string AqeShuffleLog() {
  return testing::SharedEventLogs() +
         "/nvidia-spark-rapids-tools/spark-events-qualification/aqeshuffle_eventlog.zstd";
}

TEST(BuildEnginePlan, AqeShuffleLog) {
  if (!std::filesystem::exists(AqeShuffleLog())) GTEST_SKIP() << "no shared event logs";
  auto loaded = eventlog::ReadEventLog(AqeShuffleLog());
  ASSERT_TRUE(loaded.ok());
  const model::Application& app = loaded->app;
  EnginePlan plan = BuildEnginePlan(app);
  ASSERT_EQ(plan.executions.size(), 1u);
  const SqlExecutionPlan& ex = plan.executions[0];
  EXPECT_TRUE(ex.adaptive);
  ASSERT_EQ(ex.stages.stages.size(), 4u);  // result, SinglePartition exchange, two join sides
  EXPECT_EQ(ex.initial_stages.stages.size(), 4u);  // the same cut before AQE ran
  ASSERT_EQ(ex.initial_joins.size(), 1u);
  EXPECT_EQ(ex.initial_joins[0].strategy, JoinStrategy::kSortMerge);
  // Every query stage maps to the Spark stage that ran it.
  std::vector<int> stage_ids;
  for (const auto& attempts : ex.spark_stages) {
    ASSERT_EQ(attempts.size(), 1u);
    stage_ids.push_back(app.stages[attempts[0]].stage_id);
  }
  EXPECT_EQ(stage_ids[0], 8);  // the final aggregate
  int hash_exchanges = 0;
  for (const PlannedExchange& e : ex.exchanges) {
    if (e.info.partitioning == Partitioning::kSingle) {
      EXPECT_EQ(app.stages[ex.spark_stages[e.writer_stage][0]].stage_id,
                4);  // the join stage writes it
      continue;
    }
    ++hash_exchanges;
    EXPECT_EQ(e.info.num_partitions, 200);
    EXPECT_EQ(e.info.origin, ShuffleOrigin::kEnsureRequirements);
    EXPECT_EQ(e.num_mappers, 6);
    EXPECT_GT(e.data_size, 0);
    EXPECT_EQ(e.sizes.observed_partitions(), 200);
    // AQE's 13 read sizes: 12 x ~4.2 MB and one of ~2.1 MB.
    EXPECT_NEAR(static_cast<double>(e.sizes.total_bytes()), 52.5e6, 0.5e6);
    EXPECT_EQ(e.size_source, "driver partition sizes, coalesced reads spread");
    EXPECT_EQ(ex.stages.stages[e.reader_stage].reads.size(), 2u);
  }
  EXPECT_EQ(hash_exchanges, 2);
  // The stage DAG: the join stage 4 has the two map stages as parents.
  bool found = false;
  for (const DagStage& d : plan.dag)
    if (d.stage_id == 4) {
      found = true;
      EXPECT_EQ(d.parent_ids.size(), 2u);
      EXPECT_EQ(d.num_tasks, 13);
      EXPECT_TRUE(d.sql_execution_id.has_value());
    }
  EXPECT_TRUE(found);
  EXPECT_GE(DefaultParallelismAt(app, app.end_time), 2);
}

}  // namespace
}  // namespace sparktune::engine::plan
