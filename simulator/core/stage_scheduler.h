// StageScheduler: runs a DAG of stages, grouped in jobs, on the task slots of
// a set of workers, over the EventLoop. It knows nothing about Spark: a stage
// is a list of task durations, a job a FIFO priority and its stages, a worker
// a number of slots alive between two instants.
//
//  * DAG readiness: a stage is unblocked once its job is submitted and every
//    parent stage is complete (parents in jobs submitted earlier count when
//    already complete). What happens then is the owner's (`stage_unblocked`):
//    it may make the stage runnable at once, after a latency, or complete it.
//  * Slots, FIFO: Dispatch() offers free slots to the runnable stages in order
//    of (job priority, stage index), each stage taking every free slot of
//    every live worker, in worker order, before the next stage gets any (the
//    order of Spark's FIFOSchedulableBuilder: job id, then stage id).
//  * A task runs for its duration, plus the worker's warm-up on each slot's
//    first task (a fresh JVM); when it ends its slot is offered again.
//
// The owner decides the timing around the DAG through Hooks (driver-side
// latencies, job arrivals, the end of a stage after its last task, executor
// allocation) and calls CompleteStage / FinishJob / AddWorker /
// RemoveWorker from them. Times are the loop's milliseconds.
//
// Not thread-safe; one scheduler per simulation, owned with its loop.
#pragma once

#include <cstdint>
#include <functional>
#include <set>
#include <utility>
#include <vector>

#include "simulator/core/event_loop.h"

namespace sparktune::simulator {

struct ScheduledTask {
  double duration_ms = 0;
  bool keeps_output = false;  // its output stays on its worker (a shuffle map task's files)
};

struct ScheduledStage {
  int job = -1;
  std::vector<int> parents;  // stage indices
  std::vector<int> children;
  std::vector<ScheduledTask> tasks;
  // State while running.
  size_t next_task = 0;
  int running = 0;
  int done = 0;
  int parents_left = 0;
  bool unblocked = false;
  bool complete = false;
  double start_ms = -1;  // first task launch (or completion of a stage without tasks)
  double end_ms = 0;
  double warmup_ms = 0;  // sum of the warm-up its tasks paid
};

struct ScheduledJob {
  int64_t priority = 0;  // FIFO: lower runs first (Spark: the job id)
  std::vector<int> stages;
  int stages_left = 0;
  double submit_ms = -1;
  double end_ms = -1;
};

struct Worker {
  double start_ms = 0;
  double end_ms = 1e300;  // when it leaves (1e300: never)
  int64_t slots = 1;
  double warmup_ms = 0;  // extra time of the first task on each slot
  // State while running.
  bool alive = false;
  bool removed = false;  // taken away by RemoveWorker
  int64_t free_slots = 0;
  int64_t cold_slots = 0;
  double idle_since = -1;     // when its last task ended with every slot free; -1 while busy
  bool holds_output = false;  // ran a task whose output stays on it
};

class StageScheduler {
 public:
  struct Hooks {
    // A stage became unblocked (once per stage).
    std::function<void(int stage)> stage_unblocked;
    // The last task of a stage ended.
    std::function<void(int stage)> last_task_done;
    // A job finished (FinishJob); optional.
    std::function<void(int job)> job_done;
    // A worker has every slot free: it just started or its last task ended; optional.
    std::function<void(int worker)> worker_idle;
    // After each Dispatch: whether runnable tasks are still waiting for a slot; optional.
    std::function<void(bool backlog)> dispatched;
  };

  StageScheduler(EventLoop* loop, Hooks hooks) : loop_(loop), hooks_(std::move(hooks)) {}

  // Workload, before the run: jobs, then their stages (parents are stage
  // indices, in any order; children are derived, in stage order, when the
  // first job is submitted).
  int AddJob(int64_t priority);
  int AddStage(int job, std::vector<int> parents, std::vector<ScheduledTask> tasks);
  // A worker joins at its start (its slots become free and Dispatch runs) and
  // leaves at its end; may be called during the run.
  int AddWorker(const Worker& worker);

  // During the run (from events and hooks).
  void SubmitJob(int job);
  // The stage's tasks may take slots (call Dispatch afterwards).
  void MakeRunnable(int stage);
  void Dispatch();
  // Marks a stage complete now: unblocks its children, finishes its job when
  // it was the job's last stage.
  void CompleteStage(int stage);
  // Marks a job finished now (once) and calls job_done.
  void FinishJob(int job);
  // Takes a worker away now (idle executors removed by dynamic allocation).
  void RemoveWorker(int worker);

  // Tasks of runnable stages not launched yet, and tasks running.
  int64_t PendingTasks() const;
  int64_t RunningTasks() const;
  // Workers not removed (alive or still to start).
  int64_t KeptWorkers() const;

  const std::vector<ScheduledStage>& stages() const { return stages_; }
  const std::vector<ScheduledJob>& jobs() const { return jobs_; }
  const std::vector<Worker>& workers() const { return workers_; }
  EventLoop& loop() { return *loop_; }

 private:
  void Link();
  void Unblock(int stage);
  void TaskDone(int worker, int stage);

  EventLoop* loop_;
  Hooks hooks_;
  std::vector<ScheduledStage> stages_;
  std::vector<ScheduledJob> jobs_;
  std::vector<Worker> workers_;
  std::set<std::pair<int64_t, int>> runnable_;  // (job priority, stage index)
  bool linked_ = false;
};

}  // namespace sparktune::simulator
