#include "simulator/workload/scenario_simulator.h"

#include "engine/plan/file_splits.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>

#include "data/config/config_catalog.h"
#include "engine/aqe/adaptive_rule_registry.h"
#include "engine/aqe/aqe_config.h"
#include "engine/aqe/dynamic_join_selection.h"
#include "engine/plan/file_splits.h"
#include "engine/cost/resource_seconds.h"
#include "engine/memory/container_size.h"
#include "simulator/core/event_loop.h"
#include "simulator/models/spill_model.h"

namespace sparktune::simulator {

namespace keys = config::keys;
namespace aqe = engine::aqe;

namespace {

constexpr double kMb = 1024.0 * 1024.0;
// Keys of a Zipf law weighed one by one; the tail beyond them spreads evenly
// (each tail key is lighter than the lightest explicit one).
constexpr int64_t kExplicitZipfKeys = 100000;
// Most partitions of one exchange: far beyond practice (MapStatus and the
// driver's map-output statistics become the bottleneck long before).
constexpr int64_t kMaxShufflePartitions = 1'000'000;

// The work of one task, in MB of the bytes Spark reports.
struct GenTask {
  double input_mb = 0;     // file bytes read
  double read_mb = 0;      // shuffle bytes read
  double rows_m = 0;       // millions of rows processed
  double blocks = 0;       // remote shuffle blocks fetched
  double write_mb = 0;     // shuffle or output bytes written
  double sort_mb = 0;      // bytes sorted
  double hold_mb = 0;      // bytes an operator must hold in execution memory
  double live_extra_mb = 0;  // in-memory bytes held outside execution memory (broadcast relation)
  double cur_mb = 0;       // bytes flowing out of the operators so far (generation only)
  double duration_ms = 0;
  double spill_mem_mb = 0;
  double gc_ms = 0;
};

struct GenStage {
  std::string name;
  int query = 0;
  std::vector<int> parents;
  std::vector<int> children;
  std::vector<GenTask> tasks;
  std::string join;
  std::string why;
  double rows_per_mb = 0;
  bool bucketed_scan = false;
  // simulation state
  size_t next_task = 0;
  int done = 0;
  int parents_left = 0;
  double start_ms = -1;
  double end_ms = 0;
};

// Shares of each of `p` hash partitions under `skew`.
std::vector<double> PartitionWeights(const KeySkew& skew, int64_t p) {
  std::vector<double> w(static_cast<size_t>(p), 0.0);
  double heavy = 0;
  for (size_t i = 0; i < skew.heavy_shares.size(); ++i) {
    // A fixed, well-spread partition per heavy key (Knuth's multiplicative hash).
    uint64_t slot = (static_cast<uint64_t>(i + 1) * 2654435761ULL) % static_cast<uint64_t>(p);
    w[slot] += skew.heavy_shares[i];
    heavy += skew.heavy_shares[i];
  }
  double rest = std::max(0.0, 1.0 - heavy);
  if (skew.zipf_exponent <= 0) {
    for (double& x : w) x += rest / static_cast<double>(p);
    return w;
  }
  double s = skew.zipf_exponent;
  int64_t explicit_keys = static_cast<int64_t>(std::min<double>(skew.distinct_keys, kExplicitZipfKeys));
  std::vector<double> kw(static_cast<size_t>(explicit_keys));
  double sum = 0;
  for (int64_t k = 1; k <= explicit_keys; ++k) sum += (kw[k - 1] = std::pow(static_cast<double>(k), -s));
  // Tail mass: integral of x^-s from K+0.5 to D+0.5.
  double tail = 0;
  if (skew.distinct_keys > static_cast<double>(explicit_keys)) {
    double a = static_cast<double>(explicit_keys) + 0.5, b = skew.distinct_keys + 0.5;
    tail = std::abs(s - 1) < 1e-9 ? std::log(b / a) : (std::pow(b, 1 - s) - std::pow(a, 1 - s)) / (1 - s);
  }
  double total = sum + tail;
  for (int64_t k = 1; k <= explicit_keys; ++k) {
    uint64_t slot = (static_cast<uint64_t>(k + skew.heavy_shares.size()) * 2654435761ULL) % static_cast<uint64_t>(p);
    w[slot] += rest * kw[k - 1] / total;
  }
  for (double& x : w) x += rest * tail / total / static_cast<double>(p);
  return w;
}

double Median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
  return v[v.size() / 2];
}

class Generator {
 public:
  Generator(const Scenario& sc, const engine::EffectiveConfig& config, int executors, int cores, int task_cpus)
      : sc_(sc), config_(config), cores_(cores) {
    total_cores_ = std::max(1, executors * cores);
    aqe_ = aqe::ResolveAqeConfig(config, total_cores_);
    partitions_ = aqe_.enabled ? aqe_.PlannedShufflePartitions() : aqe_.shuffle_partitions;
    partitions_ = std::max(1, partitions_);
    (void)task_cpus;
  }

  Status Generate() {
    if (partitions_ > kMaxShufflePartitions)
      return Status::InvalidArgument(sc_.path + ": " + std::to_string(partitions_) +
                                     " shuffle partitions; a scenario may use at most " +
                                     std::to_string(kMaxShufflePartitions));
    for (const ScenarioQuery& q : sc_.queries)
      for (const ScenarioOp& op : q.ops)
        if (op.partitions > kMaxShufflePartitions)
          return Status::InvalidArgument(sc_.path + ": query " + q.name + ": repartition(" +
                                         std::to_string(op.partitions) + ") over the limit of " +
                                         std::to_string(kMaxShufflePartitions));
    for (size_t q = 0; q < sc_.queries.size(); ++q) {
      if (auto st = Query(static_cast<int>(q), sc_.queries[q]); !st.ok()) return st;
    }
    return Status::Ok();
  }
  std::vector<GenStage>& stages() { return stages_; }
  std::vector<std::string>& notes() { return notes_; }
  const aqe::AqeConfig& aqe_config() const { return aqe_; }

 private:
  Status Budget(int64_t more) {
    tasks_ += more;
    if (tasks_ > kMaxScenarioTasks)
      return Status::InvalidArgument(sc_.path + ": the workload needs more than " + std::to_string(kMaxScenarioTasks) +
                                     " tasks under this config (raise the split or partition sizes)");
    return Status::Ok();
  }

  // File scan: FilePartition.maxSplitBytes and getFilePartitions (3.0-4.x).
  Result<int> Scan(int query, const ScenarioTable& t, double columns, double selectivity, const std::string& name) {
    GenStage st;
    st.name = name;
    st.query = query;
    // Splits follow the file bytes; a scan reading some columns reads that share.
    double bytes = t.bytes;
    st.rows_per_mb = t.bytes > 0 ? t.rows / (t.bytes / kMb) / columns : 0;
    if (t.buckets > 0) {
      if (auto s = Budget(t.buckets); !s.ok()) return s;
      st.bucketed_scan = true;
      st.tasks.resize(static_cast<size_t>(t.buckets));
      for (GenTask& k : st.tasks) k.input_mb = columns * bytes / static_cast<double>(t.buckets) / kMb;
      st.why = std::to_string(t.buckets) + " buckets: one task each";
    } else {
      engine::plan::FileScanSettings settings = engine::plan::FileScanSettingsOf(config_, total_cores_);
      double max_part = settings.max_partition_bytes;
      engine::plan::FileSplits splits = engine::plan::SplitUniformFiles(bytes, static_cast<double>(t.files), settings);
      double max_split = splits.max_split;
      double full_tasks = static_cast<double>(splits.full_tasks);
      double rem_tasks = static_cast<double>(splits.rest_tasks);
      double per_part = splits.files_per_rest_task;
      double rem = splits.rest_per_file;
      double files = static_cast<double>(t.files);
      if (full_tasks + rem_tasks > static_cast<double>(kMaxScenarioTasks))
        return Budget(kMaxScenarioTasks + 1);
      if (auto s = Budget(static_cast<int64_t>(full_tasks + rem_tasks)); !s.ok()) return s;
      st.tasks.reserve(static_cast<size_t>(full_tasks + rem_tasks));
      for (int64_t i = 0; i < static_cast<int64_t>(full_tasks); ++i) st.tasks.push_back({.input_mb = columns * max_split / kMb});
      double left = files;
      for (int64_t i = 0; i < static_cast<int64_t>(rem_tasks); ++i) {
        double n = std::min(per_part, left);
        left -= n;
        st.tasks.push_back({.input_mb = columns * n * rem / kMb});
      }
      st.why = "split size " + std::to_string(static_cast<int64_t>(max_split / kMb)) + " MiB (maxPartitionBytes " +
               std::to_string(static_cast<int64_t>(max_part / kMb)) + " MiB, " + std::to_string(t.files) + " files)";
    }
    for (GenTask& k : st.tasks) {
      k.cur_mb = k.input_mb * selectivity;
      k.rows_m = k.input_mb * st.rows_per_mb / 1e6;
    }
    stages_.push_back(std::move(st));
    return static_cast<int>(stages_.size()) - 1;
  }

  // The data a stage passes on must stay within the scenario limits (output
  // ratios above 1 compound over operators).
  Status CheckVolume(int stage, const std::string& where) {
    double total = 0;
    for (const GenTask& k : stages_[stage].tasks) total += k.cur_mb;
    if (!(total * kMb <= kMaxScenarioBytes))
      return Status::InvalidArgument(sc_.path + ": " + where + ": the data grows beyond 1 EiB (check outputRatio)");
    return Status::Ok();
  }

  // The stage writes its current bytes into a shuffle of `p` partitions.
  aqe::ShuffleStageStats Exchange(int stage, int64_t p, const KeySkew& skew, aqe::ShuffleOrigin origin) {
    GenStage& st = stages_[stage];
    double total = 0;
    for (GenTask& k : st.tasks) {
      k.write_mb += k.cur_mb;
      total += k.cur_mb;
      k.cur_mb = 0;
    }
    aqe::ShuffleStageStats s;
    s.name = st.name;
    s.origin = origin;
    s.num_mappers = static_cast<int>(st.tasks.size());
    std::vector<double> w = PartitionWeights(skew, p);
    s.bytes_by_partition.reserve(w.size());
    for (double x : w) s.bytes_by_partition.push_back(static_cast<int64_t>(x * total * kMb));
    s.data_size = static_cast<int64_t>(total * kMb);
    s.row_count = static_cast<int64_t>(total * st.rows_per_mb);
    return s;
  }

  // Bytes and remote blocks one spec of a shuffle reads.
  static void SpecRead(const aqe::ShuffleStageStats& s, const aqe::ShufflePartitionSpec& spec, bool batch_fetch,
                       double* bytes, double* blocks) {
    double m = std::max(1, s.num_mappers);
    auto range = [&](int a, int b) {
      double sum = 0;
      for (int r = std::max(0, a); r < std::min(b, s.num_partitions()); ++r) sum += static_cast<double>(s.bytes_by_partition[r]);
      return sum;
    };
    switch (spec.kind) {
      case aqe::PartitionSpecKind::kCoalesced: {
        double b = range(spec.start_reducer, spec.end_reducer);
        *bytes += b;
        // One request per mapper for a contiguous range when fetched in batch
        // (spark.sql.adaptive.fetchShuffleBlocksInBatch, 3.0+), else one per block.
        double n = std::max(1, spec.end_reducer - spec.start_reducer);
        *blocks += b > 0 ? m * (batch_fetch ? 1 : n) : 0;
        break;
      }
      case aqe::PartitionSpecKind::kPartialReducer: {
        double share = (spec.end_mapper - spec.start_mapper) / m;
        *bytes += spec.data_size >= 0 ? static_cast<double>(spec.data_size) : range(spec.start_reducer, spec.end_reducer) * share;
        *blocks += spec.end_mapper - spec.start_mapper;
        break;
      }
      case aqe::PartitionSpecKind::kPartialMapper:
        *bytes += range(spec.start_reducer, spec.end_reducer) / m;  // local: no remote block
        break;
      case aqe::PartitionSpecKind::kCoalescedMapper:
        *bytes += static_cast<double>(s.total_bytes()) * (spec.end_mapper - spec.start_mapper) / m;
        break;
    }
  }

  // A stage reading `input`'s shuffles, planned by the AQE rules when AQE is
  // on. Per task: bytes read per shuffle (`side_mb`), blocks fetched.
  int Reduce(int query, const std::string& name, const aqe::StagePlanningInput& input, std::vector<int> parents,
             double rows_per_mb, aqe::StagePlan* plan_out, std::vector<std::vector<double>>* side_mb) {
    aqe::StagePlan plan = aqe_.enabled ? registry_.Plan(input, aqe_) : aqe::StagePlan::From(input);
    // AQE reads a contiguous reducer range with one request per mapper
    // (spark.sql.adaptive.fetchShuffleBlocksInBatch, 3.0+, default true).
    bool batch = aqe_.enabled;
    GenStage st;
    st.name = name;
    st.query = query;
    st.parents = std::move(parents);
    st.rows_per_mb = rows_per_mb;
    side_mb->assign(input.shuffles.size(), {});
    for (const std::vector<int>& group : aqe::EffectiveGroups(input)) {
      int64_t count = 0;
      for (int i : group)
        if (!plan.reads[i].broadcast && !plan.reads[i].eliminated) count = std::max(count, plan.ReadCount(input, i));
      for (int64_t k = 0; k < count; ++k) {
        GenTask t;
        for (int i : group) {
          double bytes = 0, blocks = 0;
          if (!plan.reads[i].broadcast && !plan.reads[i].eliminated) {
            const aqe::ShuffleStageStats& s = input.shuffles[i];
            aqe::ShufflePartitionSpec spec = plan.reads[i].specs.empty()
                                                 ? aqe::ShufflePartitionSpec::Coalesced(static_cast<int>(k), static_cast<int>(k) + 1)
                                                 : plan.reads[i].specs[k];
            if (!plan.reads[i].specs.empty() || k < s.num_partitions()) SpecRead(s, spec, batch, &bytes, &blocks);
          }
          t.read_mb += bytes / kMb;
          t.blocks += blocks;
          (*side_mb)[i].push_back(bytes / kMb);
        }
        t.rows_m = t.read_mb * rows_per_mb / 1e6;
        st.tasks.push_back(t);
      }
    }
    for (int i = 0; i < static_cast<int>(input.shuffles.size()); ++i) (*side_mb)[i].resize(st.tasks.size(), 0.0);
    tasks_ += static_cast<int64_t>(st.tasks.size());
    int64_t planned = 0;
    for (const auto& s : input.shuffles) planned = std::max<int64_t>(planned, s.num_partitions());
    st.why = std::to_string(planned) + " shuffle partitions -> " + std::to_string(st.tasks.size()) + " tasks";
    for (const auto& d : plan.decisions) st.why += "; " + d.rule + ": " + d.text;
    *plan_out = std::move(plan);
    stages_.push_back(std::move(st));
    int idx = static_cast<int>(stages_.size()) - 1;
    for (int p : stages_[idx].parents) stages_[p].children.push_back(idx);
    return idx;
  }

  Status Query(int q, const ScenarioQuery& query) {
    const ScenarioTable& table = *sc_.FindTable(query.table);
    SPARKTUNE_ASSIGN_OR_RETURN(int cur, Scan(q, table, query.columns, query.selectivity, query.name + ": scan " + table.name));
    bool exchanged = false;  // an exchange since the scan (bucketing no longer holds)
    double rows_per_mb = stages_[cur].rows_per_mb;
    for (size_t oi = 0; oi < query.ops.size(); ++oi) {
      const ScenarioOp& op = query.ops[oi];
      std::string label = query.name + ": " + (op.kind == OpKind::kAggregate ? "aggregate"
                                              : op.kind == OpKind::kJoin ? "join " + op.table
                                              : op.kind == OpKind::kRepartition ? "repartition" : "write");
      bool bucket_local = op.on_bucket_key && !exchanged && stages_[cur].bucketed_scan;
      if (auto st = CheckVolume(cur, label); !st.ok()) return st;
      if (op.kind == OpKind::kWrite) {
        for (GenTask& k : stages_[cur].tasks) {
          k.write_mb += k.cur_mb * op.output_ratio;
          k.cur_mb = 0;
        }
        continue;
      }
      if (op.kind == OpKind::kAggregate && bucket_local) {
        for (GenTask& k : stages_[cur].tasks) {
          k.hold_mb += k.cur_mb;
          k.cur_mb *= op.output_ratio;
        }
        stages_[cur].why += "; aggregate on the bucket key: no exchange";
        continue;
      }
      if (op.kind == OpKind::kAggregate || op.kind == OpKind::kRepartition) {
        int64_t p = op.kind == OpKind::kRepartition && op.partitions > 0 ? op.partitions : partitions_;
        auto origin = op.kind == OpKind::kRepartition && op.partitions > 0 ? aqe::ShuffleOrigin::kRepartitionByNum
                      : op.kind == OpKind::kRepartition ? aqe::ShuffleOrigin::kRepartitionByCol
                                                        : aqe::ShuffleOrigin::kEnsureRequirements;
        aqe::StagePlanningInput in;
        in.shuffles.push_back(Exchange(cur, p, op.skew, origin));
        aqe::StagePlan plan;
        std::vector<std::vector<double>> side;
        int next = Reduce(q, label, in, {cur}, rows_per_mb, &plan, &side);
        if (auto st = Budget(0); !st.ok()) return st;
        for (GenTask& k : stages_[next].tasks) {
          if (op.kind == OpKind::kAggregate) k.hold_mb += k.read_mb;
          k.cur_mb = k.read_mb * op.output_ratio;
        }
        cur = next;
        exchanged = true;
        continue;
      }
      // Join.
      const ScenarioTable& other = *sc_.FindTable(op.table);
      if (bucket_local && other.buckets == table.buckets) {
        // Bucketed sort-merge join: both sides read bucket by bucket, no exchange;
        // each side sorts unless the table is sorted by the bucket key.
        double other_mb = other.bytes / static_cast<double>(other.buckets) / kMb;
        // A sorted bucket (one file per bucket) reports its ordering, so the
        // join needs no sort (FileSourceScanExec.outputOrdering, 2.x); from 3.0
        // only with spark.sql.legacy.bucketedTableScan.outputOrdering.
        bool ordering = !sc_.version.AtLeast(3, 0) ||
                        config_.GetBool("spark.sql.legacy.bucketedTableScan.outputOrdering", false);
        for (GenTask& k : stages_[cur].tasks) {
          double right = other_mb * op.selectivity;
          k.input_mb += other_mb;
          k.rows_m += other_mb * (other.bytes > 0 ? other.rows / (other.bytes / kMb) : 0) / 1e6;
          double sorted = (table.sorted_by_bucket_key && ordering ? 0 : k.cur_mb) +
                          (other.sorted_by_bucket_key && ordering ? 0 : right);
          k.sort_mb += sorted;
          k.hold_mb += sorted;
          k.cur_mb = (k.cur_mb + right) * op.output_ratio;
        }
        stages_[cur].join = "SortMergeJoin (bucketed)";
        stages_[cur].why += "; bucketed join with " + other.name +
                            (table.sorted_by_bucket_key && other.sorted_by_bucket_key && ordering ? ": sides already sorted"
                                                                                      : ": sorts its sides");
        continue;
      }
      // JoinSelection (SparkStrategies, 1.x-4.x): broadcast the other side by its
      // static estimate; without CBO a filter does not shrink sizeInBytes.
      double estimate = other.bytes * op.columns;
      bool right_buildable = aqe::CanBuildBroadcastRight(op.join_type);
      int64_t threshold = aqe_.auto_broadcast_join_threshold;
      if (right_buildable && threshold >= 0 && estimate <= static_cast<double>(threshold)) {
        SPARKTUNE_ASSIGN_OR_RETURN(int build, Scan(q, other, op.columns, op.selectivity, query.name + ": broadcast " + other.name));
        double build_mb = 0;
        for (const GenTask& k : stages_[build].tasks) build_mb += k.cur_mb;
        stages_[build].children.push_back(cur);
        stages_[cur].parents.push_back(build);
        for (GenTask& k : stages_[cur].tasks) {
          k.live_extra_mb += build_mb * sc_.cost.memory_expansion;
          k.cur_mb *= op.output_ratio;
        }
        stages_[cur].join = "BroadcastHashJoin";
        stages_[cur].why += "; broadcast hash join with " + other.name + " (estimate " +
                            std::to_string(static_cast<int64_t>(estimate / kMb)) + " MiB <= threshold)";
        continue;
      }
      SPARKTUNE_ASSIGN_OR_RETURN(int right, Scan(q, other, op.columns, op.selectivity, query.name + ": scan " + other.name));
      aqe::StagePlanningInput in;
      in.shuffles.push_back(Exchange(cur, partitions_, op.skew, aqe::ShuffleOrigin::kEnsureRequirements));
      in.shuffles.push_back(Exchange(right, partitions_, KeySkew{}, aqe::ShuffleOrigin::kEnsureRequirements));
      aqe::JoinInput j;
      j.type = op.join_type;
      j.strategy = aqe::JoinStrategy::kSortMerge;
      j.left_shuffle = 0;
      j.right_shuffle = 1;
      j.left_estimated_size = static_cast<int64_t>(table.bytes);
      j.right_estimated_size = static_cast<int64_t>(other.bytes);
      in.joins.push_back(j);
      aqe::StagePlan plan;
      std::vector<std::vector<double>> side;
      int next = Reduce(q, label, in, {cur, right}, rows_per_mb, &plan, &side);
      if (auto st = Budget(0); !st.ok()) return st;
      const aqe::JoinDecision& d = plan.joins[0];
      stages_[next].join = aqe::JoinStrategyName(d.strategy);
      if (d.converted) stages_[next].join += " (converted at run time)";
      if (d.skew_join) stages_[next].join += " (skew split)";
      bool broadcast = d.strategy == aqe::JoinStrategy::kBroadcastHash;
      double build_mb = 0;
      if (broadcast) {
        int b = plan.reads[1].broadcast ? 1 : 0;
        build_mb = static_cast<double>(in.shuffles[b].total_bytes()) / kMb;
      }
      for (size_t i = 0; i < stages_[next].tasks.size(); ++i) {
        GenTask& k = stages_[next].tasks[i];
        double left_mb = side[0][i], right_mb = side[1][i];
        if (broadcast) {
          k.live_extra_mb += build_mb * sc_.cost.memory_expansion;
        } else if (d.strategy == aqe::JoinStrategy::kShuffledHash) {
          k.hold_mb += std::min(left_mb, right_mb);
        } else {
          k.sort_mb += left_mb + right_mb;
          k.hold_mb += left_mb + right_mb;
        }
        k.cur_mb = (broadcast ? k.read_mb : left_mb + right_mb) * op.output_ratio;
      }
      cur = next;
      exchanged = true;
    }
    return Status::Ok();
  }

  const Scenario& sc_;
  const engine::EffectiveConfig& config_;
  int cores_ = 1;
  int total_cores_ = 1;
  int partitions_ = 200;
  int64_t tasks_ = 0;
  aqe::AqeConfig aqe_;
  aqe::AdaptiveRuleRegistry registry_;
  std::vector<GenStage> stages_;
  std::vector<std::string> notes_;
};

}  // namespace

Result<ScenarioResult> ScenarioSimulator::Run(const std::map<std::string, std::string>& overrides) const {
  const Scenario& sc = scenario_;
  const ScenarioCost& cost = sc.cost;
  std::map<std::string, std::string> props = sc.config;
  for (const auto& [k, v] : overrides) props[k] = v;
  if (!props.count(std::string(keys::kMaster))) props[std::string(keys::kMaster)] = "yarn";
  engine::EffectiveConfig config(props, sc.version);
  ScenarioResult out;
  SimResult& result = out.sim;

  // ---- Cluster -----------------------------------------------------------
  engine::ClusterManager manager = engine::ClusterManagerFromMaster(config.Get(std::string(keys::kMaster)));
  if (manager == engine::ClusterManager::kLocal)
    return Status::InvalidArgument(sc.path + ": simulation mode needs a cluster master (yarn, k8s://, spark://), not local");
  int cores = static_cast<int>(config.GetInt(std::string(keys::kExecutorCores), 1));
  int task_cpus = static_cast<int>(config.GetInt(std::string(keys::kTaskCpus), 1));
  if (cores < 1 || task_cpus < 1 || cores / task_cpus < 1 || cores > 1024)
    return Status::InvalidArgument(sc.path + ": spark.executor.cores (" + std::to_string(cores) +
                                   ") must be in [1, 1024] and at least spark.task.cpus (" + std::to_string(task_cpus) + ")");
  int slots_per_exec = cores / task_cpus;
  bool da = config.GetBool(std::string(keys::kDynamicAllocationEnabled), false);
  int64_t executors = da ? config.GetInt(std::string(keys::kDynamicAllocationMaxExecutors), 100000)
                         : config.GetInt(std::string(keys::kExecutorInstances), 2);
  if (executors < 1 || executors > 1'000'000)
    return Status::InvalidArgument(sc.path + ": executor count " + std::to_string(executors) + " must be in [1, 1000000]");

  // ---- Workload ------------------------------------------------------------
  Generator gen(sc, config, static_cast<int>(executors), cores, task_cpus);
  if (auto st = gen.Generate(); !st.ok()) return st;
  std::vector<GenStage>& stages = gen.stages();
  if (da) {
    // ExecutorAllocationManager's target: (pending + running) / slots per
    // executor, within [minExecutors, maxExecutors]; the widest stage sets it.
    size_t widest = 1;
    for (const GenStage& s : stages) widest = std::max(widest, s.tasks.size());
    int64_t need = static_cast<int64_t>((widest + slots_per_exec - 1) / slots_per_exec);
    int64_t min_execs = config.GetInt(std::string(keys::kDynamicAllocationMinExecutors), 0);
    executors = std::max<int64_t>(1, std::max(min_execs, std::min(executors, need)));
    result.notes.push_back("dynamic allocation: " + std::to_string(executors) +
                           " executors (the widest stage's need, within min/maxExecutors)");
  }
  out.executors = static_cast<int>(executors);
  out.cores_per_executor = cores;

  // ---- Task times ----------------------------------------------------------
  double memory_mb = ExecutionMemoryPerTaskMib(config, cores, task_cpus, false);
  double heap_mb = static_cast<double>(config.GetBytes(std::string(keys::kExecutorMemory))) / kMb;
  for (GenStage& st : stages) {
    for (GenTask& k : st.tasks) {
      double footprint = cost.memory_expansion * k.hold_mb;
      k.spill_mem_mb = std::max(0.0, footprint - memory_mb);
      double live = std::min(footprint, memory_mb) + k.live_extra_mb;
      double run = cost.task_fixed_ms + cost.scan_ms_per_mb * k.input_mb + cost.cpu_ms_per_mb * k.read_mb +
                   cost.cpu_ms_per_million_rows * k.rows_m + cost.write_ms_per_mb * k.write_mb +
                   cost.fetch_ms_per_block * k.blocks + cost.sort_ms_per_mb * k.sort_mb +
                   cost.spill_ms_per_mb * k.spill_mem_mb;
      double gc_fraction = std::min(cost.gc_fraction_max, cost.gc_fraction_per_live_gb * live / 1024.0);
      k.gc_ms = run * gc_fraction;
      k.duration_ms = run + k.gc_ms;
      if (k.live_extra_mb > 0.6 * heap_mb) result.oom_risk = true;
      if (footprint > 8 * memory_mb && k.sort_mb == 0 && k.hold_mb > 0) result.oom_risk = true;
    }
  }
  for (const GenStage& st : stages) out.total_tasks += static_cast<int64_t>(st.tasks.size());

  // ---- Discrete-event run: FIFO by query then stage -------------------------------
  EventLoop loop;
  int64_t free_slots = 0;
  std::set<int> ready;  // stage indices (created in query order, parents first)
  std::vector<int> stages_left(sc.queries.size(), 0);
  std::vector<std::vector<int>> roots(sc.queries.size());
  for (size_t i = 0; i < stages.size(); ++i) {
    ++stages_left[stages[i].query];
    if (stages[i].parents.empty()) roots[stages[i].query].push_back(static_cast<int>(i));
    stages[i].parents_left = static_cast<int>(stages[i].parents.size());
  }
  double end_ms = 0;
  std::function<void()> dispatch;
  std::function<void(int)> complete;
  std::function<void(int)> start_query;
  auto make_ready = [&](int si) {
    if (stages[si].tasks.empty()) {
      loop.At(loop.now(), [&, si]() { complete(si); });
    } else {
      ready.insert(si);
    }
  };
  dispatch = [&]() {
    while (free_slots > 0 && !ready.empty()) {
      int si = *ready.begin();
      GenStage& st = stages[si];
      if (st.start_ms < 0) st.start_ms = loop.now();
      const GenTask& t = st.tasks[st.next_task++];
      --free_slots;
      if (st.next_task == st.tasks.size()) ready.erase(ready.begin());
      loop.At(loop.now() + t.duration_ms, [&, si]() {
        ++free_slots;
        if (++stages[si].done == static_cast<int>(stages[si].tasks.size())) complete(si);
        dispatch();
      });
    }
  };
  complete = [&](int si) {
    GenStage& st = stages[si];
    if (st.start_ms < 0) st.start_ms = loop.now();
    st.end_ms = loop.now();
    for (int c : st.children)
      if (--stages[c].parents_left == 0) make_ready(c);
    if (--stages_left[st.query] == 0) {
      end_ms = std::max(end_ms, loop.now());
      if (st.query + 1 < static_cast<int>(sc.queries.size())) start_query(st.query + 1);
    }
    dispatch();
  };
  start_query = [&](int q) {
    loop.At(loop.now() + cost.driver_ms_per_job, [&, q]() {
      for (int si : roots[q]) make_ready(si);
      dispatch();
    });
  };
  loop.At(cost.executor_startup_ms, [&]() {
    free_slots = executors * slots_per_exec;
    dispatch();
  });
  if (!sc.queries.empty()) start_query(0);
  loop.Run();

  // ---- Results -------------------------------------------------------------------
  result.duration_ms = end_ms;
  result.job_time_ms = end_ms;
  int64_t step = engine::ContainerStepMib(manager, {});
  engine::ContainerSize exec_size = engine::ExecutorContainer(config, manager, step);
  engine::ContainerSize driver_size = engine::DriverContainer(config, manager, step);
  // One lifetime per executor would be a million rows for big clusters: the
  // executors are identical, so one row stands for each group.
  ExecutorLifetime life;
  life.id = std::to_string(executors) + " x executor";
  life.start_ms = std::min(cost.executor_startup_ms, end_ms);
  life.end_ms = end_ms;
  life.cores = cores;
  life.container_mib = exec_size.granted_mib;
  result.executors.push_back(life);
  engine::ContainerLifetime pool{exec_size.granted_mib, cores, end_ms - cost.executor_startup_ms,
                                 static_cast<double>(executors)};
  engine::ResourceSeconds use = engine::ApplicationSeconds(
      std::span(&pool, 1), {driver_size.granted_mib, driver_size.cores, end_ms});
  result.mb_seconds = use.mb_seconds;
  result.core_seconds = use.core_seconds;
  for (const GenStage& st : stages) {
    StageTimeline tl;
    tl.stage_id = static_cast<int>(&st - stages.data());
    tl.job_id = st.query;
    tl.name = st.name;
    tl.tasks = static_cast<int>(st.tasks.size());
    tl.start_ms = st.start_ms;
    tl.end_ms = st.end_ms;
    tl.evidence = "scenario";
    tl.why = st.why;
    ScenarioStageDetail d;
    d.query = sc.queries[st.query].name;
    d.join_strategy = st.join;
    std::vector<double> durations;
    durations.reserve(st.tasks.size());
    for (const GenTask& k : st.tasks) {
      tl.task_time_ms += k.duration_ms;
      tl.spill_bytes += k.spill_mem_mb * kMb;
      tl.gc_ms += k.gc_ms;
      d.max_task_ms = std::max(d.max_task_ms, k.duration_ms);
      d.read_bytes += k.read_mb * kMb;
      d.input_bytes += k.input_mb * kMb;
      durations.push_back(k.duration_ms);
    }
    d.median_task_ms = Median(std::move(durations));
    d.mean_task_ms = st.tasks.empty() ? 0 : tl.task_time_ms / static_cast<double>(st.tasks.size());
    result.spill_bytes += tl.spill_bytes;
    result.gc_ms += tl.gc_ms;
    result.stages.push_back(tl);
    out.details.push_back(d);
  }
  // No calibration evidence: the interval is the model's stated +-25%.
  result.duration_ms_low = 0.75 * result.duration_ms;
  result.duration_ms_high = 1.25 * result.duration_ms;
  result.mb_seconds_low = 0.75 * result.mb_seconds;
  result.mb_seconds_high = 1.25 * result.mb_seconds;
  result.notes.push_back("execution memory per task " + std::to_string(static_cast<int64_t>(memory_mb)) + " MiB; " +
                         std::to_string(executors) + " executors x " + std::to_string(cores) + " cores; " +
                         (gen.aqe_config().enabled ? "AQE on" : "AQE off"));
  for (auto& n : gen.notes()) result.notes.push_back(n);
  return out;
}

}  // namespace sparktune::simulator
