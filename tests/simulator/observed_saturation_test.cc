// ObservedSaturation: the time within a window during which the observed run
// had every task slot busy (queueing the simulator redoes itself, so it is
// not carried over as a stage's transition latency).
#include "simulator/workload/observed_saturation.h"

#include <gtest/gtest.h>

namespace sparktune::simulator {
namespace {

constexpr double kT0 = 1'000'000;

model::Task TaskOn(uint32_t executor, int64_t launch, int64_t finish) {
  model::Task t;
  t.executor = executor;
  // Epoch ms in a log; 0 would mean "never launched".
  t.launch_time = 1'000'000 + launch;
  t.finish_time = 1'000'000 + finish;
  t.status = model::TaskStatus::kSuccess;
  return t;
}

model::Executor ExecutorWith(const std::string& id, int cores, int64_t added,
                             int64_t removed = -1) {
  model::Executor e;
  e.id = id;
  e.total_cores = cores;
  e.add_time = 1'000'000 + added;
  e.remove_time = removed < 0 ? -1 : 1'000'000 + removed;
  e.seen_executor_added = true;
  return e;
}

TEST(ObservedSaturation, CountsOnlyTheTimeEverySlotWasBusy) {
  model::Application app;
  app.executors.push_back(ExecutorWith("1", 2, 0));
  // Two slots: both busy 100..200, one busy 200..300, both busy again 300..350.
  app.tasks.push_back(TaskOn(0, 100, 200));
  app.tasks.push_back(TaskOn(0, 100, 300));
  app.tasks.push_back(TaskOn(0, 300, 350));
  app.tasks.push_back(TaskOn(0, 300, 400));
  ObservedSaturation s(app, /*task_cpus=*/1, /*local_slots=*/0);
  EXPECT_DOUBLE_EQ(s.SaturatedMs(kT0 + 0, kT0 + 1000), 150);
  EXPECT_DOUBLE_EQ(s.SaturatedMs(kT0 + 150, kT0 + 320), 70);  // 150..200 and 300..320
  EXPECT_DOUBLE_EQ(s.SaturatedMs(kT0 + 200, kT0 + 300), 0);   // a slot was free: a real wait
  EXPECT_DOUBLE_EQ(s.SaturatedMs(kT0 + 320, kT0 + 150), 0);
}

TEST(ObservedSaturation, ATaskHandedItsSlotAtTheSameMillisecondLeavesItBusy) {
  model::Application app;
  app.executors.push_back(ExecutorWith("1", 1, 0));
  app.tasks.push_back(TaskOn(0, 0, 100));
  app.tasks.push_back(TaskOn(0, 100, 200));
  ObservedSaturation s(app, 1, 0);
  EXPECT_DOUBLE_EQ(s.SaturatedMs(kT0 + 0, kT0 + 200), 200);
}

TEST(ObservedSaturation, SlotsFollowExecutorsAndTaskCpus) {
  model::Application app;
  app.executors.push_back(ExecutorWith("1", 4, 0, 500));
  app.executors.push_back(ExecutorWith("2", 4, 200));
  // task.cpus = 2: two slots per executor. Two tasks fill executor 1 alone
  // (0..200), not once executor 2 has registered (200..300); after executor 1
  // is removed at 500, two tasks fill the cluster again.
  app.tasks.push_back(TaskOn(0, 0, 300));
  app.tasks.push_back(TaskOn(0, 0, 300));
  app.tasks.push_back(TaskOn(1, 600, 700));
  app.tasks.push_back(TaskOn(1, 600, 700));
  ObservedSaturation s(app, 2, 0);
  EXPECT_DOUBLE_EQ(s.SaturatedMs(kT0 + 0, kT0 + 300), 200);
  EXPECT_DOUBLE_EQ(s.SaturatedMs(kT0 + 550, kT0 + 800), 100);
}

TEST(ObservedSaturation, WaitingForTheFirstExecutorIsNotADriverLatency) {
  model::Application app;
  app.start_time = 1'000'000;
  // Dynamic allocation from zero: the executor registers at 500.
  app.executors.push_back(ExecutorWith("1", 1, 500));
  app.tasks.push_back(TaskOn(0, 600, 700));
  ObservedSaturation s(app, 1, 0);
  EXPECT_DOUBLE_EQ(s.SaturatedMs(kT0 + 100, kT0 + 600),
                   400);  // 100..500 no executor; 500..600 a free slot
}

TEST(ObservedSaturation, LocalModeUsesItsSlotCountAndOtherwiseTheHighestConcurrency) {
  model::Application app;
  app.tasks.push_back(TaskOn(0, 0, 100));
  app.tasks.push_back(TaskOn(0, 50, 100));
  EXPECT_DOUBLE_EQ(ObservedSaturation(app, 1, 4).SaturatedMs(kT0 + 0, kT0 + 100), 0);  // local[4]
  EXPECT_DOUBLE_EQ(ObservedSaturation(app, 1, 0).SaturatedMs(kT0 + 0, kT0 + 100),
                   50);  // two at once at most
  EXPECT_DOUBLE_EQ(ObservedSaturation(model::Application{}, 1, 0).SaturatedMs(kT0 + 0, kT0 + 100),
                   0);
}

}  // namespace
}  // namespace sparktune::simulator
