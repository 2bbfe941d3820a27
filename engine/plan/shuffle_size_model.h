// ShuffleSizeModel: the size distribution of one shuffle's reduce partitions,
// the data model the engine re-plans from (architecture.md section 5, "Data
// distributions"). It is decomposed into
//   heavy partitions  far above the median (> kHeavyFactor x median, and above
//                     the mean): hot keys that stay whole under any partition
//                     count, kept with their relative position in [0, 1)
//   smooth remainder  everything else, kept as a cumulative profile over the
//                     partition index; it re-spreads over any partition count
// Regenerate(n) gives the sizes for n partitions: the remainder integrated over
// n equal slices of the profile, plus each heavy partition at its position. At
// the observed count it gives back the partition sizes it was built from.
//
// Sizes are bytes as AQE sees them (MapOutputStatistics, compressed).
// Plain value type; immutable after construction.
#pragma once

#include <cstdint>
#include <vector>

namespace sparktune::engine::plan {

struct HeavyPartition {
  double position = 0;  // index / partition count when observed
  int64_t bytes = 0;
};

class ShuffleSizeModel {
 public:
  // A partition is heavy when above kHeavyFactor x median (floored at 1 byte).
  static constexpr double kHeavyFactor = 5.0;

  ShuffleSizeModel() = default;
  // From per-partition sizes observed at sizes.size() partitions.
  static ShuffleSizeModel FromPartitionSizes(const std::vector<int64_t>& sizes);
  // From contiguous coalesced reads covering `num_partitions` partitions, when only
  // each read's total is known: a read above `single_partition_above` bytes (the
  // packing target, which only a single partition can exceed) covers one partition;
  // the other partitions are shared among the other reads in proportion to their
  // bytes (uniform density), at least one each.
  static ShuffleSizeModel FromCoalescedReads(const std::vector<int64_t>& read_bytes,
                                             int num_partitions, int64_t single_partition_above);
  // `total` bytes spread evenly over `num_partitions` (nothing else known).
  static ShuffleSizeModel Uniform(int64_t total, int num_partitions);

  std::vector<int64_t> Regenerate(int num_partitions) const;

  int observed_partitions() const { return observed_partitions_; }
  int64_t total_bytes() const;
  int64_t remainder_bytes() const { return cumulative_.empty() ? 0 : cumulative_.back(); }
  const std::vector<HeavyPartition>& heavy() const { return heavy_; }

 private:
  int observed_partitions_ = 0;
  std::vector<HeavyPartition> heavy_;
  std::vector<int64_t> cumulative_;  // observed_partitions_ + 1 entries, remainder only
};

// Expands coalesced read totals to per-partition sizes (see FromCoalescedReads).
std::vector<int64_t> SpreadCoalescedReads(const std::vector<int64_t>& read_bytes,
                                          int num_partitions, int64_t single_partition_above);
// The partition count each coalesced read covers (sum = num_partitions when there
// are fewer reads than partitions). Shuffles read together share the widths, so
// compute them from the reads' combined bytes.
std::vector<int> CoalescedReadWidths(const std::vector<int64_t>& read_bytes, int num_partitions,
                                     int64_t single_partition_above);
// Spreads each read's bytes evenly over its width. With `first_fractions` (one
// per read, 0 = none), read j's first partition takes that fraction of its bytes
// and the rest is spread over the other partitions of its range.
std::vector<int64_t> SpreadOverWidths(const std::vector<int64_t>& read_bytes,
                                      const std::vector<int>& widths, int num_partitions,
                                      const std::vector<double>& first_fractions = {});
// Packing consistency: a coalesced read j-1 smaller than the packing `target`
// was closed because the first partition of read j did not fit, so that
// partition holds more than target - bytes[j-1]. Returns, per read, the fraction
// of its bytes its first partition must hold for that (0 when the even spread
// already satisfies it). `read_bytes` are the co-partitioned shuffles' combined bytes.
std::vector<double> BoundaryFractions(const std::vector<int64_t>& read_bytes,
                                      const std::vector<int>& widths, int64_t target);

}  // namespace sparktune::engine::plan
