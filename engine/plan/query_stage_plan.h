// QueryStagePlan: one SQL plan tree cut into the stages Spark runs, at
// exchange boundaries (spark-reference.md 2.7 point 6): every Exchange (shuffle)
// and BroadcastExchange ends the stage that writes it; the stage that reads it
// sees it as a leaf, possibly through an AQEShuffleRead (CustomShuffleReader in
// 3.0-3.1). Query-stage wrappers (ShuffleQueryStage, BroadcastQueryStage,
// ReusedExchange, InputAdapter, WholeStageCodegen) are looked through.
//
// For each stage: the exchanges it reads (with the AQE reader above each, the
// join each feeds directly and the union branch it is in), the joins inside it,
// and the accumulator ids its tasks update: metrics of its own nodes, the write
// metrics of the exchange it writes and the read metrics of the exchanges it
// reads. Those ids map the stage to Spark stages (stage_mapping.h).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "data/model/sql_execution.h"
#include "engine/plan/plan_node_parse.h"

namespace sparktune::engine::plan {

enum class QueryStageKind { kShuffleMap, kBroadcast, kResult };

struct StageRead {
  int exchange_node = -1;  // the Exchange / BroadcastExchange node read (resolved through reuse)
  bool broadcast = false;
  int reader_node = -1;     // AQEShuffleRead / CustomShuffleReader above it, or -1
  std::string reader_kind;  // "coalesced", "local", "coalesced and skewed", ... or ""
  int join = -1;            // index into QueryStagePlan::joins when a direct join child
  int join_side = -1;       // 0 = left, 1 = right
  int union_branch = -1;    // child index of the nearest Union above it, or -1
};

struct StageJoin {
  int node = -1;
  JoinInfo info;
  // An operator above it in the stage needs its hash partitioning (a final
  // aggregate with keys, a sort-merge or shuffled hash join, a window).
  bool distribution_required_above = false;
};

struct QueryStagePlan {
  QueryStageKind kind = QueryStageKind::kResult;
  int output_node = -1;    // the exchange it writes; -1 for the result stage
  std::vector<int> nodes;  // its own nodes
  std::vector<StageRead> reads;
  std::vector<StageJoin> joins;
  bool has_scan_leaf = false;  // a leaf that is not an exchange (scan, range, local relation)
  std::vector<int> scans;      // those leaf nodes ("Scan parquet ...", "Range", ...)
  bool root_is_read = false;   // its top operator is directly a read
  bool has_union = false;
  std::vector<int64_t> accumulator_ids;  // sorted, unique
};

struct PlanStages {
  std::vector<QueryStagePlan> stages;  // stages[0] is the result stage
  // Stage writing each exchange node (index into stages), by node index; -1 if none.
  std::vector<int> stage_of_exchange;
};

// Cuts `tree` into query stages.
PlanStages DecomposePlan(const model::PlanTree& tree);

// Metric name classes of exchange nodes (ShuffleExchangeExec metrics).
bool IsExchangeWriteMetric(const std::string& name);
bool IsExchangeReadMetric(const std::string& name);

}  // namespace sparktune::engine::plan
