#include "simulator/calibration/knob_classes.h"

#include <set>
#include <string_view>

#include "data/config/config_catalog.h"

namespace sparktune::simulator {

namespace {

// Knob classes of the keys the grid moves; a key not listed is its own class.
// Keys of the event log itself are no knobs (they change no prediction).
struct KnobClass {
  std::string_view name;
  std::vector<std::string_view> keys;
};

const std::vector<KnobClass>& KnobClasses() {
  namespace k = config::keys;
  static const std::vector<KnobClass> classes = {
      {"memory",
       {k::kExecutorMemory, k::kExecutorMemoryOverhead, k::kExecutorMemoryOverheadFactor,
        k::kMemoryFraction, k::kMemoryStorageFraction, k::kOffHeapEnabled, k::kOffHeapSize}},
      {"cores", {k::kExecutorCores, k::kTaskCpus}},
      {"executors", {k::kExecutorInstances}},
      {"partitions",
       {k::kSqlShufflePartitions, k::kAdaptiveInitialPartitionNum, k::kDefaultParallelism}},
      {"aqe", {k::kAdaptiveEnabled, k::kAdaptiveCoalesceEnabled, k::kAdaptiveLocalShuffleReader}},
      {"broadcast", {k::kAutoBroadcastJoinThreshold, k::kAdaptiveAutoBroadcastJoinThreshold}},
      {"skew",
       {k::kAdaptiveSkewJoinEnabled, k::kAdaptiveSkewedPartitionFactor,
        k::kAdaptiveSkewedPartitionThreshold, k::kAdaptiveAdvisoryPartitionSize,
        k::kAdaptiveForceOptimizeSkewedJoin}},
      {"dynamicAllocation",
       {k::kDynamicAllocationEnabled, k::kDynamicAllocationMinExecutors,
        k::kDynamicAllocationMaxExecutors, k::kDynamicAllocationInitialExecutors,
        k::kDynamicAllocationExecutorIdleTimeout, k::kDynamicAllocationCachedExecutorIdleTimeout,
        k::kDynamicAllocationSchedulerBacklogTimeout, k::kDynamicAllocationSustainedBacklogTimeout,
        k::kDynamicAllocationShuffleTrackingEnabled, k::kDynamicAllocationShuffleTrackingTimeout,
        k::kDynamicAllocationExecutorAllocationRatio}},
      {"",
       {k::kEventLogEnabled, k::kEventLogDir, k::kEventLogCompress, k::kEventLogCompressionCodec,
        k::kEventLogRollingEnabled, k::kEventLogRollingMaxFileSize, k::kEventLogBufferKb}},
  };
  return classes;
}

}  // namespace

// The class of `key` ("" for event-log keys, the key itself when unlisted).
std::string KnobClassOf(const std::string& key) {
  for (const auto& c : KnobClasses()) {
    for (auto k : c.keys) {
      if (k == key) return std::string(c.name);
    }
  }
  return key;
}

std::vector<std::string> KnobClassesOf(const std::map<std::string, std::string>& overrides) {
  std::set<std::string> classes;
  for (const auto& [key, value] : overrides) {
    std::string c = KnobClassOf(key);
    if (!c.empty()) classes.insert(c);
  }
  return {classes.begin(), classes.end()};
}

}  // namespace sparktune::simulator
