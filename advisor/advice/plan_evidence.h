// Helpers the plan-level advisors share to read evidence from the model:
// SQL metric totals by accumulator id, plan strings without expression ids,
// the keys of a hash-partitioned exchange, the Spark stage ids of a query stage.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "data/model/application.h"
#include "engine/plan/engine_plan.h"

namespace sparktune::advice {

// Sum of a SQL metric over the latest attempt of every stage that reported it
// (StageCompleted accumulables) plus driver-side updates
// (SparkListenerDriverAccumUpdates, e.g. write statistics); -1 when never seen.
int64_t SqlMetricTotal(const model::Application& app, int64_t accumulator_id);
// The accumulator id of a node's metric by name, or -1.
int64_t MetricId(const model::PlanNode& node, const std::string& name);

// "k#12L" -> "k": strips Catalyst expression ids so plans compare across queries.
std::string StripExpressionIds(const std::string& text);
// The columns of "Exchange hashpartitioning(a#1L, b#2, 200), ..." ("a", "b"); empty if not hash.
std::vector<std::string> HashPartitionKeys(const std::string& exchange_simple_string);
// Spark stage ids that ran query stage `q` of `ex`.
std::vector<int> SparkStageIds(const model::Application& app,
                               const engine::plan::SqlExecutionPlan& ex, size_t q);
// Size of an exchange as the engine prices it: uncompressed "data size" when
// logged, else the shuffle bytes written.
int64_t ExchangeBytes(const engine::plan::PlannedExchange& e);
// "12.3 MiB", "1.0 GiB", "12 KiB": sizes in advice text (KiB to GiB, one decimal from MiB).
std::string Bytes(double bytes);
// At most `n` characters of one printable line.
std::string Short(const std::string& s, size_t n = 120);

}  // namespace sparktune::advice
