// ResourceSeconds: the one MB-seconds / core-seconds formula.
#include "engine/cost/resource_seconds.h"

#include <gtest/gtest.h>

#include <vector>

namespace sparktune::engine {
namespace {

TEST(ResourceSeconds, ExecutorsTimesLifetimePlusTheDriverForTheWholeRun) {
  std::vector<ContainerLifetime> executors = {{2048, 2, 10'000}, {2048, 2, 5'000}};
  ResourceSeconds r = ApplicationSeconds(executors, {1024, 1, 20'000});
  EXPECT_DOUBLE_EQ(r.executor_mb_seconds, 2048 * 10 + 2048 * 5);
  EXPECT_DOUBLE_EQ(r.driver_mb_seconds, 1024 * 20);
  EXPECT_DOUBLE_EQ(r.mb_seconds, 2048 * 15 + 1024 * 20);
  EXPECT_DOUBLE_EQ(r.core_seconds, 2 * 15 + 1 * 20);
}

TEST(ResourceSeconds, ARowCanStandForIdenticalContainers) {
  ResourceSeconds one = ContainerSeconds({4096, 4, 60'000, 100});
  EXPECT_DOUBLE_EQ(one.mb_seconds, 100.0 * 4096 * 60);
  EXPECT_DOUBLE_EQ(one.core_seconds, 100.0 * 4 * 60);
}

TEST(ResourceSeconds, ANegativeLifetimeCountsZero) {
  EXPECT_DOUBLE_EQ(ContainerSeconds({4096, 4, -5}).mb_seconds, 0);
}

}  // namespace
}  // namespace sparktune::engine
