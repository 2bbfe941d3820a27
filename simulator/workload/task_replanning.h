// TaskReplanning: how a replayed stage's tasks change under another config.
// The data work of a stage is conserved and shared out over its new tasks;
// only the per-task fixed cost scales with the count (ReplayTaskTime).
//  * Broadcast conversions of sort-merge joins the log ran without AQE
//    (engine/joins/broadcast_join_conversion): a static one drops the join's
//    reduce stage and stops the big side's writer from writing its shuffle (it
//    probes the broadcast table instead, priced like its own per-record work);
//    a run-time one reads the big side locally, one task per map task. When an
//    operator above the join needs its keys' partitioning, an exchange stays
//    (EnsureRequirements): both stages run as planned without the conversion.
//  * File scans (FilePartition.maxSplitBytes / getFilePartitions, 2.0-4.x,
//    engine/plan/file_splits) re-cut the same files when the split size or
//    defaultParallelism changes.
//  * Adaptive SQL stages take the task reads engine/aqe re-planned, when the
//    count changes or a SQL knob does.
//  * Other SQL shuffle reads (one task per spark.sql.shuffle.partitions
//    partition, or fewer when AQE coalesced them) re-spread over the new
//    count: partitions over 5x the median (and 1 MiB) are heavy keys and stay
//    whole, the rest spreads evenly, one block per map task whatever the
//    count; with AQE coalescing on, contiguous partitions merge up to
//    ShufflePartitionsUtil.coalescePartitions' target (3.2+ with
//    parallelismFirst): min(advisory size, total / defaultParallelism), at
//    least 1 MiB.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "engine/aqe/application_replanner.h"
#include "engine/joins/broadcast_join_conversion.h"
#include "engine/memory/container_size.h"
#include "simulator/models/replay_task_time.h"
#include "simulator/workload/replay_stage.h"
#include "simulator/workload/scan_stages.h"

namespace sparktune::simulator {

// What the config changes about partitioning, for every stage of a run.
struct PartitioningChange {
  int64_t partitions_obs = 200;  // spark.sql.shuffle.partitions
  int64_t partitions_new = 200;
  bool coalesce_obs = false;  // AQE coalescing on
  bool coalesce_new = false;
  int64_t advisory_bytes = 0;  // spark.sql.adaptive.advisoryPartitionSizeInBytes
  bool partitioning_changed = false;
  bool sql_knobs_changed = false;  // an override of a spark.sql.* key
  int total_cores = 0;             // of the simulated executors at the start
  double parallelism_new = 2;      // defaultParallelism of the simulated run
  bool same_executors = true;      // executors as observed: scans planned as they were
};

class TaskReplanner {
 public:
  TaskReplanner(const PartitioningChange& change, const engine::EffectiveConfig& observed,
                const engine::EffectiveConfig& config, const std::map<int, ScanStage>& scans,
                const ReplayTaskTime& pricing)
      : change_(change), observed_(observed), config_(config), scans_(scans), pricing_(pricing) {}

  void ApplyBroadcastConversions(const std::vector<engine::BroadcastConversion>& conversions,
                                 const std::map<int, int>& stage_index,
                                 std::vector<ReplayStage>* stages) const;
  // The task reads engine/aqe re-planned for adaptive stages.
  void SetAqeReplans(const std::vector<engine::aqe::ReplannedStage>& replanned,
                     const std::map<int, int>& stage_index);
  // Re-plans one stage (after the conversions).
  void Replan(ReplayStage* stage) const;

 private:
  bool ResplitScan(ReplayStage* stage) const;
  void SpreadReplannedReads(ReplayStage* stage, const std::vector<int64_t>& reads,
                            const std::string& why) const;
  void RespreadShuffle(ReplayStage* stage) const;

  PartitioningChange change_;
  const engine::EffectiveConfig& observed_;
  const engine::EffectiveConfig& config_;
  const std::map<int, ScanStage>& scans_;
  const ReplayTaskTime& pricing_;
  std::map<int, std::vector<int64_t>> aqe_reads_;  // stage id -> bytes read per task
  std::map<int, std::string> aqe_why_;
};

}  // namespace sparktune::simulator
