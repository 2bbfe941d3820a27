// File-scan splits (FilePartition.maxSplitBytes / getFilePartitions): worked
// examples, including the split of a real log's scan (kubeflow example: 101
// files of 38 MB were read by 34 tasks at the default 128 MB).
#include "engine/plan/file_splits.h"

#include <gtest/gtest.h>

namespace sparktune::engine::plan {
namespace {

constexpr double kMiB = 1024.0 * 1024.0;

FileScanSettings Settings(double max_mib, double min_parts, double open_mib = 4) {
  FileScanSettings s;
  s.max_partition_bytes = max_mib * kMiB;
  s.min_partitions = min_parts;
  s.open_cost = open_mib * kMiB;
  return s;
}

TEST(FileSplits, MaxSplitIsBoundedByMaxPartitionBytesOpenCostAndBytesPerCore) {
  // Large data: the 128 MiB cap.
  EXPECT_DOUBLE_EQ(MaxSplitBytes(100000 * kMiB, 10, Settings(128, 8)), 128 * kMiB);
  // Small data on many cores: (bytes + files x open) / cores.
  EXPECT_DOUBLE_EQ(MaxSplitBytes(600 * kMiB, 10, Settings(128, 64)), (600 + 40) * kMiB / 64);
  // Tiny data: never below the open cost.
  EXPECT_DOUBLE_EQ(MaxSplitBytes(10 * kMiB, 1, Settings(128, 64)), 4 * kMiB);
}

TEST(FileSplits, SmallFilesArePackedWithTheOpenCostPerFile) {
  // 101 files of 38.1 MiB at 128 MiB: 3 per partition (3 x 38.1 + 2 x 4 <= 128), 34 partitions.
  double bytes = 101 * 38.1 * kMiB;
  FileSplits s = SplitUniformFiles(bytes, 101, Settings(128, 8));
  EXPECT_EQ(s.full_tasks, 0);
  EXPECT_DOUBLE_EQ(s.files_per_rest_task, 3);
  EXPECT_EQ(s.tasks(), 34);
  // At 64 MiB one file each; at 256 MiB six each.
  EXPECT_EQ(SplitUniformFiles(bytes, 101, Settings(64, 8)).tasks(), 101);
  EXPECT_EQ(SplitUniformFiles(bytes, 101, Settings(256, 8)).tasks(), 17);
}

TEST(FileSplits, LargeFilesAreCutIntoChunksPlusTheirRemainders) {
  // 4 files of 300 MiB at 128 MiB: 2 full chunks each, and 44 MiB
  // remainders packed two per partition (44 + 4 + 44 <= 128).
  FileSplits s = SplitUniformFiles(4 * 300 * kMiB, 4, Settings(128, 8));
  EXPECT_EQ(s.full_tasks, 8);
  EXPECT_DOUBLE_EQ(s.rest_per_file, 44 * kMiB);
  EXPECT_EQ(s.rest_tasks, 2);
  EXPECT_EQ(s.tasks(), 10);
}

TEST(FileSplits, MoreCoresMeanSmallerSplitsForSmallInputs) {
  // 1 GiB in one file: 8 cores split at 128 MiB (8 tasks + none left), 64
  // cores at (1024 + 4) / 64 MiB, about 64 tasks.
  EXPECT_EQ(SplitUniformFiles(1024 * kMiB, 1, Settings(128, 8)).tasks(), 8);
  EXPECT_EQ(SplitUniformFiles(1024 * kMiB, 1, Settings(128, 64)).tasks(), 64);
}

}  // namespace
}  // namespace sparktune::engine::plan
