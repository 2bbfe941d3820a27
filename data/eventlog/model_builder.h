// ModelBuilder: applies decoded listener events, in log order, to a
// model::Application. Job, stage and executor counters follow the History
// Server's AppStatusListener (core/.../status/AppStatusListener.scala,
// Spark 2.3-4.x) so that `profile --json` matches the REST API:
//  * a stage attempt is created PENDING when a JobStart lists it, becomes
//    ACTIVE at StageSubmitted, COMPLETE/FAILED at StageCompleted (SKIPPED if it
//    never had a submission time), and still-PENDING stages of a job become
//    SKIPPED at JobEnd;
//  * a TaskEnd counts as completed (Success), killed (TaskKilled,
//    TaskCommitDenied) or failed (anything else) on its stage attempt, on every
//    job containing that stage when it was submitted, and on its executor while
//    the executor is alive; executor GC/input/shuffle totals skip Resubmitted.
// Not thread-safe; one builder per log.
#pragma once

#include <set>
#include <unordered_map>

#include "data/eventlog/listener_events.h"
#include "data/eventlog/task_id_index.h"
#include "data/model/application.h"

namespace sparktune::eventlog {

class ModelBuilder {
 public:
  explicit ModelBuilder(model::Application* app) : app_(app) {}

  // Applies one decoded event (EventDecoder) by the handlers below; the event
  // is consumed (its strings and plans are moved into the model).
  void Apply(ListenerEvent&& event);

  void OnApplicationStart(const std::string& name, const std::string& app_id,
                          const std::string& attempt_id, const std::string& user, int64_t time);
  void OnApplicationEnd(int64_t time, std::optional<int> exit_code);
  void OnJobStart(const JobStartEvent& e);
  void OnJobEnd(const JobEndEvent& e);
  void OnStageSubmitted(const StageInfoEvent& info);
  void OnStageCompleted(const StageInfoEvent& info);
  void OnTaskStart(const TaskStartEvent& e);
  void OnTaskEnd(TaskEndEvent& e);
  void OnExecutorAdded(const ExecutorAddedEvent& e);
  void OnExecutorRemoved(const ExecutorRemovedEvent& e);
  void OnBlockManagerAdded(const BlockManagerAddedEvent& e);
  void OnLogStart(const LogStartEvent& e);
  void OnEnvironmentUpdate(EnvironmentUpdateEvent&& e);
  void OnResourceProfileAdded(const ResourceProfileAddedEvent& e);
  void OnSqlExecutionStart(SqlExecutionStartEvent&& e);
  void OnSqlExecutionEnd(SqlExecutionEndEvent&& e);
  void OnSqlAdaptiveExecutionUpdate(SqlAdaptiveExecutionUpdateEvent&& e);
  void OnSqlAdaptiveMetricUpdates(SqlAdaptiveMetricUpdatesEvent&& e);
  void OnDriverAccumUpdates(const DriverAccumUpdatesEvent& e);
  // Records the latest timestamp seen (for logs without ApplicationEnd).
  void SeeTime(int64_t time) {
    if (time > app_->last_event_time) app_->last_event_time = time;
  }
  // ExecutorMetrics peaks (AppStatusListener: compareAndUpdatePeakValues on
  // live executors); only TotalGCTime (3.3+) is kept. -1 = not logged.
  void UpdatePeakGcTime(const std::string& executor_id, int64_t total_gc_time);
  // SQL: links job -> execution.
  void LinkJobToSql(int job_id, int64_t execution_id);

  // Room for `tasks` tasks in Application::tasks: a capacity hint with no
  // effect on the model, ignored when the memory cannot be had.
  void ReserveTasks(size_t tasks);

  // Completes derived state after the last event (job/stage links of SQL; job times that
  // logs before Spark 1.3 do not write, taken from the job's stages).
  void Finish();

 private:
  uint32_t GetOrCreateExecutor(const std::string& id, int64_t add_time);
  // Executor of a task; an executor never announced is created (not live).
  uint32_t GetOrCreateExecutorForTask(const std::string& id, const std::string& host, int64_t time);
  // Index of the stage attempt's record, creating it PENDING; `live` tells
  // whether it was created or revived in the live set.
  size_t GetOrCreateStage(const StageInfoEvent& info);
  int LiveJobIndex(int job_id) const;
  void FillJobTimesFromStages();

  model::Application* app_;
  std::map<std::pair<int, int>, size_t> stage_index_;                // (stage, attempt) -> index
  std::set<std::pair<int, int>> live_stages_;                        // AppStatusListener.liveStages
  std::map<std::pair<int, int>, std::vector<int>> stage_live_jobs_;  // stage.jobs (indices)
  std::unordered_map<int, size_t> job_index_;                        // job id -> index in app->jobs
  std::set<int> live_jobs_;                                          // job ids
  TaskIdIndex task_index_;  // task id -> index in app->tasks
  std::set<std::string> live_executors_;
};

}  // namespace sparktune::eventlog
