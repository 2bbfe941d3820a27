#include "simulator/workload/scenario_simulator.h"

#include <algorithm>
#include <functional>

#include "data/base/stats.h"
#include "data/config/config_catalog.h"
#include "engine/cost/resource_seconds.h"
#include "engine/memory/container_size.h"
#include "engine/variants/engine_variant.h"
#include "simulator/core/event_loop.h"
#include "simulator/core/stage_scheduler.h"
#include "simulator/models/engine_variant_effect.h"
#include "simulator/models/gc_model.h"
#include "simulator/models/spill_model.h"

namespace sparktune::simulator {

namespace keys = config::keys;

namespace {

constexpr double kMb = 1024.0 * 1024.0;
// Most executors a scenario may ask for.
constexpr int64_t kMaxScenarioExecutors = 1'000'000;

// The named terms of one task's time under the scenario's cost parameters,
// with `memory_mb` of execution memory; sets its spill and GC.
TaskTimeTerms PriceTask(const ScenarioCost& cost, double memory_mb, ScenarioTask* k) {
  double footprint = cost.memory_expansion * k->hold_mb;
  k->spill_mem_mb = std::max(0.0, footprint - memory_mb);
  double live = std::min(footprint, memory_mb) + k->live_extra_mb;
  TaskTimeTerms t;
  t.fixed_ms = cost.task_fixed_ms;
  t.data_ms = cost.scan_ms_per_mb * k->input_mb + cost.cpu_ms_per_mb * k->read_mb +
              cost.cpu_ms_per_million_rows * k->rows_m + cost.write_ms_per_mb * k->write_mb +
              cost.sort_ms_per_mb * k->sort_mb;
  t.fetch_ms = cost.fetch_ms_per_block * k->blocks;
  t.spill_ms = cost.spill_ms_per_mb * k->spill_mem_mb;
  double run = t.fixed_ms + t.data_ms + t.fetch_ms + t.spill_ms;
  t.gc_ms = run * LiveSetGcFraction(live, cost.gc_fraction_per_live_gb, cost.gc_fraction_max);
  k->gc_ms = t.gc_ms;
  k->duration_ms = t.Total();
  return t;
}

struct StageSpan {
  double start_ms = -1;
  double end_ms = 0;
};

// Runs the stages, FIFO by query then stage, on one pool of slots; returns
// the end of the last query and each stage's span.
double Schedule(const Scenario& sc, const std::vector<ScenarioStage>& stages, int64_t slots,
                std::vector<StageSpan>* spans) {
  const ScenarioCost& cost = sc.cost;
  EventLoop loop;
  double end_ms = 0;
  StageScheduler* scheduler = nullptr;
  std::function<void(int)> complete, start_query;
  StageScheduler::Hooks hooks;
  hooks.stage_unblocked = [&](int si) {
    if (stages[si].tasks.empty()) {
      loop.At(loop.now(), [&, si]() { complete(si); });
    } else {
      scheduler->MakeRunnable(si);
    }
  };
  hooks.last_task_done = [&](int si) { complete(si); };
  hooks.job_done = [&](int q) {
    end_ms = std::max(end_ms, loop.now());
    if (q + 1 < static_cast<int>(sc.queries.size())) start_query(q + 1);
  };
  StageScheduler sched(&loop, std::move(hooks));
  scheduler = &sched;
  complete = [&](int si) {
    sched.CompleteStage(si);
    sched.Dispatch();
  };
  start_query = [&](int q) {
    loop.At(loop.now() + cost.driver_ms_per_job, [&, q]() {
      sched.SubmitJob(q);
      sched.Dispatch();
    });
  };
  for (size_t q = 0; q < sc.queries.size(); ++q) sched.AddJob(static_cast<int64_t>(q));
  for (const ScenarioStage& st : stages) {
    std::vector<ScheduledTask> tasks;
    tasks.reserve(st.tasks.size());
    for (const ScenarioTask& k : st.tasks) tasks.push_back({k.duration_ms, false});
    sched.AddStage(st.query, st.parents, std::move(tasks));
  }
  Worker pool;
  pool.start_ms = cost.executor_startup_ms;
  pool.slots = slots;
  sched.AddWorker(pool);
  if (!sc.queries.empty()) start_query(0);
  loop.Run();
  for (const ScheduledStage& s : sched.stages()) spans->push_back({s.start_ms, s.end_ms});
  return end_ms;
}

}  // namespace

Result<ScenarioResult> ScenarioSimulator::Run(
    const std::map<std::string, std::string>& overrides) const {
  const Scenario& sc = scenario_;
  const ScenarioCost& cost = sc.cost;
  std::map<std::string, std::string> props = sc.config;
  for (const auto& [k, v] : overrides) props[k] = v;
  if (!props.count(std::string(keys::kMaster))) props[std::string(keys::kMaster)] = "yarn";
  engine::EffectiveConfig config(props, sc.version);
  ScenarioResult out;
  SimResult& result = out.sim;

  // ---- Cluster -----------------------------------------------------------
  engine::ClusterManager manager =
      engine::ClusterManagerFromMaster(config.Get(std::string(keys::kMaster)));
  if (manager == engine::ClusterManager::kLocal)
    return Status::InvalidArgument(
        sc.path + ": simulation mode needs a cluster master (yarn, k8s://, spark://), not local");
  int cores = static_cast<int>(config.GetInt(std::string(keys::kExecutorCores), 1));
  int task_cpus = static_cast<int>(config.GetInt(std::string(keys::kTaskCpus), 1));
  if (cores < 1 || task_cpus < 1 || cores / task_cpus < 1 || cores > 1024)
    return Status::InvalidArgument(sc.path + ": spark.executor.cores (" + std::to_string(cores) +
                                   ") must be in [1, 1024] and at least spark.task.cpus (" +
                                   std::to_string(task_cpus) + ")");
  int slots_per_exec = cores / task_cpus;
  bool da = config.GetBool(std::string(keys::kDynamicAllocationEnabled), false);
  int64_t executors = da ? config.GetInt(std::string(keys::kDynamicAllocationMaxExecutors), 100000)
                         : config.GetInt(std::string(keys::kExecutorInstances), 2);
  if (executors < 1 || executors > kMaxScenarioExecutors)
    return Status::InvalidArgument(sc.path + ": executor count " + std::to_string(executors) +
                                   " must be in [1, 1000000]");

  // ---- Workload ------------------------------------------------------------
  SPARKTUNE_ASSIGN_OR_RETURN(
      ScenarioWorkload workload,
      GenerateScenarioWorkload(sc, config, static_cast<int>(executors), cores));
  std::vector<ScenarioStage>& stages = workload.stages;
  if (da) {
    // ExecutorAllocationManager's target: (pending + running) / slots per
    // executor, within [minExecutors, maxExecutors]; the widest stage sets it.
    size_t widest = 1;
    for (const ScenarioStage& s : stages) widest = std::max(widest, s.tasks.size());
    int64_t need = static_cast<int64_t>((widest + slots_per_exec - 1) / slots_per_exec);
    int64_t min_execs = config.GetInt(std::string(keys::kDynamicAllocationMinExecutors), 0);
    executors = std::max<int64_t>(1, std::max(min_execs, std::min(executors, need)));
    result.notes.push_back("dynamic allocation: " + std::to_string(executors) +
                           " executors (the widest stage's need, within min/maxExecutors)");
  }
  out.executors = static_cast<int>(executors);
  out.cores_per_executor = cores;

  // ---- Task times ----------------------------------------------------------
  double memory_mb = ExecutionMemoryPerTaskMib(config, cores, task_cpus, false);
  double heap_mb = static_cast<double>(config.GetBytes(std::string(keys::kExecutorMemory))) / kMb;
  std::vector<TaskTimeTerms> stage_terms(stages.size());
  // The engine variant: the scenario's own config is the run its costs describe; a native engine
  // or a remote shuffle service switched on (or off) by the overrides changes each task's terms
  // as in a replay (simulator/models/engine_variant_effect.h, the same stated assumptions).
  const engine::EngineVariantInfo own_variant = engine::ClassifyEngineConfig(sc.config);
  const EngineVariantEffect variant = EffectBetween(
      own_variant, SimulatedVariant(own_variant, props, overrides), engine_assumptions_);
  for (const std::string& note : variant.notes) result.notes.push_back(note);
  for (size_t i = 0; i < stages.size(); ++i) {
    // A stage with children writes shuffle output (pushed under a remote shuffle); the last
    // stage of a query writes its result.
    const bool writes_shuffle = !stages[i].children.empty();
    for (ScenarioTask& k : stages[i].tasks) {
      TaskTimeTerms terms = PriceTask(cost, memory_mb, &k);
      if (!variant.identity) {
        ApplyEngineVariant(variant, writes_shuffle ? k.write_mb * kMb : 0.0, &terms);
        k.duration_ms = terms.Total();
      }
      stage_terms[i].Add(terms);
      double footprint = cost.memory_expansion * k.hold_mb;
      if (k.live_extra_mb > 0.6 * heap_mb) result.oom_risk = true;
      if (footprint > 8 * memory_mb && k.sort_mb == 0 && k.hold_mb > 0) result.oom_risk = true;
    }
    out.total_tasks += static_cast<int64_t>(stages[i].tasks.size());
  }

  // ---- Discrete-event run --------------------------------------------------
  std::vector<StageSpan> spans;
  double end_ms = Schedule(sc, stages, executors * slots_per_exec, &spans);

  // ---- Results -------------------------------------------------------------
  result.duration_ms = end_ms;
  result.job_time_ms = end_ms;
  int64_t step = engine::ContainerStepMib(manager, {});
  engine::ContainerSize exec_size = engine::ExecutorContainer(config, manager, step);
  engine::ContainerSize driver_size = engine::DriverContainer(config, manager, step);
  // One lifetime per executor would be a million rows for big clusters: the
  // executors are identical, so one row stands for each group.
  ExecutorLifetime life;
  life.id = std::to_string(executors) + " x executor";
  life.start_ms = std::min(cost.executor_startup_ms, end_ms);
  life.end_ms = end_ms;
  life.cores = cores;
  life.container_mib = exec_size.granted_mib;
  result.executors.push_back(life);
  engine::ContainerLifetime pool{exec_size.granted_mib, cores, end_ms - cost.executor_startup_ms,
                                 static_cast<double>(executors)};
  engine::ResourceSeconds use = engine::ApplicationSeconds(
      std::span(&pool, 1), {driver_size.granted_mib, driver_size.cores, end_ms});
  result.mb_seconds = use.mb_seconds;
  result.core_seconds = use.core_seconds;
  for (size_t i = 0; i < stages.size(); ++i) {
    const ScenarioStage& st = stages[i];
    StageTimeline tl;
    tl.stage_id = static_cast<int>(i);
    tl.job_id = st.query;
    tl.name = st.name;
    tl.tasks = static_cast<int>(st.tasks.size());
    tl.start_ms = spans[i].start_ms;
    tl.end_ms = spans[i].end_ms;
    tl.evidence = "scenario";
    tl.why = st.why;
    tl.terms = stage_terms[i];
    ScenarioStageDetail d;
    d.query = sc.queries[st.query].name;
    d.join_strategy = st.join;
    std::vector<double> durations;
    durations.reserve(st.tasks.size());
    for (const ScenarioTask& k : st.tasks) {
      tl.task_time_ms += k.duration_ms;
      tl.spill_bytes += k.spill_mem_mb * kMb;
      tl.gc_ms += k.gc_ms;
      d.max_task_ms = std::max(d.max_task_ms, k.duration_ms);
      d.read_bytes += k.read_mb * kMb;
      d.input_bytes += k.input_mb * kMb;
      durations.push_back(k.duration_ms);
    }
    d.median_task_ms = stats::Median(std::move(durations));
    d.mean_task_ms = st.tasks.empty() ? 0 : tl.task_time_ms / static_cast<double>(st.tasks.size());
    result.spill_bytes += tl.spill_bytes;
    result.gc_ms += tl.gc_ms;
    result.stages.push_back(tl);
    out.details.push_back(d);
  }
  // No calibration evidence: the interval is the model's stated +-25%.
  result.duration_ms_low = 0.75 * result.duration_ms;
  result.duration_ms_high = 1.25 * result.duration_ms;
  result.mb_seconds_low = 0.75 * result.mb_seconds;
  result.mb_seconds_high = 1.25 * result.mb_seconds;
  result.notes.push_back("execution memory per task " +
                         std::to_string(static_cast<int64_t>(memory_mb)) + " MiB; " +
                         std::to_string(executors) + " executors x " + std::to_string(cores) +
                         " cores; " + (workload.aqe_enabled ? "AQE on" : "AQE off"));
  for (auto& n : workload.notes) result.notes.push_back(n);
  return out;
}

}  // namespace sparktune::simulator
