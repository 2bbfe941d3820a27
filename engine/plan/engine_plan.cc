#include "engine/plan/engine_plan.h"

#include <algorithm>
#include <cstdlib>
#include <map>

#include "engine/aqe_settings/aqe_config.h"
#include "engine/aqe_settings/aqe_version_table.h"
#include "engine/aqe_settings/coalesce_options.h"
#include "engine/memory/container_size.h"
#include "engine/plan/default_parallelism.h"
#include "engine/plan/stage_mapping.h"

namespace sparktune::engine::plan {

const model::StageAttempt* LatestAttempt(const model::Application& app, int stage_id) {
  const model::StageAttempt* best = nullptr;
  for (const auto& s : app.stages) {
    if (s.stage_id != stage_id || s.status == model::StageStatus::kSkipped) continue;
    if (!best || s.attempt_id > best->attempt_id) best = &s;
  }
  return best;
}

namespace {

// The Spark stage that ran a query stage: the highest stage id mapped to it (a
// re-planned stage gets a new id), and of its attempts the one with the most
// tasks (a retry after a fetch failure runs only the missing partitions).
const model::StageAttempt* LatestOf(const model::Application& app,
                                    const std::vector<int>& attempts) {
  const model::StageAttempt* best = nullptr;
  for (int a : attempts) {
    const auto& s = app.stages[a];
    if (s.num_tasks <= 0 && s.tasks.empty()) continue;
    if (!best || s.stage_id > best->stage_id ||
        (s.stage_id == best->stage_id && s.num_tasks > best->num_tasks))
      best = &s;
  }
  return best;
}

int64_t AccumulableValue(const model::StageAttempt& s, int64_t id) {
  for (const auto& a : s.accumulables)
    if (a.id == id) return std::strtoll(a.value.c_str(), nullptr, 10);
  return -1;
}

int64_t MetricId(const model::PlanNode& n, const std::string& name) {
  for (const auto& m : n.metrics)
    if (m.name == name) return m.accumulator_id;
  return -1;
}

bool HasAdaptiveNode(const model::PlanTree& t) {
  for (const auto& n : t.nodes)
    if (n.node_name == "AdaptiveSparkPlan") return true;
  return false;
}

// Per-task shuffle-read bytes of a stage attempt, by task index (successful attempts).
std::vector<int64_t> TaskReadBytes(const model::Application& app, const model::StageAttempt& s) {
  std::vector<int64_t> bytes(std::max(s.num_tasks, 0), 0);
  for (uint32_t idx : s.tasks) {
    const model::Task& t = app.tasks[idx];
    if (t.status != model::TaskStatus::kSuccess) continue;
    if (t.index >= 0 && t.index < static_cast<int>(bytes.size()))
      bytes[t.index] = t.metrics.shuffle_read_bytes();
  }
  return bytes;
}

// Folds skew-join splits back into whole partitions. A skew split of one side is
// paired with the same (replicated) spec of the other side, so that side repeats
// one size over the run: the run on the other side is one split partition. When
// both sides are constant over a run, the larger side is taken as the split one.
// Only runs whose split side adds up to more than `skew_threshold` (the smallest
// size OptimizeSkewedJoin splits at the observed config) are folded: equal sizes of
// neighbouring coalesced ranges are common because MapStatus sizes are quantized.
void FoldSkewSplits(std::vector<int64_t>* a, std::vector<int64_t>* b, int64_t skew_threshold) {
  if (a->size() != b->size()) return;
  const size_t n = a->size();
  auto run_end = [&](const std::vector<int64_t>& v, size_t i) {
    size_t j = i + 1;
    while (j < n && v[j] == v[i] && v[i] > 0) ++j;
    return j;
  };
  std::vector<int64_t> na, nb;
  size_t i = 0;
  while (i < n) {
    size_t jb = run_end(*b, i);  // b replicated over [i, jb): a is split there
    size_t ja = run_end(*a, i);
    auto sum_of = [&](const std::vector<int64_t>& v, size_t end) {
      int64_t t = 0;
      for (size_t k = i; k < end; ++k) t += v[k];
      return t;
    };
    bool a_split =
        jb - i >= 2 && (ja < jb || (*a)[i] >= (*b)[i]) && sum_of(*a, jb) > skew_threshold;
    bool b_split = !a_split && ja - i >= 2 && sum_of(*b, ja) > skew_threshold;
    if (a_split) {
      int64_t sum = 0;
      for (size_t k = i; k < jb; ++k) sum += (*a)[k];
      na.push_back(sum);
      nb.push_back((*b)[i]);
      i = jb;
    } else if (b_split) {
      int64_t sum = 0;
      for (size_t k = i; k < ja; ++k) sum += (*b)[k];
      na.push_back((*a)[i]);
      nb.push_back(sum);
      i = ja;
    } else {
      na.push_back((*a)[i]);
      nb.push_back((*b)[i]);
      ++i;
    }
  }
  *a = std::move(na);
  *b = std::move(nb);
}

void BuildSizeModels(const model::Application& app, SqlExecutionPlan& ex) {
  const EffectiveConfig config = EffectiveConfig::FromApplication(app);
  std::vector<bool> done(ex.exchanges.size(), false);
  for (size_t q = 0; q < ex.stages.stages.size(); ++q) {
    const QueryStagePlan& stage = ex.stages.stages[q];
    std::vector<int> reads;  // indices into stage.reads of shuffle reads
    for (size_t r = 0; r < stage.reads.size(); ++r)
      if (!stage.reads[r].broadcast) reads.push_back(static_cast<int>(r));
    if (reads.empty()) continue;
    const model::StageAttempt* attempt = LatestOf(app, ex.spark_stages[q]);
    if (!attempt) continue;
    // Per read: the sizes of each read partition.
    std::vector<std::vector<int64_t>> read_sizes(reads.size());
    std::vector<std::string> sources(reads.size());
    std::vector<int64_t> task_bytes;
    int64_t written_sum = 0;
    for (int r : reads) {
      int e = ex.exchange_of_node[stage.reads[r].exchange_node];
      if (e >= 0) written_sum += ex.exchanges[e].bytes_written;
    }
    for (size_t k = 0; k < reads.size(); ++k) {
      const StageRead& read = stage.reads[reads[k]];
      int e = ex.exchange_of_node[read.exchange_node];
      if (read.reader_node >= 0) {
        int64_t id = MetricId(ex.final_plan->nodes[read.reader_node], "partition data size");
        auto it = app.driver_accum_updates.find(id);
        if (id >= 0 && it != app.driver_accum_updates.end() && !it->second.empty()) {
          read_sizes[k] = it->second;
          sources[k] = "driver partition sizes";
          continue;
        }
      }
      if (task_bytes.empty()) task_bytes = TaskReadBytes(app, *attempt);
      double share = reads.size() == 1 || written_sum <= 0 || e < 0
                         ? 1.0
                         : static_cast<double>(ex.exchanges[e].bytes_written) /
                               static_cast<double>(written_sum);
      for (int64_t b : task_bytes)
        read_sizes[k].push_back(static_cast<int64_t>(static_cast<double>(b) * share));
      sources[k] = "task shuffle reads";
    }
    bool skewed = false;
    for (int r : reads) skewed |= stage.reads[r].reader_kind.find("skew") != std::string::npos;
    if (skewed && reads.size() == 2) {
      aqe::AqeConfig observed = aqe::ResolveAqeConfig(config, 2);
      FoldSkewSplits(&read_sizes[0], &read_sizes[1], observed.skewed_partition_threshold);
    }
    // The packing target at the observed config, for spreading coalesced reads.
    int64_t total = 0;
    int64_t planned_at = -1;
    for (size_t k = 0; k < reads.size(); ++k) {
      for (int64_t b : read_sizes[k]) total += b;
      int e = ex.exchange_of_node[stage.reads[reads[k]].exchange_node];
      if (e >= 0) planned_at = std::max(planned_at, ex.exchanges[e].map_completion_time);
    }
    if (planned_at < 0) planned_at = attempt->submission_time;
    aqe::AqeConfig aqe_config =
        aqe::ResolveAqeConfig(config, DefaultParallelismAt(app, planned_at));
    const int64_t target = aqe::CoalesceTargetSize(
        total, aqe::CoalesceOptionsFor(aqe_config, aqe::AqeBehaviorFor(config.version())));
    // Co-partitioned reads share their coalesced ranges: widths from the combined bytes.
    std::vector<int64_t> combined;
    bool same_count = true;
    for (size_t k = 0; k < reads.size(); ++k) {
      if (k == 0)
        combined = read_sizes[0];
      else if (read_sizes[k].size() == combined.size())
        for (size_t j = 0; j < combined.size(); ++j) combined[j] += read_sizes[k][j];
      else
        same_count = false;
    }
    for (size_t k = 0; k < reads.size(); ++k) {
      const StageRead& read = stage.reads[reads[k]];
      int e = ex.exchange_of_node[read.exchange_node];
      if (e < 0 || done[e]) continue;
      PlannedExchange& pe = ex.exchanges[e];
      int r = pe.info.num_partitions > 0 ? pe.info.num_partitions
                                         : static_cast<int>(read_sizes[k].size());
      const std::string& kind = read.reader_kind;
      int64_t read_total = 0;
      for (int64_t b : read_sizes[k]) read_total += b;
      if (kind.find("local") != std::string::npos || r <= 0) {
        pe.sizes = ShuffleSizeModel::Uniform(read_total > 0 ? read_total : pe.bytes_written,
                                             std::max(r, 1));
        pe.size_source = "uniform (local read)";
      } else if (static_cast<int>(read_sizes[k].size()) == r) {
        pe.sizes = ShuffleSizeModel::FromPartitionSizes(read_sizes[k]);
        pe.size_source = sources[k];
      } else {
        // A coalesced read (possibly with folded skew splits): spread each read's bytes
        // over its range; a read above the packing target (which applies to the
        // co-partitioned shuffles' summed sizes) is one partition.
        const std::vector<int64_t>& packed = same_count ? combined : read_sizes[k];
        std::vector<int> widths = CoalescedReadWidths(packed, r, target);
        // Where a read closed below the target, the next read's first partition did not fit.
        std::vector<double> first =
            skewed ? std::vector<double>{} : BoundaryFractions(packed, widths, target);
        pe.sizes =
            ShuffleSizeModel::FromPartitionSizes(SpreadOverWidths(read_sizes[k], widths, r, first));
        pe.size_source = sources[k] + ", coalesced reads spread";
      }
      done[e] = true;
    }
  }
  for (size_t e = 0; e < ex.exchanges.size(); ++e) {
    PlannedExchange& pe = ex.exchanges[e];
    if (done[e] || pe.broadcast) continue;
    pe.sizes = ShuffleSizeModel::Uniform(pe.bytes_written, std::max(pe.info.num_partitions, 1));
    pe.size_source = "uniform (no reading stage)";
  }
}

}  // namespace

EnginePlan BuildEnginePlan(const model::Application& app) {
  EnginePlan out;
  std::map<int, DagStage> dag;
  for (const auto& s : app.stages) {
    DagStage& d = dag[s.stage_id];
    d.stage_id = s.stage_id;
    d.parent_ids = s.parent_ids;
    if (s.status != model::StageStatus::kSkipped && s.num_tasks > 0) d.num_tasks = s.num_tasks;
    for (int j : s.job_ids)
      if (std::find(d.job_ids.begin(), d.job_ids.end(), j) == d.job_ids.end())
        d.job_ids.push_back(j);
  }
  for (auto& [id, d] : dag) {
    for (int j : d.job_ids) {
      const model::Job* job = app.FindJob(j);
      if (job && job->sql_execution_id) {
        d.sql_execution_id = job->sql_execution_id;
        break;
      }
    }
    out.dag.push_back(d);
  }
  for (const auto& [id, sql] : app.sql_executions) {
    SqlExecutionPlan ex;
    ex.execution_id = id;
    ex.final_plan = &sql.final_plan();
    ex.adaptive = HasAdaptiveNode(sql.initial_plan);
    for (const auto& n : sql.initial_plan.nodes)
      if (IsJoinNode(n.node_name))
        ex.initial_joins.push_back(ParseJoin(n.node_name, n.simple_string));
    ex.stages = DecomposePlan(*ex.final_plan);
    ex.initial_stages = DecomposePlan(sql.initial_plan);
    ex.spark_stages = MapQueryStagesToSparkStages(ex.stages, app, sql.job_ids);
    ex.exchange_of_node.assign(ex.final_plan->nodes.size(), -1);
    for (size_t node = 0; node < ex.final_plan->nodes.size(); ++node) {
      int writer = ex.stages.stage_of_exchange[node];
      if (writer < 0) continue;
      const model::PlanNode& n = ex.final_plan->nodes[node];
      PlannedExchange pe;
      pe.node = static_cast<int>(node);
      pe.broadcast = n.node_name == "BroadcastExchange";
      if (!pe.broadcast) pe.info = ParseExchange(n.simple_string);
      pe.writer_stage = writer;
      if (const model::StageAttempt* a = LatestOf(app, ex.spark_stages[writer])) {
        pe.num_mappers = a->num_tasks;
        pe.bytes_written = a->totals.shuffle_bytes_written;
        pe.map_completion_time = a->completion_time;
        int64_t ds = MetricId(n, "data size");
        if (ds >= 0) pe.data_size = AccumulableValue(*a, ds);
        int64_t rows = MetricId(n, "shuffle records written");
        if (rows >= 0) pe.rows = AccumulableValue(*a, rows);
      }
      if (pe.broadcast) {
        int64_t ds = MetricId(n, "data size");
        auto it = app.driver_accum_updates.find(ds);
        if (ds >= 0 && it != app.driver_accum_updates.end() && !it->second.empty())
          pe.data_size = it->second.back();
      }
      ex.exchange_of_node[node] = static_cast<int>(ex.exchanges.size());
      ex.exchanges.push_back(std::move(pe));
    }
    // A ReusedExchange's child is the reused exchange itself (SparkPlanInfo.fromSparkPlan,
    // 1.x-4.x): the plan repeats it, with the same metric accumulators, but its one shuffle is
    // written once, so the copy's query stage maps to no Spark stage that wrote it. The copy's
    // sizes are the original's (same "data size" accumulator).
    for (PlannedExchange& copy : ex.exchanges) {
      if (copy.data_size >= 0 || copy.bytes_written > 0 || copy.broadcast) continue;
      int64_t id = MetricId(ex.final_plan->nodes[copy.node], "data size");
      if (id < 0) continue;
      for (const PlannedExchange& original : ex.exchanges) {
        if (&original == &copy || original.broadcast || original.bytes_written <= 0) continue;
        if (MetricId(ex.final_plan->nodes[original.node], "data size") != id) continue;
        copy.data_size = original.data_size;
        copy.bytes_written = original.bytes_written;
        copy.rows = original.rows;
        if (copy.num_mappers == 0) copy.num_mappers = original.num_mappers;
        break;
      }
    }
    for (size_t q = 0; q < ex.stages.stages.size(); ++q)
      for (const StageRead& r : ex.stages.stages[q].reads) {
        int e = ex.exchange_of_node[r.exchange_node];
        if (e >= 0 && ex.exchanges[e].reader_stage < 0)
          ex.exchanges[e].reader_stage = static_cast<int>(q);
      }
    BuildSizeModels(app, ex);
    out.executions.push_back(std::move(ex));
  }
  return out;
}

int ShuffleUnderBroadcast(const SqlExecutionPlan& ex, int broadcast_node) {
  if (broadcast_node < 0 || broadcast_node >= static_cast<int>(ex.stages.stage_of_exchange.size()))
    return -1;
  const int writer = ex.stages.stage_of_exchange[broadcast_node];
  if (writer < 0) return -1;
  const QueryStagePlan& b = ex.stages.stages[writer];
  if (!b.root_is_read || b.reads.size() != 1 || b.reads[0].broadcast || b.has_scan_leaf) return -1;
  const int node = b.reads[0].exchange_node;
  if (node < 0 || node >= static_cast<int>(ex.exchange_of_node.size())) return -1;
  return ex.exchange_of_node[node];
}

}  // namespace sparktune::engine::plan
