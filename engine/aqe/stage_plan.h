// StagePlan: what the AQE stage rules decided for one stage: the partition
// specs each shuffle is read with, the join strategies after runtime join
// selection and skew handling, and a log of decisions (rule, text) for reports.
//
// Task count of the stage: each coalesce group is read zipped, so it contributes
// its spec count (all members have the same count); groups of a union add up. A
// shuffle with no specs is read whole: one task per reduce partition. A shuffle
// that became a broadcast build side is not read by this stage.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/aqe/partition_spec.h"
#include "engine/aqe/stage_planning_input.h"

namespace sparktune::engine::aqe {

struct ShuffleReadPlan {
  PartitionSpecs specs;  // empty: not rewritten (one spec per reduce partition)
  bool coalesced = false;
  bool skewed = false;      // contains skew splits
  bool local = false;       // a local read
  bool broadcast = false;   // the build side of a broadcast join: collected, not read here
  bool eliminated = false;  // its join was replaced by an empty relation: not read at all
};

struct JoinDecision {
  JoinStrategy strategy = JoinStrategy::kSortMerge;
  BuildSide build_side = BuildSide::kNone;
  std::string hint;        // "NO_BROADCAST_HASH", "SHUFFLE_HASH", "PREFER_SHUFFLE_HASH" or ""
  bool converted = false;  // strategy changed at run time
  bool skew_join = false;
  bool empty_result = false;  // a side is empty: the join was propagated away
};

struct Decision {
  std::string rule;
  std::string text;
};

struct StagePlan {
  std::vector<ShuffleReadPlan> reads;  // parallel to StagePlanningInput::shuffles
  std::vector<JoinDecision> joins;     // parallel to StagePlanningInput::joins
  std::vector<Decision> decisions;

  // Initializes reads/joins from the input (nothing rewritten yet).
  static StagePlan From(const StagePlanningInput& input);
  // Number of reads of shuffle `i` (spec count, else its partition count).
  int64_t ReadCount(const StagePlanningInput& input, int i) const;
  // Tasks of the stage (see the header comment).
  int64_t TaskCount(const StagePlanningInput& input) const;
  // Shuffle bytes each task reads, in task order (groups in order, specs in order):
  // a coalesced spec reads its reducers' bytes; a skew split its data_size (else its
  // mappers' share); a local read its mappers' share of its reducers' bytes.
  std::vector<int64_t> TaskReadBytes(const StagePlanningInput& input) const;
  void Note(std::string rule, std::string text) {
    decisions.push_back({std::move(rule), std::move(text)});
  }
};

// The coalesce groups of `input` (its own, or one group of every shuffle).
std::vector<std::vector<int>> EffectiveGroups(const StagePlanningInput& input);

}  // namespace sparktune::engine::aqe
