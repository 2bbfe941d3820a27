#include "simulator/workload/replay_workload.h"

#include <algorithm>

namespace sparktune::simulator {

namespace {

double StartOf(const model::Application& app, bool* estimated) {
  int64_t start = app.start_time;
  *estimated = start < 0;
  if (start < 0) {
    start = app.last_event_time;
    for (const auto& j : app.jobs)
      if (j.submission_time >= 0) start = std::min(start, j.submission_time);
    for (const auto& e : app.executors)
      if (e.add_time >= 0) start = std::min(start, e.add_time);
  }
  return static_cast<double>(start);
}

std::vector<LoggedJob> JobsBySubmission(const model::Application& app, double app_start) {
  std::vector<const model::Job*> sorted;
  for (const model::Job& j : app.jobs) sorted.push_back(&j);
  std::sort(sorted.begin(), sorted.end(), [](const model::Job* a, const model::Job* b) {
    return a->submission_time != b->submission_time ? a->submission_time < b->submission_time
                                                    : a->job_id < b->job_id;
  });
  std::vector<LoggedJob> jobs;
  for (const model::Job* j : sorted) {
    LoggedJob lj;
    lj.job_id = j->job_id;
    lj.observed_submit = static_cast<double>(j->submission_time) - app_start;
    int64_t end = j->completion_time >= 0 ? j->completion_time : app.last_event_time;
    lj.observed_end = static_cast<double>(end) - app_start;
    jobs.push_back(lj);
  }
  return jobs;
}

// The attempt of each stage the replay runs: the last attempt with successes.
std::map<int, const model::StageAttempt*> ReplayedAttempts(const model::Application& app) {
  std::map<int, const model::StageAttempt*> chosen;
  for (const model::StageAttempt& s : app.stages) {
    if (s.complete_tasks <= 0 && s.status != model::StageStatus::kComplete) continue;
    auto it = chosen.find(s.stage_id);
    if (it == chosen.end() || s.attempt_id > it->second->attempt_id) chosen[s.stage_id] = &s;
  }
  return chosen;
}

// The owning job: the latest job listing the stage that was submitted by the
// stage's own submission (1 ms of slack), or -1.
int OwningJob(const model::StageAttempt& s, const std::vector<LoggedJob>& jobs,
              const std::map<int, int>& job_index, double app_start) {
  int owner = -1;
  for (int jid : s.job_ids) {
    auto jp = job_index.find(jid);
    if (jp == job_index.end()) continue;
    const LoggedJob& jb = jobs[jp->second];
    double sub = s.submission_time >= 0 ? static_cast<double>(s.submission_time) - app_start
                                        : jb.observed_submit;
    if (jb.observed_submit <= sub + 1 &&
        (owner < 0 || jb.observed_submit > jobs[owner].observed_submit))
      owner = jp->second;
  }
  return owner;
}

bool InSql(const model::Application& app, const model::StageAttempt& s) {
  bool in_sql = false;
  for (int jid : s.job_ids) {
    const model::Job* j = app.FindJob(jid);
    in_sql |= j != nullptr && j->sql_execution_id.has_value();
  }
  return in_sql;
}

}  // namespace

ReplayWorkload ReadReplayWorkload(const model::Application& app,
                                  const ObservedSaturation& saturation) {
  ReplayWorkload w;
  w.app_start = StartOf(app, &w.start_estimated);
  w.app_end = static_cast<double>(app.end_time >= 0 ? app.end_time : app.last_event_time);
  auto rel = [&](int64_t t) { return static_cast<double>(t) - w.app_start; };
  w.jobs = JobsBySubmission(app, w.app_start);
  std::map<int, int> job_index;
  for (size_t i = 0; i < w.jobs.size(); ++i) job_index[w.jobs[i].job_id] = static_cast<int>(i);

  std::map<int, const model::StageAttempt*> chosen = ReplayedAttempts(app);
  std::vector<double> first_launches;
  for (auto& [stage_id, s] : chosen) {
    LoggedStage st;
    st.stage_id = stage_id;
    st.attempt = s;
    st.job_index = OwningJob(*s, w.jobs, job_index, w.app_start);
    if (st.job_index < 0) continue;
    // The stage's data: one entry per partition (its successful task).
    std::map<int, uint32_t> by_index;
    for (uint32_t ti : s->tasks) {
      const model::Task& t = app.tasks[ti];
      if (t.status == model::TaskStatus::kSuccess && t.has_metrics) by_index[t.index] = ti;
    }
    if (by_index.empty()) continue;
    double first_launch = 1e300, last_finish = 0;
    for (auto& [idx, ti] : by_index) {
      first_launch = std::min(first_launch, rel(app.tasks[ti].launch_time));
      last_finish = std::max(last_finish, rel(app.tasks[ti].finish_time));
      st.tasks.push_back(ti);
    }
    double done = s->completion_time >= 0 ? rel(s->completion_time) : last_finish;
    st.tail_latency_ms = std::max(0.0, done - last_finish);
    st.observed_completion = done;
    st.in_sql = InSql(app, *s);
    first_launches.push_back(first_launch);
    w.stage_index[stage_id] = static_cast<int>(w.stages.size());
    w.stages.push_back(std::move(st));
  }
  // A parent skipped because its shuffle was already written stands for the stage that wrote
  // it: the same RDDs (an adaptive query's next stage lists a new, skipped ShuffleMapStage over
  // the shuffle a query stage job materialized; DAGScheduler, 3.0-4.x).
  std::map<std::vector<int>, int> ran_by_rdds;
  for (size_t i = 0; i < w.stages.size(); ++i) {
    std::vector<int> rdds = w.stages[i].attempt->rdd_ids;
    std::sort(rdds.begin(), rdds.end());
    if (!rdds.empty()) ran_by_rdds.emplace(rdds, static_cast<int>(i));
  }
  std::map<int, std::vector<int>> rdds_of_stage;
  for (const model::StageAttempt& s : app.stages) {
    if (s.rdd_ids.empty() || rdds_of_stage.count(s.stage_id)) continue;
    std::vector<int> rdds = s.rdd_ids;
    std::sort(rdds.begin(), rdds.end());
    rdds_of_stage[s.stage_id] = rdds;
  }
  // Parents, transition latencies, per-job stage lists.
  for (size_t i = 0; i < w.stages.size(); ++i) {
    LoggedStage& st = w.stages[i];
    double parents_done = w.jobs[st.job_index].observed_submit;
    for (int p : st.attempt->parent_ids) {
      int parent = -1;
      auto pp = w.stage_index.find(p);
      if (pp != w.stage_index.end()) {
        parent = pp->second;
      } else if (auto rp = rdds_of_stage.find(p); rp != rdds_of_stage.end()) {
        auto ran = ran_by_rdds.find(rp->second);
        if (ran != ran_by_rdds.end() && ran->second != static_cast<int>(i) &&
            w.stages[ran->second].observed_completion <= first_launches[i])
          parent = ran->second;
      }
      if (parent < 0) continue;  // never run: nothing to wait for
      if (std::find(st.parents.begin(), st.parents.end(), parent) != st.parents.end()) continue;
      st.parents.push_back(parent);
      parents_done = std::max(parents_done, w.stages[parent].observed_completion);
    }
    // The wait for the first task, less the time every slot was busy in the
    // observed run (queueing, which the simulation redoes): what remains is
    // driver-side (DAGScheduler submission, broadcast building, AQE
    // re-planning, locality waits).
    double wait = std::max(0.0, first_launches[i] - parents_done);
    st.transition_latency_ms = std::max(
        0.0,
        wait - saturation.SaturatedMs(w.app_start + parents_done, w.app_start + first_launches[i]));
    w.jobs[st.job_index].stages.push_back(static_cast<int>(i));
  }
  return w;
}

}  // namespace sparktune::simulator
