#include "advisor/advice/cache_repeated_scan.h"

#include <map>
#include <set>

#include "advisor/advice/plan_evidence.h"

namespace sparktune::advice {

namespace {

bool IsStoredScan(const std::string& name) {
  if (name.starts_with("InMemoryTableScan") || name.starts_with("LocalTableScan")) return false;
  return name.starts_with("Scan") || name.starts_with("FileScan") ||
         name.starts_with("BatchScan") || name.starts_with("HiveTableScan") ||
         name.starts_with("RowDataSourceScan");
}

}  // namespace

std::vector<Advice> CacheRepeatedScan::Advise(const AdviceContext& ctx) const {
  struct Use {
    int64_t execution_id;
    std::vector<int> stages;
  };
  std::map<std::string, std::vector<Use>> uses;  // scan identity -> uses
  for (const auto& ex : ctx.plan.executions) {
    if (ex.final_plan == nullptr) continue;
    std::set<std::string> in_this;
    for (size_t q = 0; q < ex.stages.stages.size(); ++q) {
      for (int n : ex.stages.stages[q].scans) {
        const model::PlanNode& node = ex.final_plan->nodes[n];
        if (!IsStoredScan(node.node_name)) continue;
        std::string key = StripExpressionIds(node.simple_string);
        if (!in_this.insert(key).second) continue;
        uses[key].push_back({ex.execution_id, SparkStageIds(ctx.app, ex, q)});
      }
    }
  }
  std::vector<Advice> out;
  for (const auto& [key, list] : uses) {
    if (list.size() < 2) continue;
    Advice a;
    a.id = std::string(id());
    a.title = "the same scan is read by " + std::to_string(list.size()) + " SQL executions";
    a.evidence.push_back(Short(key));
    double repeated_task_ms = 0;
    for (size_t i = 0; i < list.size(); ++i) {
      int64_t input = 0;
      for (int sid : list[i].stages) {
        a.stage_ids.push_back(sid);
        for (const model::StageAttempt& s : ctx.app.stages) {
          if (s.stage_id == sid) input = std::max<int64_t>(input, s.totals.input_bytes);
        }
        if (i > 0) {
          for (const auto& st : ctx.baseline.stages) {
            if (st.stage_id == sid) repeated_task_ms += st.task_time_ms;
          }
        }
      }
      a.evidence.push_back("execution " + std::to_string(list[i].execution_id) +
                           ": scan stages read " + Bytes(static_cast<double>(input)));
    }
    a.action =
        "persist the DataFrame of this scan once (df.cache() or CACHE TABLE) before the queries "
        "that share it";
    a.priced = "not priced; the repeated scans' stages took " +
               std::to_string(static_cast<int64_t>(repeated_task_ms / 1000)) +
               " s of task time in the replay (an upper bound of the saving)";
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace sparktune::advice
