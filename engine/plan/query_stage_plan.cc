#include "engine/plan/query_stage_plan.h"

#include <algorithm>
#include <functional>

namespace sparktune::engine::plan {

bool IsExchangeWriteMetric(const std::string& n) {
  return n == "shuffle bytes written" || n == "shuffle records written" ||
         n == "shuffle write time" || n == "data size";
}

bool IsExchangeReadMetric(const std::string& n) {
  return n == "records read" || n == "local bytes read" || n == "remote bytes read" ||
         n == "fetch wait time" || n == "local blocks read" || n == "remote blocks read" ||
         n == "remote bytes read to disk" || n == "remote reqs duration" ||
         n.find("merged") != std::string::npos || n.find("push") != std::string::npos;
}

namespace {

bool IsReader(const std::string& n) { return n == "AQEShuffleRead" || n == "CustomShuffleReader"; }

bool IsPassThrough(const std::string& n) {
  return n == "InputAdapter" || n == "ShuffleQueryStage" || n == "BroadcastQueryStage" ||
         n == "ResultQueryStage" || n == "TableCacheQueryStage" || n == "AdaptiveSparkPlan" ||
         n.rfind("WholeStageCodegen", 0) == 0;
}

// Nodes allowed between a join and a query stage it reads "directly".
bool IsDirectPath(const std::string& n) {
  return IsPassThrough(n) || IsReader(n) || n == "Sort" || n == "ColumnarToRow" ||
         n == "ReusedExchange";
}

bool RequiresDistribution(const model::PlanNode& n) {
  const std::string name = BaseNodeName(n.node_name);
  if (name == "SortMergeJoin" || name == "ShuffledHashJoin" || name == "Window") return true;
  if (name == "HashAggregate" || name == "SortAggregate" || name == "ObjectHashAggregate") {
    const std::string& s = n.simple_string;
    if (s.find("keys=[]") != std::string::npos) return false;
    if (s.find("partial_") != std::string::npos || s.find("merge_") != std::string::npos)
      return false;
    return s.find("keys=[") != std::string::npos;
  }
  return false;
}

struct Builder {
  const model::PlanTree& tree;
  PlanStages out;
  std::vector<int> pending;  // exchange nodes whose stage is still to build

  struct Context {
    int reader = -1;
    int join = -1;
    int join_side = -1;
    bool direct = true;  // only direct-path nodes since the join
    int union_branch = -1;
    std::vector<int> ancestors;  // own nodes above, in the current stage
  };

  int Resolve(int node) const {
    // ReusedExchange -> the exchange it reuses.
    while (node >= 0 && tree.nodes[node].node_name == "ReusedExchange") {
      if (tree.nodes[node].children.empty()) return -1;
      node = tree.nodes[node].children[0];
    }
    return node;
  }

  void Walk(int node, QueryStagePlan& q, Context ctx, bool top) {
    const model::PlanNode& n = tree.nodes[node];
    const std::string& name = n.node_name;
    if (name == "Exchange" || name == "BroadcastExchange" || name == "ReusedExchange") {
      int ex = Resolve(node);
      if (ex < 0) return;
      StageRead r;
      r.exchange_node = ex;
      r.broadcast = tree.nodes[ex].node_name == "BroadcastExchange";
      r.reader_node = ctx.reader;
      if (ctx.reader >= 0) {
        const std::string& s = tree.nodes[ctx.reader].simple_string;
        size_t sp = s.find(' ');
        r.reader_kind = sp == std::string::npos ? "" : s.substr(sp + 1);
      }
      if (ctx.direct) {
        r.join = ctx.join;
        r.join_side = ctx.join_side;
      }
      r.union_branch = ctx.union_branch;
      if (top) q.root_is_read = true;
      q.reads.push_back(r);
      if (out.stage_of_exchange[ex] == -2) {
        out.stage_of_exchange[ex] = -3;  // queued
        pending.push_back(ex);
      }
      return;
    }
    bool pass = IsPassThrough(name);
    if (IsReader(name)) {
      ctx.reader = node;
      pass = true;
    }
    if (!pass || name.rfind("WholeStageCodegen", 0) == 0) q.nodes.push_back(node);
    if (!pass && !IsDirectPath(name)) ctx.direct = false;
    if (IsJoinNode(name)) {
      StageJoin j;
      j.node = node;
      j.info = ParseJoin(name, n.simple_string);
      for (int a : ctx.ancestors)
        if (RequiresDistribution(tree.nodes[a])) j.distribution_required_above = true;
      q.joins.push_back(j);
      ctx.ancestors.push_back(node);
      int idx = static_cast<int>(q.joins.size()) - 1;
      for (size_t c = 0; c < n.children.size(); ++c) {
        Context child = ctx;
        child.join = idx;
        child.join_side = static_cast<int>(c);
        child.direct = true;
        Walk(n.children[c], q, child, false);
      }
      return;
    }
    if (name == "Union") {
      q.has_union = true;
      ctx.ancestors.push_back(node);
      for (size_t c = 0; c < n.children.size(); ++c) {
        Context child = ctx;
        child.union_branch = static_cast<int>(c);
        child.direct = false;
        Walk(n.children[c], q, child, false);
      }
      return;
    }
    if (!pass) ctx.ancestors.push_back(node);
    if (n.children.empty() && !pass) {
      q.has_scan_leaf = true;
      q.scans.push_back(node);
    }
    for (int c : n.children) Walk(c, q, ctx, top && (pass || name == "ColumnarToRow"));
  }

  void AddIds(QueryStagePlan& q) {
    auto& ids = q.accumulator_ids;
    for (int node : q.nodes)
      for (const auto& m : tree.nodes[node].metrics) ids.push_back(m.accumulator_id);
    if (q.output_node >= 0 && tree.nodes[q.output_node].node_name == "Exchange")
      for (const auto& m : tree.nodes[q.output_node].metrics)
        if (IsExchangeWriteMetric(m.name)) ids.push_back(m.accumulator_id);
    for (const StageRead& r : q.reads)
      if (!r.broadcast)
        for (const auto& m : tree.nodes[r.exchange_node].metrics)
          if (IsExchangeReadMetric(m.name)) ids.push_back(m.accumulator_id);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  }

  void Build() {
    out.stage_of_exchange.assign(tree.nodes.size(), -2);
    if (tree.nodes.empty()) return;
    QueryStagePlan result;
    result.kind = QueryStageKind::kResult;
    Walk(0, result, Context{}, true);
    AddIds(result);
    out.stages.push_back(std::move(result));
    while (!pending.empty()) {
      int ex = pending.back();
      pending.pop_back();
      QueryStagePlan q;
      q.kind = tree.nodes[ex].node_name == "BroadcastExchange" ? QueryStageKind::kBroadcast
                                                               : QueryStageKind::kShuffleMap;
      q.output_node = ex;
      for (int c : tree.nodes[ex].children) Walk(c, q, Context{}, true);
      AddIds(q);
      out.stage_of_exchange[ex] = static_cast<int>(out.stages.size());
      out.stages.push_back(std::move(q));
    }
    for (int& s : out.stage_of_exchange)
      if (s < 0) s = -1;
  }
};

}  // namespace

PlanStages DecomposePlan(const model::PlanTree& tree) {
  Builder b{tree, {}, {}};
  b.Build();
  return std::move(b.out);
}

}  // namespace sparktune::engine::plan
