#include "simulator/workload/replay_stage.h"

namespace sparktune::simulator {

ReplayStage StageAsLogged(const model::Application& app, const LoggedStage& logged) {
  ReplayStage st;
  st.logged = &logged;
  st.stage_id = logged.stage_id;
  st.tasks.reserve(logged.tasks.size());
  for (uint32_t ti : logged.tasks) st.tasks.push_back({TaskDataOf(app.tasks[ti]), 0});
  st.observed_tasks = static_cast<int>(st.tasks.size());
  return st;
}

std::vector<TaskData> StageTaskData(const ReplayStage& stage) {
  std::vector<TaskData> out;
  out.reserve(stage.tasks.size());
  for (const ReplayTask& t : stage.tasks) out.push_back(t.data);
  return out;
}

TaskData TotalWithoutSpill(const ReplayStage& stage) {
  TaskData total{};
  for (const ReplayTask& t : stage.tasks) total.Add(t.data);
  total.spilled_bytes = 0;
  return total;
}

}  // namespace sparktune::simulator
