#include "rules/registry.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace sparktune::rules {

// One declaration per rule, each defined in rules/<slug>.cc.
const Rule& SuppressionWithoutReasonRule();
const Rule& InvalidValueRule();
const Rule& UnknownKeyRule();
const Rule& DeprecatedKeyRule();
const Rule& RemovedKeyRule();
const Rule& DuplicateKeyRule();
const Rule& KeyNewerThanVersionRule();
const Rule& SizeWithoutUnitRule();
const Rule& NonSparkKeyRule();
const Rule& SubmitArgumentErrorRule();
const Rule& MemoryPerCoreRule();
const Rule& MemoryPerTaskRule();
const Rule& ExecutorCoresRangeRule();
const Rule& OverheadOutOfProportionRule();
const Rule& HeapTooLargeRule();
const Rule& OffheapWithoutSizeRule();
const Rule& TaskCpusExceedCoresRule();
const Rule& DriverResultSizeUnboundedRule();
const Rule& AqeDisabledRule();
const Rule& AqeCoalesceDisabledRule();
const Rule& AdvisoryPartitionSizeRule();
const Rule& AdvisorySizeIgnoredRule();
const Rule& ShufflePartitionsWithoutAqeRule();
const Rule& ShufflePartitionsTooManyRule();
const Rule& BroadcastThresholdHighRule();
const Rule& BroadcastExceedsDriverRule();
const Rule& SkewJoinMisSetRule();
const Rule& FileSplitVsBlockSizeRule();
const Rule& OpenCostExceedsSplitRule();
const Rule& DynamicAllocationUnboundedRule();
const Rule& DynamicAllocationInitialTooHighRule();
const Rule& DynamicAllocationBoundsInvalidRule();
const Rule& DynamicAllocationNoShuffleServiceRule();
const Rule& NetworkTimeoutTooHighRule();
const Rule& HeartbeatNotBelowTimeoutRule();
const Rule& SpeculationAggressiveRule();
const Rule& SpeculationDefaultsChangedRule();
const Rule& JavaSerializerRule();
const Rule& KryoBufferExceedsMaxRule();
const Rule& ShuffleCompressionDisabledRule();
const Rule& EventLogDisabledRule();
const Rule& EventLogUncompressedRule();
const Rule& EventLogDirLocalRule();
const Rule& EventLogCodecUnsupportedRule();
const Rule& NativeEngineOffheapRule();
const Rule& OverheadBelowOffheapNeedRule();
const Rule& RemoteShuffleWithShuffleServiceRule();
const Rule& RemoteShuffleDynamicAllocationRule();
const Rule& CelebornPushBufferMemoryRule();

namespace {

const std::vector<const Rule*>& Table() {
  static const std::vector<const Rule*> table = {
      &SuppressionWithoutReasonRule(),           // ST001 suppression-without-reason
      &InvalidValueRule(),                       // ST101 invalid-value
      &UnknownKeyRule(),                         // ST102 unknown-key
      &DeprecatedKeyRule(),                      // ST103 deprecated-key
      &RemovedKeyRule(),                         // ST104 removed-key
      &DuplicateKeyRule(),                       // ST105 duplicate-key
      &KeyNewerThanVersionRule(),                // ST106 key-newer-than-version
      &SizeWithoutUnitRule(),                    // ST107 size-without-unit
      &NonSparkKeyRule(),                        // ST108 non-spark-key
      &SubmitArgumentErrorRule(),                // ST109 submit-argument-error
      &MemoryPerCoreRule(),                      // ST201 memory-per-core
      &MemoryPerTaskRule(),                      // ST202 memory-per-task
      &ExecutorCoresRangeRule(),                 // ST203 executor-cores-range
      &OverheadOutOfProportionRule(),            // ST204 overhead-out-of-proportion
      &HeapTooLargeRule(),                       // ST205 heap-too-large
      &OffheapWithoutSizeRule(),                 // ST206 offheap-without-size
      &TaskCpusExceedCoresRule(),                // ST207 task-cpus-exceed-cores
      &DriverResultSizeUnboundedRule(),          // ST208 driver-result-size-unbounded
      &NativeEngineOffheapRule(),                // ST209 native-engine-offheap
      &OverheadBelowOffheapNeedRule(),           // ST210 overhead-below-offheap-need
      &AqeDisabledRule(),                        // ST301 aqe-disabled
      &AqeCoalesceDisabledRule(),                // ST302 aqe-coalesce-disabled
      &AdvisoryPartitionSizeRule(),              // ST303 advisory-partition-size
      &AdvisorySizeIgnoredRule(),                // ST304 advisory-size-ignored
      &ShufflePartitionsWithoutAqeRule(),        // ST305 shuffle-partitions-without-aqe
      &ShufflePartitionsTooManyRule(),           // ST306 shuffle-partitions-too-many
      &BroadcastThresholdHighRule(),             // ST307 broadcast-threshold-high
      &BroadcastExceedsDriverRule(),             // ST308 broadcast-exceeds-driver
      &SkewJoinMisSetRule(),                     // ST309 skew-join-mis-set
      &FileSplitVsBlockSizeRule(),               // ST310 file-split-vs-block-size
      &OpenCostExceedsSplitRule(),               // ST311 open-cost-exceeds-split
      &DynamicAllocationUnboundedRule(),         // ST401 dynamic-allocation-unbounded
      &DynamicAllocationInitialTooHighRule(),    // ST402 dynamic-allocation-initial-too-high
      &DynamicAllocationBoundsInvalidRule(),     // ST403 dynamic-allocation-bounds-invalid
      &DynamicAllocationNoShuffleServiceRule(),  // ST404 dynamic-allocation-no-shuffle-service
      &RemoteShuffleWithShuffleServiceRule(),    // ST405 remote-shuffle-with-shuffle-service
      &RemoteShuffleDynamicAllocationRule(),     // ST406 remote-shuffle-dynamic-allocation
      &NetworkTimeoutTooHighRule(),              // ST501 network-timeout-too-high
      &HeartbeatNotBelowTimeoutRule(),           // ST502 heartbeat-not-below-timeout
      &SpeculationAggressiveRule(),              // ST503 speculation-aggressive
      &SpeculationDefaultsChangedRule(),         // ST504 speculation-defaults-changed
      &JavaSerializerRule(),                     // ST601 java-serializer
      &KryoBufferExceedsMaxRule(),               // ST602 kryo-buffer-exceeds-max
      &ShuffleCompressionDisabledRule(),         // ST603 shuffle-compression-disabled
      &CelebornPushBufferMemoryRule(),           // ST604 celeborn-push-buffer-memory
      &EventLogDisabledRule(),                   // ST701 event-log-disabled
      &EventLogUncompressedRule(),               // ST702 event-log-uncompressed
      &EventLogDirLocalRule(),                   // ST703 event-log-dir-local
      &EventLogCodecUnsupportedRule(),           // ST704 event-log-codec-unsupported
  };
  return table;
}

}  // namespace

std::span<const Rule* const> AllRules() { return Table(); }

const Rule* FindRule(std::string_view name) {
  for (const Rule* rule : Table()) {
    if (rule->slug == name) return rule;
    if (rule->id.size() == name.size() &&
        std::equal(name.begin(), name.end(), rule->id.begin(), [](char a, char b) {
          return std::toupper(static_cast<unsigned char>(a)) == b;
        })) {
      return rule;
    }
  }
  return nullptr;
}

}  // namespace sparktune::rules
