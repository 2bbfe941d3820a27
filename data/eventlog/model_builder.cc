#include "data/eventlog/model_builder.h"

#include <algorithm>
#include <exception>
#include <utility>
#include <variant>

namespace sparktune::eventlog {

using model::JobStatus;
using model::StageStatus;
using model::TaskEndReason;

namespace {
template <typename T>
void AddUnique(std::vector<T>* v, T value) {
  if (std::find(v->begin(), v->end(), value) == v->end()) v->push_back(value);
}
}  // namespace

namespace {
// ListenerEvent alternative -> handler.
struct EventApplier {
  ModelBuilder* b;
  void operator()(std::monostate) {}
  void operator()(LogStartEvent& e) { b->OnLogStart(e); }
  void operator()(ApplicationStartEvent& e) {
    b->OnApplicationStart(e.name, e.app_id, e.attempt_id, e.user, e.time);
  }
  void operator()(ApplicationEndEvent& e) { b->OnApplicationEnd(e.time, e.exit_code); }
  void operator()(EnvironmentUpdateEvent& e) { b->OnEnvironmentUpdate(std::move(e)); }
  void operator()(ResourceProfileAddedEvent& e) { b->OnResourceProfileAdded(e); }
  void operator()(ExecutorAddedEvent& e) { b->OnExecutorAdded(e); }
  void operator()(ExecutorRemovedEvent& e) { b->OnExecutorRemoved(e); }
  void operator()(BlockManagerAddedEvent& e) { b->OnBlockManagerAdded(e); }
  void operator()(JobStartEvent& e) { b->OnJobStart(e); }
  void operator()(JobEndEvent& e) { b->OnJobEnd(e); }
  void operator()(StageSubmittedEvent& e) { b->OnStageSubmitted(e.info); }
  void operator()(StageCompletedEvent& e) { b->OnStageCompleted(e.info); }
  void operator()(TaskStartEvent& e) { b->OnTaskStart(e); }
  void operator()(TaskEndEvent& e) { b->OnTaskEnd(e); }
  void operator()(SqlExecutionStartEvent& e) { b->OnSqlExecutionStart(std::move(e)); }
  void operator()(SqlExecutionEndEvent& e) { b->OnSqlExecutionEnd(std::move(e)); }
  void operator()(SqlAdaptiveExecutionUpdateEvent& e) {
    b->OnSqlAdaptiveExecutionUpdate(std::move(e));
  }
  void operator()(SqlAdaptiveMetricUpdatesEvent& e) { b->OnSqlAdaptiveMetricUpdates(std::move(e)); }
  void operator()(DriverAccumUpdatesEvent& e) { b->OnDriverAccumUpdates(e); }
  void operator()(ExecutorGcPeaksEvent& e) {
    for (int64_t gc : e.total_gc_times) b->UpdatePeakGcTime(e.executor_id, gc);
  }
};
}  // namespace

void ModelBuilder::Apply(ListenerEvent&& event) { std::visit(EventApplier{this}, event); }

void ModelBuilder::OnLogStart(const LogStartEvent& e) {
  app_->spark_version = SparkVersion::Parse(e.spark_version);
  app_->evidence.has_log_start = true;
  if (e.databricks) {
    app_->evidence.databricks_header = true;
    SeeTime(e.timestamp);
  }
}

void ModelBuilder::OnEnvironmentUpdate(EnvironmentUpdateEvent&& e) {
  app_->evidence.has_environment = true;
  for (auto& [key, value] : e.spark) app_->spark_properties[std::move(key)] = std::move(value);
  for (auto& [key, value] : e.hadoop) app_->hadoop_properties[std::move(key)] = std::move(value);
  for (auto& [key, value] : e.system) app_->system_properties[std::move(key)] = std::move(value);
}

void ModelBuilder::OnResourceProfileAdded(const ResourceProfileAddedEvent& e) {
  app_->resource_profiles[e.profile.id] = e.profile;
}

void ModelBuilder::OnSqlExecutionStart(SqlExecutionStartEvent&& e) {
  model::SqlExecution& sql = app_->sql_executions[e.execution_id];
  sql.execution_id = e.execution_id;
  sql.root_execution_id = e.root_execution_id;
  sql.description = std::move(e.description);
  sql.start_time = e.time;
  if (e.has_plan) sql.initial_plan = std::move(e.plan);
  SeeTime(sql.start_time);
}

void ModelBuilder::OnSqlExecutionEnd(SqlExecutionEndEvent&& e) {
  model::SqlExecution& sql = app_->sql_executions[e.execution_id];
  sql.execution_id = e.execution_id;
  sql.end_time = e.time;
  sql.error_message = std::move(e.error_message);
  SeeTime(sql.end_time);
}

void ModelBuilder::OnSqlAdaptiveExecutionUpdate(SqlAdaptiveExecutionUpdateEvent&& e) {
  model::SqlExecution& sql = app_->sql_executions[e.execution_id];
  sql.execution_id = e.execution_id;
  if (e.has_plan) sql.adaptive_updates.push_back(std::move(e.plan));
}

void ModelBuilder::OnSqlAdaptiveMetricUpdates(SqlAdaptiveMetricUpdatesEvent&& e) {
  model::SqlExecution& sql = app_->sql_executions[e.execution_id];
  sql.execution_id = e.execution_id;
  for (model::PlanMetric& m : e.metrics) sql.extra_metrics.push_back(std::move(m));
}

void ModelBuilder::OnDriverAccumUpdates(const DriverAccumUpdatesEvent& e) {
  for (const auto& [id, value] : e.updates) app_->driver_accum_updates[id].push_back(value);
}

void ModelBuilder::OnApplicationStart(const std::string& name, const std::string& app_id,
                                      const std::string& attempt_id, const std::string& user,
                                      int64_t time) {
  app_->name = name;
  if (!app_id.empty()) app_->app_id = app_id;
  app_->attempt_id = attempt_id;
  app_->user = user;
  app_->start_time = time;
  SeeTime(time);
}

void ModelBuilder::OnApplicationEnd(int64_t time, std::optional<int> exit_code) {
  app_->end_time = time;
  app_->exit_code = exit_code;
  app_->evidence.has_app_end = true;
  SeeTime(time);
}

uint32_t ModelBuilder::GetOrCreateExecutor(const std::string& id, int64_t add_time) {
  auto it = app_->executor_index.find(id);
  if (it != app_->executor_index.end()) return it->second;
  uint32_t index = static_cast<uint32_t>(app_->executors.size());
  model::Executor exec;
  exec.id = id;
  exec.add_time = add_time;
  app_->executors.push_back(std::move(exec));
  app_->executor_index.emplace(id, index);
  live_executors_.insert(id);
  return index;
}

uint32_t ModelBuilder::GetOrCreateExecutorForTask(const std::string& id, const std::string& host,
                                                  int64_t time) {
  auto it = app_->executor_index.find(id);
  if (it != app_->executor_index.end()) return it->second;
  // Not announced by ExecutorAdded/BlockManagerAdded: keep the task's facts
  // but, like AppStatusListener, do not count it as a live executor.
  uint32_t index = GetOrCreateExecutor(id, time);
  live_executors_.erase(id);
  app_->executors[index].host = host;
  return index;
}

void ModelBuilder::OnExecutorAdded(const ExecutorAddedEvent& e) {
  uint32_t i = GetOrCreateExecutor(e.executor_id, e.time);
  model::Executor& exec = app_->executors[i];
  exec.host = e.host;
  exec.total_cores = e.total_cores;
  exec.resource_profile_id = e.resource_profile_id;
  if (e.request_time > 0 && e.request_time <= e.time) exec.request_time = e.request_time;
  exec.seen_executor_added = true;
  SeeTime(e.time);
}

void ModelBuilder::OnExecutorRemoved(const ExecutorRemovedEvent& e) {
  auto it = app_->executor_index.find(e.executor_id);
  if (it != app_->executor_index.end()) {
    model::Executor& exec = app_->executors[it->second];
    exec.remove_time = e.time;
    exec.remove_reason = e.reason;
  }
  live_executors_.erase(e.executor_id);
  SeeTime(e.time);
}

void ModelBuilder::OnBlockManagerAdded(const BlockManagerAddedEvent& e) {
  // AppStatusListener.onBlockManagerAdded: the driver is an "executor" known
  // only through its block manager.
  uint32_t i = GetOrCreateExecutor(e.executor_id, e.time);
  model::Executor& exec = app_->executors[i];
  if (exec.host.empty()) exec.host = e.host;
  exec.max_memory = e.max_memory;
  live_executors_.insert(e.executor_id);
  if (e.time > 0) SeeTime(e.time);
}

size_t ModelBuilder::GetOrCreateStage(const StageInfoEvent& info) {
  auto key = std::make_pair(info.stage_id, info.attempt_id);
  auto it = stage_index_.find(key);
  size_t index;
  if (it == stage_index_.end()) {
    index = app_->stages.size();
    model::StageAttempt s;
    s.stage_id = info.stage_id;
    s.attempt_id = info.attempt_id;
    app_->stages.push_back(std::move(s));
    stage_index_.emplace(key, index);
  } else {
    index = it->second;
  }
  live_stages_.insert(key);
  model::StageAttempt& s = app_->stages[index];
  s.name = info.name;
  if (!info.details.empty()) s.details = info.details;
  s.num_tasks = info.num_tasks;
  s.parent_ids = info.parent_ids;
  if (!info.rdd_ids.empty()) s.rdd_ids = info.rdd_ids;
  s.resource_profile_id = info.resource_profile_id;
  return index;
}

int ModelBuilder::LiveJobIndex(int job_id) const {
  auto it = job_index_.find(job_id);
  return it == job_index_.end() ? -1 : static_cast<int>(it->second);
}

void ModelBuilder::OnJobStart(const JobStartEvent& e) {
  model::Job job;
  job.job_id = e.job_id;
  job.submission_time = e.submission_time;
  job.stage_ids = e.stage_ids;
  int last_stage = -1;
  for (const StageInfoEvent& info : e.stage_infos) {
    if (info.stage_id >= last_stage) {
      last_stage = info.stage_id;
      job.name = info.name;
    }
    if (info.completion_time < 0) job.num_tasks += info.num_tasks;
  }
  if (auto p = e.properties.find("spark.job.description"); p != e.properties.end())
    job.description = p->second;
  if (auto p = e.properties.find("spark.jobGroup.id"); p != e.properties.end())
    job.job_group = p->second;
  if (auto p = e.properties.find("spark.sql.execution.id"); p != e.properties.end()) {
    char* end = nullptr;
    long long id = std::strtoll(p->second.c_str(), &end, 10);
    if (end != p->second.c_str()) job.sql_execution_id = id;
  }
  size_t job_idx = app_->jobs.size();
  // A job id seen twice (corrupt log) keeps the newest record reachable.
  job_index_[e.job_id] = job_idx;
  live_jobs_.insert(e.job_id);
  app_->jobs.push_back(std::move(job));
  for (const StageInfoEvent& info : e.stage_infos) {
    size_t s = GetOrCreateStage(info);
    model::StageAttempt& stage = app_->stages[s];
    AddUnique(&stage.job_ids, e.job_id);
    AddUnique(&stage_live_jobs_[{info.stage_id, info.attempt_id}], static_cast<int>(job_idx));
  }
  if (app_->jobs.back().sql_execution_id) {
    LinkJobToSql(e.job_id, *app_->jobs.back().sql_execution_id);
  }
  if (e.submission_time > 0) SeeTime(e.submission_time);
}

void ModelBuilder::OnJobEnd(const JobEndEvent& e) {
  int j = LiveJobIndex(e.job_id);
  if (j < 0 || !live_jobs_.count(e.job_id)) return;
  live_jobs_.erase(e.job_id);
  model::Job& job = app_->jobs[j];
  // Pending stages of this job are skipped (AppStatusListener.onJobEnd).
  for (auto it = live_stages_.begin(); it != live_stages_.end();) {
    size_t s = stage_index_[*it];
    model::StageAttempt& stage = app_->stages[s];
    bool in_job = std::find(job.stage_ids.begin(), job.stage_ids.end(), stage.stage_id) !=
                  job.stage_ids.end();
    if (in_job && stage.status == StageStatus::kPending) {
      stage.status = StageStatus::kSkipped;
      AddUnique(&job.skipped_stages, stage.stage_id);
      job.skipped_tasks += stage.num_tasks;
      it = live_stages_.erase(it);
    } else {
      ++it;
    }
  }
  job.status = e.succeeded ? JobStatus::kSucceeded : JobStatus::kFailed;
  job.completion_time = e.completion_time;
  if (e.completion_time > 0) SeeTime(e.completion_time);
}

void ModelBuilder::OnStageSubmitted(const StageInfoEvent& info) {
  size_t s = GetOrCreateStage(info);
  model::StageAttempt& stage = app_->stages[s];
  stage.status = StageStatus::kActive;
  if (info.submission_time >= 0) stage.submission_time = info.submission_time;
  // The stage belongs to every live job that lists it.
  std::vector<int>& jobs = stage_live_jobs_[{info.stage_id, info.attempt_id}];
  jobs.clear();
  for (int job_id : live_jobs_) {
    int j = LiveJobIndex(job_id);
    if (j < 0) continue;
    model::Job& job = app_->jobs[j];
    if (std::find(job.stage_ids.begin(), job.stage_ids.end(), info.stage_id) == job.stage_ids.end())
      continue;
    jobs.push_back(j);
    AddUnique(&stage.job_ids, job_id);
    job.completed_stages.erase(
        std::remove(job.completed_stages.begin(), job.completed_stages.end(), info.stage_id),
        job.completed_stages.end());
  }
  if (info.submission_time > 0) SeeTime(info.submission_time);
}

namespace {
// AppStatusListener.onStageCompleted: FAILED with a failure reason, COMPLETE
// when it was submitted, else SKIPPED.
model::StageStatus CompletedStatus(const StageInfoEvent& info) {
  if (info.failure_reason) return StageStatus::kFailed;
  return info.submission_time >= 0 ? StageStatus::kComplete : StageStatus::kSkipped;
}
}  // namespace

void ModelBuilder::OnStageCompleted(const StageInfoEvent& info) {
  auto key = std::make_pair(info.stage_id, info.attempt_id);
  if (!live_stages_.count(key)) {
    // Not live (e.g. the log lost its submission): record the facts only.
    size_t s = GetOrCreateStage(info);
    live_stages_.erase(key);
    model::StageAttempt& stage = app_->stages[s];
    stage.submission_time = info.submission_time;
    stage.completion_time = info.completion_time;
    stage.accumulables = info.accumulables;
    if (info.failure_reason) stage.failure_reason = *info.failure_reason;
    stage.status = CompletedStatus(info);
    return;
  }
  size_t s = stage_index_[key];
  model::StageAttempt& stage = app_->stages[s];
  stage.name = info.name;
  stage.num_tasks = info.num_tasks;
  stage.submission_time = info.submission_time;
  stage.completion_time = info.completion_time;
  stage.accumulables = info.accumulables;
  if (info.failure_reason) stage.failure_reason = *info.failure_reason;
  stage.status = CompletedStatus(info);
  for (int j : stage_live_jobs_[key]) {
    model::Job& job = app_->jobs[j];
    switch (stage.status) {
      case StageStatus::kComplete:
        AddUnique(&job.completed_stages, info.stage_id);
        break;
      case StageStatus::kSkipped:
        AddUnique(&job.skipped_stages, info.stage_id);
        job.skipped_tasks += info.num_tasks;
        break;
      default:
        job.failed_stages += 1;
        break;
    }
  }
  if (stage.active_tasks <= 0) live_stages_.erase(key);
  if (info.completion_time > 0) SeeTime(info.completion_time);
}

void ModelBuilder::OnTaskStart(const TaskStartEvent& e) {
  uint32_t exec = GetOrCreateExecutorForTask(e.executor_id, e.host, e.task.launch_time);
  model::Task task = e.task;
  task.executor = exec;
  if (task_index_.Find(task.task_id) == nullptr) {
    task_index_.Insert(task.task_id, static_cast<uint32_t>(app_->tasks.size()));
    app_->tasks.push_back(task);
  }
  auto key = std::make_pair(e.stage_id, e.stage_attempt_id);
  if (live_stages_.count(key)) {
    model::StageAttempt& stage = app_->stages[stage_index_[key]];
    stage.active_tasks += 1;
    if (stage.first_task_launched_time < 0 || task.launch_time < stage.first_task_launched_time)
      stage.first_task_launched_time = task.launch_time;
    for (int j : stage_live_jobs_[key]) app_->jobs[j].active_tasks += 1;
  }
  if (live_executors_.count(e.executor_id)) {
    model::Executor& x = app_->executors[exec];
    x.active_tasks += 1;
    x.total_tasks += 1;
  }
  SeeTime(task.launch_time);
}

void ModelBuilder::OnTaskEnd(TaskEndEvent& e) {
  if (e.metrics_have_peak_execution_memory) app_->evidence.has_peak_execution_memory = true;
  if (e.metrics_have_executor_cpu_time) app_->evidence.has_executor_cpu_time = true;
  if (e.has_task_executor_metrics) UpdatePeakGcTime(e.executor_id, e.task_executor_total_gc_time);
  uint32_t exec = GetOrCreateExecutorForTask(e.executor_id, e.host, e.task.launch_time);
  e.task.executor = exec;
  uint32_t task_pos;
  const uint32_t* existing = task_index_.Find(e.task.task_id);
  if (existing == nullptr) {
    task_pos = static_cast<uint32_t>(app_->tasks.size());
    task_index_.Insert(e.task.task_id, task_pos);
    app_->tasks.push_back(e.task);
  } else {
    task_pos = *existing;
    app_->tasks[task_pos] = e.task;
  }
  const model::Task& task = app_->tasks[task_pos];
  int completed = 0, failed = 0, killed = 0;
  switch (task.end_reason) {
    case TaskEndReason::kSuccess:
      completed = 1;
      break;
    case TaskEndReason::kTaskKilled:
    case TaskEndReason::kTaskCommitDenied:
      killed = 1;
      break;
    default:
      failed = 1;
      break;
  }
  auto key = std::make_pair(e.stage_id, e.stage_attempt_id);
  auto sit = stage_index_.find(key);
  if (sit != stage_index_.end()) app_->stages[sit->second].tasks.push_back(task_pos);
  if (live_stages_.count(key)) {
    model::StageAttempt& stage = app_->stages[sit->second];
    if (task.has_metrics) stage.totals.Add(task.metrics);
    stage.active_tasks -= 1;
    stage.complete_tasks += completed;
    stage.failed_tasks += failed;
    stage.killed_tasks += killed;
    for (int j : stage_live_jobs_[key]) {
      model::Job& job = app_->jobs[j];
      job.active_tasks -= 1;
      job.completed_tasks += completed;
      job.failed_tasks += failed;
      job.killed_tasks += killed;
    }
    bool done = stage.status == StageStatus::kComplete || stage.status == StageStatus::kFailed;
    if (stage.active_tasks <= 0 && done) live_stages_.erase(key);
  }
  if (live_executors_.count(e.executor_id)) {
    model::Executor& x = app_->executors[exec];
    x.active_tasks -= 1;
    x.completed_tasks += completed;
    x.failed_tasks += failed;
    x.total_duration += task.duration();
    // Resubmitted tasks keep the first attempt's metrics (AppStatusListener).
    if (task.end_reason != TaskEndReason::kResubmitted && task.has_metrics) {
      x.total_gc_time += task.metrics.jvm_gc_time;
      x.total_input_bytes += task.metrics.input_bytes;
      x.total_shuffle_read += task.metrics.shuffle_read_bytes();
      x.total_shuffle_write += task.metrics.shuffle_bytes_written;
    }
  }
  if (task.finish_time > 0) SeeTime(task.finish_time);
}

void ModelBuilder::UpdatePeakGcTime(const std::string& executor_id, int64_t total_gc_time) {
  if (total_gc_time < 0 || !live_executors_.count(executor_id)) return;
  auto it = app_->executor_index.find(executor_id);
  if (it == app_->executor_index.end()) return;
  int64_t& peak = app_->executors[it->second].peak_total_gc_time;
  peak = std::max(peak, total_gc_time);
}

void ModelBuilder::LinkJobToSql(int job_id, int64_t execution_id) {
  model::SqlExecution& sql = app_->sql_executions[execution_id];
  sql.execution_id = execution_id;
  AddUnique(&sql.job_ids, job_id);
}

void ModelBuilder::ReserveTasks(size_t tasks) {
  try {
    app_->tasks.reserve(tasks);
  } catch (const std::exception&) {
    // std::bad_alloc or std::length_error: the table grows as it goes instead.
  }
}

void ModelBuilder::Finish() {
  for (auto& [id, sql] : app_->sql_executions) {
    std::sort(sql.job_ids.begin(), sql.job_ids.end());
  }
  FillJobTimesFromStages();
}

// SparkListenerJobStart/JobEnd gained "Submission Time"/"Completion Time" in Spark 1.3
// (JsonProtocol.jobStartToJson/jobEndToJson; 1.2 and older write neither). A job without them
// takes its first stage submission and, once it ended, its last stage completion: the times
// the 1.3+ DAGScheduler would have written are within milliseconds of those.
void ModelBuilder::FillJobTimesFromStages() {
  std::unordered_map<int, std::pair<int64_t, int64_t>> stage_span;  // stage id -> first, last
  for (const model::StageAttempt& s : app_->stages) {
    auto [it, added] = stage_span.try_emplace(s.stage_id, s.submission_time, s.completion_time);
    if (added) continue;
    if (s.submission_time >= 0 && (it->second.first < 0 || s.submission_time < it->second.first))
      it->second.first = s.submission_time;
    it->second.second = std::max(it->second.second, s.completion_time);
  }
  for (model::Job& job : app_->jobs) {
    if (job.submission_time >= 0 &&
        (job.completion_time >= 0 || job.status == model::JobStatus::kRunning))
      continue;
    int64_t first = -1, last = -1;
    for (int stage_id : job.stage_ids) {
      auto it = stage_span.find(stage_id);
      if (it == stage_span.end()) continue;
      if (it->second.first >= 0 && (first < 0 || it->second.first < first))
        first = it->second.first;
      last = std::max(last, it->second.second);
    }
    if (job.submission_time < 0) job.submission_time = first;
    if (job.completion_time < 0 && job.status != model::JobStatus::kRunning)
      job.completion_time = last;
  }
}

}  // namespace sparktune::eventlog
