#include "engine/cost/resource_seconds.h"

#include <algorithm>

namespace sparktune::engine {

ResourceSeconds ContainerSeconds(const ContainerLifetime& container) {
  ResourceSeconds out;
  double seconds = std::max(0.0, container.lifetime_ms) / 1000.0;
  out.mb_seconds = container.count * static_cast<double>(container.container_mib) * seconds;
  out.core_seconds = container.count * static_cast<double>(container.cores) * seconds;
  return out;
}

ResourceSeconds ApplicationSeconds(std::span<const ContainerLifetime> executors,
                                   const ContainerLifetime& driver) {
  ResourceSeconds out;
  for (const ContainerLifetime& e : executors) {
    ResourceSeconds one = ContainerSeconds(e);
    out.executor_mb_seconds += one.mb_seconds;
    out.core_seconds += one.core_seconds;
  }
  ResourceSeconds d = ContainerSeconds(driver);
  out.driver_mb_seconds = d.mb_seconds;
  out.core_seconds += d.core_seconds;
  out.mb_seconds = out.executor_mb_seconds + out.driver_mb_seconds;
  return out;
}

}  // namespace sparktune::engine
