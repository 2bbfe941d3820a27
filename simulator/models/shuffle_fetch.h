// ShuffleFetch: the remote shuffle blocks a reduce task fetches
// (ShuffleBlockFetcherIterator, all versions) and what they cost.
//  * A reduce task reads its partition from every map output: one block per
//    map task whatever the partition count, so a stage whose shuffle is
//    re-spread over another partition count keeps its blocks per task.
//  * AQE reads a contiguous range of reducers with one request per map task
//    when spark.sql.adaptive.fetchShuffleBlocksInBatch is on (3.0+, default
//    true); otherwise one per block.
//  * Time: the calibrated cost per thousand blocks of the task-time model
//    (replay), or a cost per block (simulation mode).
#pragma once

#include <cstdint>

namespace sparktune::simulator {

// Blocks per task of a re-planned reduce stage whose `tasks` observed tasks
// fetched `total_blocks` together (0 without tasks).
double BlocksPerReduceTask(double total_blocks, double tasks);

// Blocks of a coalesced read of `reducers` contiguous partitions from
// `map_tasks` map outputs holding `bytes` for them.
double CoalescedReadBlocks(double map_tasks, int64_t reducers, double bytes, bool batch_fetch);

}  // namespace sparktune::simulator
