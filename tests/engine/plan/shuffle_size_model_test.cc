// ShuffleSizeModel: heavy/remainder decomposition, identity at the observed
// count, re-spreading over other counts, and coalesced-read spreading.
#include "engine/plan/shuffle_size_model.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>

namespace sparktune::engine::plan {
namespace {

int64_t Sum(const std::vector<int64_t>& v) {
  return std::accumulate(v.begin(), v.end(), int64_t{0});
}

TEST(ShuffleSizeModel, IdentityAtObservedCountAndHeavyKeys) {
  std::vector<int64_t> sizes(50, 1000);
  sizes[7] = 40000;  // 40x the median: a hot key
  ShuffleSizeModel m = ShuffleSizeModel::FromPartitionSizes(sizes);
  ASSERT_EQ(m.heavy().size(), 1u);
  EXPECT_EQ(m.heavy()[0].bytes, 40000);
  EXPECT_EQ(m.Regenerate(50), sizes);
  // Twice the partitions: the remainder halves, the hot key stays whole.
  std::vector<int64_t> r = m.Regenerate(100);
  EXPECT_EQ(Sum(r), Sum(sizes));
  EXPECT_EQ(*std::max_element(r.begin(), r.end()), 40000);  // its own slices hold no remainder
  EXPECT_EQ(r[0], 500);
  // Fewer partitions: the remainder packs, totals kept.
  r = m.Regenerate(5);
  EXPECT_EQ(Sum(r), Sum(sizes));
  EXPECT_EQ(r[0], 9000 + 40000);
}

TEST(ShuffleSizeModel, UniformAndEmpty) {
  ShuffleSizeModel u = ShuffleSizeModel::Uniform(1000, 3);
  EXPECT_EQ(u.Regenerate(3), (std::vector<int64_t>{334, 333, 333}));
  EXPECT_EQ(Sum(u.Regenerate(7)), 1000);
  EXPECT_TRUE(u.heavy().empty());
}

TEST(SpreadCoalescedReads, WidthsFollowBytesAndBigReadsAreSinglePartitions) {
  // 13 reads over 200 partitions: 12 of ~4.2 MB and a last one of half that.
  std::vector<int64_t> reads(12, 4200000);
  reads.push_back(2100000);
  std::vector<int> w = CoalescedReadWidths(reads, 200, 8 << 20);
  EXPECT_EQ(std::accumulate(w.begin(), w.end(), 0), 200);
  EXPECT_EQ(w[0], 16);
  EXPECT_EQ(w[12], 8);
  // A read above the packing target is one (heavy) partition.
  std::vector<int64_t> skewed = {10, 500, 10};
  w = CoalescedReadWidths(skewed, 10, 100);
  EXPECT_EQ(w, (std::vector<int>{5, 1, 4}));
  std::vector<int64_t> sizes = SpreadOverWidths(skewed, w, 10);
  EXPECT_EQ(sizes.size(), 10u);
  EXPECT_EQ(sizes[5], 500);
  EXPECT_EQ(Sum(sizes), 520);
}

TEST(BoundaryFractions, ReadsClosedBelowTargetImplyALargeNextPartition) {
  // Target 100: the first read (60) closed, so the second read's first partition > 40.
  std::vector<int64_t> reads = {60, 90, 30};
  std::vector<int> widths = {3, 3, 2};
  std::vector<double> f = BoundaryFractions(reads, widths, 100);
  EXPECT_DOUBLE_EQ(f[0], 0.0);
  EXPECT_NEAR(f[1], 41.0 / 90.0, 1e-12);
  EXPECT_DOUBLE_EQ(f[2], 0.0);  // 30 / 2 = 15 > 100 - 90: the even spread already fits
  std::vector<int64_t> sizes = SpreadOverWidths(reads, widths, 8, f);
  EXPECT_EQ(sizes, (std::vector<int64_t>{20, 20, 20, 41, 25, 24, 15, 15}));
}

}  // namespace
}  // namespace sparktune::engine::plan
