#include "advisor/advice/small_file_writes.h"

#include <algorithm>
#include <set>

#include "advisor/advice/plan_evidence.h"
#include "data/base/units.h"

namespace sparktune::advice {

namespace {

using units::kMib;
constexpr int64_t kMinFiles = 64;
constexpr int64_t kSmallFileBytes = 32 * kMib;
constexpr int64_t kTargetFileBytes = 128 * kMib;

}  // namespace

std::vector<Advice> SmallFileWrites::Advise(const AdviceContext& ctx) const {
  std::vector<Advice> out;
  std::set<int64_t> seen_ids;
  for (const auto& [exec_id, sql] : ctx.app.sql_executions) {
    const model::PlanTree& tree = sql.final_plan();
    for (const model::PlanNode& node : tree.nodes) {
      int64_t files_id = MetricId(node, "number of written files");
      int64_t bytes_id = MetricId(node, "written output");
      if (files_id < 0 || bytes_id < 0 || !seen_ids.insert(files_id).second) continue;
      int64_t files = SqlMetricTotal(ctx.app, files_id);
      int64_t bytes = SqlMetricTotal(ctx.app, bytes_id);
      if (files < kMinFiles || bytes < 0) continue;
      double avg = static_cast<double>(bytes) / static_cast<double>(files);
      if (avg >= static_cast<double>(kSmallFileBytes)) continue;
      int64_t parts_id = MetricId(node, "number of dynamic part");
      int64_t parts = parts_id >= 0 ? SqlMetricTotal(ctx.app, parts_id) : -1;
      int64_t target = std::max<int64_t>(std::max<int64_t>(1, parts),
                                         (bytes + kTargetFileBytes - 1) / kTargetFileBytes);
      Advice a;
      a.id = std::string(id());
      a.title = "SQL execution " + std::to_string(exec_id) + " wrote " + std::to_string(files) +
                " files averaging " + Bytes(avg);
      a.evidence.push_back(Short(StripExpressionIds(node.simple_string)));
      a.evidence.push_back(
          "written output " + Bytes(static_cast<double>(bytes)) + " in " + std::to_string(files) +
          " files" + (parts > 0 ? " over " + std::to_string(parts) + " dynamic partitions" : ""));
      for (int jid : sql.job_ids) {
        const model::Job* j = ctx.app.FindJob(jid);
        if (j == nullptr) continue;
        for (int sid : j->stage_ids) {
          if (std::find(a.stage_ids.begin(), a.stage_ids.end(), sid) == a.stage_ids.end())
            a.stage_ids.push_back(sid);
        }
      }
      a.action =
          parts > 0
              ? "repartition by the partition columns before writing (df.repartition(<partition "
                "cols>) "
                "or a /*+ REBALANCE(<partition cols>) */ hint with AQE): about " +
                    std::to_string(target) + " files instead of " + std::to_string(files)
              : "coalesce or rebalance before writing (a /*+ REBALANCE */ hint with AQE, or fewer "
                "output partitions): about " +
                    std::to_string(target) + " files of ~128 MiB";
      a.priced =
          "not priced: the cost of small files falls on later readers, which this log does not "
          "show";
      out.push_back(std::move(a));
    }
  }
  return out;
}

}  // namespace sparktune::advice
