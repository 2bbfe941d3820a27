// SimulatedRun: the figures every renderer of one simulated run shows
// (simulate, optimize): predicted duration and MB-seconds with their
// intervals, core-seconds, spill, GC and the out-of-memory risk. Plain values
// with the simulator's types (advisor/recommend/simulated_run.h fills them
// from a SimResult).
#pragma once

namespace sparktune::reports {

struct SimulatedRun {
  double duration_ms = 0, duration_ms_low = 0, duration_ms_high = 0;
  double mb_seconds = 0, mb_seconds_low = 0, mb_seconds_high = 0;
  double core_seconds = 0;
  double spill_bytes = 0;  // predicted bytes spilled
  double gc_ms = 0;
  bool oom_risk = false;
};

}  // namespace sparktune::reports
