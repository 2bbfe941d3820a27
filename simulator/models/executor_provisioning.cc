#include "simulator/models/executor_provisioning.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>

#include "data/config/config_catalog.h"

namespace sparktune::simulator {

namespace keys = config::keys;

namespace {

// The most executor cores registered at once in the observed run (a dynamic
// allocation log adds and removes executors over time).
int MaxConcurrentCores(const std::vector<ExecutorSpec>& execs) {
  std::vector<std::pair<double, int>> edges;
  for (const ExecutorSpec& e : execs) {
    edges.push_back({e.start_ms, e.cores});
    if (e.end_ms < 1e299) edges.push_back({e.end_ms, -e.cores});
  }
  std::sort(edges.begin(), edges.end());  // removals before additions at one instant
  int cur = 0, best = 0;
  for (auto& [t, d] : edges) best = std::max(best, cur += d);
  return best;
}

// local[*]: the machine's cores, seen as the most tasks ever running at once.
int MaxTaskConcurrency(const model::Application& app) {
  std::vector<std::pair<int64_t, int>> edges;
  for (const model::Task& t : app.tasks) {
    if (t.finish_time <= 0) continue;
    edges.push_back({t.launch_time, 1});
    edges.push_back({t.finish_time, -1});
  }
  std::sort(edges.begin(), edges.end());
  int cur = 0, best = 0;
  for (auto& [t, d] : edges) best = std::max(best, cur += d);
  return std::max(best, 1);
}

void ProvisionLocal(const model::Application& app, const engine::EffectiveConfig& config,
                    ExecutorProvisioning* p) {
  int cores = LocalModeCores(config.Get(std::string(keys::kMaster)));
  if (cores == 0) {
    cores = MaxTaskConcurrency(app);
    p->notes.push_back("local[*]: slots taken as the highest task concurrency seen (" +
                       std::to_string(cores) + ")");
  }
  ExecutorSpec x;
  x.id = "driver";
  x.cores = cores;
  p->executors.push_back(x);
}

void ProvisionStatic(const model::Application& app, const engine::EffectiveConfig& config,
                     bool instances_changed, bool from_dynamic,
                     const std::vector<ExecutorSpec>& observed, double app_start,
                     ExecutorProvisioning* p) {
  int cores = static_cast<int>(config.GetInt(std::string(keys::kExecutorCores), p->observed_cores));
  const std::string instances_key(keys::kExecutorInstances);
  int n = instances_changed || from_dynamic ? static_cast<int>(config.GetInt(instances_key, 2))
                                            : static_cast<int>(observed.size());
  if (!instances_changed && p->manager == engine::ClusterManager::kStandalone) {
    // Standalone packs as many executors of the requested cores as the
    // workers' cores allow; the workers' cores are what the observed
    // executors held at once.
    n = std::max(1, MaxConcurrentCores(observed) / std::max(1, cores));
  }
  std::vector<double> starts;
  for (const auto& e : observed) starts.push_back(e.start_ms);
  std::sort(starts.begin(), starts.end());
  // Static executors are all requested when the SparkContext starts: from a
  // dynamic-allocation log they register after the measured request latency
  // (or with the first observed one); otherwise as observed, the i-th when
  // the i-th did (the last observed offset beyond that).
  double static_start = starts.empty() ? 0 : starts.front();
  if (from_dynamic) {
    ExecutorStartupLatency latency = MeasureExecutorStartup(app, true, app_start);
    if (latency.from_request_times) static_start = std::min(static_start, latency.ms);
  }
  for (int i = 0; i < n; ++i) {
    ExecutorSpec x;
    x.id = std::to_string(i + 1);
    x.start_ms = starts.empty() ? 0
                 : from_dynamic ? static_start
                                : starts[std::min<size_t>(i, starts.size() - 1)];
    x.cores = std::max(1, cores);
    p->executors.push_back(x);
  }
  p->notes.push_back(
      "executors: " + std::to_string(n) + " x " + std::to_string(cores) + " cores, " +
      (from_dynamic ? "static (the log's dynamic allocation switched off), from the start"
                    : "started at the observed start-up offsets"));
}

}  // namespace

bool RegisteredAfterTheEnd(const model::Executor& e, const model::Application& app) {
  int64_t end = app.end_time >= 0 ? app.end_time : app.last_event_time;
  return app.end_time >= 0 && e.add_time > end;
}

int LocalModeCores(const std::string& master) {
  if (master == "local") return 1;
  size_t open = master.find('[');
  if (open == std::string::npos) return 0;
  std::string inside = master.substr(open + 1);
  if (inside.empty() || inside[0] == '*') return 0;
  return std::max(1, std::atoi(inside.c_str()));
}

std::vector<ExecutorSpec> ObservedExecutors(const model::Application& app, double app_start) {
  // Earliest task launch per executor, in one pass over the tasks (executor
  // ids are unique, so an index stands for its id).
  std::vector<int64_t> first_launch(app.executors.size(), INT64_MAX);
  for (const model::Task& t : app.tasks) {
    if (t.launch_time > 0 && t.executor < first_launch.size())
      first_launch[t.executor] = std::min(first_launch[t.executor], t.launch_time);
  }
  std::vector<ExecutorSpec> out;
  for (size_t i = 0; i < app.executors.size(); ++i) {
    const model::Executor& e = app.executors[i];
    if (e.is_driver() || !e.seen_executor_added || RegisteredAfterTheEnd(e, app)) continue;
    ExecutorSpec x;
    x.id = e.id;
    x.start_ms = static_cast<double>(std::min(e.add_time, first_launch[i])) - app_start;
    x.end_ms = e.remove_time >= 0 ? static_cast<double>(e.remove_time) - app_start : 1e300;
    x.cores = std::max(1, e.total_cores);
    out.push_back(x);
  }
  return out;
}

ExecutorProvisioning ProvisionExecutors(const model::Application& app,
                                        const engine::EffectiveConfig& observed,
                                        const engine::EffectiveConfig& config,
                                        const std::map<std::string, std::string>& overrides,
                                        const std::vector<ExecutorSpec>& observed_executors,
                                        double app_start) {
  ExecutorProvisioning p;
  p.manager = engine::ClusterManagerFromMaster(config.Get(std::string(keys::kMaster)));
  p.local = p.manager == engine::ClusterManager::kLocal || observed_executors.empty();
  p.observed_cores = observed_executors.empty() ? 1 : observed_executors.front().cores;
  bool cores_changed = overrides.count(std::string(keys::kExecutorCores)) > 0;
  bool instances_changed = overrides.count(std::string(keys::kExecutorInstances)) > 0;
  const std::string da_key(keys::kDynamicAllocationEnabled);
  bool da_new = config.GetBool(da_key, false);
  bool da_obs = observed.GetBool(da_key, false);
  bool da_knobs_changed = false;
  for (const auto& [k, v] : overrides) {
    if (k.starts_with(keys::kDynamicAllocationPrefix) && observed.Get(k) != v)
      da_knobs_changed = true;
  }
  p.dynamic = !p.local && da_new && (!da_obs || da_knobs_changed || cores_changed);
  p.same_as_observed = !cores_changed && !instances_changed && !p.dynamic && !(da_obs && !da_new);
  if (p.dynamic) {
    p.policy = ReadDynamicAllocationPolicy(config, p.manager, p.observed_cores,
                                           MaxConcurrentCores(observed_executors),
                                           MeasureExecutorStartup(app, da_obs, app_start));
    double first_start = observed_executors.empty() ? 0 : observed_executors.front().start_ms;
    for (const auto& e : observed_executors) first_start = std::min(first_start, e.start_ms);
    p.executors = InitialDynamicExecutors(p.policy, first_start);
    p.notes.push_back(DescribeDynamicAllocation(p.policy, p.executors.size()));
  } else if (p.local) {
    ProvisionLocal(app, config, &p);
  } else if (p.same_as_observed) {
    p.executors = observed_executors;
  } else {
    ProvisionStatic(app, config, instances_changed, da_obs && !da_new, observed_executors,
                    app_start, &p);
  }
  p.executor_cores =
      !p.executors.empty() ? p.executors.front().cores
      : p.dynamic
          ? static_cast<int>(config.GetInt(std::string(keys::kExecutorCores), p.observed_cores))
          : 1;
  for (const ExecutorSpec& e : p.executors) p.total_cores += e.cores;
  return p;
}

}  // namespace sparktune::simulator
