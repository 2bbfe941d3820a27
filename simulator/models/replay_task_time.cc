#include "simulator/models/replay_task_time.h"

#include <algorithm>

#include "simulator/models/gc_model.h"

namespace sparktune::simulator {

namespace {

constexpr double kBytesPerMb = 1e6;

// The run time of a task by the calibrated model, by feature family; all zero
// when the model's sum is negative (it predicts no time).
TaskTimeTerms CalibratedRun(const StageCoefficients& c, const TaskData& d) {
  TaskFeatures x = FeaturesOf(d);
  TaskTimeTerms run;
  double total = 0;
  for (int j = 0; j < kNumTaskFeatures; ++j) {
    double part = x[j] * c.beta[j];
    total += part;
    if (j == kFeatureConstant) {
      run.fixed_ms += part;
    } else if (j == kFeatureBlocksFetched) {
      run.fetch_ms += part;
    } else if (j == kFeatureSpilledMb) {
      run.spill_ms += part;
    } else {
      run.data_ms += part;
    }
  }
  return total < 0 ? TaskTimeTerms{} : run;
}

// Splits the stage's GC share off the run's terms and adds the time outside
// run time to the fixed cost.
PricedTask WithGcAndOverhead(TaskTimeTerms run, double gc_fraction, double overhead_ms) {
  double share = GcShareOfRun(gc_fraction);
  double run_ms = run.fixed_ms + run.data_ms + run.fetch_ms + run.spill_ms;
  PricedTask priced;
  priced.logged_ratio_gc_ms = run_ms * gc_fraction;
  TaskTimeTerms& t = priced.terms;
  t.fixed_ms = run.fixed_ms * (1 - share) + overhead_ms;
  t.data_ms = run.data_ms * (1 - share);
  t.fetch_ms = run.fetch_ms * (1 - share);
  t.spill_ms = run.spill_ms * (1 - share);
  t.gc_ms = run_ms * share;
  return priced;
}

}  // namespace

PricedTask ReplayTaskTime::Logged(int stage_id, const TaskData& d,
                                  double logged_spilled_bytes) const {
  const StageCoefficients& c = model_.ForStage(stage_id);
  TaskData as_logged = d;
  as_logged.spilled_bytes = logged_spilled_bytes;
  TaskTimeTerms run = CalibratedRun(c, as_logged);
  // The fit carries the logged spill's time; only the change is priced. Where the stage's fit
  // put that time in other terms (no spill coefficient), a saving comes out of its data work.
  double own = c.beta[kFeatureSpilledMb];
  double per_mb = own > 0 ? own : spill_.replanned_ms_per_mb;
  run.spill_ms += per_mb * (d.spilled_bytes - logged_spilled_bytes) / kBytesPerMb;
  if (run.spill_ms < 0) {
    run.data_ms = std::max(0.0, run.data_ms + run.spill_ms);
    run.spill_ms = 0;
  }
  return WithGcAndOverhead(run, c.gc_fraction, fixed_.OverheadMs(c, false));
}

PricedTask ReplayTaskTime::Replanned(int stage_id, double share, const ConservedWork& work,
                                     double spilled_bytes) const {
  const StageCoefficients& c = model_.ForStage(stage_id);
  TaskTimeTerms run;
  run.fixed_ms = fixed_.run_ms;
  run.fetch_ms = work.fetch_ms * share;
  run.data_ms = (work.data_ms - work.fetch_ms) * share;
  run.spill_ms = spill_.replanned_ms_per_mb * spilled_bytes / kBytesPerMb;
  return WithGcAndOverhead(run, c.gc_fraction, fixed_.OverheadMs(c, true));
}

ConservedWork ReplayTaskTime::Conserve(int stage_id, const std::vector<TaskData>& tasks) const {
  const StageCoefficients& c = model_.ForStage(stage_id);
  double work = 0, fetch = 0;
  for (TaskData d : tasks) {
    d.spilled_bytes = 0;
    work += model_.PredictRunMs(stage_id, d);
    fetch += CalibratedRun(c, d).fetch_ms;
  }
  ConservedWork w;
  w.data_ms = std::max(0.0, work - fixed_.run_ms * static_cast<double>(tasks.size()));
  w.fetch_ms = std::clamp(fetch, 0.0, w.data_ms);
  return w;
}

}  // namespace sparktune::simulator
