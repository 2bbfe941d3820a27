#include "advisor/advice/plan_evidence.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <map>

#include "data/base/unit_format.h"

namespace sparktune::advice {

int64_t SqlMetricTotal(const model::Application& app, int64_t accumulator_id) {
  std::map<int, std::pair<int, int64_t>> per_stage;  // stage id -> (attempt, value)
  bool seen = false;
  for (const model::StageAttempt& s : app.stages) {
    for (const model::Accumulable& a : s.accumulables) {
      if (a.id != accumulator_id) continue;
      int64_t v = std::strtoll(a.value.c_str(), nullptr, 10);
      auto it = per_stage.find(s.stage_id);
      if (it == per_stage.end() || s.attempt_id >= it->second.first)
        per_stage[s.stage_id] = {s.attempt_id, v};
      seen = true;
    }
  }
  int64_t total = 0;
  for (auto& [id, av] : per_stage) total += av.second;
  auto d = app.driver_accum_updates.find(accumulator_id);
  if (d != app.driver_accum_updates.end()) {
    for (int64_t v : d->second) total += v;
    seen = true;
  }
  return seen ? total : -1;
}

int64_t MetricId(const model::PlanNode& node, const std::string& name) {
  for (const model::PlanMetric& m : node.metrics) {
    if (m.name == name) return m.accumulator_id;
  }
  return -1;
}

std::string StripExpressionIds(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '#' && i + 1 < text.size() &&
        std::isdigit(static_cast<unsigned char>(text[i + 1]))) {
      ++i;
      while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
      if (i < text.size() && text[i] == 'L') ++i;
      --i;
      continue;
    }
    out += text[i];
  }
  return out;
}

std::vector<std::string> HashPartitionKeys(const std::string& s) {
  std::vector<std::string> keys;
  size_t open = s.find("hashpartitioning(");
  if (open == std::string::npos) return keys;
  size_t i = open + 17;
  int depth = 0;
  std::string cur;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c == '(') ++depth;
    if (c == ')') {
      if (depth == 0) break;
      --depth;
    }
    if (c == ',' && depth == 0) {
      keys.push_back(cur);
      cur.clear();
      continue;
    }
    cur += c;
  }
  // The last item is the partition count.
  for (std::string& k : keys) {
    size_t b = k.find_first_not_of(' ');
    k = b == std::string::npos ? "" : StripExpressionIds(k.substr(b));
  }
  return keys;
}

std::vector<int> SparkStageIds(const model::Application& app,
                               const engine::plan::SqlExecutionPlan& ex, size_t q) {
  std::vector<int> ids;
  if (q >= ex.spark_stages.size()) return ids;
  for (int a : ex.spark_stages[q]) {
    if (a >= 0 && a < static_cast<int>(app.stages.size())) ids.push_back(app.stages[a].stage_id);
  }
  return ids;
}

int64_t ExchangeBytes(const engine::plan::PlannedExchange& e) {
  return e.data_size >= 0 ? e.data_size : e.bytes_written;
}

std::string Bytes(double bytes) {
  static constexpr units::ByteFormat kAdviceBytes{.first_unit = 1,
                                                  .last_unit = 3,
                                                  .precision = units::Precision::kOneDecimal,
                                                  .whole_in_first_unit = true};
  return units::FormatBytes(bytes, kAdviceBytes);
}

std::string Short(const std::string& s, size_t n) {
  std::string out;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    out += (u < 0x20 || u == 0x7f) ? ' ' : c;
    if (out.size() >= n) {
      out += "...";
      break;
    }
  }
  return out;
}

}  // namespace sparktune::advice
