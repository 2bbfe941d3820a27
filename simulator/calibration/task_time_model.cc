#include "simulator/calibration/task_time_model.h"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>

#include "data/base/stats.h"

namespace sparktune::simulator {

namespace {

// Tuning constants of the fit, each with its reason.
constexpr int kMinTasksForOwnFit = 8;  // fewer tasks cannot separate 10 coefficients
constexpr double kHuberK = 1.345;      // classic 95%-efficiency Huber constant
constexpr int kIrlsIterations = 8;     // converges in a handful of steps
constexpr double kAppRidge = 1e-3;     // keeps the app-level fit well posed
constexpr double kShrinkTasks = 20.0;  // stage fit: prior weight worth ~20 tasks
constexpr double kMb = 1e6;

// Fleet priors (ms per unit) for apps with almost no tasks: about 100 MB/s
// per core for input and shuffle data, 10 ms fixed per task.
TaskFeatures Prior() {
  TaskFeatures p{};
  p[0] = 10;
  p[1] = 10;  // input MB
  p[3] = 10;  // shuffle read MB
  p[5] = 10;  // shuffle write MB
  p[8] = 20;  // spilled MB
  p[9] = 10;  // output MB
  return p;
}

// Weighted ridge solve toward `prior` with non-negative slopes (active set).
TaskFeatures Solve(const Eigen::MatrixXd& X, const Eigen::VectorXd& y, const Eigen::VectorXd& w,
                   const TaskFeatures& prior, double lambda) {
  const int k = kNumTaskFeatures;
  std::vector<bool> active(k, true);
  TaskFeatures out{};
  for (int round = 0; round < k; ++round) {
    Eigen::MatrixXd A = Eigen::MatrixXd::Zero(k, k);
    Eigen::VectorXd b = Eigen::VectorXd::Zero(k);
    Eigen::MatrixXd Xw = X.array().colwise() * w.array();
    A = X.transpose() * Xw;
    b = Xw.transpose() * y;
    for (int j = 0; j < k; ++j) {
      A(j, j) += lambda;
      b(j) += lambda * prior[j];
      if (!active[j]) {
        A.row(j).setZero();
        A.col(j).setZero();
        A(j, j) = 1;
        b(j) = 0;
      }
    }
    Eigen::VectorXd beta = A.ldlt().solve(b);
    bool changed = false;
    for (int j = 1; j < k; ++j) {
      if (active[j] && beta(j) < 0) {
        active[j] = false;
        changed = true;
      }
    }
    for (int j = 0; j < k; ++j) out[j] = active[j] && std::isfinite(beta(j)) ? beta(j) : 0;
    if (!changed) break;
  }
  if (out[0] < 0) out[0] = 0;
  return out;
}

// Huber-IRLS fit; returns coefficients and the robust residual scale.
TaskFeatures RobustFit(const std::vector<TaskFeatures>& xs, const std::vector<double>& ys,
                       const TaskFeatures& prior, double lambda, double* scale) {
  const int n = static_cast<int>(xs.size());
  Eigen::MatrixXd X(n, kNumTaskFeatures);
  Eigen::VectorXd y(n), w = Eigen::VectorXd::Ones(n);
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < kNumTaskFeatures; ++j) X(i, j) = xs[i][j];
    y(i) = ys[i];
  }
  TaskFeatures beta = prior;
  double s = 1;
  for (int it = 0; it < kIrlsIterations; ++it) {
    beta = Solve(X, y, w, prior, lambda);
    std::vector<double> abs_res(n);
    for (int i = 0; i < n; ++i) {
      double pred = 0;
      for (int j = 0; j < kNumTaskFeatures; ++j) pred += X(i, j) * beta[j];
      abs_res[i] = std::abs(y(i) - pred);
    }
    s = std::max(1.0, 1.4826 * stats::Median(abs_res));
    for (int i = 0; i < n; ++i) {
      double r = abs_res[i] / s;
      w(i) = r <= kHuberK ? 1.0 : kHuberK / r;
    }
  }
  *scale = s;
  return beta;
}

}  // namespace

const char* TaskFeatureName(int index) {
  static const char* names[kNumTaskFeatures] = {"fixed",
                                                "inputMB",
                                                "inputMrecords",
                                                "shuffleReadMB",
                                                "shuffleReadMrecords",
                                                "shuffleWriteMB",
                                                "shuffleWriteMrecords",
                                                "kBlocksFetched",
                                                "spilledMB",
                                                "outputMB"};
  return index >= 0 && index < kNumTaskFeatures ? names[index] : "?";
}

const char* EvidenceName(Evidence e) {
  switch (e) {
    case Evidence::kOwnFit:
      return "own";
    case Evidence::kBorrowedFromApp:
      return "borrowed-from-app";
    case Evidence::kPrior:
      return "prior";
  }
  return "?";
}

void TaskData::Add(const TaskData& o) {
  input_bytes += o.input_bytes;
  input_records += o.input_records;
  shuffle_read_bytes += o.shuffle_read_bytes;
  shuffle_read_records += o.shuffle_read_records;
  shuffle_write_bytes += o.shuffle_write_bytes;
  shuffle_write_records += o.shuffle_write_records;
  blocks_fetched += o.blocks_fetched;
  spilled_bytes += o.spilled_bytes;
  output_bytes += o.output_bytes;
}

TaskData TaskData::Scaled(double f, double blocks) const {
  TaskData d;
  d.input_bytes = input_bytes * f;
  d.input_records = input_records * f;
  d.shuffle_read_bytes = shuffle_read_bytes * f;
  d.shuffle_read_records = shuffle_read_records * f;
  d.shuffle_write_bytes = shuffle_write_bytes * f;
  d.shuffle_write_records = shuffle_write_records * f;
  d.blocks_fetched = blocks;
  d.spilled_bytes = spilled_bytes * f;
  d.output_bytes = output_bytes * f;
  return d;
}

TaskFeatures FeaturesOf(const TaskData& d) {
  return {1.0,
          d.input_bytes / kMb,
          d.input_records / 1e6,
          d.shuffle_read_bytes / kMb,
          d.shuffle_read_records / 1e6,
          d.shuffle_write_bytes / kMb,
          d.shuffle_write_records / 1e6,
          d.blocks_fetched / 1e3,
          d.spilled_bytes / kMb,
          d.output_bytes / kMb};
}

TaskData TaskDataOf(const model::Task& t) {
  const model::TaskMetrics& m = t.metrics;
  TaskData d;
  d.input_bytes = static_cast<double>(m.input_bytes);
  d.input_records = static_cast<double>(m.input_records);
  d.shuffle_read_bytes = static_cast<double>(m.shuffle_read_bytes());
  d.shuffle_read_records = static_cast<double>(m.shuffle_records_read);
  d.shuffle_write_bytes = static_cast<double>(m.shuffle_bytes_written);
  d.shuffle_write_records = static_cast<double>(m.shuffle_records_written);
  d.blocks_fetched =
      static_cast<double>(m.shuffle_local_blocks_fetched + m.shuffle_remote_blocks_fetched);
  d.spilled_bytes = static_cast<double>(m.memory_bytes_spilled);
  d.output_bytes = static_cast<double>(m.output_bytes);
  return d;
}

namespace {

// Marks the first task launched on each executor core (per executor, the
// first `cores` tasks by launch time): they ran in a cold JVM.
std::vector<bool> ColdTasks(const model::Application& app) {
  std::vector<bool> cold(app.tasks.size(), false);
  std::map<uint32_t, std::vector<size_t>> by_exec;
  for (size_t i = 0; i < app.tasks.size(); ++i) {
    if (app.tasks[i].launch_time > 0) by_exec[app.tasks[i].executor].push_back(i);
  }
  for (auto& [exec, idx] : by_exec) {
    std::sort(idx.begin(), idx.end(), [&](size_t a, size_t b) {
      return app.tasks[a].launch_time < app.tasks[b].launch_time;
    });
    int cores = std::max(1, app.executors[exec].total_cores);
    for (size_t k = 0; k < idx.size() && k < static_cast<size_t>(cores); ++k) cold[idx[k]] = true;
  }
  return cold;
}

}  // namespace

TaskTimeModel TaskTimeModel::Fit(const model::Application& app) {
  TaskTimeModel model;
  std::vector<bool> cold = ColdTasks(app);
  // A stage made only of cold tasks keeps them (there is nothing else to fit).
  std::map<int, int> warm_per_stage;
  for (size_t i = 0; i < app.tasks.size(); ++i) {
    const model::Task& t = app.tasks[i];
    if (!cold[i] && t.status == model::TaskStatus::kSuccess && t.has_metrics)
      warm_per_stage[t.stage_id]++;
  }
  std::vector<TaskFeatures> all_x;
  std::vector<double> all_y;
  std::map<int, std::vector<size_t>> by_stage;
  std::map<int, std::vector<double>> overheads, gc_num, gc_den;
  for (size_t ti = 0; ti < app.tasks.size(); ++ti) {
    const model::Task& t = app.tasks[ti];
    if (t.status != model::TaskStatus::kSuccess || !t.has_metrics || t.finish_time <= 0) continue;
    if (cold[ti] && warm_per_stage[t.stage_id] > 0) continue;
    by_stage[t.stage_id].push_back(all_x.size());
    all_x.push_back(FeaturesOf(TaskDataOf(t)));
    all_y.push_back(static_cast<double>(t.metrics.executor_run_time));
    overheads[t.stage_id].push_back(
        static_cast<double>(std::max<int64_t>(0, t.duration() - t.metrics.executor_run_time)));
    gc_num[t.stage_id].push_back(static_cast<double>(t.metrics.jvm_gc_time));
    gc_den[t.stage_id].push_back(static_cast<double>(t.metrics.executor_run_time));
  }
  TaskFeatures prior = Prior();
  std::vector<double> all_overheads;
  for (auto& [s, v] : overheads) all_overheads.insert(all_overheads.end(), v.begin(), v.end());
  model.app_.overhead_ms = stats::Median(all_overheads);
  if (all_x.size() >= static_cast<size_t>(kMinTasksForOwnFit)) {
    double scale = 0;
    model.app_.beta =
        RobustFit(all_x, all_y, prior, kAppRidge * static_cast<double>(all_x.size()), &scale);
    model.app_.residual_sd_ms = scale;
    model.app_.evidence = Evidence::kOwnFit;
    model.app_.tasks_used = static_cast<int>(all_x.size());
  } else {
    model.app_.beta = prior;
    model.app_.evidence = Evidence::kPrior;
    model.app_.residual_sd_ms = 0.5 * model.app_.overhead_ms + 10;
  }
  for (auto& [stage_id, idx] : by_stage) {
    StageCoefficients c;
    std::vector<TaskFeatures> xs;
    std::vector<double> ys;
    for (size_t i : idx) {
      xs.push_back(all_x[i]);
      ys.push_back(all_y[i]);
    }
    c.overhead_ms = stats::Median(overheads[stage_id]);
    double gn = 0, gd = 0;
    for (double v : gc_num[stage_id]) gn += v;
    for (double v : gc_den[stage_id]) gd += v;
    c.gc_fraction = gd > 0 ? gn / gd : 0;
    c.tasks_used = static_cast<int>(xs.size());
    if (static_cast<int>(xs.size()) >= kMinTasksForOwnFit) {
      double scale = 0;
      c.beta = RobustFit(xs, ys, model.app_.beta, kShrinkTasks, &scale);
      c.residual_sd_ms = scale;
      c.evidence = Evidence::kOwnFit;
    } else {
      // Borrow the app-level slopes; keep the stage's own level (median residual).
      c.beta = model.app_.beta;
      std::vector<double> res;
      for (size_t i = 0; i < xs.size(); ++i) {
        double pred = 0;
        for (int j = 0; j < kNumTaskFeatures; ++j) pred += xs[i][j] * c.beta[j];
        res.push_back(ys[i] - pred);
      }
      double shift = stats::Median(res);
      if (c.beta[0] + shift >= 0) {
        c.beta[0] += shift;
      } else {
        // The stage is cheaper per byte than the app as a whole: scale the
        // borrowed coefficients instead of clamping the intercept at zero.
        std::vector<double> ratios;
        for (size_t i = 0; i < xs.size(); ++i) {
          double pred = 0;
          for (int j = 0; j < kNumTaskFeatures; ++j) pred += xs[i][j] * c.beta[j];
          if (pred > 0) ratios.push_back(ys[i] / pred);
        }
        double k = ratios.empty() ? 1.0 : stats::Median(ratios);
        for (double& b : c.beta) b *= k;
      }
      c.residual_sd_ms = std::max(model.app_.residual_sd_ms, 1.0);
      c.evidence =
          model.app_.evidence == Evidence::kPrior ? Evidence::kPrior : Evidence::kBorrowedFromApp;
    }
    // Level match: OLS with a free intercept makes residuals sum to zero; the
    // shrinkage and non-negativity above can break that, so restore it with
    // one scale factor on all coefficients (costs stay non-negative).
    double sum_y = 0, sum_pred = 0;
    for (size_t i = 0; i < xs.size(); ++i) {
      double pred = 0;
      for (int j = 0; j < kNumTaskFeatures; ++j) pred += xs[i][j] * c.beta[j];
      sum_y += ys[i];
      sum_pred += std::max(0.0, pred);
    }
    if (sum_pred > 0 && sum_y > 0) {
      double k = sum_y / sum_pred;
      for (double& b : c.beta) b *= k;
    }
    model.stages_[stage_id] = c;
  }
  std::vector<double> excess;
  for (size_t ti = 0; ti < app.tasks.size(); ++ti) {
    const model::Task& t = app.tasks[ti];
    if (!cold[ti] || t.status != model::TaskStatus::kSuccess || !t.has_metrics ||
        t.finish_time <= 0)
      continue;
    if (warm_per_stage[t.stage_id] == 0) continue;  // its stage was fitted on cold tasks
    double warm =
        model.PredictRunMs(t.stage_id, TaskDataOf(t)) + model.ForStage(t.stage_id).overhead_ms;
    excess.push_back(static_cast<double>(t.duration()) - warm);
  }
  model.cold_penalty_ms_ = std::max(0.0, stats::Median(excess));
  return model;
}

const StageCoefficients& TaskTimeModel::ForStage(int stage_id) const {
  auto it = stages_.find(stage_id);
  return it == stages_.end() ? app_ : it->second;
}

double TaskTimeModel::PredictRunMs(int stage_id, const TaskData& d) const {
  const StageCoefficients& c = ForStage(stage_id);
  TaskFeatures x = FeaturesOf(d);
  double y = 0;
  for (int j = 0; j < kNumTaskFeatures; ++j) y += x[j] * c.beta[j];
  return std::max(0.0, y);
}

}  // namespace sparktune::simulator
