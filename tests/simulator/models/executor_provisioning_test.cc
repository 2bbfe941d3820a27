// ExecutorProvisioning: the executors a simulated run starts with, by case.
#include "simulator/models/executor_provisioning.h"

#include <gtest/gtest.h>

namespace sparktune::simulator {
namespace {

constexpr int64_t kStart = 1'000'000;

model::Executor Exec(const std::string& id, int cores, int64_t added, int64_t removed = -1,
                     int64_t requested = -1) {
  model::Executor e;
  e.id = id;
  e.total_cores = cores;
  e.add_time = kStart + added;
  e.remove_time = removed < 0 ? -1 : kStart + removed;
  e.request_time = requested < 0 ? -1 : kStart + requested;
  e.seen_executor_added = true;
  return e;
}

model::Application App(const std::string& master, std::vector<model::Executor> execs) {
  model::Application app;
  app.start_time = kStart;
  app.end_time = kStart + 100'000;
  app.last_event_time = app.end_time;
  app.spark_version = SparkVersion::Parse("3.5.0");
  app.spark_properties["spark.master"] = master;
  app.executors = std::move(execs);
  return app;
}

ExecutorProvisioning Provision(const model::Application& app,
                               const std::map<std::string, std::string>& overrides) {
  engine::EffectiveConfig observed = engine::EffectiveConfig::FromApplication(app);
  engine::EffectiveConfig config = observed;
  for (const auto& [k, v] : overrides) config.Set(k, v);
  return ProvisionExecutors(app, observed, config, overrides, ObservedExecutors(app, kStart),
                            kStart);
}

TEST(ExecutorProvisioning, KeepsTheLoggedExecutorsWhenNothingChangesThem) {
  auto app = App("spark://m:7077", {Exec("1", 2, 5000), Exec("2", 2, 6000, 90'000)});
  auto p = Provision(app, {{"spark.executor.memory", "8g"}});
  EXPECT_TRUE(p.same_as_observed);
  ASSERT_EQ(p.executors.size(), 2u);
  EXPECT_DOUBLE_EQ(p.executors[0].start_ms, 5000);
  EXPECT_DOUBLE_EQ(p.executors[1].end_ms, 90'000);
  EXPECT_EQ(p.total_cores, 4);
}

TEST(ExecutorProvisioning, StandalonePacksTheWorkersCoresIntoTheNewShape) {
  auto app = App("spark://m:7077", {Exec("1", 2, 5000), Exec("2", 2, 6000)});
  auto p = Provision(app, {{"spark.executor.cores", "1"}});
  EXPECT_FALSE(p.same_as_observed);
  ASSERT_EQ(p.executors.size(), 4u);  // 4 worker cores / 1
  EXPECT_EQ(p.executors[3].cores, 1);
  EXPECT_DOUBLE_EQ(p.executors[3].start_ms, 6000);  // the last observed offset
}

TEST(ExecutorProvisioning, YarnTakesTheRequestedInstances) {
  auto app = App("yarn", {Exec("1", 4, 5000)});
  auto p = Provision(app, {{"spark.executor.instances", "3"}, {"spark.executor.cores", "2"}});
  ASSERT_EQ(p.executors.size(), 3u);
  EXPECT_EQ(p.total_cores, 6);
}

TEST(ExecutorProvisioning, LocalModeRunsInTheDriverWithItsSlots) {
  auto app = App("local[3]", {});
  auto p = Provision(app, {});
  EXPECT_TRUE(p.local);
  ASSERT_EQ(p.executors.size(), 1u);
  EXPECT_EQ(p.executors[0].id, "driver");
  EXPECT_EQ(p.executors[0].cores, 3);
  EXPECT_EQ(LocalModeCores("local"), 1);
  EXPECT_EQ(LocalModeCores("local[8,2]"), 8);
  EXPECT_EQ(LocalModeCores("local[*]"), 0);
}

TEST(ExecutorProvisioning, TurningDynamicAllocationOnSimulatesIt) {
  auto app = App("yarn", {Exec("1", 2, 5000)});
  auto p = Provision(app, {{"spark.dynamicAllocation.enabled", "true"},
                           {"spark.dynamicAllocation.initialExecutors", "2"},
                           {"spark.dynamicAllocation.maxExecutors", "5"}});
  EXPECT_TRUE(p.dynamic);
  EXPECT_EQ(p.policy.max_executors, 5);
  ASSERT_EQ(p.executors.size(), 2u);
  EXPECT_EQ(p.executors[1].id, "da-2");
  EXPECT_DOUBLE_EQ(p.executors[1].start_ms, 5000);  // with the first observed executor
  ASSERT_FALSE(p.notes.empty());
  EXPECT_NE(p.notes[0].find("dynamic allocation simulated"), std::string::npos);
}

TEST(ExecutorProvisioning, ADynamicLogWithoutItGetsStaticExecutorsFromTheStart) {
  auto app = App("yarn", {Exec("1", 2, 20'000, 40'000, 8'000), Exec("2", 2, 50'000, -1, 38'000)});
  app.spark_properties["spark.dynamicAllocation.enabled"] = "true";
  auto p = Provision(
      app, {{"spark.dynamicAllocation.enabled", "false"}, {"spark.executor.instances", "2"}});
  EXPECT_FALSE(p.dynamic);
  ASSERT_EQ(p.executors.size(), 2u);
  // Registered after the measured request latency (median of 12 s and 12 s).
  EXPECT_DOUBLE_EQ(p.executors[1].start_ms, 12'000);
}

TEST(ExecutorProvisioning, ExecutorsRegisteredAfterTheEndAreLeftOut) {
  auto app = App("yarn", {Exec("1", 2, 5000), Exec("2", 2, 500'000)});
  EXPECT_TRUE(RegisteredAfterTheEnd(app.executors[1], app));
  EXPECT_EQ(ObservedExecutors(app, kStart).size(), 1u);
}

}  // namespace
}  // namespace sparktune::simulator
