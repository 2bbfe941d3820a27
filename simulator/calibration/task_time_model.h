// TaskTimeModel: per-stage task-time coefficients calibrated from the observed
// tasks of a log, used to predict the run time of any task from its data
// (bytes and records in and out, fetched blocks, spilled bytes), never from an
// observed duration.
//
//   run_time_ms = b0 + b_in*inputMB + b_inrec*inputMrec + b_sr*shuffleReadMB
//               + b_srrec*shuffleReadMrec + b_sw*shuffleWriteMB
//               + b_swrec*shuffleWriteMrec + b_blk*kBlocksFetched + b_spill*spilledMB
//               + b_out*outputMB
//
// Fitting: robust least squares (Huber weights, iteratively reweighted) with
// Eigen, non-negative per-unit costs, in two levels: an application-wide fit
// over all successful tasks, then a per-stage fit shrunk toward it with a
// strength that falls as the stage has more tasks and more spread in its
// features. A stage with fewer than kMinTasksForOwnFit tasks uses the app-wide
// coefficients plus its own median residual and is flagged as borrowed
// (weaker evidence). An app with too few tasks falls back to fleet priors.
// The per-task time outside run time (deserialization, result serialization,
// scheduler delay, getting result) is a per-stage median.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "data/model/application.h"

namespace sparktune::simulator {

inline constexpr int kNumTaskFeatures = 10;
using TaskFeatures = std::array<double, kNumTaskFeatures>;  // [0] is the constant 1
// Indices of the features the task-time terms name apart (ReplayTaskTime).
inline constexpr int kFeatureConstant = 0;
inline constexpr int kFeatureBlocksFetched = 7;  // thousands of blocks
inline constexpr int kFeatureSpilledMb = 8;
const char* TaskFeatureName(int index);

// Features of a task from its data volumes (units: MB, millions of records,
// thousands of blocks).
struct TaskData {
  double input_bytes = 0;
  double input_records = 0;
  double shuffle_read_bytes = 0;
  double shuffle_read_records = 0;
  double shuffle_write_bytes = 0;
  double shuffle_write_records = 0;
  double blocks_fetched = 0;
  double spilled_bytes = 0;  // memory bytes spilled
  double output_bytes = 0;

  // Adds every volume of `o` (merging partitions).
  void Add(const TaskData& o);
  // Every volume times `f`, except blocks fetched (one block per map task
  // whatever the partition's size), which is `blocks`.
  TaskData Scaled(double f, double blocks) const;
};
TaskFeatures FeaturesOf(const TaskData& d);
TaskData TaskDataOf(const model::Task& task);

enum class Evidence { kOwnFit, kBorrowedFromApp, kPrior };
const char* EvidenceName(Evidence e);

struct StageCoefficients {
  TaskFeatures beta{};        // ms per unit
  double overhead_ms = 0;     // per task, outside executor run time
  double residual_sd_ms = 0;  // robust spread of residuals (for intervals)
  Evidence evidence = Evidence::kPrior;
  int tasks_used = 0;
  double gc_fraction = 0;  // observed GC time / run time in this stage
};

class TaskTimeModel {
 public:
  // Calibrates from every successful task of `app`.
  static TaskTimeModel Fit(const model::Application& app);

  // Coefficients of a stage (by stage id; all attempts share them).
  const StageCoefficients& ForStage(int stage_id) const;
  double PredictRunMs(int stage_id, const TaskData& d) const;
  const StageCoefficients& app_level() const { return app_; }
  // Extra time of the first task on each executor core (class loading, JIT
  // warm-up in a fresh JVM): median over those "cold" tasks of their duration
  // beyond what the warm model predicts. Cold tasks are kept out of the fit.
  double cold_start_penalty_ms() const { return cold_penalty_ms_; }

 private:
  StageCoefficients app_;
  std::map<int, StageCoefficients> stages_;
  double cold_penalty_ms_ = 0;
};

}  // namespace sparktune::simulator
