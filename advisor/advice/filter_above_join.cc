#include "advisor/advice/filter_above_join.h"

#include <cctype>
#include <functional>
#include <set>

#include "advisor/advice/plan_evidence.h"
#include "engine/plan/plan_node_parse.h"

namespace sparktune::advice {

namespace {

// Expression ids ("#12") mentioned in a string.
std::set<int64_t> AttributeIds(const std::string& s) {
  std::set<int64_t> ids;
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    if (s[i] != '#' || !std::isdigit(static_cast<unsigned char>(s[i + 1]))) continue;
    int64_t v = 0;
    size_t j = i + 1;
    while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j])))
      v = v * 10 + (s[j++] - '0');
    ids.insert(v);
    i = j - 1;
  }
  return ids;
}

bool PassThrough(const std::string& name) {
  return name == "Project" || name == "InputAdapter" || name.starts_with("WholeStageCodegen") ||
         name == "ColumnarToRow";
}

}  // namespace

std::vector<Advice> FilterAboveJoin::Advise(const AdviceContext& ctx) const {
  std::vector<Advice> out;
  for (const auto& [exec_id, sql] : ctx.app.sql_executions) {
    const model::PlanTree& tree = sql.final_plan();
    const auto& nodes = tree.nodes;
    std::function<std::set<int64_t>(int)> subtree_ids = [&](int n) {
      std::set<int64_t> ids = AttributeIds(nodes[n].simple_string);
      for (int c : nodes[n].children) {
        auto more = subtree_ids(c);
        ids.insert(more.begin(), more.end());
      }
      return ids;
    };
    for (size_t f = 0; f < nodes.size(); ++f) {
      if (engine::plan::BaseNodeName(nodes[f].node_name) != "Filter" || nodes[f].children.empty())
        continue;
      int j = nodes[f].children[0];
      while (j >= 0 && j < static_cast<int>(nodes.size()) && PassThrough(nodes[j].node_name) &&
             !nodes[j].children.empty())
        j = nodes[j].children[0];
      if (j < 0 || j >= static_cast<int>(nodes.size()) ||
          !engine::plan::IsJoinNode(nodes[j].node_name) || nodes[j].children.size() != 2)
        continue;
      std::string cond =
          nodes[f].simple_string.substr(std::min<size_t>(6, nodes[f].simple_string.size()));
      std::set<int64_t> used = AttributeIds(cond);
      if (used.empty()) continue;
      std::set<int64_t> left = subtree_ids(nodes[j].children[0]),
                        right = subtree_ids(nodes[j].children[1]);
      bool only_left = true, only_right = true;
      for (int64_t id : used) {
        only_left &= left.count(id) > 0 && right.count(id) == 0;
        only_right &= right.count(id) > 0 && left.count(id) == 0;
      }
      if (!only_left && !only_right) continue;
      int64_t join_rows = SqlMetricTotal(ctx.app, MetricId(nodes[j], "number of output rows"));
      int64_t filter_rows = SqlMetricTotal(ctx.app, MetricId(nodes[f], "number of output rows"));
      Advice a;
      a.id = std::string(id());
      a.title = "a filter on the " + std::string(only_left ? "left" : "right") +
                " side's columns runs after a " + engine::plan::BaseNodeName(nodes[j].node_name) +
                " in SQL execution " + std::to_string(exec_id);
      a.evidence.push_back(Short(StripExpressionIds(nodes[f].simple_string)));
      a.evidence.push_back(Short(StripExpressionIds(nodes[j].simple_string)));
      if (join_rows > 0 && filter_rows >= 0) {
        a.evidence.push_back("the join produced " + std::to_string(join_rows) +
                             " rows, the filter kept " + std::to_string(filter_rows) + " (" +
                             std::to_string(100 * filter_rows / std::max<int64_t>(1, join_rows)) +
                             "%)");
      }
      a.action = "apply the filter to the " + std::string(only_left ? "left" : "right") +
                 " input before the join (a subquery or an earlier .where), or use an inner join "
                 "if the filter "
                 "rejects the nulls an outer join adds";
      a.priced = "not priced: the simulator does not re-plan operators inside a stage";
      out.push_back(std::move(a));
    }
  }
  return out;
}

}  // namespace sparktune::advice
