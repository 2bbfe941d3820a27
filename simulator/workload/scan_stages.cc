#include "simulator/workload/scan_stages.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "engine/plan/default_parallelism.h"
#include "engine/plan/file_splits.h"

namespace sparktune::simulator {

namespace {

bool IsFileScan(const model::PlanNode& node) {
  if (node.simple_string.find("Bucketed: true") != std::string::npos) return false;
  if (node.simple_string.rfind("FileScan", 0) == 0) return true;
  for (const char* format :
       {"Scan parquet", "Scan orc", "Scan csv", "Scan json", "Scan text", "Scan avro"}) {
    if (node.node_name.rfind(format, 0) == 0) return true;
  }
  return false;
}

// The latest driver-side value of a scan metric, -1 when not logged.
double DriverMetric(const model::Application& app, const model::PlanNode& node,
                    const std::string& name) {
  for (const model::PlanMetric& m : node.metrics) {
    if (m.name != name) continue;
    auto it = app.driver_accum_updates.find(m.accumulator_id);
    if (it == app.driver_accum_updates.end() || it->second.empty()) return -1;
    return static_cast<double>(*std::max_element(it->second.begin(), it->second.end()));
  }
  return -1;
}

}  // namespace

std::map<int, ScanStage> FindScanStages(const model::Application& app,
                                        const engine::plan::EnginePlan& plan,
                                        const engine::EffectiveConfig& observed) {
  std::map<int, ScanStage> out;
  for (const auto& ex : plan.executions) {
    if (ex.final_plan == nullptr) continue;
    const model::PlanTree& tree = *ex.final_plan;
    for (size_t q = 0; q < ex.stages.stages.size() && q < ex.spark_stages.size(); ++q) {
      const auto& qs = ex.stages.stages[q];
      if (!qs.reads.empty() || qs.scans.size() != 1) continue;
      int leaf = qs.scans[0];
      if (leaf < 0 || leaf >= static_cast<int>(tree.nodes.size()) || !IsFileScan(tree.nodes[leaf]))
        continue;
      const model::PlanNode& node = tree.nodes[leaf];
      for (int a : ex.spark_stages[q]) {
        const model::StageAttempt& attempt = app.stages[a];
        double input = 0;
        int tasks = 0;
        for (uint32_t ti : attempt.tasks) {
          const model::Task& t = app.tasks[ti];
          if (t.status != model::TaskStatus::kSuccess || !t.has_metrics) continue;
          input += static_cast<double>(t.metrics.input_bytes);
          ++tasks;
        }
        if (tasks == 0 || input <= 0) continue;
        ScanStage s;
        s.observed_tasks = tasks;
        s.default_parallelism = engine::plan::DefaultParallelismAt(
            app, attempt.submission_time >= 0 ? attempt.submission_time : app.start_time);
        engine::plan::FileScanSettings settings =
            engine::plan::FileScanSettingsOf(observed, s.default_parallelism);
        double files = DriverMetric(app, node, "number of files read");
        double bytes = DriverMetric(app, node, "size of files read");
        if (files > 0 && bytes > 0) {
          s.files = files;
          s.file_bytes = bytes;
          s.measured = true;
        } else {
          // Fit the file count that reproduces the observed task count.
          s.file_bytes = input;
          double best = -1, best_err = 1e300;
          for (double f = 1; f <= 4.0 * tasks + 16; f = std::max(f + 1, std::floor(f * 1.03))) {
            double err = std::abs(static_cast<double>(
                engine::plan::SplitUniformFiles(input, f, settings).tasks() - tasks));
            if (err < best_err) {
              best_err = err;
              best = f;
            }
          }
          s.files = best;
        }
        int64_t model = engine::plan::SplitUniformFiles(s.file_bytes, s.files, settings).tasks();
        if (std::abs(static_cast<double>(model - tasks)) > 0.1 * tasks + 0.5) continue;
        out[attempt.stage_id] = s;
      }
    }
  }
  return out;
}

}  // namespace sparktune::simulator
