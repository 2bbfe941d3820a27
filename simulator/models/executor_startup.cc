#include "simulator/models/executor_startup.h"

#include <vector>

#include "data/base/stats.h"

namespace sparktune::simulator {

ExecutorStartupLatency MeasureExecutorStartup(const model::Application& app,
                                              bool dynamic_allocation, double app_start) {
  ExecutorStartupLatency out;
  std::vector<double> latencies;
  double first_add = -1;
  for (const model::Executor& e : app.executors) {
    if (e.is_driver() || !e.seen_executor_added || e.add_time < 0) continue;
    if (e.request_time > 0) latencies.push_back(static_cast<double>(e.add_time - e.request_time));
    double offset = static_cast<double>(e.add_time) - app_start;
    if (first_add < 0 || offset < first_add) first_add = offset;
  }
  if (!latencies.empty()) {
    out.ms = stats::Median(latencies);
    out.source = "the log's executor request-to-registration times";
    out.from_request_times = true;
  } else if (!dynamic_allocation && first_add >= 0) {
    out.ms = first_add;
    out.source = "the first executor's registration after the application start";
  } else {
    out.source = "a prior (the log cannot tell)";
  }
  return out;
}

}  // namespace sparktune::simulator
