#include "simulator/result/replay_result.h"

#include <algorithm>
#include <cmath>

#include "engine/cost/observed_times.h"
#include "engine/cost/resource_seconds.h"

namespace sparktune::simulator {

namespace {

// Relative uncertainty multipliers by evidence strength.
constexpr double kBorrowedUncertainty = 2.0;
constexpr double kPriorUncertainty = 4.0;
// The least relative error of a stage's span: it is bounded by its slowest waves.
constexpr double kMinStageError = 0.05;
// Two-sided 90% interval of a normal error.
constexpr double kZ90 = 1.645;

void AddDuration(const ReplayWorkload& w, const ReplaySchedule& schedule, SimResult* result) {
  double last_job_end_obs = 0;
  for (const LoggedJob& j : w.jobs) last_job_end_obs = std::max(last_job_end_obs, j.observed_end);
  double observed = w.app_end - w.app_start;
  double tail = w.jobs.empty() ? observed : std::max(0.0, observed - last_job_end_obs);
  result->duration_ms = (w.jobs.empty() ? 0 : schedule.last_job_end_ms) + tail;
  if (schedule.jobs_unfinished > 0)
    result->notes.push_back(std::to_string(schedule.jobs_unfinished) +
                            " jobs could not be scheduled (no executor alive)");
  std::vector<std::pair<double, double>> jobs;
  for (const ReplaySchedule::Span& j : schedule.jobs)
    if (j.start_ms >= 0 && j.end_ms >= 0) jobs.push_back({j.start_ms, j.end_ms});
  result->job_time_ms = engine::TimeInsideJobsMs(std::move(jobs));
}

void AddCost(const model::Application& app, const engine::EffectiveConfig& config,
             const ExecutorProvisioning& p, const ReplaySchedule& schedule, SimResult* result) {
  int64_t step = engine::ContainerStepMib(p.manager, app.hadoop_properties);
  engine::ContainerSize exec_size = engine::ExecutorContainer(config, p.manager, step);
  engine::ContainerSize driver_size = engine::DriverContainer(config, p.manager, step);
  double end = result->duration_ms;
  std::vector<engine::ContainerLifetime> containers;
  if (!p.local) {
    for (const ExecutorSpec& e : schedule.executors) {
      ExecutorLifetime life;
      life.id = e.id;
      life.start_ms = std::min(e.start_ms, end);
      life.end_ms = std::min(e.end_ms, end);
      life.cores = e.cores;
      life.container_mib = exec_size.granted_mib;
      containers.push_back({life.container_mib, life.cores, life.end_ms - life.start_ms});
      result->executors.push_back(life);
    }
  }
  // Local mode: the driver runs the tasks; its cores are the local slots.
  int driver_cores =
      p.local && !schedule.executors.empty() ? schedule.executors.front().cores : driver_size.cores;
  engine::ResourceSeconds cost =
      engine::ApplicationSeconds(containers, {driver_size.granted_mib, driver_cores, end});
  result->mb_seconds = cost.mb_seconds;
  result->core_seconds = cost.core_seconds;
}

}  // namespace

void AssembleReplayResult(const model::Application& app, const engine::EffectiveConfig& config,
                          const TaskTimeModel& model, const ReplayWorkload& workload,
                          const std::vector<ReplayStage>& stages,
                          const ExecutorProvisioning& provisioning, const ReplaySchedule& schedule,
                          SimResult* result) {
  AddDuration(workload, schedule, result);
  AddCost(app, config, provisioning, schedule, result);
  double var = 0;
  for (size_t i = 0; i < stages.size(); ++i) {
    const ReplayStage& st = stages[i];
    const ReplaySchedule::Span& span = schedule.stages[i];
    StageTimeline tl;
    tl.stage_id = st.stage_id;
    tl.job_id = workload.jobs[st.logged->job_index].job_id;
    tl.name = st.logged->attempt->name;
    tl.tasks = static_cast<int>(st.tasks.size());
    tl.observed_tasks = st.observed_tasks;
    tl.start_ms = span.start_ms;
    tl.end_ms = span.end_ms;
    tl.task_time_ms = st.task_time_ms;
    tl.spill_bytes = st.spill_bytes;
    tl.terms = st.terms;
    tl.terms.cold_start_ms = span.warmup_ms;
    tl.gc_ms = st.gc_ms;
    tl.evidence = st.evidence;
    tl.why = st.why;
    result->spill_bytes += tl.spill_bytes;
    result->gc_ms += tl.gc_ms;
    const StageCoefficients& c = model.ForStage(st.stage_id);
    double mult = c.evidence == Evidence::kOwnFit            ? 1.0
                  : c.evidence == Evidence::kBorrowedFromApp ? kBorrowedUncertainty
                                                             : kPriorUncertainty;
    double length = std::max(0.0, tl.end_ms - tl.start_ms);
    double n = static_cast<double>(std::max<size_t>(1, st.tasks.size()));
    double mean_task = st.tasks.empty() ? 1 : std::max(1.0, st.task_time_ms / st.tasks.size());
    double rel =
        std::max(mult * c.residual_sd_ms / mean_task / std::sqrt(n), kMinStageError * mult);
    var += (length * rel) * (length * rel);
    result->stages.push_back(tl);
  }
  double sd = std::sqrt(var);
  result->duration_ms_low = std::max(0.0, result->duration_ms - kZ90 * sd);
  result->duration_ms_high = result->duration_ms + kZ90 * sd;
  double per_ms = result->duration_ms > 0 ? result->mb_seconds / result->duration_ms : 0;
  result->mb_seconds_low = std::max(0.0, result->mb_seconds - kZ90 * sd * per_ms);
  result->mb_seconds_high = result->mb_seconds + kZ90 * sd * per_ms;
}

}  // namespace sparktune::simulator
