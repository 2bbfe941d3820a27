#include "engine/plan/stage_mapping.h"

#include <algorithm>
#include <set>

namespace sparktune::engine::plan {

std::vector<std::vector<int>> MapQueryStagesToSparkStages(const PlanStages& stages,
                                                          const model::Application& app,
                                                          const std::vector<int>& job_ids) {
  std::vector<std::vector<int>> out(stages.stages.size());
  std::set<int> stage_ids;
  for (int job_id : job_ids) {
    const model::Job* job = app.FindJob(job_id);
    if (!job) continue;
    stage_ids.insert(job->stage_ids.begin(), job->stage_ids.end());
  }
  for (size_t a = 0; a < app.stages.size(); ++a) {
    const model::StageAttempt& s = app.stages[a];
    if (!stage_ids.count(s.stage_id) || s.status == model::StageStatus::kSkipped ||
        s.status == model::StageStatus::kPending)
      continue;
    std::vector<int64_t> ids;
    for (const auto& acc : s.accumulables)
      if (acc.sql) ids.push_back(acc.id);
    std::sort(ids.begin(), ids.end());
    int best = -1;
    size_t best_overlap = 0;
    for (size_t q = 0; q < stages.stages.size(); ++q) {
      const auto& qids = stages.stages[q].accumulator_ids;
      size_t overlap = 0;
      auto i = ids.begin();
      auto j = qids.begin();
      while (i != ids.end() && j != qids.end()) {
        if (*i < *j)
          ++i;
        else if (*j < *i)
          ++j;
        else {
          ++overlap;
          ++i;
          ++j;
        }
      }
      if (overlap > best_overlap) {
        best_overlap = overlap;
        best = static_cast<int>(q);
      }
    }
    if (best >= 0) out[best].push_back(static_cast<int>(a));
  }
  return out;
}

}  // namespace sparktune::engine::plan
