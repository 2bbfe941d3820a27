// EngineVariantEffect: how a task's time changes when the simulated config runs another engine
// variant (engine/variants/engine_variant.h) than the logged run: a native engine (Gluten/Velox)
// switched on or off, a remote shuffle service (Celeborn) switched on or off. Applied to each
// task's named terms (TaskTimeTerms) after pricing; identity when the variant does not change,
// so an empty override set still gives exactly the baseline.
//
// Assumptions (stated, each a field of EngineVariantAssumptions with its default and reason;
// no native or Celeborn log exists here to calibrate them, see docs in the .cc):
//  * native engine: the data-work term (scan, project, filter, aggregate, join and the
//    shuffle's serialization: what Velox executes) is divided by `native_data_speedup`; fixed
//    cost, fetch, spill and GC are kept. Every stage is taken as offloadable: stages of RDD or
//    Python code, which Gluten does not run natively, would gain nothing.
//  * remote shuffle (push-based, Celeborn's SparkShuffleManager): a map task pushes its shuffle
//    output to the workers at `rss_push_mib_per_s` and that time is added to its data work (the
//    local file write it replaces is kept: an upper bound); reduce tasks read the same bytes,
//    all remote, merged per partition: the fetch term is kept.
//  * executor release under dynamic allocation is not changed here: it follows
//    spark.dynamicAllocation.shuffleTracking.enabled and the shuffle service as Spark's
//    ExecutorMonitor does (simulator/models/dynamic_allocation), which is what a Celeborn set-up
//    changes (tracking off with CelebornShuffleDataIO, lint rule ST406).
//  * off-heap memory: a native config's spark.memory.offHeap.* enter the container size and so
//    MB-seconds through engine/memory (ResourceProfile, 3.0+), not here.
//
// Thread safety: pure values and functions.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "engine/variants/engine_variant.h"
#include "simulator/result/sim_result.h"

namespace sparktune::simulator {

struct EngineVariantAssumptions {
  double native_data_speedup = 2.0;
  double rss_push_mib_per_s = 200.0;
};

struct EngineVariantEffect {
  bool identity = true;
  double data_factor = 1.0;     // multiplies data_ms
  double push_ms_per_byte = 0;  // added per shuffle byte written (negative: push removed)
  std::vector<std::string> notes;
};

// The variant the simulated config runs: the observed one (config and plan evidence) unless
// `overrides` set spark.plugins, spark.gluten.enabled or spark.shuffle.manager, in which case
// that part follows the config.
engine::EngineVariantInfo SimulatedVariant(const engine::EngineVariantInfo& observed,
                                           const std::map<std::string, std::string>& config,
                                           const std::map<std::string, std::string>& overrides);

EngineVariantEffect EffectBetween(const engine::EngineVariantInfo& observed,
                                  const engine::EngineVariantInfo& simulated,
                                  const EngineVariantAssumptions& assumptions = {});

// Applies the effect to one task's terms; `shuffle_write_bytes` is what the task writes.
void ApplyEngineVariant(const EngineVariantEffect& effect, double shuffle_write_bytes,
                        TaskTimeTerms* terms);

}  // namespace sparktune::simulator
