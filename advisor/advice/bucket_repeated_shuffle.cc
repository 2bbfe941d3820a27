#include "advisor/advice/bucket_repeated_shuffle.h"

#include <algorithm>
#include <map>
#include <set>

#include "advisor/advice/plan_evidence.h"

namespace sparktune::advice {

namespace {

constexpr int64_t kBucketBytes = 128LL * 1024 * 1024;

// "FileScan parquet spark_catalog.db.t[a#1,b#2] Batched: ..." -> "parquet spark_catalog.db.t".
std::string Relation(const std::string& scan) {
  std::string s = StripExpressionIds(scan);
  size_t b = s.find(' ');
  size_t e = s.find_first_of("[(", b == std::string::npos ? 0 : b);
  if (b == std::string::npos) return s;
  return s.substr(b + 1, e == std::string::npos ? std::string::npos : e - b - 1);
}

}  // namespace

std::vector<Advice> BucketRepeatedShuffle::Advise(const AdviceContext& ctx) const {
  struct Use {
    int64_t execution_id;
    int64_t bytes;
    std::vector<int> stages;
  };
  std::map<std::pair<std::string, std::string>, std::vector<Use>> uses;  // (relation, keys) -> uses
  for (const auto& ex : ctx.plan.executions) {
    if (ex.final_plan == nullptr) continue;
    std::set<std::pair<std::string, std::string>> in_this;
    for (const auto& e : ex.exchanges) {
      if (e.broadcast || e.writer_stage < 0 || e.node < 0) continue;
      std::vector<std::string> cols = HashPartitionKeys(ex.final_plan->nodes[e.node].simple_string);
      if (cols.empty()) continue;
      const auto& writer = ex.stages.stages[e.writer_stage];
      // Only a stage that scans one stored table and reads no other shuffle.
      if (writer.scans.size() != 1 || !writer.reads.empty()) continue;
      const model::PlanNode& scan = ex.final_plan->nodes[writer.scans[0]];
      if (scan.node_name.starts_with("Range") || scan.node_name.starts_with("LocalTableScan") ||
          scan.node_name.starts_with("InMemoryTableScan"))
        continue;
      std::string keys;
      for (const std::string& c : cols) keys += (keys.empty() ? "" : ", ") + c;
      auto id = std::make_pair(Relation(scan.simple_string), keys);
      if (!in_this.insert(id).second) continue;
      uses[id].push_back(
          {ex.execution_id, e.bytes_written, SparkStageIds(ctx.app, ex, e.writer_stage)});
    }
  }
  std::vector<Advice> out;
  for (const auto& [id, list] : uses) {
    if (list.size() < 2) continue;
    int64_t largest = 0;
    Advice a;
    a.id = std::string(this->id());
    for (const Use& u : list) {
      largest = std::max(largest, u.bytes);
      a.evidence.push_back("execution " + std::to_string(u.execution_id) + " shuffles it on (" +
                           id.second + "): " + Bytes(static_cast<double>(u.bytes)) + " written");
      for (int s : u.stages) a.stage_ids.push_back(s);
    }
    int64_t buckets = 1;
    while (buckets * kBucketBytes < largest) buckets *= 2;
    buckets = std::max<int64_t>(buckets, 2);
    a.title = Short(id.first, 80) + " is shuffled on (" + id.second + ") by " +
              std::to_string(list.size()) + " SQL executions";
    a.action = "bucket it on (" + id.second + ") into " + std::to_string(buckets) +
               " buckets (CLUSTERED BY ... INTO " + std::to_string(buckets) +
               " BUCKETS, or df.write.bucketBy); the joins and aggregations on those keys then "
               "skip the shuffle";
    a.priced = "not priced: the simulator cannot remove an exchange the log ran";
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace sparktune::advice
