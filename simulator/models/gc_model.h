// GcModel: JVM garbage-collection time of a task.
//  * Replay: GC happens inside executor run time (jvmGCTime is part of
//    executorRunTime, all versions), so the calibrated run time already
//    contains it; the stage's observed share of GC in run time says how much
//    of a predicted run is GC. That share is split off every other term of the
//    run in proportion, so the terms still sum to the run.
//  * Simulation mode: GC is added to the run, a fraction growing with the
//    live set (bytes held in memory), up to a cap.
#pragma once

namespace sparktune::simulator {

// The share of run time spent in GC for a stage whose tasks showed
// `observed_fraction` (GC time / run time); within [0, 1].
double GcShareOfRun(double observed_fraction);

// Simulation mode: GC time per ms of run for a live set of `live_mb`.
double LiveSetGcFraction(double live_mb, double fraction_per_live_gb, double max_fraction);

}  // namespace sparktune::simulator
