#include "advisor/recommend/simulated_run.h"

namespace sparktune::recommend {

reports::SimulatedRun SimulatedRunOf(const simulator::SimResult& r) {
  return {.duration_ms = r.duration_ms,
          .duration_ms_low = r.duration_ms_low,
          .duration_ms_high = r.duration_ms_high,
          .mb_seconds = r.mb_seconds,
          .mb_seconds_low = r.mb_seconds_low,
          .mb_seconds_high = r.mb_seconds_high,
          .core_seconds = r.core_seconds,
          .spill_bytes = r.spill_bytes,
          .gc_ms = r.gc_ms,
          .oom_risk = r.oom_risk};
}

}  // namespace sparktune::recommend
