// Knob classes: the groups of Spark keys a cross-config prediction changes ("memory", "cores",
// "executors", "partitions", "aqe", "broadcast", "skew", "dynamicAllocation"), as the ground
// truth's grid moves them (tests/spark/grid_plan.py KNOB_CLASSES). `validate` groups its pairs by
// them and the calibrated intervals (conformal_intervals.h) are per class, so `whatif` classes
// its overrides the same way.
//
// Thread safety: pure functions over a constant table.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace sparktune::simulator {

// The class of `key`: "" for the event log's own keys (they change no prediction), the key
// itself when it is in no class.
std::string KnobClassOf(const std::string& key);

// The sorted, distinct classes `overrides` change (event-log keys left out).
std::vector<std::string> KnobClassesOf(const std::map<std::string, std::string>& overrides);

}  // namespace sparktune::simulator
