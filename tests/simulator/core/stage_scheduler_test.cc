// StageScheduler: DAG readiness, FIFO by job then stage over worker slots,
// warm-up of fresh slots, workers that leave, idle workers.
#include "simulator/core/stage_scheduler.h"

#include <gtest/gtest.h>

#include <vector>

namespace sparktune::simulator {
namespace {

std::vector<ScheduledTask> Tasks(int n, double ms) {
  return std::vector<ScheduledTask>(n, {ms, false});
}

Worker WorkerOf(int64_t slots, double start = 0, double end = 1e300, double warmup = 0) {
  Worker w;
  w.slots = slots;
  w.start_ms = start;
  w.end_ms = end;
  w.warmup_ms = warmup;
  return w;
}

// A scheduler whose unblocked stages run at once and complete with their last
// task; records the order in which jobs finish.
struct Harness {
  EventLoop loop;
  std::unique_ptr<StageScheduler> sched;
  std::vector<int> jobs_done;
  std::vector<int> idle_workers;
  Harness() {
    StageScheduler::Hooks hooks;
    hooks.stage_unblocked = [this](int s) {
      if (sched->stages()[s].tasks.empty()) {
        sched->CompleteStage(s);
        return;
      }
      sched->MakeRunnable(s);
      sched->Dispatch();
    };
    hooks.last_task_done = [this](int s) { sched->CompleteStage(s); };
    hooks.job_done = [this](int j) { jobs_done.push_back(j); };
    hooks.worker_idle = [this](int w) { idle_workers.push_back(w); };
    sched = std::make_unique<StageScheduler>(&loop, std::move(hooks));
  }
};

TEST(StageScheduler, TasksFillEverySlotInWaves) {
  Harness h;
  int job = h.sched->AddJob(0);
  int s = h.sched->AddStage(job, {}, Tasks(8, 100));
  h.sched->AddWorker(WorkerOf(2));
  h.sched->AddWorker(WorkerOf(2));
  h.loop.At(0, [&]() { h.sched->SubmitJob(job); });
  h.loop.Run();
  // 8 tasks on 4 slots: two waves of 100 ms.
  EXPECT_DOUBLE_EQ(h.sched->stages()[s].start_ms, 0);
  EXPECT_DOUBLE_EQ(h.sched->stages()[s].end_ms, 200);
  EXPECT_DOUBLE_EQ(h.sched->jobs()[job].end_ms, 200);
}

TEST(StageScheduler, AChildWaitsForEveryParent) {
  Harness h;
  int job = h.sched->AddJob(0);
  int fast = h.sched->AddStage(job, {}, Tasks(1, 50));
  int slow = h.sched->AddStage(job, {}, Tasks(1, 300));
  int child = h.sched->AddStage(job, {fast, slow}, Tasks(1, 10));
  h.sched->AddWorker(WorkerOf(4));
  h.loop.At(0, [&]() { h.sched->SubmitJob(job); });
  h.loop.Run();
  EXPECT_DOUBLE_EQ(h.sched->stages()[child].start_ms, 300);
  EXPECT_DOUBLE_EQ(h.sched->stages()[child].end_ms, 310);
}

TEST(StageScheduler, SlotsGoToTheLowerJobPriorityFirst) {
  Harness h;
  // Job 0 (priority 7) and job 1 (priority 3) are submitted together on one
  // slot: FIFO by priority (Spark's job id) runs job 1's stage first.
  int late = h.sched->AddJob(7);
  int early = h.sched->AddJob(3);
  int a = h.sched->AddStage(late, {}, Tasks(2, 100));
  int b = h.sched->AddStage(early, {}, Tasks(2, 100));
  h.sched->AddWorker(WorkerOf(1, /*start=*/10));
  h.loop.At(0, [&]() {
    h.sched->SubmitJob(late);
    h.sched->SubmitJob(early);
  });
  h.loop.Run();
  EXPECT_DOUBLE_EQ(h.sched->stages()[b].start_ms, 10);
  EXPECT_DOUBLE_EQ(h.sched->stages()[b].end_ms, 210);
  EXPECT_DOUBLE_EQ(h.sched->stages()[a].start_ms, 210);
  EXPECT_EQ(h.jobs_done, (std::vector<int>{early, late}));
}

TEST(StageScheduler, AParentCompletedInAnEarlierJobDoesNotBlock) {
  Harness h;
  int first = h.sched->AddJob(0);
  int second = h.sched->AddJob(1);
  int map = h.sched->AddStage(first, {}, Tasks(1, 100));
  int reduce = h.sched->AddStage(second, {map}, Tasks(1, 100));
  h.sched->AddWorker(WorkerOf(1));
  h.loop.At(0, [&]() { h.sched->SubmitJob(first); });
  h.loop.At(500, [&]() { h.sched->SubmitJob(second); });
  h.loop.Run();
  EXPECT_DOUBLE_EQ(h.sched->stages()[reduce].start_ms, 500);
}

TEST(StageScheduler, EachFreshSlotPaysItsWarmUpOnce) {
  Harness h;
  int job = h.sched->AddJob(0);
  int s = h.sched->AddStage(job, {}, Tasks(4, 100));
  h.sched->AddWorker(WorkerOf(2, 0, 1e300, /*warmup=*/50));
  h.loop.At(0, [&]() { h.sched->SubmitJob(job); });
  h.loop.Run();
  // First wave 150 ms, second 100 ms.
  EXPECT_DOUBLE_EQ(h.sched->stages()[s].end_ms, 250);
  EXPECT_DOUBLE_EQ(h.sched->stages()[s].warmup_ms, 100);
}

TEST(StageScheduler, AWorkerThatLeftStartsNoMoreTasks) {
  Harness h;
  int job = h.sched->AddJob(0);
  int s = h.sched->AddStage(job, {}, Tasks(3, 100));
  h.sched->AddWorker(WorkerOf(1, 0, /*end=*/150));
  h.sched->AddWorker(WorkerOf(1, /*start=*/400));
  h.loop.At(0, [&]() { h.sched->SubmitJob(job); });
  h.loop.Run();
  // The first worker runs a task at 0 and one at 100, which it finishes
  // although it leaves at 150 (the model does not kill running tasks); no
  // third task starts on it. The second worker runs that one from 400.
  EXPECT_DOUBLE_EQ(h.sched->stages()[s].end_ms, 500);
  EXPECT_FALSE(h.sched->workers()[0].alive);
}

TEST(StageScheduler, IdleWorkersAreReportedAndCanBeRemoved) {
  Harness h;
  int job = h.sched->AddJob(0);
  h.sched->AddStage(job, {}, Tasks(1, 100));
  h.sched->AddWorker(WorkerOf(1));
  h.sched->AddWorker(WorkerOf(1));
  h.loop.At(0, [&]() { h.sched->SubmitJob(job); });
  h.loop.At(50, [&]() {
    EXPECT_EQ(h.sched->RunningTasks(), 1);
    h.sched->RemoveWorker(1);
  });
  h.loop.Run();
  // Both were idle when they started; worker 0 again after its task.
  EXPECT_EQ(h.idle_workers, (std::vector<int>{0, 1, 0}));
  EXPECT_EQ(h.sched->KeptWorkers(), 1);
  EXPECT_DOUBLE_EQ(h.sched->workers()[1].end_ms, 50);
  EXPECT_TRUE(h.sched->workers()[0].idle_since == 100);
}

TEST(StageScheduler, PendingTasksCountOnlyRunnableStages) {
  Harness h;
  int job = h.sched->AddJob(0);
  int map = h.sched->AddStage(job, {}, Tasks(5, 100));
  h.sched->AddStage(job, {map}, Tasks(7, 100));
  h.sched->AddWorker(WorkerOf(2));
  h.loop.At(0, [&]() { h.sched->SubmitJob(job); });
  h.loop.At(10, [&]() {
    EXPECT_EQ(h.sched->PendingTasks(), 3);  // the child is blocked
    EXPECT_EQ(h.sched->RunningTasks(), 2);
  });
  h.loop.Run();
}

}  // namespace
}  // namespace sparktune::simulator
