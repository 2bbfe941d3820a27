// ExecutorStartup: the request-to-registration latency of an executor, as the
// log shows it (request times, else a static run's first registration, else a prior).
#include "simulator/models/executor_startup.h"

#include <gtest/gtest.h>

namespace sparktune::simulator {
namespace {

constexpr int64_t kStart = 1'000'000;

model::Executor Exec(const std::string& id, int64_t added, int64_t requested = -1) {
  model::Executor e;
  e.id = id;
  e.total_cores = 2;
  e.add_time = kStart + added;
  e.request_time = requested < 0 ? -1 : kStart + requested;
  e.seen_executor_added = true;
  return e;
}

model::Application App(std::vector<model::Executor> execs) {
  model::Application app;
  app.start_time = kStart;
  app.executors = std::move(execs);
  return app;
}

TEST(ExecutorStartup, PrefersTheLoggedRequestTimes) {
  auto app = App({Exec("1", 10'000, 7'000), Exec("2", 30'000, 26'000), Exec("3", 31'000, 21'000)});
  auto l = MeasureExecutorStartup(app, true, kStart);
  EXPECT_TRUE(l.from_request_times);
  EXPECT_DOUBLE_EQ(l.ms, 4000);  // the median of 3, 4 and 10 s
}

TEST(ExecutorStartup, ElseTheFirstRegistrationOfAStaticRunElseAPrior) {
  auto app = App({Exec("1", 14'000), Exec("2", 12'000)});
  EXPECT_DOUBLE_EQ(MeasureExecutorStartup(app, false, kStart).ms, 12'000);
  EXPECT_DOUBLE_EQ(MeasureExecutorStartup(app, true, kStart).ms, kExecutorStartupPriorMs);
}

}  // namespace
}  // namespace sparktune::simulator
