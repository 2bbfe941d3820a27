#include "simulator/workload/task_replanning.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "data/base/stats.h"
#include "data/base/unit_format.h"
#include "engine/plan/file_splits.h"
#include "simulator/models/shuffle_fetch.h"

namespace sparktune::simulator {

namespace {

constexpr double kMib = 1024.0 * 1024.0;
// A reduce partition this many times the median is a heavy key: it does not
// split when the partition count grows (architecture.md, data distributions).
constexpr double kHeavyFactor = 5.0;

// `n` tasks each doing 1/n of `total`, fetching `blocks` blocks.
std::vector<ReplayTask> EvenTasks(const TaskData& total, int64_t n, double blocks) {
  std::vector<ReplayTask> out;
  out.reserve(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) {
    ReplayTask t;
    t.data = total.Scaled(1.0 / static_cast<double>(n), blocks);
    t.work_share = 1.0 / static_cast<double>(n);
    out.push_back(t);
  }
  return out;
}

// Merges contiguous tasks while their shuffle reads stay within `target` bytes.
std::vector<ReplayTask> Coalesce(const std::vector<ReplayTask>& tasks, double target) {
  std::vector<ReplayTask> merged;
  ReplayTask cur;
  bool open = false;
  for (const ReplayTask& t : tasks) {
    if (open && cur.data.shuffle_read_bytes + t.data.shuffle_read_bytes > target) {
      merged.push_back(cur);
      open = false;
    }
    if (!open) {
      cur = t;
      open = true;
    } else {
      cur.data.Add(t.data);
    }
  }
  if (open) merged.push_back(cur);
  return merged;
}

}  // namespace

void TaskReplanner::ApplyBroadcastConversions(
    const std::vector<engine::BroadcastConversion>& conversions,
    const std::map<int, int>& stage_index, std::vector<ReplayStage>* stages) const {
  for (const engine::BroadcastConversion& c : conversions) {
    bool is_static = c.kind == engine::BroadcastConversionKind::kStatic;
    std::string side =
        units::FormatBytes(static_cast<double>(c.small_side_bytes)) + " side under the threshold";
    if (c.exchange_above) {
      // EnsureRequirements plans an exchange between the broadcast hash join and the operator
      // above that needs the join keys' partitioning: the big side's stage still writes a
      // shuffle (of the join's output) and the reduce stage still runs on its partitions (its
      // count re-planned as any other shuffle read's); at run time no local read either.
      for (int sid : c.reduce_stage_ids) {
        auto sp = stage_index.find(sid);
        if (sp == stage_index.end()) continue;
        (*stages)[sp->second].why =
            std::string(is_static ? "join becomes a broadcast hash join"
                                  : "AQE converts the join to a broadcast hash join at run time") +
            " (" + side + "), but an operator above needs its keys' hash partitioning: an " +
            "exchange stays below it, stage still runs";
      }
      continue;
    }
    for (int sid : c.reduce_stage_ids) {
      auto sp = stage_index.find(sid);
      if (sp == stage_index.end()) continue;
      ReplayStage& red = (*stages)[sp->second];
      red.plan_decided = true;
      if (is_static) {
        red.tasks.clear();
        red.why = "join became a broadcast hash join (" + side + "): stage not run";
        continue;
      }
      if (red.tasks.empty()) continue;
      // Local read of the big side: its data work, conserved, over one task per map task.
      TaskData total = TotalWithoutSpill(red);
      red.work = pricing_.Conserve(red.stage_id, StageTaskData(red));
      int n = std::max(1, c.big_side_map_tasks);
      double blocks =
          BlocksPerReduceTask(total.blocks_fetched, static_cast<double>(red.tasks.size()));
      red.why = "AQE converts the join to a broadcast hash join at run time (" + side +
                "): " + std::to_string(red.tasks.size()) + " -> " + std::to_string(n) +
                " tasks reading the big side locally";
      red.tasks = EvenTasks(total, n, blocks);
    }
    if (!is_static) continue;
    for (int sid : c.big_side_writer_stage_ids) {
      auto sp = stage_index.find(sid);
      if (sp == stage_index.end() || (*stages)[sp->second].tasks.empty()) continue;
      ReplayStage& w = (*stages)[sp->second];
      for (ReplayTask& t : w.tasks) t.data.shuffle_write_bytes = t.data.shuffle_write_records = 0;
      w.why = "runs the broadcast hash join instead of writing its shuffle";
    }
  }
}

void TaskReplanner::SetAqeReplans(const std::vector<engine::aqe::ReplannedStage>& replanned,
                                  const std::map<int, int>& stage_index) {
  for (const auto& r : replanned) {
    if (r.stage_id < 0 || stage_index.find(r.stage_id) == stage_index.end()) continue;
    aqe_reads_[r.stage_id] = r.plan.TaskReadBytes(r.input);
    std::string why;
    for (const auto& d : r.plan.decisions)
      why += (why.empty() ? "" : "; ") + d.rule + ": " + d.text;
    aqe_why_[r.stage_id] = why;
  }
}

void TaskReplanner::Replan(ReplayStage* st) const {
  if (st->plan_decided) return;  // tasks already set by a broadcast conversion
  if (ResplitScan(st)) return;
  double read_total = 0;
  for (const ReplayTask& t : st->tasks) read_total += t.data.shuffle_read_bytes;
  auto replanned = aqe_reads_.find(st->stage_id);
  // AQE re-plans the reads of a shuffle (AQEShuffleReadExec, Spark 3.0+): a stage that reads
  // no shuffle (a scan the query-stage mapping put beside one) keeps its own tasks.
  if (replanned != aqe_reads_.end() && read_total > 0) {
    if (!replanned->second.empty() &&
        (static_cast<int>(replanned->second.size()) != st->observed_tasks ||
         change_.sql_knobs_changed))
      SpreadReplannedReads(st, replanned->second, aqe_why_.at(st->stage_id));
    return;
  }
  // A SQL shuffle read: one task per spark.sql.shuffle.partitions partition,
  // or fewer when AQE coalesced them.
  bool sql_reduce = read_total > 0 && st->logged->in_sql &&
                    (st->observed_tasks == change_.partitions_obs ||
                     (change_.coalesce_obs && st->observed_tasks < change_.partitions_obs));
  if (sql_reduce && change_.partitioning_changed) RespreadShuffle(st);
}

bool TaskReplanner::ResplitScan(ReplayStage* st) const {
  auto scan = scans_.find(st->stage_id);
  if (scan == scans_.end()) return false;
  const ScanStage& sc = scan->second;
  // Under the same executors, defaultParallelism is what it was when planned.
  double parallelism_new =
      change_.same_executors ? sc.default_parallelism : change_.parallelism_new;
  auto before = engine::plan::SplitUniformFiles(
      sc.file_bytes, sc.files, engine::plan::FileScanSettingsOf(observed_, sc.default_parallelism));
  auto after = engine::plan::SplitUniformFiles(
      sc.file_bytes, sc.files, engine::plan::FileScanSettingsOf(config_, parallelism_new));
  if (after.tasks() == before.tasks()) return false;
  int64_t n = std::max<int64_t>(1, after.tasks());
  TaskData total = TotalWithoutSpill(*st);
  st->work = pricing_.Conserve(st->stage_id, StageTaskData(*st));
  char split[64];
  std::snprintf(split, sizeof split, "%.1f MiB", after.max_split / kMib);
  st->why = "scan re-split " + std::to_string(st->observed_tasks) + " -> " + std::to_string(n) +
            " tasks: split size " + split + " over " +
            std::to_string(static_cast<int64_t>(sc.files)) +
            (sc.measured ? " files (the scan's metrics)" : " files (fitted to the observed tasks)");
  st->tasks = EvenTasks(total, n, 0);
  return true;
}

void TaskReplanner::SpreadReplannedReads(ReplayStage* st, const std::vector<int64_t>& reads,
                                         const std::string& why) const {
  // Per-task features follow the re-planned read sizes; the stage's data
  // work is conserved and split by bytes read.
  TaskData total = TotalWithoutSpill(*st);
  double sum = 0;
  for (int64_t b : reads) sum += static_cast<double>(b);
  double n = static_cast<double>(reads.size());
  double blocks = BlocksPerReduceTask(total.blocks_fetched, static_cast<double>(st->tasks.size()));
  std::vector<ReplayTask> regenerated;
  for (int64_t b : reads) {
    double f = sum > 0 ? static_cast<double>(b) / sum : 1.0 / n;
    ReplayTask t;
    t.data = total.Scaled(f, blocks);
    t.work_share = f;
    regenerated.push_back(t);
  }
  st->work = pricing_.Conserve(st->stage_id, StageTaskData(*st));
  st->why = "AQE re-planned " + std::to_string(st->observed_tasks) + " -> " +
            std::to_string(regenerated.size()) + " tasks" + (why.empty() ? "" : " (" + why + ")");
  st->tasks = std::move(regenerated);
}

void TaskReplanner::RespreadShuffle(ReplayStage* st) const {
  // Heavy partitions stay whole; the rest re-spreads over the new count.
  std::vector<double> sizes;
  for (const ReplayTask& t : st->tasks) sizes.push_back(t.data.shuffle_read_bytes);
  double median = stats::Median(sizes);
  std::vector<ReplayTask> heavy;
  TaskData rest{};
  double rest_tasks = 0;
  for (const ReplayTask& t : st->tasks) {
    double read = t.data.shuffle_read_bytes;
    if (median > 0 && read > kHeavyFactor * median && read > kMib) {
      heavy.push_back(t);
    } else {
      rest.Add(t.data);
      rest_tasks += 1;
    }
  }
  int64_t n_rest =
      std::max<int64_t>(1, change_.partitions_new - static_cast<int64_t>(heavy.size()));
  std::vector<ReplayTask> regenerated = heavy;
  // One block per map task, whatever the partition count.
  double blocks = BlocksPerReduceTask(rest.blocks_fetched, rest_tasks);
  for (int64_t i = 0; i < n_rest; ++i) {
    ReplayTask t;
    t.data = rest.Scaled(1.0 / static_cast<double>(n_rest), blocks);
    regenerated.push_back(t);
  }
  int64_t target_bytes = 0;
  if (change_.coalesce_new && change_.advisory_bytes > 0) {
    double total_read = 0;
    for (const ReplayTask& t : regenerated) total_read += t.data.shuffle_read_bytes;
    double target = static_cast<double>(change_.advisory_bytes);
    if (change_.total_cores > 0)
      target = std::min(target, std::ceil(total_read / change_.total_cores));
    target = std::max(target, 1.0 * kMib);
    target_bytes = static_cast<int64_t>(target);
    regenerated = Coalesce(regenerated, static_cast<double>(target_bytes));
  }
  double total_bytes = 0;
  for (const ReplayTask& t : regenerated)
    total_bytes += t.data.shuffle_read_bytes + t.data.input_bytes;
  for (ReplayTask& t : regenerated) {
    t.work_share = total_bytes > 0 ? (t.data.shuffle_read_bytes + t.data.input_bytes) / total_bytes
                                   : 1.0 / static_cast<double>(regenerated.size());
  }
  // The data work of the stage is conserved; only the per-task fixed cost
  // scales with the task count. Price the observed partitions without spill.
  st->work = pricing_.Conserve(st->stage_id, StageTaskData(*st));
  st->why =
      "re-planned " + std::to_string(st->observed_tasks) + " -> " +
      std::to_string(regenerated.size()) + " tasks: " + std::to_string(change_.partitions_new) +
      " shuffle partitions" +
      (change_.coalesce_new
           ? " coalesced by AQE to ~" + std::to_string(target_bytes >> 20) + " MiB each"
           : "") +
      (heavy.empty() ? "" : " (" + std::to_string(heavy.size()) + " heavy partitions kept whole)");
  st->tasks = std::move(regenerated);
}

}  // namespace sparktune::simulator
