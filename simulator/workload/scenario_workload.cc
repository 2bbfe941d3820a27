#include "simulator/workload/scenario_workload.h"

#include <algorithm>
#include <cmath>

#include "data/config/config_catalog.h"
#include "engine/aqe/adaptive_rule_registry.h"
#include "engine/aqe/aqe_config.h"
#include "engine/aqe/dynamic_join_selection.h"
#include "engine/plan/file_splits.h"
#include "simulator/models/shuffle_fetch.h"

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
  int64_t explicit_keys =
      static_cast<int64_t>(std::min<double>(skew.distinct_keys, kExplicitZipfKeys));
  std::vector<double> kw(static_cast<size_t>(explicit_keys));
  double sum = 0;
  for (int64_t k = 1; k <= explicit_keys; ++k)
    sum += (kw[k - 1] = std::pow(static_cast<double>(k), -s));
  // Tail mass: integral of x^-s from K+0.5 to D+0.5.
  double tail = 0;
  if (skew.distinct_keys > static_cast<double>(explicit_keys)) {
    double a = static_cast<double>(explicit_keys) + 0.5, b = skew.distinct_keys + 0.5;
    tail = std::abs(s - 1) < 1e-9 ? std::log(b / a)
                                  : (std::pow(b, 1 - s) - std::pow(a, 1 - s)) / (1 - s);
  }
  double total = sum + tail;
  for (int64_t k = 1; k <= explicit_keys; ++k) {
    uint64_t slot = (static_cast<uint64_t>(k + skew.heavy_shares.size()) * 2654435761ULL) %
                    static_cast<uint64_t>(p);
    w[slot] += rest * kw[k - 1] / total;
  }
  for (double& x : w) x += rest * tail / total / static_cast<double>(p);
  return w;
}

class Generator {
 public:
  Generator(const Scenario& sc, const engine::EffectiveConfig& config, int executors, int cores)
      : sc_(sc), config_(config), cores_(cores) {
    total_cores_ = std::max(1, executors * cores);
    aqe_ = aqe::ResolveAqeConfig(config, total_cores_);
    partitions_ = aqe_.enabled ? aqe_.PlannedShufflePartitions() : aqe_.shuffle_partitions;
    partitions_ = std::max(1, partitions_);
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
  ScenarioWorkload Take() { return {std::move(stages_), std::move(notes_), aqe_.enabled}; }

 private:
  Status Budget(int64_t more) {
    tasks_ += more;
    if (tasks_ > kMaxScenarioTasks)
      return Status::InvalidArgument(
          sc_.path + ": the workload needs more than " + std::to_string(kMaxScenarioTasks) +
          " tasks under this config (raise the split or partition sizes)");
    return Status::Ok();
  }

  // File scan: FilePartition.maxSplitBytes and getFilePartitions (3.0-4.x).
  Result<int> Scan(int query, const ScenarioTable& t, double columns, double selectivity,
                   const std::string& name) {
    ScenarioStage st;
    st.name = name;
    st.query = query;
    // Splits follow the file bytes; a scan reading some columns reads that share.
    double bytes = t.bytes;
    st.rows_per_mb = t.bytes > 0 ? t.rows / (t.bytes / kMb) / columns : 0;
    if (t.buckets > 0) {
      if (auto s = Budget(t.buckets); !s.ok()) return s;
      st.bucketed_scan = true;
      st.tasks.resize(static_cast<size_t>(t.buckets));
      for (ScenarioTask& k : st.tasks)
        k.input_mb = columns * bytes / static_cast<double>(t.buckets) / kMb;
      st.why = std::to_string(t.buckets) + " buckets: one task each";
    } else {
      engine::plan::FileScanSettings settings =
          engine::plan::FileScanSettingsOf(config_, total_cores_);
      double max_part = settings.max_partition_bytes;
      engine::plan::FileSplits splits =
          engine::plan::SplitUniformFiles(bytes, static_cast<double>(t.files), settings);
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
      for (int64_t i = 0; i < static_cast<int64_t>(full_tasks); ++i)
        st.tasks.push_back({.input_mb = columns * max_split / kMb});
      double left = files;
      for (int64_t i = 0; i < static_cast<int64_t>(rem_tasks); ++i) {
        double n = std::min(per_part, left);
        left -= n;
        st.tasks.push_back({.input_mb = columns * n * rem / kMb});
      }
      st.why = "split size " + std::to_string(static_cast<int64_t>(max_split / kMb)) +
               " MiB (maxPartitionBytes " + std::to_string(static_cast<int64_t>(max_part / kMb)) +
               " MiB, " + std::to_string(t.files) + " files)";
    }
    for (ScenarioTask& k : st.tasks) {
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
    for (const ScenarioTask& k : stages_[stage].tasks) total += k.cur_mb;
    if (!(total * kMb <= kMaxScenarioBytes))
      return Status::InvalidArgument(sc_.path + ": " + where +
                                     ": the data grows beyond 1 EiB (check outputRatio)");
    return Status::Ok();
  }

  // The stage writes its current bytes into a shuffle of `p` partitions.
  aqe::ShuffleStageStats Exchange(int stage, int64_t p, const KeySkew& skew,
                                  aqe::ShuffleOrigin origin) {
    ScenarioStage& st = stages_[stage];
    double total = 0;
    for (ScenarioTask& k : st.tasks) {
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
  static void SpecRead(const aqe::ShuffleStageStats& s, const aqe::ShufflePartitionSpec& spec,
                       bool batch_fetch, double* bytes, double* blocks) {
    double m = std::max(1, s.num_mappers);
    auto range = [&](int a, int b) {
      double sum = 0;
      for (int r = std::max(0, a); r < std::min(b, s.num_partitions()); ++r)
        sum += static_cast<double>(s.bytes_by_partition[r]);
      return sum;
    };
    switch (spec.kind) {
      case aqe::PartitionSpecKind::kCoalesced: {
        double b = range(spec.start_reducer, spec.end_reducer);
        *bytes += b;
        *blocks += CoalescedReadBlocks(m, spec.end_reducer - spec.start_reducer, b, batch_fetch);
        break;
      }
      case aqe::PartitionSpecKind::kPartialReducer: {
        double share = (spec.end_mapper - spec.start_mapper) / m;
        *bytes += spec.data_size >= 0 ? static_cast<double>(spec.data_size)
                                      : range(spec.start_reducer, spec.end_reducer) * share;
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
  int Reduce(int query, const std::string& name, const aqe::StagePlanningInput& input,
             std::vector<int> parents, double rows_per_mb, aqe::StagePlan* plan_out,
             std::vector<std::vector<double>>* side_mb) {
    aqe::StagePlan plan = aqe_.enabled ? registry_.Plan(input, aqe_) : aqe::StagePlan::From(input);
    // AQE reads a contiguous reducer range with one request per mapper
    // (spark.sql.adaptive.fetchShuffleBlocksInBatch, 3.0+, default true).
    bool batch = aqe_.enabled;
    ScenarioStage st;
    st.name = name;
    st.query = query;
    st.parents = std::move(parents);
    st.rows_per_mb = rows_per_mb;
    side_mb->assign(input.shuffles.size(), {});
    for (const std::vector<int>& group : aqe::EffectiveGroups(input)) {
      int64_t count = 0;
      for (int i : group)
        if (!plan.reads[i].broadcast && !plan.reads[i].eliminated)
          count = std::max(count, plan.ReadCount(input, i));
      for (int64_t k = 0; k < count; ++k) {
        ScenarioTask t;
        for (int i : group) {
          double bytes = 0, blocks = 0;
          if (!plan.reads[i].broadcast && !plan.reads[i].eliminated) {
            const aqe::ShuffleStageStats& s = input.shuffles[i];
            aqe::ShufflePartitionSpec spec = plan.reads[i].specs.empty()
                                                 ? aqe::ShufflePartitionSpec::Coalesced(
                                                       static_cast<int>(k), static_cast<int>(k) + 1)
                                                 : plan.reads[i].specs[k];
            if (!plan.reads[i].specs.empty() || k < s.num_partitions())
              SpecRead(s, spec, batch, &bytes, &blocks);
          }
          t.read_mb += bytes / kMb;
          t.blocks += blocks;
          (*side_mb)[i].push_back(bytes / kMb);
        }
        t.rows_m = t.read_mb * rows_per_mb / 1e6;
        st.tasks.push_back(t);
      }
    }
    for (int i = 0; i < static_cast<int>(input.shuffles.size()); ++i)
      (*side_mb)[i].resize(st.tasks.size(), 0.0);
    tasks_ += static_cast<int64_t>(st.tasks.size());
    int64_t planned = 0;
    for (const auto& s : input.shuffles) planned = std::max<int64_t>(planned, s.num_partitions());
    st.why = std::to_string(planned) + " shuffle partitions -> " + std::to_string(st.tasks.size()) +
             " tasks";
    for (const auto& d : plan.decisions) st.why += "; " + d.rule + ": " + d.text;
    *plan_out = std::move(plan);
    stages_.push_back(std::move(st));
    int idx = static_cast<int>(stages_.size()) - 1;
    for (int p : stages_[idx].parents) stages_[p].children.push_back(idx);
    return idx;
  }

  Status Query(int q, const ScenarioQuery& query) {
    const ScenarioTable& table = *sc_.FindTable(query.table);
    SPARKTUNE_ASSIGN_OR_RETURN(int cur, Scan(q, table, query.columns, query.selectivity,
                                             query.name + ": scan " + table.name));
    bool exchanged = false;  // an exchange since the scan (bucketing no longer holds)
    double rows_per_mb = stages_[cur].rows_per_mb;
    for (size_t oi = 0; oi < query.ops.size(); ++oi) {
      const ScenarioOp& op = query.ops[oi];
      std::string label = query.name + ": " +
                          (op.kind == OpKind::kAggregate     ? "aggregate"
                           : op.kind == OpKind::kJoin        ? "join " + op.table
                           : op.kind == OpKind::kRepartition ? "repartition"
                                                             : "write");
      bool bucket_local = op.on_bucket_key && !exchanged && stages_[cur].bucketed_scan;
      if (auto st = CheckVolume(cur, label); !st.ok()) return st;
      if (op.kind == OpKind::kWrite) {
        for (ScenarioTask& k : stages_[cur].tasks) {
          k.write_mb += k.cur_mb * op.output_ratio;
          k.cur_mb = 0;
        }
        continue;
      }
      if (op.kind == OpKind::kAggregate && bucket_local) {
        for (ScenarioTask& k : stages_[cur].tasks) {
          k.hold_mb += k.cur_mb;
          k.cur_mb *= op.output_ratio;
        }
        stages_[cur].why += "; aggregate on the bucket key: no exchange";
        continue;
      }
      if (op.kind == OpKind::kAggregate || op.kind == OpKind::kRepartition) {
        int64_t p =
            op.kind == OpKind::kRepartition && op.partitions > 0 ? op.partitions : partitions_;
        auto origin = op.kind == OpKind::kRepartition && op.partitions > 0
                          ? aqe::ShuffleOrigin::kRepartitionByNum
                      : op.kind == OpKind::kRepartition ? aqe::ShuffleOrigin::kRepartitionByCol
                                                        : aqe::ShuffleOrigin::kEnsureRequirements;
        aqe::StagePlanningInput in;
        in.shuffles.push_back(Exchange(cur, p, op.skew, origin));
        aqe::StagePlan plan;
        std::vector<std::vector<double>> side;
        int next = Reduce(q, label, in, {cur}, rows_per_mb, &plan, &side);
        if (auto st = Budget(0); !st.ok()) return st;
        for (ScenarioTask& k : stages_[next].tasks) {
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
        bool ordering =
            !sc_.version.AtLeast(3, 0) ||
            config_.GetBool(std::string(keys::kLegacyBucketedTableScanOutputOrdering), false);
        for (ScenarioTask& k : stages_[cur].tasks) {
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
                            (table.sorted_by_bucket_key && other.sorted_by_bucket_key && ordering
                                 ? ": sides already sorted"
                                 : ": sorts its sides");
        continue;
      }
      // JoinSelection (SparkStrategies, 1.x-4.x): broadcast the other side by its
      // static estimate; without CBO a filter does not shrink sizeInBytes.
      double estimate = other.bytes * op.columns;
      bool right_buildable = aqe::CanBuildBroadcastRight(op.join_type);
      int64_t threshold = aqe_.auto_broadcast_join_threshold;
      if (right_buildable && threshold >= 0 && estimate <= static_cast<double>(threshold)) {
        SPARKTUNE_ASSIGN_OR_RETURN(int build, Scan(q, other, op.columns, op.selectivity,
                                                   query.name + ": broadcast " + other.name));
        double build_mb = 0;
        for (const ScenarioTask& k : stages_[build].tasks) build_mb += k.cur_mb;
        stages_[build].children.push_back(cur);
        stages_[cur].parents.push_back(build);
        for (ScenarioTask& k : stages_[cur].tasks) {
          k.live_extra_mb += build_mb * sc_.cost.memory_expansion;
          k.cur_mb *= op.output_ratio;
        }
        stages_[cur].join = "BroadcastHashJoin";
        stages_[cur].why += "; broadcast hash join with " + other.name + " (estimate " +
                            std::to_string(static_cast<int64_t>(estimate / kMb)) +
                            " MiB <= threshold)";
        continue;
      }
      SPARKTUNE_ASSIGN_OR_RETURN(int right, Scan(q, other, op.columns, op.selectivity,
                                                 query.name + ": scan " + other.name));
      aqe::StagePlanningInput in;
      in.shuffles.push_back(
          Exchange(cur, partitions_, op.skew, aqe::ShuffleOrigin::kEnsureRequirements));
      in.shuffles.push_back(
          Exchange(right, partitions_, KeySkew{}, aqe::ShuffleOrigin::kEnsureRequirements));
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
        ScenarioTask& k = stages_[next].tasks[i];
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
  std::vector<ScenarioStage> stages_;
  std::vector<std::string> notes_;
};
}  // namespace

Result<ScenarioWorkload> GenerateScenarioWorkload(const Scenario& scenario,
                                                  const engine::EffectiveConfig& config,
                                                  int executors, int cores) {
  Generator gen(scenario, config, executors, cores);
  if (auto st = gen.Generate(); !st.ok()) return st;
  return gen.Take();
}

}  // namespace sparktune::simulator
