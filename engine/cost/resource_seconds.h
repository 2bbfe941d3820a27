// ResourceSeconds: the one formula of MB-seconds and core-seconds, applied to
// observed lifetimes (engine/cost/app_cost: `profile`, the ingest records) and
// to simulated ones (the replay and the scenario simulator), so observed and
// predicted figures always compare (architecture.md section 5, "Cost";
// YARN's RMAppAttemptMetrics memory-seconds, spark-reference.md 4.7):
//
//   MB-seconds   = sum over executor containers of granted MiB x lifetime (s)
//                + the driver container's granted MiB x application duration (s)
//   core-seconds = the same with cores.
//
// A lifetime is in milliseconds and never counts below zero; `count` lets one
// row stand for identical containers (a scenario's executors). Summation
// order is fixed (executors in the given order, then the driver) so every
// caller gets the same rounding. Pure functions, thread-compatible.
#pragma once

#include <cstdint>
#include <span>

namespace sparktune::engine {

struct ContainerLifetime {
  int64_t container_mib = 0;  // granted by the cluster manager
  int cores = 0;
  double lifetime_ms = 0;
  double count = 1;  // identical containers this row stands for
};

struct ResourceSeconds {
  double executor_mb_seconds = 0;
  double driver_mb_seconds = 0;
  double mb_seconds = 0;  // executors + driver
  double core_seconds = 0;
};

// One container row: its MB-seconds and core-seconds.
ResourceSeconds ContainerSeconds(const ContainerLifetime& container);

// An application: its executor containers, then its driver.
ResourceSeconds ApplicationSeconds(std::span<const ContainerLifetime> executors,
                                   const ContainerLifetime& driver);

}  // namespace sparktune::engine
