// Speed of a simulation at 1,000,000 tasks (issue 4, acceptance 3: under 2 s
// of simulation, parsing excluded), two ways:
//  1. whatif path: a synthesized model::Application (executors, jobs of a map
//     and a reduce stage, tasks with metrics) replayed by AppSimulator::Run,
//     at its own config and with a shuffle-partitions override; calibration
//     (TaskTimeModel::Fit, paid once per log) is reported apart;
//  2. simulate path: a scenario generating ~1M tasks, ScenarioSimulator::Run
//     (workload generation + event loop).
// Baseline for the ratio, measured in the same run: a bare pass over the
// 1M tasks computing each task's TaskData (the least any simulation must do).
//
// usage: simulate_speed_bench [--tasks N] [--executors E] [--repeat R]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "data/base/stats.h"
#include "simulator/calibration/task_time_model.h"
#include "simulator/workload/app_simulator.h"
#include "simulator/workload/scenario_simulator.h"

using namespace sparktune;

namespace {

double Ms(std::chrono::steady_clock::time_point a) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - a).count();
}

// An application of `jobs` jobs, each a map stage and a reduce stage of
// tasks_per_stage tasks, on `executors` executors of 4 cores, with task times
// and metrics of a plausible shuffle job (deterministic pseudo-random spread).
model::Application Synthesize(int64_t total_tasks, int executors) {
  model::Application app;
  app.app_id = "synthetic-1m";
  app.spark_version = SparkVersion::Parse("3.5.0");
  app.spark_properties = {{"spark.master", "yarn"},
                          {"spark.executor.cores", "4"},
                          {"spark.executor.memory", "8g"},
                          {"spark.executor.instances", std::to_string(executors)},
                          {"spark.sql.shuffle.partitions", "200"}};
  const int64_t t0 = 1'700'000'000'000;
  app.start_time = t0;
  for (int e = 0; e < executors; ++e) {
    model::Executor x;
    x.id = std::to_string(e + 1);
    x.host = "host" + std::to_string(e / 4);
    x.total_cores = 4;
    x.add_time = t0 + 1000;
    x.seen_executor_added = true;
    app.executor_index[x.id] = static_cast<uint32_t>(app.executors.size());
    app.executors.push_back(x);
  }
  const int jobs = 10;
  const int64_t per_stage = std::max<int64_t>(1, total_tasks / (2 * jobs));
  const int slots = executors * 4;
  int64_t now = t0 + 2000;
  uint64_t rng = 88172645463325252ULL;
  auto next = [&]() {
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return static_cast<double>(rng % 1000) / 1000.0;
  };
  int stage_id = 0;
  int64_t task_id = 0;
  for (int j = 0; j < jobs; ++j) {
    model::Job job;
    job.job_id = j;
    job.submission_time = now;
    job.status = model::JobStatus::kSucceeded;
    for (int k = 0; k < 2; ++k) {
      model::StageAttempt s;
      s.stage_id = stage_id++;
      s.name = k == 0 ? "map" : "reduce";
      s.num_tasks = static_cast<int>(per_stage);
      if (k == 1) s.parent_ids = {s.stage_id - 1};
      s.job_ids = {j};
      s.status = model::StageStatus::kComplete;
      s.submission_time = now;
      std::vector<int64_t> slot_free(static_cast<size_t>(slots), now);
      for (int64_t i = 0; i < per_stage; ++i) {
        model::Task t;
        t.task_id = task_id++;
        t.stage_id = s.stage_id;
        t.index = static_cast<int32_t>(i);
        size_t slot = static_cast<size_t>(i % slots);
        t.executor = static_cast<uint32_t>(slot / 4);
        double mb = 20 + 40 * next();
        t.metrics.executor_run_time = static_cast<int64_t>(30 + 12 * mb);
        t.metrics.executor_deserialize_time = 3;
        if (k == 0) {
          t.metrics.input_bytes = static_cast<int64_t>(mb * 1e6);
          t.metrics.input_records = static_cast<int64_t>(mb * 1e4);
          t.metrics.shuffle_bytes_written = static_cast<int64_t>(mb * 0.3e6);
          t.metrics.shuffle_records_written = static_cast<int64_t>(mb * 3e3);
        } else {
          t.metrics.shuffle_remote_bytes_read = static_cast<int64_t>(mb * 0.3e6);
          t.metrics.shuffle_records_read = static_cast<int64_t>(mb * 3e3);
          t.metrics.shuffle_remote_blocks_fetched = per_stage;
          t.metrics.output_bytes = static_cast<int64_t>(mb * 0.1e6);
        }
        t.launch_time = slot_free[slot];
        t.finish_time = t.launch_time + t.metrics.executor_run_time + 5;
        slot_free[slot] = t.finish_time;
        t.status = model::TaskStatus::kSuccess;
        t.has_metrics = true;
        t.shuffle_map_task = k == 0;
        s.tasks.push_back(static_cast<uint32_t>(app.tasks.size()));
        app.tasks.push_back(t);
      }
      s.complete_tasks = per_stage;
      now = *std::max_element(slot_free.begin(), slot_free.end()) + 50;
      s.completion_time = now;
      job.stage_ids.push_back(s.stage_id);
      app.stages.push_back(std::move(s));
    }
    job.completion_time = now;
    app.jobs.push_back(job);
    now += 200;
  }
  app.end_time = now + 1000;
  app.last_event_time = app.end_time;
  return app;
}

}  // namespace

int main(int argc, char** argv) {
  int64_t tasks = 1'000'000;
  int executors = 100;
  int repeat = 3;
  for (int i = 1; i + 1 < argc; ++i) {
    std::string a = argv[i];
    if (a == "--tasks")
      tasks = std::atoll(argv[++i]);
    else if (a == "--executors")
      executors = std::atoi(argv[++i]);
    else if (a == "--repeat")
      repeat = std::atoi(argv[++i]);
  }
  auto t0 = std::chrono::steady_clock::now();
  model::Application app = Synthesize(tasks, executors);
  double synth = Ms(t0);

  // Baseline: a bare pass over the tasks.
  std::vector<double> bare;
  double sink = 0;
  for (int r = 0; r < repeat; ++r) {
    t0 = std::chrono::steady_clock::now();
    for (const model::Task& t : app.tasks) {
      simulator::TaskData d = simulator::TaskDataOf(t);
      sink += d.input_bytes + d.shuffle_read_bytes;
    }
    bare.push_back(Ms(t0));
  }
  t0 = std::chrono::steady_clock::now();
  simulator::AppSimulator sim(app);
  double calib = Ms(t0);
  std::vector<double> base, alt;
  double duration = 0;
  for (int r = 0; r < repeat; ++r) {
    t0 = std::chrono::steady_clock::now();
    duration += sim.Run({}).duration_ms;
    base.push_back(Ms(t0));
    t0 = std::chrono::steady_clock::now();
    duration += sim.Run({{"spark.sql.shuffle.partitions", "400"}}).duration_ms;
    alt.push_back(Ms(t0));
  }

  // Scenario path: ~1M scan tasks (1 MiB splits) and an aggregate.
  simulator::Scenario sc;
  sc.path = "synthetic";
  sc.version = SparkVersion::Parse("3.5.0");
  sc.config = {{"spark.executor.instances", std::to_string(executors)},
               {"spark.executor.cores", "4"},
               {"spark.executor.memory", "8g"},
               {"spark.sql.files.maxPartitionBytes", "1m"},
               {"spark.sql.files.openCostInBytes", "0"},
               {"spark.sql.shuffle.partitions", "2000"}};
  double mib = 1024.0 * 1024.0;
  sc.tables.push_back({.name = "t",
                       .bytes = static_cast<double>(tasks - 2000) * mib,
                       .rows = 1e10,
                       .files = tasks - 2000});
  simulator::ScenarioQuery q;
  q.name = "q";
  q.table = "t";
  q.ops.push_back({.kind = simulator::OpKind::kAggregate, .output_ratio = 0.1});
  sc.queries.push_back(q);
  simulator::ScenarioSimulator ssim(sc);
  std::vector<double> scen;
  int64_t scen_tasks = 0;
  for (int r = 0; r < repeat; ++r) {
    t0 = std::chrono::steady_clock::now();
    auto res = ssim.Run({});
    scen.push_back(Ms(t0));
    if (res.ok())
      scen_tasks = res->total_tasks;
    else
      std::fprintf(stderr, "%s\n", res.status().ToString().c_str());
  }
  double b = stats::Median(bare);
  std::printf("synthesized %zu tasks, %d executors x 4 cores in %.0f ms (checksum %.3g, %.3g)\n",
              app.tasks.size(), executors, synth, sink, duration);
  std::printf("%-44s %10s %10s\n", "measure", "median ms", "x bare");
  std::printf("%-44s %10.1f %10.2f\n", "baseline: bare pass over the tasks", b, 1.0);
  std::printf("%-44s %10.1f %10.2f\n", "whatif calibration (once per log)", calib, calib / b);
  std::printf("%-44s %10.1f %10.2f\n", "whatif Run at the log's config", stats::Median(base),
              stats::Median(base) / b);
  std::printf("%-44s %10.1f %10.2f\n", "whatif Run shuffle.partitions=400", stats::Median(alt),
              stats::Median(alt) / b);
  std::printf("%-44s %10.1f %10.2f\n",
              ("simulate Run (" + std::to_string(scen_tasks) + " tasks)").c_str(),
              stats::Median(scen), stats::Median(scen) / b);
  return 0;
}
