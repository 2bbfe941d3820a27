#include "simulator/workload/replay_schedule.h"

#include <algorithm>
#include <functional>
#include <memory>

#include "simulator/core/event_loop.h"
#include "simulator/core/stage_scheduler.h"
#include "simulator/models/dynamic_allocation.h"

namespace sparktune::simulator {

ReplaySchedule RunReplaySchedule(const ReplayWorkload& workload,
                                 const std::vector<ReplayStage>& stages,
                                 const ExecutorProvisioning& provisioning, int task_cpus,
                                 double warmup_ms) {
  ReplaySchedule out;
  out.executors = provisioning.executors;
  out.jobs_unfinished = static_cast<int>(workload.jobs.size());
  EventLoop loop;
  std::unique_ptr<DynamicAllocation> allocation;
  StageScheduler* scheduler = nullptr;
  StageScheduler::Hooks hooks;
  // Jobs submitted as the stages they read materialized (see the header).
  const size_t num_jobs = workload.jobs.size();
  std::vector<std::vector<int>> dep_jobs_of_stage(stages.size());
  std::vector<double> dep_gap(num_jobs, -1);
  std::vector<int> deps_pending(num_jobs, 0);
  std::vector<double> last_dep_end(num_jobs, 0);
  std::vector<char> previous_submitted(num_jobs, 0), dep_scheduled(num_jobs, 0);
  for (size_t j = 1; j < num_jobs; ++j) {
    const LoggedJob& job = workload.jobs[j];
    if (job.observed_submit >= workload.jobs[j - 1].observed_end) continue;
    std::vector<int> deps;
    double last_observed = -1;
    for (int s : job.stages)
      for (int p : workload.stages[s].parents) {
        if (workload.stages[p].job_index == static_cast<int>(j)) continue;
        if (std::find(deps.begin(), deps.end(), p) != deps.end()) continue;
        deps.push_back(p);
        last_observed = std::max(last_observed, workload.stages[p].observed_completion);
      }
    if (deps.empty() || last_observed > job.observed_submit) continue;
    dep_gap[j] = job.observed_submit - last_observed;
    deps_pending[j] = static_cast<int>(deps.size());
    for (int p : deps) dep_jobs_of_stage[p].push_back(static_cast<int>(j));
  }
  std::function<void(int)> submit_job;
  auto try_dependent_submit = [&](int j) {
    if (dep_scheduled[j] || deps_pending[j] > 0 || !previous_submitted[j]) return;
    dep_scheduled[j] = 1;
    loop.At(std::max(loop.now(), last_dep_end[j] + dep_gap[j]), [&, j]() { submit_job(j); });
  };
  auto complete_stage = [&](int s) {
    scheduler->CompleteStage(s);
    for (int j : dep_jobs_of_stage[s]) {
      --deps_pending[j];
      last_dep_end[j] = std::max(last_dep_end[j], loop.now());
      try_dependent_submit(j);
    }
  };
  hooks.stage_unblocked = [&](int s) {
    loop.At(loop.now() + workload.stages[s].transition_latency_ms, [&, s]() {
      if (stages[s].tasks.empty()) {
        // A stage the alternative plan no longer runs (its join became a broadcast).
        complete_stage(s);
        return;
      }
      scheduler->MakeRunnable(s);
      scheduler->Dispatch();
    });
  };
  hooks.last_task_done = [&](int s) {
    loop.At(loop.now() + workload.stages[s].tail_latency_ms, [&, s]() { complete_stage(s); });
  };
  hooks.job_done = [&](int j) {
    out.last_job_end_ms = std::max(out.last_job_end_ms, loop.now());
    --out.jobs_unfinished;
    if (j + 1 < static_cast<int>(workload.jobs.size())) {
      const LoggedJob& job = workload.jobs[j];
      const LoggedJob& next = workload.jobs[j + 1];
      if (next.observed_submit >= job.observed_end)
        loop.At(loop.now() + (next.observed_submit - job.observed_end),
                [&, j]() { submit_job(j + 1); });
    }
  };
  if (provisioning.dynamic) {
    hooks.dispatched = [&](bool backlog) { allocation->OnDispatched(backlog); };
    hooks.worker_idle = [&](int w) { allocation->OnWorkerIdle(w); };
  }
  StageScheduler sched(&loop, std::move(hooks));
  scheduler = &sched;
  if (provisioning.dynamic) {
    allocation =
        std::make_unique<DynamicAllocation>(provisioning.policy, &sched, &out.executors, warmup_ms);
  }
  for (const LoggedJob& j : workload.jobs) sched.AddJob(j.job_id);
  for (size_t s = 0; s < stages.size(); ++s) {
    std::vector<ScheduledTask> tasks;
    tasks.reserve(stages[s].tasks.size());
    for (const ReplayTask& t : stages[s].tasks)
      tasks.push_back({t.duration_ms, t.data.shuffle_write_bytes > 0});
    sched.AddStage(workload.stages[s].job_index, workload.stages[s].parents, std::move(tasks));
  }
  submit_job = [&](int j) {
    sched.SubmitJob(j);
    const LoggedJob& job = workload.jobs[j];
    if (job.stages.empty()) {
      // Driver-only job (all stages skipped): its observed length is driver time.
      loop.At(loop.now() + std::max(0.0, job.observed_end - job.observed_submit),
              [&, j]() { sched.FinishJob(j); });
    }
    // The next job: overlapping jobs keep their offset from this submission, or wait for the
    // stages they read.
    if (j + 1 < static_cast<int>(workload.jobs.size())) {
      const LoggedJob& next = workload.jobs[j + 1];
      if (dep_gap[j + 1] >= 0) {
        previous_submitted[j + 1] = 1;
        try_dependent_submit(j + 1);
      } else if (next.observed_submit < job.observed_end)
        loop.At(loop.now() + std::max(0.0, next.observed_submit - job.observed_submit),
                [&, j]() { submit_job(j + 1); });
    }
  };
  for (const ExecutorSpec& e : provisioning.executors)
    sched.AddWorker(WorkerFor(e, task_cpus, warmup_ms));
  if (!workload.jobs.empty()) loop.At(workload.jobs[0].observed_submit, [&]() { submit_job(0); });
  loop.Run();
  for (const ScheduledStage& s : sched.stages())
    out.stages.push_back({s.start_ms, s.end_ms, s.warmup_ms});
  for (const ScheduledJob& j : sched.jobs()) out.jobs.push_back({j.submit_ms, j.end_ms, 0});
  for (size_t w = 0; w < out.executors.size(); ++w) {
    out.executors[w].start_ms = sched.workers()[w].start_ms;
    out.executors[w].end_ms = sched.workers()[w].end_ms;
  }
  return out;
}

}  // namespace sparktune::simulator
