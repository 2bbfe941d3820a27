// ShuffleFetch: one block per map task whatever the partition count; AQE batch fetch.
#include "simulator/models/shuffle_fetch.h"

#include <gtest/gtest.h>

namespace sparktune::simulator {
namespace {

TEST(ShuffleFetch, OneBlockPerMapTaskWhateverThePartitionCount) {
  EXPECT_DOUBLE_EQ(BlocksPerReduceTask(2000, 200), 10);
  EXPECT_DOUBLE_EQ(BlocksPerReduceTask(2000, 0), 0);
  // A coalesced range of 8 partitions from 10 mappers: 10 requests in batch, else 80.
  EXPECT_DOUBLE_EQ(CoalescedReadBlocks(10, 8, 1e6, true), 10);
  EXPECT_DOUBLE_EQ(CoalescedReadBlocks(10, 8, 1e6, false), 80);
  EXPECT_DOUBLE_EQ(CoalescedReadBlocks(10, 8, 0, true), 0);  // empty partitions fetch nothing
}

}  // namespace
}  // namespace sparktune::simulator
