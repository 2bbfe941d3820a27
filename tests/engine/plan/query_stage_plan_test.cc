// DecomposePlan on a small AQE plan: a sort-merge join of two shuffle stages
// under an aggregate, read through AQEShuffleRead nodes.
#include "engine/plan/query_stage_plan.h"

#include <gtest/gtest.h>

namespace sparktune::engine::plan {
namespace {

// Adds a node and returns its index.
int Add(model::PlanTree* t, const std::string& name, const std::string& simple,
        std::vector<int> children,
        const std::vector<std::pair<std::string, int64_t>>& metrics = {}) {
  model::PlanNode n;
  n.node_name = name;
  n.simple_string = simple;
  n.children = std::move(children);
  for (auto& [m, id] : metrics) n.metrics.push_back({m, id, "sum"});
  t->nodes.push_back(n);
  return static_cast<int>(t->nodes.size()) - 1;
}

model::PlanTree JoinPlan() {
  model::PlanTree t;
  t.nodes.resize(1);  // root placeholder, filled last
  auto side = [&](int base, const std::string& key) {
    int scan = Add(&t, "Scan parquet", "FileScan parquet", {}, {{"number of output rows", base}});
    int wsc =
        Add(&t, "WholeStageCodegen (1)", "WholeStageCodegen (1)", {scan}, {{"duration", base + 1}});
    int ex = Add(
        &t, "Exchange",
        "Exchange hashpartitioning(" + key + ", 200), ENSURE_REQUIREMENTS, [plan_id=1]", {wsc},
        {{"shuffle bytes written", base + 2}, {"records read", base + 3}, {"data size", base + 4}});
    int qs = Add(&t, "ShuffleQueryStage", "ShuffleQueryStage 0", {ex});
    int read = Add(&t, "AQEShuffleRead", "AQEShuffleRead coalesced", {qs},
                   {{"partition data size", base + 5}});
    int input = Add(&t, "InputAdapter", "InputAdapter", {read});
    return Add(&t, "Sort", "Sort [" + key + " ASC NULLS FIRST], false, 0", {input},
               {{"sort time", base + 6}});
  };
  int left = side(100, "a#1");
  int right = side(200, "b#2");
  int smj = Add(&t, "SortMergeJoin", "SortMergeJoin [a#1], [b#2], Inner", {left, right});
  int agg = Add(&t, "HashAggregate", "HashAggregate(keys=[a#1], functions=[count(1)])", {smj},
                {{"number of output rows", 300}});
  t.nodes[0] =
      model::PlanNode{"AdaptiveSparkPlan", "AdaptiveSparkPlan isFinalPlan=true", {agg}, {}};
  return t;
}

TEST(DecomposePlan, StagesReadsJoinsAndAccumulatorIds) {
  model::PlanTree t = JoinPlan();
  PlanStages stages = DecomposePlan(t);
  ASSERT_EQ(stages.stages.size(), 3u);  // result stage + two shuffle map stages
  const QueryStagePlan& result = stages.stages[0];
  EXPECT_EQ(result.kind, QueryStageKind::kResult);
  ASSERT_EQ(result.reads.size(), 2u);
  EXPECT_EQ(result.reads[0].reader_kind, "coalesced");
  EXPECT_EQ(result.reads[0].join, 0);
  EXPECT_EQ(result.reads[0].join_side, 0);
  EXPECT_EQ(result.reads[1].join_side, 1);
  ASSERT_EQ(result.joins.size(), 1u);
  EXPECT_EQ(result.joins[0].info.strategy, JoinStrategy::kSortMerge);
  EXPECT_TRUE(result.joins[0].distribution_required_above);  // the aggregate on the join key
  EXPECT_FALSE(result.has_scan_leaf);
  // The result stage updates the exchanges' read metrics and its own nodes' metrics,
  // not the exchanges' write metrics.
  auto has = [&](const QueryStagePlan& q, int64_t id) {
    return std::binary_search(q.accumulator_ids.begin(), q.accumulator_ids.end(), id);
  };
  EXPECT_TRUE(has(result, 103));
  EXPECT_TRUE(has(result, 300));
  EXPECT_FALSE(has(result, 102));
  const QueryStagePlan& map =
      stages.stages[stages.stage_of_exchange[result.reads[0].exchange_node]];
  EXPECT_EQ(map.kind, QueryStageKind::kShuffleMap);
  EXPECT_TRUE(map.has_scan_leaf);
  ASSERT_EQ(map.scans.size(), 1u);
  EXPECT_EQ(t.nodes[map.scans[0]].node_name, "Scan parquet");
  EXPECT_TRUE(has(map, 102));
  EXPECT_TRUE(has(map, 101));
  EXPECT_FALSE(has(map, 103));
}

}  // namespace
}  // namespace sparktune::engine::plan
