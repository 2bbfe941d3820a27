#include "simulator/workload/app_simulator.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <optional>
#include <set>

#include "data/config/config_catalog.h"
#include "engine/aqe/application_replanner.h"
#include "engine/cost/observed_times.h"
#include "engine/cost/resource_seconds.h"
#include "engine/plan/file_splits.h"
#include "simulator/core/event_loop.h"
#include "simulator/models/spill_model.h"

namespace sparktune::simulator {

namespace keys = config::keys;

namespace {

constexpr double kMib = 1024.0 * 1024.0;
// A reduce partition this many times the median is a heavy key: it does not
// split when the partition count grows (architecture.md, data distributions).
constexpr double kHeavyFactor = 5.0;
// Cost of a spilled MB when the log shows no spill to calibrate from:
// serialize + compress + write + read back, about 8 ms per in-memory MB.
constexpr double kPriorSpillMsPerMb = 8.0;
// Bounds on the calibrated cost of a spilled MB (ms); outside them the fit
// has confused spill with something else.
constexpr double kMinSpillMsPerMb = 1.0, kMaxSpillMsPerMb = 50.0;
// Re-plan SQL shuffle reads when AQE coalescing is switched on or off. Off:
// measured on the ground truth (validate, 302 pairs, 2026-11-22) it is not
// better: 28.5% vs 27.8% duration MAPE and Kendall tau 0.52 vs 0.62; the
// AQE-toggle pairs alone improve (36.6% -> 32.1%) but w2 and w6 lose, since
// an AQE log re-planned without AQE keeps the joins AQE converted at run time.
constexpr bool kReplanOnAqeToggle = false;
// Request-to-registration latency of an executor added by dynamic allocation
// when the log cannot tell (a JVM start on a warm node): 3 s. See
// ExecutorStartupMs for what the log can tell.
constexpr double kExecutorStartupMs = 3000;
// Upper bound of the fixed cost of one task (launch, deserialization, result)
// used when re-planning creates tasks the log never had: warm JVMs run empty
// tasks in a few to a few tens of ms.
constexpr double kMaxFixedTaskMs = 50.0;
// Simulate static broadcast conversion when the threshold changes (see Run).
constexpr bool kSimulateStaticBroadcast = true;
// Relative uncertainty multipliers by evidence strength.
constexpr double kBorrowedUncertainty = 2.0;
constexpr double kPriorUncertainty = 4.0;

struct SimTask {
  TaskData data;
  double duration_ms = 0;
  double work_share = -1;  // re-planned task: its share of the stage's data work; -1 otherwise
};

struct SimStage {
  int stage_id = 0;
  int attempt_id = 0;
  int job_index = -1;  // index into jobs
  std::string name;
  std::vector<int> parents;  // indices into stages
  std::vector<int> children;
  double transition_latency_ms = 0;  // observed gap before the first task (driver side)
  double tail_latency_ms = 0;        // last task end -> stage completion
  std::vector<SimTask> tasks;
  int observed_tasks = 0;
  double data_work_ms = 0;  // re-planned stages: conserved data work of all partitions
  bool plan_decided = false;  // a join conversion fixed its tasks: not re-spread below
  std::string why;
  double spill_bytes = 0;
  double gc_ms = 0;
  std::string evidence;
  // simulation state
  size_t next_task = 0;
  int running = 0;
  int done = 0;
  int parents_left = 0;
  bool ready = false;
  bool complete = false;
  double ready_at = 0;
  double start_ms = -1;
  double end_ms = 0;
  double task_time_ms = 0;
};

struct SimJob {
  int job_id = 0;
  double observed_submit = 0;  // relative to app start
  double observed_end = 0;
  std::vector<int> stages;
  int stages_left = 0;
  double submit_ms = -1;
  double end_ms = -1;
};

struct SimExecutor {
  std::string id;
  double start_ms = 0;
  double end_ms = 1e300;  // removal (absolute, relative to app start)
  int cores = 1;
  int free_slots = 0;
  int cold_slots = 0;  // slots that have not run a task yet (cold JVM)
  bool alive = false;
  // Dynamic allocation (simulated): removed after idling, and what keeps it.
  bool removed = false;
  double idle_since = -1;
  bool holds_shuffle = false;  // ran a shuffle map task (shuffle tracking keeps it)
};

int ParseLocalCores(const std::string& master) {
  // local, local[N], local[N,F], local[*]
  if (master == "local") return 1;
  size_t open = master.find('[');
  if (open == std::string::npos) return 0;
  std::string inside = master.substr(open + 1);
  if (inside.empty() || inside[0] == '*') return 0;
  return std::max(1, std::atoi(inside.c_str()));
}

// An executor the log says registered after the application ended (edited
// or re-stamped logs: RAPIDS tools' Databricks samples list executors added
// 19 months after their run) never served the run: it is left out.
bool RegisteredAfterTheEnd(const model::Executor& e, const model::Application& app) {
  int64_t end = app.end_time >= 0 ? app.end_time : app.last_event_time;
  return app.end_time >= 0 && e.add_time > end;
}

double Median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
  return v[v.size() / 2];
}

// How long the cluster manager takes from an executor request to its
// registration, as the log shows it: the median of Registration - Request
// Time of the Executor Info (3.4+); else, in a run without dynamic
// allocation (executors requested when the SparkContext starts), the first
// registration after the application start; else the prior. On the ground
// truth's standalone cluster both read 12-19 s, against a 3 s prior.
struct StartupLatency {
  double ms = kExecutorStartupMs;
  std::string source;
  bool from_request_times = false;
};
StartupLatency ExecutorStartupMs(const model::Application& app, bool dynamic_allocation, double app_start) {
  StartupLatency out;
  std::vector<double> latencies;
  double first_add = -1;
  for (const model::Executor& e : app.executors) {
    if (e.is_driver() || !e.seen_executor_added || e.add_time < 0) continue;
    if (e.request_time > 0) latencies.push_back(static_cast<double>(e.add_time - e.request_time));
    double offset = static_cast<double>(e.add_time) - app_start;
    if (first_add < 0 || offset < first_add) first_add = offset;
  }
  if (!latencies.empty()) {
    out.ms = Median(latencies);
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

// The most executor cores registered at once in the observed run (a dynamic
// allocation log adds and removes executors over time).
int MaxConcurrentCores(const std::vector<SimExecutor>& execs) {
  std::vector<std::pair<double, int>> edges;
  for (const SimExecutor& e : execs) {
    edges.push_back({e.start_ms, e.cores});
    if (e.end_ms < 1e299) edges.push_back({e.end_ms, -e.cores});
  }
  std::sort(edges.begin(), edges.end());  // removals before additions at one instant
  int cur = 0, best = 0;
  for (auto& [t, d] : edges) best = std::max(best, cur += d);
  return best;
}

}  // namespace

AppSimulator::AppSimulator(const model::Application& app)
    : app_(app), task_model_(TaskTimeModel::Fit(app)),
      observed_(engine::EffectiveConfig::FromApplication(app)),
      plan_(engine::plan::BuildEnginePlan(app)),
      registry_(std::make_unique<engine::aqe::AdaptiveRuleRegistry>()) {
  const std::string master = observed_.Get(std::string(keys::kMaster));
  bool local = engine::ClusterManagerFromMaster(master) == engine::ClusterManager::kLocal;
  int local_slots = local ? ParseLocalCores(master) : 0;
  bool any_executor = false;
  for (const model::Executor& e : app.executors)
    any_executor |= !e.is_driver() && e.seen_executor_added && !RegisteredAfterTheEnd(e, app);
  if (!any_executor && local_slots <= 0) local_slots = -1;
  saturation_ = ObservedSaturation(app, static_cast<int>(observed_.GetInt(std::string(keys::kTaskCpus), 1)),
                                   local_slots);
  scan_stages_ = FindScanStages(app, plan_, observed_);
}

AppSimulator::~AppSimulator() = default;

SimResult AppSimulator::Run(const std::map<std::string, std::string>& overrides) const {
  SimResult result;
  engine::EffectiveConfig config = observed_;
  for (const auto& [k, v] : overrides) config.Set(k, v);
  const model::Application& app = app_;
  // Without ApplicationStart, the earliest timestamp the log has stands in.
  int64_t start = app.start_time;
  if (start < 0) {
    start = app.last_event_time;
    for (const auto& j : app.jobs) if (j.submission_time >= 0) start = std::min(start, j.submission_time);
    for (const auto& e : app.executors) if (e.add_time >= 0) start = std::min(start, e.add_time);
    result.notes.push_back("no ApplicationStart: the earliest event stands in for the start");
  }
  const double app_start = static_cast<double>(start);
  const double app_end_obs = static_cast<double>(app.end_time >= 0 ? app.end_time : app.last_event_time);
  auto rel = [&](int64_t t) { return static_cast<double>(t) - app_start; };

  // ---- Executors and slots -------------------------------------------------
  engine::ClusterManager manager = engine::ClusterManagerFromMaster(config.Get(std::string(keys::kMaster)));
  int task_cpus = static_cast<int>(config.GetInt(std::string(keys::kTaskCpus), 1));
  std::vector<SimExecutor> observed_execs;
  // Earliest task launch per executor, in one pass over the tasks (executor
  // ids are unique, so an index stands for its id).
  std::vector<int64_t> first_launch(app.executors.size(), INT64_MAX);
  for (const model::Task& t : app.tasks) {
    if (t.launch_time > 0 && t.executor < first_launch.size())
      first_launch[t.executor] = std::min(first_launch[t.executor], t.launch_time);
  }
  for (const model::Executor& e : app.executors) {
    if (e.is_driver() || !e.seen_executor_added || RegisteredAfterTheEnd(e, app)) continue;
    SimExecutor x;
    x.id = e.id;
    // Available from registration, or from its first task if the log says
    // it ran tasks earlier (clock skew or an edited log).
    int64_t first_task = std::min(e.add_time, first_launch[&e - app.executors.data()]);
    x.start_ms = rel(first_task);
    x.end_ms = e.remove_time >= 0 ? rel(e.remove_time) : 1e300;
    x.cores = std::max(1, e.total_cores);
    observed_execs.push_back(x);
  }
  bool local = manager == engine::ClusterManager::kLocal || observed_execs.empty();
  int observed_cores = observed_execs.empty() ? 1 : observed_execs.front().cores;
  bool cores_changed = overrides.count(std::string(keys::kExecutorCores)) > 0;
  bool instances_changed = overrides.count(std::string(keys::kExecutorInstances)) > 0;
  // A deque: executors added by dynamic allocation keep earlier ones in place.
  std::deque<SimExecutor> execs;
  // Dynamic allocation is simulated (ExecutorAllocationManager) when the
  // alternative turns it on, or changes its bounds or the executor shape;
  // otherwise executor availability is the log's.
  bool da_new = config.GetBool(std::string(keys::kDynamicAllocationEnabled), false);
  bool da_obs = observed_.GetBool(std::string(keys::kDynamicAllocationEnabled), false);
  bool da_knobs_changed = false;
  for (const auto& [k, v] : overrides) {
    if (k.starts_with("spark.dynamicAllocation.") && observed_.Get(k) != v) da_knobs_changed = true;
  }
  bool simulate_da = !local && da_new && (!da_obs || da_knobs_changed || cores_changed);
  int da_max = 0;
  int64_t da_min = 0;
  double startup_ms = kExecutorStartupMs;
  // ExecutorMonitor (3.0-4.x): an executor idle for executorIdleTimeout is
  // removed, down to minExecutors; with shuffle tracking on (its default by
  // version is in the config catalog) and no external shuffle service, one
  // holding shuffle output waits shuffleTracking.timeout (default infinity).
  double idle_timeout_ms = 60000;
  double holder_timeout_ms = 1e300;  // idle deadline of an executor holding shuffle output
  if (simulate_da) {
    int cores = static_cast<int>(config.GetInt(std::string(keys::kExecutorCores), observed_cores));
    // Standalone workers offer the cores the observed executors held at once.
    int total = MaxConcurrentCores(observed_execs);
    int capacity = manager == engine::ClusterManager::kStandalone ? std::max(1, total / std::max(1, cores)) : 100000;
    da_max = static_cast<int>(std::min<int64_t>(
        capacity, config.GetInt(std::string(keys::kDynamicAllocationMaxExecutors), 100000)));
    int64_t min_execs = config.GetInt(std::string(keys::kDynamicAllocationMinExecutors), 0);
    da_min = min_execs;
    StartupLatency startup = ExecutorStartupMs(app, da_obs, app_start);
    startup_ms = startup.ms;
    const std::string& startup_source = startup.source;
    if (auto idle = config::ParseDurationMs(config.Get(std::string(keys::kDynamicAllocationExecutorIdleTimeout)), 's');
        idle.ok())
      idle_timeout_ms = static_cast<double>(*idle);
    bool tracking = config.GetBool(std::string(keys::kDynamicAllocationShuffleTrackingEnabled), false) &&
                    !config.GetBool(std::string(keys::kShuffleServiceEnabled), false);
    holder_timeout_ms = idle_timeout_ms;
    if (tracking) {
      holder_timeout_ms = 1e300;
      if (auto t = config::ParseDurationMs(config.Get(std::string(keys::kDynamicAllocationShuffleTrackingTimeout)), 's');
          t.ok())
        holder_timeout_ms = std::max(idle_timeout_ms, static_cast<double>(*t));
    }
    int64_t initial = std::max(min_execs, config.GetInt("spark.dynamicAllocation.initialExecutors", min_execs));
    if (config.IsSet(std::string(keys::kExecutorInstances)))
      initial = std::max(initial, config.GetInt(std::string(keys::kExecutorInstances), 0));
    double first_start = observed_execs.empty() ? 0 : observed_execs.front().start_ms;
    for (const auto& e : observed_execs) first_start = std::min(first_start, e.start_ms);
    for (int64_t i = 0; i < std::min<int64_t>(initial, da_max); ++i) {
      SimExecutor x;
      x.id = "da-" + std::to_string(i + 1);
      x.start_ms = first_start;
      x.cores = std::max(1, cores);
      execs.push_back(x);
    }
    char latency[32];
    std::snprintf(latency, sizeof latency, "%.1f s", startup_ms / 1000.0);
    result.notes.push_back("dynamic allocation simulated: " + std::to_string(execs.size()) +
                           " initial executors, at most " + std::to_string(da_max) + ", at least " +
                           std::to_string(da_min) + "; a new executor registers " + latency + " after its request (" +
                           startup_source + "); idle executors leave after executorIdleTimeout" +
                           (holder_timeout_ms >= 1e299 ? ", except those holding shuffle data (shuffle tracking)" : ""));
  } else if (local) {
    int cores = ParseLocalCores(config.Get(std::string(keys::kMaster)));
    if (cores == 0) {
      // local[*]: the machine's cores, seen as the most tasks ever running at once.
      std::vector<std::pair<int64_t, int>> edges;
      for (const model::Task& t : app.tasks) {
        if (t.finish_time <= 0) continue;
        edges.push_back({t.launch_time, 1});
        edges.push_back({t.finish_time, -1});
      }
      std::sort(edges.begin(), edges.end());
      int cur = 0;
      for (auto& [t, d] : edges) cores = std::max(cores, cur += d);
      cores = std::max(cores, 1);
      result.notes.push_back("local[*]: slots taken as the highest task concurrency seen (" +
                             std::to_string(cores) + ")");
    }
    SimExecutor x;
    x.id = "driver";
    x.cores = cores;
    execs.push_back(x);
  } else if (!cores_changed && !instances_changed && !(da_obs && !da_new)) {
    execs.assign(observed_execs.begin(), observed_execs.end());
  } else {
    // A new static allocation: another executor shape or count, or a log that
    // ran with dynamic allocation predicted without it (its executors came
    // and went; static ones live from the start to the end).
    bool from_dynamic = da_obs && !da_new;
    int cores = static_cast<int>(config.GetInt(std::string(keys::kExecutorCores), observed_cores));
    int n = instances_changed || from_dynamic
                ? static_cast<int>(config.GetInt(std::string(keys::kExecutorInstances), 2))
                : static_cast<int>(observed_execs.size());
    if (!instances_changed && manager == engine::ClusterManager::kStandalone) {
      // Standalone (Master.scheduleExecutorsOnWorkers, 1.4-4.x) packs as many
      // executors of the requested cores as the workers' cores allow; the
      // workers' cores are what the observed executors held at once.
      n = std::max(1, MaxConcurrentCores(observed_execs) / std::max(1, cores));
    }
    std::vector<double> starts;
    for (const auto& e : observed_execs) starts.push_back(e.start_ms);
    std::sort(starts.begin(), starts.end());
    // Static executors are all requested when the SparkContext starts: from a
    // dynamic-allocation log they register after the measured request latency
    // (or with the first observed one); otherwise as observed, the i-th when
    // the i-th did (the last observed offset beyond that).
    double static_start = starts.empty() ? 0 : starts.front();
    if (from_dynamic) {
      StartupLatency latency = ExecutorStartupMs(app, da_obs, app_start);
      if (latency.from_request_times) static_start = std::min(static_start, latency.ms);
    }
    for (int i = 0; i < n; ++i) {
      SimExecutor x;
      x.id = std::to_string(i + 1);
      x.start_ms = starts.empty() ? 0
                   : from_dynamic ? static_start
                                  : starts[std::min<size_t>(i, starts.size() - 1)];
      x.cores = std::max(1, cores);
      execs.push_back(x);
    }
    result.notes.push_back("executors: " + std::to_string(n) + " x " + std::to_string(cores) + " cores, " +
                           (from_dynamic ? "static (the log's dynamic allocation switched off), from the start"
                                         : "started at the observed start-up offsets"));
  }

  // ---- Memory: execution memory per task, observed vs simulated ----------
  int sim_cores = !execs.empty() ? execs.front().cores
                  : simulate_da ? static_cast<int>(config.GetInt(std::string(keys::kExecutorCores), observed_cores))
                                : 1;
  int cores_obs = local ? sim_cores : observed_cores;
  double share_obs = ExecutionMemoryPerTaskMib(observed_, cores_obs, task_cpus, local) * kMib;
  double share_new = ExecutionMemoryPerTaskMib(config, sim_cores, task_cpus, local) * kMib;

  // ---- Shuffle partitions ----------------------------------------------------
  int64_t parts_obs = observed_.GetInt(std::string(keys::kSqlShufflePartitions), 200);
  int64_t parts_new = config.GetInt(std::string(keys::kSqlShufflePartitions), 200);

  // ---- Jobs and stages ---------------------------------------------------------
  std::vector<SimJob> jobs;
  std::map<int, int> job_pos;
  std::vector<const model::Job*> sorted_jobs;
  for (const model::Job& j : app.jobs) sorted_jobs.push_back(&j);
  std::sort(sorted_jobs.begin(), sorted_jobs.end(), [](const model::Job* a, const model::Job* b) {
    return a->submission_time != b->submission_time ? a->submission_time < b->submission_time : a->job_id < b->job_id;
  });
  for (const model::Job* j : sorted_jobs) {
    SimJob sj;
    sj.job_id = j->job_id;
    sj.observed_submit = rel(j->submission_time);
    sj.observed_end = j->completion_time >= 0 ? rel(j->completion_time) : rel(app.last_event_time);
    job_pos[j->job_id] = static_cast<int>(jobs.size());
    jobs.push_back(sj);
  }
  // The attempt of each stage whose tasks the simulation replays: the last attempt with successes.
  std::map<int, const model::StageAttempt*> chosen;
  for (const model::StageAttempt& s : app.stages) {
    if (s.complete_tasks <= 0 && s.status != model::StageStatus::kComplete) continue;
    auto it = chosen.find(s.stage_id);
    if (it == chosen.end() || s.attempt_id > it->second->attempt_id) chosen[s.stage_id] = &s;
  }
  std::vector<SimStage> stages;
  std::map<int, int> stage_pos;
  std::map<int64_t, double> stage_done_obs;  // stage id -> observed completion (rel)
  for (auto& [stage_id, s] : chosen) {
    SimStage st;
    st.stage_id = stage_id;
    st.attempt_id = s->attempt_id;
    st.name = s->name;
    // Owning job: the earliest job that lists the stage and was running at its submission.
    int owner = -1;
    for (int jid : s->job_ids) {
      auto jp = job_pos.find(jid);
      if (jp == job_pos.end()) continue;
      const SimJob& jb = jobs[jp->second];
      double sub = s->submission_time >= 0 ? rel(s->submission_time) : jb.observed_submit;
      if (jb.observed_submit <= sub + 1 && (owner < 0 || jb.observed_submit > jobs[owner].observed_submit))
        owner = jp->second;
    }
    if (owner < 0) continue;
    st.job_index = owner;
    // The stage's data: one entry per partition (its successful task).
    std::map<int, const model::Task*> by_index;
    for (uint32_t ti : s->tasks) {
      const model::Task& t = app.tasks[ti];
      if (t.status == model::TaskStatus::kSuccess && t.has_metrics) by_index[t.index] = &t;
    }
    if (by_index.empty()) continue;
    double first_launch = 1e300, last_finish = 0;
    for (auto& [idx, t] : by_index) {
      first_launch = std::min(first_launch, rel(t->launch_time));
      last_finish = std::max(last_finish, rel(t->finish_time));
      st.tasks.push_back({TaskDataOf(*t), 0});
    }
    st.observed_tasks = static_cast<int>(st.tasks.size());
    double completion = s->completion_time >= 0 ? rel(s->completion_time) : last_finish;
    st.tail_latency_ms = std::max(0.0, completion - last_finish);
    stage_done_obs[stage_id] = completion;
    st.ready_at = first_launch;  // observed first launch; turned into a latency below
    stage_pos[stage_id] = static_cast<int>(stages.size());
    stages.push_back(std::move(st));
  }
  // Parents, transition latencies, per-job stage lists.
  for (SimStage& st : stages) {
    const model::StageAttempt* s = chosen[st.stage_id];
    double parents_done = jobs[st.job_index].observed_submit;
    for (int p : s->parent_ids) {
      auto pp = stage_pos.find(p);
      if (pp == stage_pos.end()) continue;  // skipped or never run: nothing to wait for
      st.parents.push_back(pp->second);
      stages[pp->second].children.push_back(static_cast<int>(&st - stages.data()));
      parents_done = std::max(parents_done, stage_done_obs[p]);
    }
    // The wait for the first task, less the time every slot was busy in the
    // observed run (queueing, which the simulation redoes): what remains is
    // driver-side (DAGScheduler submission, broadcast building, AQE
    // re-planning, locality waits).
    double wait = std::max(0.0, st.ready_at - parents_done);
    st.transition_latency_ms =
        std::max(0.0, wait - saturation_.SaturatedMs(app_start + parents_done, app_start + st.ready_at));
    jobs[st.job_index].stages.push_back(static_cast<int>(&st - stages.data()));
  }

  // ---- Re-plan partitions and predict task times ------------------------------
  double spill_cost = task_model_.app_level().beta[8] > 0 ? 0 : kPriorSpillMsPerMb;
  double spill_ms_per_mb = task_model_.app_level().beta[8] > 0
                               ? std::clamp(task_model_.app_level().beta[8], kMinSpillMsPerMb, kMaxSpillMsPerMb)
                               : kPriorSpillMsPerMb;
  // Per-task fixed run time: the app-level intercept, bounded by the 10th
  // percentile of observed run times (small tasks show what a task costs at least).
  double fixed_task_ms = task_model_.app_level().beta[0];
  {
    std::vector<double> runs;
    for (const model::Task& t : app.tasks)
      if (t.status == model::TaskStatus::kSuccess && t.has_metrics) runs.push_back(static_cast<double>(t.metrics.executor_run_time));
    if (!runs.empty()) {
      std::nth_element(runs.begin(), runs.begin() + runs.size() / 10, runs.end());
      fixed_task_ms = std::min(fixed_task_ms, runs[runs.size() / 10]);
    }
    // An app made only of big tasks cannot show what a small one costs.
    fixed_task_ms = std::min(fixed_task_ms, kMaxFixedTaskMs);
    {
    }
  }
  // The data work of a stage's observed partitions, without spill and without
  // their per-task fixed cost: what a re-planned stage conserves and shares
  // out over its new tasks (only the fixed cost scales with the task count).
  auto conserved_data_work_ms = [&](const SimStage& stage) {
    double work = 0;
    for (const SimTask& t : stage.tasks) {
      TaskData d = t.data;
      d.spilled_bytes = 0;
      work += task_model_.PredictRunMs(stage.stage_id, d);
    }
    return std::max(0.0, work - fixed_task_ms * static_cast<double>(stage.tasks.size()));
  };
  bool aqe_obs = observed_.GetBool(std::string(keys::kAdaptiveEnabled), false);
  bool aqe_new = config.GetBool(std::string(keys::kAdaptiveEnabled), false);
  bool coalesce_obs = aqe_obs && observed_.GetBool(std::string(keys::kAdaptiveCoalesceEnabled), true);
  bool coalesce_new = aqe_new && config.GetBool(std::string(keys::kAdaptiveCoalesceEnabled), true);
  int64_t advisory = config.GetBytes(std::string(keys::kAdaptiveAdvisoryPartitionSize));
  bool partitioning_changed =
      parts_new != parts_obs || (kReplanOnAqeToggle && coalesce_new != coalesce_obs) ||
      (coalesce_new && advisory != observed_.GetBytes(std::string(keys::kAdaptiveAdvisoryPartitionSize)));
  int total_cores = 0;
  for (const SimExecutor& e : execs) total_cores += e.cores;
  bool sql_knobs_changed = false;
  for (const auto& [k, v] : overrides) {
    if (k.starts_with("spark.sql.") && observed_.Get(k) != v) sql_knobs_changed = true;
  }
  // Adaptive SQL stages: re-plan with the AQE rules (coalescing, skew splits,
  // runtime join selection, local reads) under the config.
  std::map<int, std::vector<int64_t>> replanned_reads;
  std::map<int, std::string> replanned_why;
  // Only while AQE stays on: predicting an AQE-off run from an AQE log through
  // the re-planner overestimated the ground truth ~10x (measured), pending a
  // fix in how non-adaptive read plans are priced.
  std::vector<engine::aqe::ReplannedStage> replanned_stages;
  if (aqe_new && aqe_obs) replanned_stages = engine::aqe::ReplanApplication(app, plan_, observed_, config, *registry_);
  for (const auto& r : replanned_stages) {
    if (r.stage_id < 0 || stage_pos.find(r.stage_id) == stage_pos.end()) continue;
    replanned_reads[r.stage_id] = r.plan.TaskReadBytes(r.input);
    std::string why;
    for (const auto& d : r.plan.decisions) why += (why.empty() ? "" : "; ") + d.rule + ": " + d.text;
    replanned_why[r.stage_id] = why;
  }
  // Broadcast conversion of a sort-merge join the log ran without AQE.
  //  * Static (JoinSelection, 1.x-4.x): when the alternative's
  //    spark.sql.autoBroadcastJoinThreshold admits the smaller side that the
  //    observed threshold did not, the join runs as a broadcast hash join
  //    inside the big side's map stage: that stage stops writing its shuffle
  //    (probing the broadcast table costs about what its own per-record
  //    processing costs), and the join's reduce stage no longer runs. The
  //    side's materialized size stands for the planner's estimate.
  //  * At run time (AdaptiveSparkPlanExec with DynamicJoinSelection /
  //    the AQE broadcast conversion of OptimizeShuffleWithLocalRead's plan,
  //    3.0-4.x): when the alternative turns AQE on and the side's
  //    materialized size is under spark.sql.adaptive.autoBroadcastJoinThreshold
  //    (3.2+; else the static one), both map stages still run and write their
  //    shuffles, then the join reads the big side locally: one task per map
  //    task of the big side (local shuffle read), doing the join stage's data
  //    work without the per-partition fixed cost of the reduce tasks.
  // AQE logs are re-planned by engine/aqe, which decides their joins.
  int64_t bcast_obs = observed_.GetBytes(std::string(keys::kAutoBroadcastJoinThreshold));
  int64_t bcast_new = config.GetBytes(std::string(keys::kAutoBroadcastJoinThreshold));
  int64_t runtime_bcast_new = bcast_new;
  if (config.IsSet("spark.sql.adaptive.autoBroadcastJoinThreshold"))
    runtime_bcast_new = config.GetBytes("spark.sql.adaptive.autoBroadcastJoinThreshold");
  if (kSimulateStaticBroadcast && (bcast_new != bcast_obs || aqe_new != aqe_obs || aqe_new)) {
    for (const auto& ex : plan_.executions) {
      if (ex.adaptive) continue;
      for (size_t q = 0; q < ex.stages.stages.size(); ++q) {
        const auto& qs = ex.stages.stages[q];
        for (size_t ji = 0; ji < qs.joins.size(); ++ji) {
          if (qs.joins[ji].info.strategy != engine::aqe::JoinStrategy::kSortMerge) continue;
          int side_exchange[2] = {-1, -1};
          for (const auto& rd : qs.reads) {
            if (rd.join == static_cast<int>(ji) && rd.join_side >= 0 && rd.join_side < 2 && !rd.broadcast &&
                rd.exchange_node >= 0 && rd.exchange_node < static_cast<int>(ex.exchange_of_node.size()))
              side_exchange[rd.join_side] = ex.exchange_of_node[rd.exchange_node];
          }
          if (side_exchange[0] < 0 || side_exchange[1] < 0) continue;
          const auto& left = ex.exchanges[side_exchange[0]];
          const auto& right = ex.exchanges[side_exchange[1]];
          auto size_of = [](const engine::plan::PlannedExchange& e) {
            return e.data_size >= 0 ? e.data_size : e.bytes_written;
          };
          auto type = qs.joins[ji].info.type;
          bool right_ok = type != engine::aqe::JoinType::kRightOuter && type != engine::aqe::JoinType::kFullOuter;
          bool left_ok = type == engine::aqe::JoinType::kInner || type == engine::aqe::JoinType::kCross ||
                         type == engine::aqe::JoinType::kRightOuter;
          int small = -1;
          if (right_ok && (!left_ok || size_of(right) <= size_of(left))) small = 1;
          else if (left_ok) small = 0;
          if (small < 0) continue;
          const auto& small_ex = small == 1 ? right : left;
          const auto& big_ex = small == 1 ? left : right;
          int64_t sz = size_of(small_ex);
          bool was = bcast_obs >= 0 && sz <= bcast_obs;
          bool static_now = !was && bcast_new >= 0 && sz <= bcast_new;
          bool runtime_now = !static_now && aqe_new && runtime_bcast_new >= 0 && sz <= runtime_bcast_new;
          if ((!static_now && !runtime_now) || big_ex.writer_stage < 0) continue;
          // Spark stages: the join's reduce stage and the big side's writer.
          std::vector<int> reduce_stages, writer_stages;
          for (int a : ex.spark_stages[q]) reduce_stages.push_back(app.stages[a].stage_id);
          for (int a : ex.spark_stages[big_ex.writer_stage]) writer_stages.push_back(app.stages[a].stage_id);
          std::string side = std::to_string(sz >> 20) + " MiB side under the threshold";
          for (int sid : reduce_stages) {
            auto sp = stage_pos.find(sid);
            if (sp == stage_pos.end()) continue;
            SimStage& red = stages[sp->second];
            red.plan_decided = true;
            if (static_now) {
              // Hash-probing a broadcast table is priced like the writer's own
              // per-record work (already in its model); the sort-merge join's
              // sort, shuffle write and fetch are what disappears.
              red.tasks.clear();
              red.why = "join became a broadcast hash join (" + side + "): stage not run";
              continue;
            }
            if (red.tasks.empty()) continue;
            // Local read of the big side: its data work, conserved, over one
            // task per map task.
            TaskData total{};
            for (const SimTask& t : red.tasks) total.Add(t.data);
            total.spilled_bytes = 0;
            red.data_work_ms = conserved_data_work_ms(red);
            int n = std::max(1, big_ex.num_mappers);
            double blocks = total.blocks_fetched / static_cast<double>(red.tasks.size());
            std::vector<SimTask> local_read;
            for (int i = 0; i < n; ++i) {
              SimTask t;
              t.data = total.Scaled(1.0 / n, blocks);
              t.work_share = 1.0 / n;
              local_read.push_back(t);
            }
            red.why = "AQE converts the join to a broadcast hash join at run time (" + side + "): " +
                      std::to_string(red.tasks.size()) + " -> " + std::to_string(n) +
                      " tasks reading the big side locally";
            red.tasks = std::move(local_read);
          }
          if (!static_now) continue;
          for (int sid : writer_stages) {
            auto sp = stage_pos.find(sid);
            if (sp == stage_pos.end() || stages[sp->second].tasks.empty()) continue;
            SimStage& w = stages[sp->second];
            for (SimTask& t : w.tasks) t.data.shuffle_write_bytes = t.data.shuffle_write_records = 0;
            w.why = "runs the broadcast hash join instead of writing its shuffle";
          }
        }
      }
    }
  }
  for (SimStage& st : stages) {
    double read_total = 0;
    for (const SimTask& t : st.tasks) read_total += t.data.shuffle_read_bytes;
    const model::StageAttempt* attempt = chosen[st.stage_id];
    bool in_sql = false;
    for (int jid : attempt->job_ids) {
      const model::Job* j = app.FindJob(jid);
      in_sql |= j != nullptr && j->sql_execution_id.has_value();
    }
    // A SQL shuffle read: one task per spark.sql.shuffle.partitions partition,
    // or fewer when AQE coalesced them.
    bool sql_reduce = read_total > 0 && in_sql &&
                      (st.observed_tasks == parts_obs || (coalesce_obs && st.observed_tasks < parts_obs));
    auto replanned = replanned_reads.find(st.stage_id);
    auto scan = scan_stages_.find(st.stage_id);
    std::optional<engine::plan::FileSplits> resplit;
    if (scan != scan_stages_.end() && !st.plan_decided) {
      // FilePartition.maxSplitBytes / getFilePartitions (2.0-4.x) under both
      // configs: a new split size re-cuts the same files.
      const ScanStage& sc = scan->second;
      double parallelism_new = config.IsSet(std::string(keys::kDefaultParallelism))
                                   ? static_cast<double>(config.GetInt(std::string(keys::kDefaultParallelism), 2))
                                   : local ? static_cast<double>(total_cores)
                                           : std::max(2.0, static_cast<double>(total_cores));
      if (!cores_changed && !instances_changed && !simulate_da && !(da_obs && !da_new))
        parallelism_new = sc.default_parallelism;  // the same executors as observed
      auto before = engine::plan::SplitUniformFiles(
          sc.file_bytes, sc.files, engine::plan::FileScanSettingsOf(observed_, sc.default_parallelism));
      auto after = engine::plan::SplitUniformFiles(sc.file_bytes, sc.files,
                                                   engine::plan::FileScanSettingsOf(config, parallelism_new));
      if (after.tasks() != before.tasks()) resplit = after;
    }
    if (st.plan_decided) {
      // Tasks already set by a broadcast conversion above.
    } else if (resplit) {
      // The same bytes over the new split count; the data work is conserved
      // and only the per-task fixed cost scales with the count.
      const ScanStage& sc = scan->second;
      int64_t n = std::max<int64_t>(1, resplit->tasks());
      TaskData total{};
      for (const SimTask& t : st.tasks) total.Add(t.data);
      total.spilled_bytes = 0;
      st.data_work_ms = conserved_data_work_ms(st);
      std::vector<SimTask> regenerated;
      regenerated.reserve(static_cast<size_t>(n));
      for (int64_t i = 0; i < n; ++i) {
        SimTask t;
        t.data = total.Scaled(1.0 / static_cast<double>(n), 0);
        t.work_share = 1.0 / static_cast<double>(n);
        regenerated.push_back(t);
      }
      char split[64];
      std::snprintf(split, sizeof split, "%.1f MiB", resplit->max_split / kMib);
      st.why = "scan re-split " + std::to_string(st.observed_tasks) + " -> " + std::to_string(n) +
               " tasks: split size " + split + " over " + std::to_string(static_cast<int64_t>(sc.files)) +
               (sc.measured ? " files (the scan's metrics)" : " files (fitted to the observed tasks)");
      st.tasks = std::move(regenerated);
    } else if (replanned != replanned_reads.end() && !replanned->second.empty() &&
        (static_cast<int>(replanned->second.size()) != st.observed_tasks || sql_knobs_changed)) {
      // Per-task features follow the re-planned read sizes; the stage's data
      // work is conserved and split by bytes read.
      TaskData total{};
      for (const SimTask& t : st.tasks) total.Add(t.data);
      total.spilled_bytes = 0;
      double sum = 0;
      for (int64_t b : replanned->second) sum += static_cast<double>(b);
      std::vector<SimTask> regenerated;
      double n = static_cast<double>(replanned->second.size());
      double blocks = st.tasks.empty() ? 0 : total.blocks_fetched / static_cast<double>(st.tasks.size());
      for (int64_t b : replanned->second) {
        double f = sum > 0 ? static_cast<double>(b) / sum : 1.0 / n;
        SimTask t;
        t.data = total.Scaled(f, blocks);
        t.work_share = f;
        regenerated.push_back(t);
      }
      st.data_work_ms = conserved_data_work_ms(st);
      st.why = "AQE re-planned " + std::to_string(st.observed_tasks) + " -> " +
               std::to_string(regenerated.size()) + " tasks" +
               (replanned_why[st.stage_id].empty() ? "" : " (" + replanned_why[st.stage_id] + ")");
      st.tasks = std::move(regenerated);
    } else if (sql_reduce && partitioning_changed && replanned == replanned_reads.end()) {
      // Heavy partitions stay whole; the rest re-spreads over the new count.
      std::vector<double> sizes;
      for (const SimTask& t : st.tasks) sizes.push_back(t.data.shuffle_read_bytes);
      double median = Median(sizes);
      std::vector<SimTask> heavy;
      TaskData rest{};
      double rest_tasks = 0;
      for (const SimTask& t : st.tasks) {
        if (median > 0 && t.data.shuffle_read_bytes > kHeavyFactor * median && t.data.shuffle_read_bytes > kMib) {
          heavy.push_back(t);
        } else {
          rest.Add(t.data);
          rest_tasks += 1;
        }
      }
      int64_t n_rest = std::max<int64_t>(1, parts_new - static_cast<int64_t>(heavy.size()));
      int64_t target_bytes = 0;
      double blocks_per_task = rest_tasks > 0 ? rest.blocks_fetched / rest_tasks : 0;
      std::vector<SimTask> regenerated = heavy;
      for (int64_t i = 0; i < n_rest; ++i) {
        SimTask t;
        // One block per map task, whatever the partition count.
        t.data = rest.Scaled(1.0 / static_cast<double>(n_rest), blocks_per_task);
        regenerated.push_back(t);
      }
      if (coalesce_new && advisory > 0) {
        // Coalesce contiguous partitions up to the target size of
        // ShufflePartitionsUtil.coalescePartitions (3.2+ with parallelismFirst):
        // min(advisory, ceil(total / defaultParallelism)), at least 1 MiB
        // (spark.sql.adaptive.coalescePartitions.minPartitionSize).
        double total_read = 0;
        for (const SimTask& t : regenerated) total_read += t.data.shuffle_read_bytes;
        double target = static_cast<double>(advisory);
        if (total_cores > 0) target = std::min(target, std::ceil(total_read / total_cores));
        target = std::max(target, 1.0 * kMib);
        target_bytes = static_cast<int64_t>(target);
        std::vector<SimTask> merged;
        SimTask cur;
        bool open = false;
        for (const SimTask& t : regenerated) {
          if (open && cur.data.shuffle_read_bytes + t.data.shuffle_read_bytes > static_cast<double>(target_bytes)) {
            merged.push_back(cur);
            open = false;
          }
          if (!open) {
            cur = t;
            open = true;
          } else {
            cur.data.Add(t.data);
          }
        }
        if (open) merged.push_back(cur);
        regenerated = std::move(merged);
      }
      double total_bytes = 0;
      for (const SimTask& t : regenerated) total_bytes += t.data.shuffle_read_bytes + t.data.input_bytes;
      for (SimTask& t : regenerated) {
        t.work_share = total_bytes > 0 ? (t.data.shuffle_read_bytes + t.data.input_bytes) / total_bytes
                                       : 1.0 / static_cast<double>(regenerated.size());
      }
      // The data work of the stage is conserved; only the per-task fixed cost
      // scales with the task count. Price the observed partitions without spill.
      st.data_work_ms = conserved_data_work_ms(st);
      st.why = "re-planned " + std::to_string(st.observed_tasks) + " -> " + std::to_string(regenerated.size()) +
               " tasks: " + std::to_string(parts_new) + " shuffle partitions" +
               (coalesce_new ? " coalesced by AQE to ~" + std::to_string(target_bytes >> 20) + " MiB each" : "") +
               (heavy.empty() ? "" : " (" + std::to_string(heavy.size()) + " heavy partitions kept whole)");
      st.tasks = std::move(regenerated);
    }
    // Spill (UnsafeExternalSorter / ExternalSorter, 1.6-4.x): a task whose
    // in-memory footprint F = e x bytes exceeds its execution memory M spills
    // about F - M. e is calibrated from the stage's spilled tasks (spill/bytes is
    // a lower bound; a sorter keeps up to M in memory, so we take 1.5x it), or
    // from peak execution memory (3.0+) when nothing spilled; the effective M at
    // the observed config is solved so that the predicted spill of the observed
    // tasks equals the observed spill, then scaled with the execution memory
    // per task of the new config.
    SpillModel spill_model = CalibrateSpill(app, *chosen[st.stage_id], share_obs);
    double memory_new = spill_model.memory_obs * (share_obs > 0 ? share_new / share_obs : 1.0);
    const StageCoefficients& coef = task_model_.ForStage(st.stage_id);
    st.evidence = EvidenceName(coef.evidence);
    for (SimTask& t : st.tasks) {
      double bytes = t.data.shuffle_read_bytes + t.data.input_bytes;
      double footprint = bytes * spill_model.expansion;
      double spill = std::max(0.0, footprint - memory_new);
      t.data.spilled_bytes = spill;
      // The calibrated spill coefficient prices spill when the log had any;
      // otherwise the prior cost per spilled MB applies.
      double run = t.work_share >= 0
                       ? fixed_task_ms + st.data_work_ms * t.work_share + spill_ms_per_mb * spill / 1e6
                       : task_model_.PredictRunMs(st.stage_id, t.data) + spill_cost * spill / 1e6;
      double gc = run * coef.gc_fraction;
      // Deserialization, scheduling and result time of a re-planned task: the
      // stage's own median, at most what a small warm task costs.
      t.duration_ms = run + (t.work_share >= 0 ? std::min(coef.overhead_ms, kMaxFixedTaskMs) : coef.overhead_ms);
      st.spill_bytes += spill;
      st.gc_ms += gc;
      st.task_time_ms += t.duration_ms;
      // Spilling cannot help when one task's footprint dwarfs its memory (a
      // single record group that must fit, e.g. a hash-join build side).
      if (memory_new > 0 && footprint > 8.0 * memory_new && footprint > 8.0 * spill_model.memory_obs &&
          spill_model.expansion > 0)
        result.oom_risk = true;
    }
  }

  // ---- Discrete-event run --------------------------------------------------------
  EventLoop loop;
  std::set<std::pair<int, int>> ready_queue;  // (job id, stage index)
  std::function<void()> dispatch;
  std::function<void(int)> on_stage_ready;
  std::function<void(int)> complete_stage;
  std::function<void(int)> submit_job;
  std::function<void(int)> finish_job;
  int jobs_left = static_cast<int>(jobs.size());
  double last_job_end = 0;
  // ExecutorAllocationManager (1.2-4.x): after schedulerBacklogTimeout of
  // pending tasks it asks for 1, 2, 4, ... more executors, up to what the
  // backlog needs and maxExecutors; a new executor registers after the
  // start-up latency.
  std::function<void()> allocation_check;
  std::function<void(SimExecutor*)> start_executor;
  std::function<void(SimExecutor*)> became_idle;
  bool check_scheduled = false;
  int num_to_add = 1;
  double backlog_ms = static_cast<double>(
      config.IsSet("spark.dynamicAllocation.schedulerBacklogTimeout")
          ? config::ParseDurationMs(config.Get("spark.dynamicAllocation.schedulerBacklogTimeout"), 's').value()
          : 1000);

  dispatch = [&]() {
    for (auto it = ready_queue.begin(); it != ready_queue.end();) {
      SimStage& st = stages[it->second];
      for (SimExecutor& ex : execs) {
        while (ex.alive && ex.free_slots > 0 && st.next_task < st.tasks.size()) {
          SimTask& t = st.tasks[st.next_task++];
          --ex.free_slots;
          ex.idle_since = -1;
          if (t.data.shuffle_write_bytes > 0) ex.holds_shuffle = true;
          double duration = t.duration_ms;
          if (ex.cold_slots > 0) {
            --ex.cold_slots;
            duration += task_model_.cold_start_penalty_ms();
          }
          ++st.running;
          if (st.start_ms < 0) st.start_ms = loop.now();
          SimExecutor* exp = &ex;
          int si = it->second;
          loop.At(loop.now() + duration, [&, exp, si]() {
            ++exp->free_slots;
            if (exp->free_slots == exp->cores / std::max(1, task_cpus)) became_idle(exp);
            SimStage& s2 = stages[si];
            --s2.running;
            ++s2.done;
            if (s2.done == static_cast<int>(s2.tasks.size())) {
              double end = loop.now() + s2.tail_latency_ms;
              loop.At(end, [&, si]() { complete_stage(si); });
            }
            dispatch();
          });
        }
      }
      if (st.next_task >= st.tasks.size()) it = ready_queue.erase(it);
      else ++it;
    }
    if (simulate_da && !ready_queue.empty() && !check_scheduled) {
      check_scheduled = true;
      loop.At(loop.now() + backlog_ms, [&]() { allocation_check(); });
    }
    if (ready_queue.empty()) num_to_add = 1;
  };
  allocation_check = [&]() {
    check_scheduled = false;
    int64_t pending = 0, running = 0;
    for (const auto& [job, si] : ready_queue) pending += static_cast<int64_t>(stages[si].tasks.size() - stages[si].next_task);
    for (const SimStage& st : stages) running += st.running;
    if (pending == 0) {
      num_to_add = 1;
      return;
    }
    int cores = static_cast<int>(config.GetInt(std::string(keys::kExecutorCores), observed_cores));
    int slots_per_exec = std::max(1, cores / std::max(1, task_cpus));
    int64_t needed = (pending + running + slots_per_exec - 1) / slots_per_exec;
    int64_t target = std::min<int64_t>(needed, da_max);
    int64_t have = 0;
    for (const SimExecutor& e : execs) have += e.removed ? 0 : 1;
    int64_t add = std::min<int64_t>(num_to_add, target - have);
    for (int64_t i = 0; i < add; ++i) {
      SimExecutor x;
      x.id = "da-" + std::to_string(execs.size() + 1);
      x.start_ms = loop.now() + startup_ms;
      x.cores = std::max(1, cores);
      execs.push_back(x);
      start_executor(&execs.back());
    }
    if (add > 0) num_to_add *= 2;
    check_scheduled = true;
    loop.At(loop.now() + backlog_ms, [&]() { allocation_check(); });
  };
  complete_stage = [&](int si) {
    SimStage& s3 = stages[si];
    s3.complete = true;
    if (s3.start_ms < 0) s3.start_ms = loop.now();
    s3.end_ms = loop.now();
    for (int c : s3.children) {
      if (--stages[c].parents_left == 0 && jobs[stages[c].job_index].submit_ms >= 0) on_stage_ready(c);
    }
    SimJob& jb = jobs[s3.job_index];
    if (--jb.stages_left == 0) finish_job(s3.job_index);
  };
  on_stage_ready = [&](int si) {
    SimStage& st = stages[si];
    if (st.ready) return;
    st.ready = true;
    loop.At(loop.now() + st.transition_latency_ms, [&, si]() {
      if (stages[si].tasks.empty()) {
        // A stage the alternative plan no longer runs (its join became a broadcast).
        complete_stage(si);
        return;
      }
      ready_queue.insert({jobs[stages[si].job_index].job_id, si});
      dispatch();
    });
  };
  submit_job = [&](int ji) {
    SimJob& jb = jobs[ji];
    jb.submit_ms = loop.now();
    jb.stages_left = static_cast<int>(jb.stages.size());
    if (jb.stages.empty()) {
      // Driver-only job (all stages skipped): its observed length is driver time.
      loop.At(loop.now() + std::max(0.0, jb.observed_end - jb.observed_submit), [&, ji]() { finish_job(ji); });
    }
    for (int si : jb.stages) {
      stages[si].parents_left = 0;
      for (int p : stages[si].parents) stages[si].parents_left += stages[p].complete ? 0 : 1;
      if (stages[si].parents_left == 0) on_stage_ready(si);
    }
    // The next job: overlapping jobs keep their offset from this submission.
    if (ji + 1 < static_cast<int>(jobs.size())) {
      SimJob& next = jobs[ji + 1];
      if (next.observed_submit < jb.observed_end) {
        loop.At(loop.now() + std::max(0.0, next.observed_submit - jb.observed_submit), [&, ji]() { submit_job(ji + 1); });
      }
    }
  };
  finish_job = [&](int ji) {
    SimJob& jb = jobs[ji];
    if (jb.end_ms >= 0) return;
    jb.end_ms = loop.now();
    last_job_end = std::max(last_job_end, jb.end_ms);
    --jobs_left;
    if (ji + 1 < static_cast<int>(jobs.size())) {
      SimJob& next = jobs[ji + 1];
      if (next.observed_submit >= jb.observed_end) {
        loop.At(loop.now() + (next.observed_submit - jb.observed_end), [&, ji]() { submit_job(ji + 1); });
      }
    }
  };
  // ExecutorMonitor's idle deadline (simulated dynamic allocation only):
  // idle since `since`, removed at since + timeout unless a task came, or the
  // count would fall under minExecutors.
  became_idle = [&](SimExecutor* exp) {
    if (!simulate_da) return;
    double since = loop.now();
    exp->idle_since = since;
    double timeout = exp->holds_shuffle ? holder_timeout_ms : idle_timeout_ms;
    if (timeout >= 1e299) return;
    loop.At(since + timeout, [&, exp, since]() {
      if (!exp->alive || exp->removed || exp->idle_since != since) return;
      int64_t kept = 0;
      for (const SimExecutor& e : execs) kept += e.removed ? 0 : 1;
      if (kept <= da_min) return;
      exp->removed = true;
      exp->alive = false;
      exp->end_ms = loop.now();
    });
  };
  start_executor = [&](SimExecutor* exp) {
    loop.At(exp->start_ms, [&, exp]() {
      exp->alive = true;
      exp->free_slots = exp->cores / std::max(1, task_cpus);
      exp->cold_slots = exp->free_slots;
      became_idle(exp);
      dispatch();
    });
    if (exp->end_ms < 1e299) {
      loop.At(exp->end_ms, [exp]() { exp->alive = false; });
    }
  };
  for (SimExecutor& ex : execs) start_executor(&ex);
  if (!jobs.empty()) loop.At(jobs[0].observed_submit, [&]() { submit_job(0); });
  loop.Run();

  // ---- Results ------------------------------------------------------------------
  double last_job_end_obs = 0;
  for (const SimJob& j : jobs) last_job_end_obs = std::max(last_job_end_obs, j.observed_end);
  double tail = jobs.empty() ? app_end_obs - app_start : std::max(0.0, (app_end_obs - app_start) - last_job_end_obs);
  result.duration_ms = (jobs.empty() ? 0 : last_job_end) + tail;
  if (jobs_left > 0) result.notes.push_back(std::to_string(jobs_left) + " jobs could not be scheduled (no executor alive)");
  // Time inside jobs: union of simulated job intervals.
  std::vector<std::pair<double, double>> iv;
  for (const SimJob& j : jobs) if (j.submit_ms >= 0 && j.end_ms >= 0) iv.push_back({j.submit_ms, j.end_ms});
  result.job_time_ms = engine::TimeInsideJobsMs(std::move(iv));

  // Cost: the same formula as profile, on simulated lifetimes.
  int64_t step = engine::ContainerStepMib(manager, app.hadoop_properties);
  engine::ContainerSize exec_size = engine::ExecutorContainer(config, manager, step);
  engine::ContainerSize driver_size = engine::DriverContainer(config, manager, step);
  double sim_end = result.duration_ms;
  std::vector<engine::ContainerLifetime> containers;
  if (!local) {
    for (const SimExecutor& ex : execs) {
      ExecutorLifetime life;
      life.id = ex.id;
      life.start_ms = std::min(ex.start_ms, sim_end);
      life.end_ms = std::min(ex.end_ms, sim_end);
      life.cores = ex.cores;
      life.container_mib = exec_size.granted_mib;
      containers.push_back({life.container_mib, life.cores, life.end_ms - life.start_ms});
      result.executors.push_back(life);
    }
  }
  int driver_cores = local && !execs.empty() ? execs.front().cores : driver_size.cores;
  engine::ResourceSeconds use =
      engine::ApplicationSeconds(containers, {driver_size.granted_mib, driver_cores, sim_end});
  result.mb_seconds = use.mb_seconds;
  result.core_seconds = use.core_seconds;

  // Stages and uncertainty.
  double var = 0;
  for (const SimStage& st : stages) {
    StageTimeline tl;
    tl.stage_id = st.stage_id;
    tl.job_id = st.job_index >= 0 ? jobs[st.job_index].job_id : -1;
    tl.name = st.name;
    tl.tasks = static_cast<int>(st.tasks.size());
    tl.observed_tasks = st.observed_tasks;
    tl.start_ms = st.start_ms;
    tl.end_ms = st.end_ms;
    tl.task_time_ms = st.task_time_ms;
    tl.spill_bytes = st.spill_bytes;
    tl.gc_ms = st.gc_ms;
    tl.evidence = st.evidence;
    tl.why = st.why;
    result.spill_bytes += st.spill_bytes;
    result.gc_ms += st.gc_ms;
    const StageCoefficients& c = task_model_.ForStage(st.stage_id);
    double mult = c.evidence == Evidence::kOwnFit ? 1.0
                  : c.evidence == Evidence::kBorrowedFromApp ? kBorrowedUncertainty : kPriorUncertainty;
    double span = std::max(0.0, st.end_ms - st.start_ms);
    double mean_task = st.tasks.empty() ? 1 : std::max(1.0, st.task_time_ms / st.tasks.size());
    double rel = mult * c.residual_sd_ms / mean_task / std::sqrt(std::max<size_t>(1, st.tasks.size()));
    // The stage's span is bounded by its slowest waves: keep a floor of 5% model error.
    rel = std::max(rel, 0.05 * mult);
    var += (span * rel) * (span * rel);
    result.stages.push_back(tl);
  }
  double sd = std::sqrt(var);
  result.duration_ms_low = std::max(0.0, result.duration_ms - 1.645 * sd);
  result.duration_ms_high = result.duration_ms + 1.645 * sd;
  double per_ms = result.duration_ms > 0 ? result.mb_seconds / result.duration_ms : 0;
  result.mb_seconds_low = std::max(0.0, result.mb_seconds - 1.645 * sd * per_ms);
  result.mb_seconds_high = result.mb_seconds + 1.645 * sd * per_ms;
  return result;
}

}  // namespace sparktune::simulator
