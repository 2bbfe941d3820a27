// DynamicAllocation: executors requested 1, 2, 4, ... while tasks wait,
// registering after the start-up latency; idle ones leave after the idle
// timeout down to minExecutors, shuffle holders kept under shuffle tracking.
// The policy read from the config through the catalog.
#include "simulator/models/dynamic_allocation.h"

#include <gtest/gtest.h>

#include <memory>

namespace sparktune::simulator {
namespace {

DynamicAllocationPolicy Policy() {
  DynamicAllocationPolicy p;
  p.min_executors = 0;
  p.max_executors = 8;
  p.initial_executors = 1;
  p.executor_cores = 1;
  p.task_cpus = 1;
  p.startup.ms = 500;
  p.idle_timeout_ms = 5000;
  p.holder_timeout_ms = 5000;
  p.backlog_timeout_ms = 1000;
  return p;
}

// One stage of `tasks` tasks of `ms` each, run with dynamic allocation from
// one initial executor; returns the executors that took part.
std::vector<ExecutorSpec> RunStage(const DynamicAllocationPolicy& policy, int tasks, double ms,
                                   bool writes_shuffle, std::vector<Worker>* workers) {
  EventLoop loop;
  std::vector<ExecutorSpec> executors = InitialDynamicExecutors(policy, 0);
  std::unique_ptr<DynamicAllocation> da;
  StageScheduler* sched = nullptr;
  StageScheduler::Hooks hooks;
  hooks.stage_unblocked = [&](int s) {
    sched->MakeRunnable(s);
    sched->Dispatch();
  };
  hooks.last_task_done = [&](int s) { sched->CompleteStage(s); };
  hooks.dispatched = [&](bool backlog) { da->OnDispatched(backlog); };
  hooks.worker_idle = [&](int w) { da->OnWorkerIdle(w); };
  StageScheduler scheduler(&loop, std::move(hooks));
  sched = &scheduler;
  da = std::make_unique<DynamicAllocation>(policy, &scheduler, &executors, 0);
  int job = scheduler.AddJob(0);
  scheduler.AddStage(job, {}, std::vector<ScheduledTask>(tasks, {ms, writes_shuffle}));
  for (const ExecutorSpec& e : executors) scheduler.AddWorker(WorkerFor(e, 1, 0));
  loop.At(0, [&]() { scheduler.SubmitJob(job); });
  loop.Run();
  *workers = scheduler.workers();
  return executors;
}

TEST(DynamicAllocation, RequestsDoubleWhileTasksWait) {
  std::vector<Worker> workers;
  auto executors = RunStage(Policy(), 16, 10000, false, &workers);
  ASSERT_EQ(executors.size(), 8u);  // capped by maxExecutors
  // Backlog checks at 1 s (+1), 2 s (+2), 3 s (+4); each registers 0.5 s later.
  std::vector<double> starts;
  for (const Worker& w : workers) starts.push_back(w.start_ms);
  EXPECT_EQ(starts, (std::vector<double>{0, 1500, 2500, 2500, 3500, 3500, 3500, 3500}));
  EXPECT_EQ(executors[7].id, "da-8");
}

TEST(DynamicAllocation, IdleExecutorsLeaveAfterTheTimeoutDownToTheMinimum) {
  DynamicAllocationPolicy p = Policy();
  p.min_executors = 1;
  std::vector<Worker> workers;
  RunStage(p, 4, 10000, false, &workers);
  int kept = 0;
  for (const Worker& w : workers) {
    if (w.removed) {
      EXPECT_DOUBLE_EQ(w.end_ms - w.idle_since, 5000);
    } else {
      ++kept;
    }
  }
  EXPECT_EQ(kept, 1);
}

TEST(DynamicAllocation, ShuffleTrackingKeepsExecutorsHoldingShuffleOutput) {
  DynamicAllocationPolicy p = Policy();
  p.holder_timeout_ms = 1e300;
  std::vector<Worker> workers;
  RunStage(p, 4, 10000, /*writes_shuffle=*/true, &workers);
  for (const Worker& w : workers) EXPECT_FALSE(w.removed);
}

engine::EffectiveConfig Config(std::map<std::string, std::string> props) {
  return engine::EffectiveConfig(std::move(props), SparkVersion::Parse("3.5.0"));
}

TEST(DynamicAllocationPolicy, ReadsTheKeysThroughTheCatalog) {
  auto c = Config({{"spark.dynamicAllocation.maxExecutors", "6"},
                   {"spark.dynamicAllocation.minExecutors", "2"},
                   {"spark.dynamicAllocation.initialExecutors", "3"},
                   {"spark.dynamicAllocation.executorIdleTimeout", "30s"},
                   {"spark.dynamicAllocation.schedulerBacklogTimeout", "2s"},
                   {"spark.dynamicAllocation.shuffleTracking.enabled", "true"},
                   {"spark.dynamicAllocation.shuffleTracking.timeout", "90000"},
                   {"spark.executor.cores", "2"}});
  auto p = ReadDynamicAllocationPolicy(c, engine::ClusterManager::kYarn, 4, 16, {});
  EXPECT_EQ(p.max_executors, 6);
  EXPECT_EQ(p.min_executors, 2);
  EXPECT_EQ(p.initial_executors, 3);
  EXPECT_EQ(p.executor_cores, 2);
  EXPECT_DOUBLE_EQ(p.idle_timeout_ms, 30000);
  EXPECT_DOUBLE_EQ(p.backlog_timeout_ms, 2000);
  // shuffleTracking.timeout is a milliseconds key: a bare 90000 is 90 s.
  EXPECT_DOUBLE_EQ(p.holder_timeout_ms, 90000);
  EXPECT_EQ(InitialDynamicExecutors(p, 100).size(), 3u);
  EXPECT_DOUBLE_EQ(InitialDynamicExecutors(p, 100)[0].start_ms, 100);
}

TEST(DynamicAllocationPolicy, StandaloneWorkersCapTheExecutors) {
  auto c = Config({{"spark.dynamicAllocation.maxExecutors", "50"}, {"spark.executor.cores", "2"}});
  // The observed executors held 8 cores at once: four 2-core executors fit.
  auto p = ReadDynamicAllocationPolicy(c, engine::ClusterManager::kStandalone, 2, 8, {});
  EXPECT_EQ(p.max_executors, 4);
}

TEST(DynamicAllocationPolicy, TrackingWithoutTimeoutKeepsHoldersForever) {
  auto c = Config({{"spark.dynamicAllocation.shuffleTracking.enabled", "true"}});
  EXPECT_GE(
      ReadDynamicAllocationPolicy(c, engine::ClusterManager::kYarn, 1, 1, {}).holder_timeout_ms,
      1e299);
  // With the external shuffle service the files outlive the executor: no tracking.
  auto s = Config({{"spark.dynamicAllocation.shuffleTracking.enabled", "true"},
                   {"spark.shuffle.service.enabled", "true"}});
  EXPECT_DOUBLE_EQ(
      ReadDynamicAllocationPolicy(s, engine::ClusterManager::kYarn, 1, 1, {}).holder_timeout_ms,
      60000);
}

TEST(DynamicAllocationPolicy, AMalformedBacklogTimeoutKeepsTheDefault) {
  auto c = Config({{"spark.dynamicAllocation.schedulerBacklogTimeout", "soon"}});
  EXPECT_DOUBLE_EQ(
      ReadDynamicAllocationPolicy(c, engine::ClusterManager::kYarn, 1, 1, {}).backlog_timeout_ms,
      1000);
}

}  // namespace
}  // namespace sparktune::simulator
