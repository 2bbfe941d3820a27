// SpillModel: how much a task spills under a given execution memory,
// calibrated per stage from the log (UnsafeExternalSorter / ExternalSorter,
// 1.6-4.x). A task whose in-memory footprint F = expansion x bytes processed
// exceeds its execution memory M spills about F - M. The expansion comes from
// the stage's spilled tasks (spill/bytes is a lower bound; a sorter keeps up
// to M in memory, so 1.5x it), or, when nothing spilled, from the slope of
// peak execution memory (3.0+) over bytes; the effective M at the observed
// config is solved so that the predicted spill of the observed tasks equals
// the observed spill, then scaled with the execution memory per task of
// another config. What a spilled byte costs is SpillCost's.
#pragma once

#include "data/model/application.h"
#include "engine/memory/container_size.h"

namespace sparktune::simulator {

// Which structure spills in a stage, from its plan's operators.
//  * kSorter: a sort buffer (UnsafeExternalSorter under SortExec, a sort-merge
//    join or window's sort; ExternalSorter): it spills what does not fit and
//    merges the rest from memory, so a task spills about F - M.
//  * kAggregationMap: a hash aggregate's map (TungstenAggregationIterator,
//    2.0-4.x) with no sort in the stage: when the map cannot grow it is
//    spilled whole and a new one started, and at the end the last map is
//    spilled into the same external sorter before the sort-based merge
//    (UnsafeKVExternalSorter.merge spills it), so a task that spills at all
//    spills about its whole footprint F, whatever its memory; only a memory
//    that holds F avoids it (Spark 3.5 ground truth w1: 6.2 GiB at 2g, 6.4 GiB
//    at 1g).
enum class SpillSemantics { kSorter, kAggregationMap };

// What a stage's tasks show about spilling, independent of any config.
struct SpillEvidence {
  SpillSemantics semantics = SpillSemantics::kSorter;
  double expansion = 0;          // in-memory bytes per processed byte; 0 = no evidence
  bool from_spills = false;      // calibrated on spilled tasks
  bool from_peaks = false;       // nothing spilled; calibrated on peak execution memory
  double solved_memory = 0;      // from_spills: the effective M that reproduces the spill
                                 // (kAggregationMap: just below the smallest spilled footprint)
  double largest_footprint = 0;  // otherwise: the largest expansion x bytes (it fitted)
};

struct SpillModel {
  SpillSemantics semantics = SpillSemantics::kSorter;
  double expansion = 0;   // in-memory bytes per processed byte; 0 = no evidence
  double memory_obs = 0;  // effective execution memory per task at the observed config (bytes)

  // The effective memory of a task under a config giving `share_new` bytes of
  // execution memory per task where the observed one gave `share_obs`.
  double MemoryUnder(double share_obs, double share_new) const {
    return memory_obs * (share_obs > 0 ? share_new / share_obs : 1.0);
  }
  // Bytes a task processing `bytes` spills with `memory` bytes of execution memory.
  double SpilledBytes(double bytes, double memory) const;
  // Spilling cannot help when one task's footprint dwarfs its memory (a
  // single record group that must fit, e.g. a hash-join build side).
  bool OutOfMemoryRisk(double bytes, double memory) const;
};

// The bytes a task's spillable structures grow with: what it reads (input and
// shuffle); a task that reads nothing (it generates its rows: spark.range, a
// LocalTableScan) spills what its map-side sorter holds, in proportion to its
// shuffle write (the sort-based shuffle writers buffer every output record,
// ExternalSorter / ShuffleExternalSorter, 1.6-4.x). Taking the larger of the
// two for every task (an explode writes more than it reads) was measured worse.
double SpillVolumeBytes(double input_bytes, double shuffle_read_bytes, double shuffle_write_bytes);

// Reads the evidence of one stage attempt whose spilling structure is `semantics`.
SpillEvidence MeasureSpill(const model::Application& app, const model::StageAttempt& s,
                           SpillSemantics semantics = SpillSemantics::kSorter);

// The model at the observed config; `share_obs` is the nominal execution
// memory per task (bytes) there.
SpillModel ResolveSpill(const SpillEvidence& evidence, double share_obs);

// Both steps at once.
SpillModel CalibrateSpill(const model::Application& app, const model::StageAttempt& s,
                          double share_obs);

// Execution memory a task can count on, in MiB: (heap - 300 MiB) x
// spark.memory.fraction shared by the executor's concurrent tasks
// (UnifiedMemoryManager, 1.6-4.x; ExecutionMemoryPool grants 1/(2N)..1/N, we
// use 1/N while a stage saturates the executor). In local mode the heap is
// the driver's.
double ExecutionMemoryPerTaskMib(const engine::EffectiveConfig& c, int cores, int task_cpus,
                                 bool local);

}  // namespace sparktune::simulator
