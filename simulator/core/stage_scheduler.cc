#include "simulator/core/stage_scheduler.h"

namespace sparktune::simulator {

int StageScheduler::AddJob(int64_t priority) {
  ScheduledJob job;
  job.priority = priority;
  jobs_.push_back(std::move(job));
  return static_cast<int>(jobs_.size()) - 1;
}

int StageScheduler::AddStage(int job, std::vector<int> parents, std::vector<ScheduledTask> tasks) {
  int index = static_cast<int>(stages_.size());
  ScheduledStage stage;
  stage.job = job;
  stage.parents = std::move(parents);
  stage.tasks = std::move(tasks);
  stages_.push_back(std::move(stage));
  jobs_[job].stages.push_back(index);
  return index;
}

int StageScheduler::AddWorker(const Worker& worker) {
  int w = static_cast<int>(workers_.size());
  workers_.push_back(worker);
  loop_->At(worker.start_ms, [this, w]() {
    Worker& x = workers_[w];
    x.alive = true;
    x.free_slots = x.slots;
    x.cold_slots = x.free_slots;
    x.idle_since = loop_->now();
    if (hooks_.worker_idle) hooks_.worker_idle(w);
    Dispatch();
  });
  if (worker.end_ms < 1e299) loop_->At(worker.end_ms, [this, w]() { workers_[w].alive = false; });
  return w;
}

void StageScheduler::Link() {
  linked_ = true;
  for (size_t s = 0; s < stages_.size(); ++s)
    for (int p : stages_[s].parents) stages_[p].children.push_back(static_cast<int>(s));
}

void StageScheduler::SubmitJob(int job) {
  if (!linked_) Link();
  ScheduledJob& j = jobs_[job];
  j.submit_ms = loop_->now();
  j.stages_left = static_cast<int>(j.stages.size());
  for (int s : j.stages) {
    ScheduledStage& st = stages_[s];
    st.parents_left = 0;
    for (int p : st.parents) st.parents_left += stages_[p].complete ? 0 : 1;
    if (st.parents_left == 0) Unblock(s);
  }
}

void StageScheduler::Unblock(int stage) {
  ScheduledStage& st = stages_[stage];
  if (st.unblocked) return;
  st.unblocked = true;
  hooks_.stage_unblocked(stage);
}

void StageScheduler::MakeRunnable(int stage) {
  runnable_.insert({jobs_[stages_[stage].job].priority, stage});
}

void StageScheduler::Dispatch() {
  const double now = loop_->now();
  for (auto it = runnable_.begin(); it != runnable_.end();) {
    const int s = it->second;
    ScheduledStage& st = stages_[s];
    for (size_t w = 0; w < workers_.size(); ++w) {
      Worker& x = workers_[w];
      while (x.alive && x.free_slots > 0 && st.next_task < st.tasks.size()) {
        const ScheduledTask& t = st.tasks[st.next_task++];
        --x.free_slots;
        x.idle_since = -1;
        if (t.keeps_output) x.holds_output = true;
        double duration = t.duration_ms;
        if (x.cold_slots > 0) {
          --x.cold_slots;
          duration += x.warmup_ms;
          st.warmup_ms += x.warmup_ms;
        }
        ++st.running;
        if (st.start_ms < 0) st.start_ms = now;
        const int wi = static_cast<int>(w);
        loop_->At(now + duration, [this, wi, s]() { TaskDone(wi, s); });
      }
    }
    if (st.next_task >= st.tasks.size()) {
      it = runnable_.erase(it);
    } else {
      ++it;
    }
  }
  if (hooks_.dispatched) hooks_.dispatched(!runnable_.empty());
}

void StageScheduler::TaskDone(int worker, int stage) {
  Worker& x = workers_[worker];
  ++x.free_slots;
  if (x.free_slots == x.slots) {
    x.idle_since = loop_->now();
    if (hooks_.worker_idle) hooks_.worker_idle(worker);
  }
  ScheduledStage& st = stages_[stage];
  --st.running;
  ++st.done;
  if (st.done == static_cast<int>(st.tasks.size())) hooks_.last_task_done(stage);
  Dispatch();
}

void StageScheduler::CompleteStage(int stage) {
  ScheduledStage& st = stages_[stage];
  st.complete = true;
  if (st.start_ms < 0) st.start_ms = loop_->now();
  st.end_ms = loop_->now();
  for (int c : st.children) {
    if (--stages_[c].parents_left == 0 && jobs_[stages_[c].job].submit_ms >= 0) Unblock(c);
  }
  ScheduledJob& job = jobs_[st.job];
  if (--job.stages_left == 0) FinishJob(st.job);
}

void StageScheduler::FinishJob(int job) {
  ScheduledJob& j = jobs_[job];
  if (j.end_ms >= 0) return;
  j.end_ms = loop_->now();
  if (hooks_.job_done) hooks_.job_done(job);
}

void StageScheduler::RemoveWorker(int worker) {
  Worker& x = workers_[worker];
  x.removed = true;
  x.alive = false;
  x.end_ms = loop_->now();
}

int64_t StageScheduler::PendingTasks() const {
  int64_t pending = 0;
  for (const auto& [priority, s] : runnable_)
    pending += static_cast<int64_t>(stages_[s].tasks.size() - stages_[s].next_task);
  return pending;
}

int64_t StageScheduler::RunningTasks() const {
  int64_t running = 0;
  for (const ScheduledStage& st : stages_) running += st.running;
  return running;
}

int64_t StageScheduler::KeptWorkers() const {
  int64_t kept = 0;
  for (const Worker& x : workers_) kept += x.removed ? 0 : 1;
  return kept;
}

}  // namespace sparktune::simulator
