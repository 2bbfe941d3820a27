#include "simulator/workload/observed_saturation.h"

#include <algorithm>
#include <utility>

namespace sparktune::simulator {

ObservedSaturation::ObservedSaturation(const model::Application& app, int task_cpus,
                                       int local_slots) {
  // (time, running delta, slot delta)
  struct Edge {
    int64_t t;
    int running;
    int slots;
  };
  std::vector<Edge> edges;
  edges.reserve(app.tasks.size() * 2 + app.executors.size() * 2);
  for (const model::Task& t : app.tasks) {
    if (t.launch_time <= 0 || t.finish_time <= t.launch_time) continue;
    edges.push_back({t.launch_time, 1, 0});
    edges.push_back({t.finish_time, -1, 0});
  }
  if (edges.empty()) return;
  int cpus = std::max(1, task_cpus);
  bool from_executors = false;
  if (local_slots == 0) {
    for (const model::Executor& e : app.executors) {
      if (e.is_driver() || !e.seen_executor_added || e.add_time < 0) continue;
      int slots = std::max(1, e.total_cores) / cpus;
      if (slots <= 0) continue;
      edges.push_back({e.add_time, 0, slots});
      if (e.remove_time >= 0) edges.push_back({e.remove_time, 0, -slots});
      from_executors = true;
    }
  }
  if (from_executors) {
    // From the application start, before any executor registered.
    int64_t origin = edges.front().t;
    for (const Edge& e : edges) origin = std::min(origin, e.t);
    if (app.start_time > 0) origin = std::min(origin, app.start_time);
    edges.push_back({origin, 0, 0});
  }
  int fixed_slots = std::max(0, local_slots);
  if (!from_executors && fixed_slots <= 0) {
    // No executor events: the most tasks ever seen running at once.
    std::vector<std::pair<int64_t, int>> runs;
    for (const Edge& e : edges) runs.push_back({e.t, e.running});
    std::sort(runs.begin(), runs.end());
    int cur = 0;
    for (auto& [t, d] : runs) fixed_slots = std::max(fixed_slots, cur += d);
  }
  // All changes at one instant are applied before the state is read, so a
  // slot handed from one task to the next is neither idle nor over-full.
  std::sort(edges.begin(), edges.end(), [](const Edge& a, const Edge& b) { return a.t < b.t; });
  int running = 0, slots = from_executors ? 0 : fixed_slots;
  double before = 0;
  for (size_t i = 0; i < edges.size();) {
    int64_t t = edges[i].t;
    while (i < edges.size() && edges[i].t == t) {
      running += edges[i].running;
      slots += edges[i].slots;
      ++i;
    }
    if (!times_.empty()) before += saturated_.back() ? static_cast<double>(t) - times_.back() : 0;
    times_.push_back(static_cast<double>(t));
    // No slot at all (no executor registered yet) counts as busy: waiting
    // for executors is executor availability, which the simulation models.
    saturated_.push_back(running >= slots);
    prefix_.push_back(before);
  }
}

double ObservedSaturation::SaturatedMs(double from, double to) const {
  if (times_.empty() || from >= to) return 0;
  // Saturated ms before x.
  auto upto = [&](double x) {
    auto it = std::upper_bound(times_.begin(), times_.end(), x);
    if (it == times_.begin()) return 0.0;
    size_t i = static_cast<size_t>(it - times_.begin()) - 1;
    return prefix_[i] + (saturated_[i] ? x - times_[i] : 0.0);
  };
  return std::max(0.0, upto(to) - upto(from));
}

}  // namespace sparktune::simulator
