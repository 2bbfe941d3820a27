#include "simulator/workload/scenario_file.h"

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "data/config/config_catalog.h"

namespace sparktune::simulator {

namespace {

using nlohmann::json;

// Errors carry "<file>: <json path>: <what was expected>".
class Parser {
 public:
  Parser(std::string path, std::vector<std::string>* warnings)
      : path_(std::move(path)), warnings_(warnings) {}

  Status Error(const std::string& where, const std::string& what) const {
    return Status::Unreadable(path_ + ": " + where + ": " + what);
  }
  void Warn(const std::string& where, const std::string& what) const {
    warnings_->push_back(path_ + ": " + where + ": " + what);
  }
  // Warns about members of `obj` not in `known`.
  void CheckMembers(const json& obj, const std::string& where,
                    std::initializer_list<const char*> known) const {
    CheckMembers(obj, where, std::set<std::string>(known.begin(), known.end()));
  }
  void CheckMembers(const json& obj, const std::string& where,
                    const std::set<std::string>& known) const {
    for (auto it = obj.begin(); it != obj.end(); ++it) {
      if (!known.count(it.key())) Warn(where, "unknown member '" + it.key() + "' ignored");
    }
  }
  Status Object(const json& j, const std::string& where) const {
    if (!j.is_object()) return Error(where, "expected an object");
    return Status::Ok();
  }
  // A finite number in [lo, hi]; sizes may also be strings such as "13.4m".
  Result<double> Number(const json& obj, const std::string& key, const std::string& where,
                        double lo, double hi, double fallback, bool required = false,
                        bool size = false) const {
    std::string at = where.empty() ? key : where + "." + key;
    if (!obj.contains(key)) {
      if (required) return Error(at, "missing; expected a number");
      return fallback;
    }
    const json& v = obj.at(key);
    double d = 0;
    if (v.is_number()) {
      d = v.get<double>();
    } else if (size && v.is_string()) {
      std::string s = v.get<std::string>();
      // Decimal sizes ("13.4m"): the number times the unit.
      size_t end = 0;
      while (end < s.size() && (std::isdigit(static_cast<unsigned char>(s[end])) || s[end] == '.'))
        ++end;
      if (end == 0) return Error(at, "expected a size such as 113.5g or 13.4m, got '" + s + "'");
      double mult = 1;
      std::string unit = s.substr(end);
      for (auto& c : unit) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (unit == "" || unit == "b")
        mult = 1;
      else if (unit == "k" || unit == "kb")
        mult = 1024.0;
      else if (unit == "m" || unit == "mb")
        mult = 1024.0 * 1024;
      else if (unit == "g" || unit == "gb")
        mult = 1024.0 * 1024 * 1024;
      else if (unit == "t" || unit == "tb")
        mult = 1024.0 * 1024 * 1024 * 1024;
      else if (unit == "p" || unit == "pb")
        mult = 1024.0 * 1024 * 1024 * 1024 * 1024;
      else
        return Error(at, "expected a size unit b, k, m, g, t or p, got '" + s + "'");
      try {
        d = std::stod(s.substr(0, end)) * mult;
      } catch (...) {
        return Error(at, "expected a size such as 113.5g, got '" + s + "'");
      }
    } else {
      return Error(at, size ? "expected a size (a number of bytes or a string such as 13.4m)"
                            : "expected a number");
    }
    if (!std::isfinite(d) || d < lo || d > hi) {
      std::ostringstream msg;
      msg << "expected a number in [" << lo << ", " << hi << "], got " << d;
      return Error(at, msg.str());
    }
    return d;
  }
  Result<std::string> String(const json& obj, const std::string& key, const std::string& where,
                             bool required, std::string fallback = "") const {
    std::string at = where.empty() ? key : where + "." + key;
    if (!obj.contains(key)) {
      if (required) return Error(at, "missing; expected a string");
      return fallback;
    }
    if (!obj.at(key).is_string()) return Error(at, "expected a string");
    return obj.at(key).get<std::string>();
  }
  Result<bool> Bool(const json& obj, const std::string& key, const std::string& where,
                    bool fallback) const {
    if (!obj.contains(key)) return fallback;
    if (!obj.at(key).is_boolean()) return Error(where + "." + key, "expected true or false");
    return obj.at(key).get<bool>();
  }

  Result<KeySkew> Skew(const json& obj, const std::string& where) const {
    KeySkew s;
    if (!obj.contains("skew")) return s;
    std::string at = where + ".skew";
    const json& j = obj.at("skew");
    if (auto st = Object(j, at); !st.ok()) return st;
    CheckMembers(j, at, {"heavyKeys", "zipf", "distinctKeys"});
    if (j.contains("heavyKeys")) {
      const json& h = j.at("heavyKeys");
      if (!h.is_array()) return Error(at + ".heavyKeys", "expected an array of shares in (0, 1)");
      if (h.size() > 10000) return Error(at + ".heavyKeys", "at most 10000 heavy keys");
      double sum = 0;
      for (size_t i = 0; i < h.size(); ++i) {
        if (!h[i].is_number() || !(h[i].get<double>() > 0) || !(h[i].get<double>() < 1))
          return Error(at + ".heavyKeys[" + std::to_string(i) + "]", "expected a share in (0, 1)");
        s.heavy_shares.push_back(h[i].get<double>());
        sum += h[i].get<double>();
      }
      if (sum >= 1) return Error(at + ".heavyKeys", "shares must add up to less than 1");
    }
    SPARKTUNE_ASSIGN_OR_RETURN(s.zipf_exponent, Number(j, "zipf", at, 0, 5, 0));
    SPARKTUNE_ASSIGN_OR_RETURN(s.distinct_keys,
                               Number(j, "distinctKeys", at, 1, kMaxScenarioRows, 1e9));
    return s;
  }

 private:
  std::string path_;
  std::vector<std::string>* warnings_;
};

// Deepest nesting of arrays and objects, outside strings (checked before
// parsing so that a hostile file cannot recurse the parser).
int NestingDepth(const std::string& text) {
  int depth = 0, max_depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      max_depth = std::max(max_depth, ++depth);
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return max_depth;
}

Result<engine::aqe::JoinType> JoinTypeOf(const std::string& s) {
  using engine::aqe::JoinType;
  if (s == "inner") return JoinType::kInner;
  if (s == "left") return JoinType::kLeftOuter;
  if (s == "right") return JoinType::kRightOuter;
  if (s == "full") return JoinType::kFullOuter;
  if (s == "semi") return JoinType::kLeftSemi;
  if (s == "anti") return JoinType::kLeftAnti;
  return Status::InvalidArgument("expected one of inner, left, right, full, semi, anti, got '" + s +
                                 "'");
}

}  // namespace

const ScenarioTable* Scenario::FindTable(const std::string& table_name) const {
  for (const ScenarioTable& t : tables)
    if (t.name == table_name) return &t;
  return nullptr;
}

namespace {

// The members of the root object, each into `sc`.
Status ParseConfig(Parser& p, const json& root, Scenario* sc) {
  // Config: spark.* keys with string (or number/bool) values.
  if (root.contains("config")) {
    const json& c = root.at("config");
    if (auto st = p.Object(c, "config"); !st.ok()) return st;
    for (auto it = c.begin(); it != c.end(); ++it) {
      std::string at = "config." + it.key();
      std::string value;
      if (it->is_string())
        value = it->get<std::string>();
      else if (it->is_boolean())
        value = it->get<bool>() ? "true" : "false";
      else if (it->is_number_integer())
        value = std::to_string(it->get<int64_t>());
      else if (it->is_number())
        value = std::to_string(it->get<double>());
      else
        return p.Error(at, "expected a string, number or boolean");
      if (!it.key().starts_with("spark.")) return p.Error(at, "expected a spark.* key");
      const config::ConfigKey* k = config::FindKey(it.key());
      if (k == nullptr) {
        auto s = config::SuggestKeys(it.key());
        p.Warn(at, "not a key sparktune knows; it has no effect" +
                       (s.empty() ? std::string()
                                  : "; did you mean '" + std::string(s.front()) + "'?"));
      } else if (k->type == config::ValueType::kBytes && !(value.size() > 0 && value[0] == '-') &&
                 !config::ParseBytes(value, k->bytes_unit).ok()) {
        return p.Error(at, "expected a size such as 4g or 512m, got '" + value + "'");
      }
      sc->config[it.key()] = value;
    }
  }

  return Status::Ok();
}

// The cost parameters of the task-time model: every one optional, in [0, max].
struct CostParameter {
  const char* name;
  double ScenarioCost::*field;
  double max;
};
constexpr CostParameter kCostParameters[] = {
    {"taskFixedMs", &ScenarioCost::task_fixed_ms, 1e6},
    {"scanMsPerMb", &ScenarioCost::scan_ms_per_mb, 1e6},
    {"cpuMsPerMb", &ScenarioCost::cpu_ms_per_mb, 1e6},
    {"cpuMsPerMillionRows", &ScenarioCost::cpu_ms_per_million_rows, 1e7},
    {"writeMsPerMb", &ScenarioCost::write_ms_per_mb, 1e6},
    {"fetchMsPerBlock", &ScenarioCost::fetch_ms_per_block, 1e4},
    {"sortMsPerMb", &ScenarioCost::sort_ms_per_mb, 1e6},
    {"memoryExpansion", &ScenarioCost::memory_expansion, 1000},
    {"spillMsPerMb", &ScenarioCost::spill_ms_per_mb, 1e6},
    {"gcFractionPerLiveGb", &ScenarioCost::gc_fraction_per_live_gb, 10},
    {"gcFractionMax", &ScenarioCost::gc_fraction_max, 0.99},
    {"executorStartupMs", &ScenarioCost::executor_startup_ms, 3.6e6},
    {"driverMsPerJob", &ScenarioCost::driver_ms_per_job, 3.6e6},
};

Status ParseCost(Parser& p, const json& root, Scenario* sc) {
  if (!root.contains("cost")) return Status::Ok();
  const json& c = root.at("cost");
  if (auto st = p.Object(c, "cost"); !st.ok()) return st;
  std::set<std::string> known;
  for (const CostParameter& k : kCostParameters) known.insert(k.name);
  p.CheckMembers(c, "cost", known);
  for (const CostParameter& k : kCostParameters) {
    double& value = sc->cost.*k.field;
    SPARKTUNE_ASSIGN_OR_RETURN(value, p.Number(c, k.name, "cost", 0, k.max, value));
  }
  return Status::Ok();
}

Status ParseTables(Parser& p, const json& root, Scenario* sc) {
  // Tables.
  if (!root.contains("tables") || !root.at("tables").is_array() || root.at("tables").empty())
    return p.Error("tables", "expected a non-empty array of tables");
  const json& tables = root.at("tables");
  for (size_t i = 0; i < tables.size(); ++i) {
    std::string at = "tables[" + std::to_string(i) + "]";
    const json& t = tables[i];
    if (auto st = p.Object(t, at); !st.ok()) return st;
    p.CheckMembers(t, at, {"name", "bytes", "rows", "files", "buckets", "sortedByBucketKey"});
    ScenarioTable tb;
    SPARKTUNE_ASSIGN_OR_RETURN(tb.name, p.String(t, "name", at, true));
    if (sc->FindTable(tb.name))
      return p.Error(at + ".name", "table '" + tb.name + "' declared twice");
    SPARKTUNE_ASSIGN_OR_RETURN(tb.bytes,
                               p.Number(t, "bytes", at, 0, kMaxScenarioBytes, 0, true, true));
    SPARKTUNE_ASSIGN_OR_RETURN(double rows,
                               p.Number(t, "rows", at, 0, kMaxScenarioRows, tb.bytes / 100));
    tb.rows = rows;
    SPARKTUNE_ASSIGN_OR_RETURN(
        double files, p.Number(t, "files", at, 1, static_cast<double>(kMaxScenarioFiles), 1));
    tb.files = static_cast<int64_t>(files);
    SPARKTUNE_ASSIGN_OR_RETURN(
        double buckets, p.Number(t, "buckets", at, 0, static_cast<double>(kMaxScenarioBuckets), 0));
    tb.buckets = static_cast<int64_t>(buckets);
    SPARKTUNE_ASSIGN_OR_RETURN(tb.sorted_by_bucket_key, p.Bool(t, "sortedByBucketKey", at, false));
    if (tb.sorted_by_bucket_key && tb.buckets == 0)
      return p.Error(at + ".sortedByBucketKey",
                     "only a bucketed table (buckets > 0) can be sorted by its bucket key");
    sc->tables.push_back(tb);
  }

  return Status::Ok();
}

// One operator of a query, at JSON path `oat`.
Result<ScenarioOp> ParseOp(Parser& p, const json& o, const std::string& oat, const Scenario& sc) {
  ScenarioOp op;
  SPARKTUNE_ASSIGN_OR_RETURN(std::string kind, p.String(o, "op", oat, true));
  if (kind == "aggregate") {
    op.kind = OpKind::kAggregate;
    p.CheckMembers(o, oat, {"op", "outputRatio", "skew", "onBucketKey"});
  } else if (kind == "join") {
    op.kind = OpKind::kJoin;
    p.CheckMembers(
        o, oat,
        {"op", "outputRatio", "skew", "onBucketKey", "table", "selectivity", "columns", "type"});
    SPARKTUNE_ASSIGN_OR_RETURN(op.table, p.String(o, "table", oat, true));
    if (!sc.FindTable(op.table))
      return p.Error(oat + ".table", "no table named '" + op.table + "'");
    SPARKTUNE_ASSIGN_OR_RETURN(op.selectivity, p.Number(o, "selectivity", oat, 0, 1, 1));
    SPARKTUNE_ASSIGN_OR_RETURN(op.columns, p.Number(o, "columns", oat, 1e-6, 1, 1));
    SPARKTUNE_ASSIGN_OR_RETURN(std::string type, p.String(o, "type", oat, false, "inner"));
    auto jt = JoinTypeOf(type);
    if (!jt.ok()) return p.Error(oat + ".type", jt.status().message());
    op.join_type = *jt;
  } else if (kind == "repartition") {
    op.kind = OpKind::kRepartition;
    p.CheckMembers(o, oat, {"op", "partitions", "skew"});
    SPARKTUNE_ASSIGN_OR_RETURN(double n, p.Number(o, "partitions", oat, 1, 1e6, 0));
    op.partitions = static_cast<int64_t>(n);
  } else if (kind == "write") {
    op.kind = OpKind::kWrite;
    p.CheckMembers(o, oat, {"op", "outputRatio"});
  } else {
    return p.Error(oat + ".op",
                   "expected aggregate, join, repartition or write, got '" + kind + "'");
  }
  SPARKTUNE_ASSIGN_OR_RETURN(op.output_ratio, p.Number(o, "outputRatio", oat, 0, 1000, 1));
  SPARKTUNE_ASSIGN_OR_RETURN(op.skew, p.Skew(o, oat));
  SPARKTUNE_ASSIGN_OR_RETURN(op.on_bucket_key, p.Bool(o, "onBucketKey", oat, false));
  return op;
}

Status ParseQueries(Parser& p, const json& root, Scenario* sc) {
  // Queries.
  if (!root.contains("queries") || !root.at("queries").is_array() || root.at("queries").empty())
    return p.Error("queries", "expected a non-empty array of queries");
  const json& queries = root.at("queries");
  if (queries.size() > 10000) return p.Error("queries", "at most 10000 queries");
  for (size_t i = 0; i < queries.size(); ++i) {
    std::string at = "queries[" + std::to_string(i) + "]";
    const json& q = queries[i];
    if (auto st = p.Object(q, at); !st.ok()) return st;
    p.CheckMembers(q, at, {"name", "scan", "ops"});
    ScenarioQuery qu;
    SPARKTUNE_ASSIGN_OR_RETURN(qu.name,
                               p.String(q, "name", at, false, "q" + std::to_string(i + 1)));
    if (!q.contains("scan"))
      return p.Error(at + ".scan", "missing; expected {\"table\": ..., \"selectivity\": ...}");
    const json& scan = q.at("scan");
    if (auto st = p.Object(scan, at + ".scan"); !st.ok()) return st;
    p.CheckMembers(scan, at + ".scan", {"table", "selectivity", "columns"});
    SPARKTUNE_ASSIGN_OR_RETURN(qu.table, p.String(scan, "table", at + ".scan", true));
    if (!sc->FindTable(qu.table))
      return p.Error(at + ".scan.table", "no table named '" + qu.table + "'");
    SPARKTUNE_ASSIGN_OR_RETURN(qu.selectivity,
                               p.Number(scan, "selectivity", at + ".scan", 0, 1, 1));
    SPARKTUNE_ASSIGN_OR_RETURN(qu.columns, p.Number(scan, "columns", at + ".scan", 1e-6, 1, 1));
    if (q.contains("ops")) {
      const json& ops = q.at("ops");
      if (!ops.is_array()) return p.Error(at + ".ops", "expected an array of operators");
      if (ops.size() > 100) return p.Error(at + ".ops", "at most 100 operators per query");
      for (size_t k = 0; k < ops.size(); ++k) {
        std::string oat = at + ".ops[" + std::to_string(k) + "]";
        const json& o = ops[k];
        if (auto st = p.Object(o, oat); !st.ok()) return st;
        SPARKTUNE_ASSIGN_OR_RETURN(ScenarioOp op, ParseOp(p, o, oat, *sc));
        qu.ops.push_back(op);
      }
    }
    sc->queries.push_back(qu);
  }
  return Status::Ok();
}

}  // namespace

Result<Scenario> ParseScenarioJson(const std::string& text, const std::string& path) {
  Scenario sc;
  sc.path = path;
  Parser p(path, &sc.warnings);
  if (NestingDepth(text) > kMaxScenarioDepth)
    return p.Error("$", "nesting deeper than " + std::to_string(kMaxScenarioDepth) + " levels");
  json root;
  try {
    root = json::parse(text);
  } catch (const json::parse_error& e) {
    // e.what() carries "at line L, column C".
    return Status::Unreadable(path + ": not valid JSON: " + e.what());
  } catch (const json::exception& e) {
    // A number too large for a double ("1e999") is out_of_range, not a parse
    // error (found by tests/fuzz/scenario_fuzz).
    return Status::Unreadable(path + ": not readable JSON: " + e.what());
  }
  if (!root.is_object()) return p.Error("$", "expected an object with tables, queries and config");
  p.CheckMembers(root, "$",
                 {"name", "description", "sparkVersion", "config", "tables", "queries", "cost",
                  "publishedEffect"});
  SPARKTUNE_ASSIGN_OR_RETURN(sc.name, p.String(root, "name", "", false, path));
  SPARKTUNE_ASSIGN_OR_RETURN(sc.description, p.String(root, "description", "", false));
  SPARKTUNE_ASSIGN_OR_RETURN(std::string version,
                             p.String(root, "sparkVersion", "", false, "3.5.0"));
  sc.version = SparkVersion::Parse(version);
  if (!sc.version.known())
    return p.Error("sparkVersion", "expected a Spark version such as 3.5.0, got '" + version + "'");

  if (auto st = ParseConfig(p, root, &sc); !st.ok()) return st;
  if (auto st = ParseCost(p, root, &sc); !st.ok()) return st;
  if (auto st = ParseTables(p, root, &sc); !st.ok()) return st;
  if (auto st = ParseQueries(p, root, &sc); !st.ok()) return st;
  return sc;
}

Result<Scenario> ParseScenarioFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open the scenario file");
  in.seekg(0, std::ios::end);
  std::streamoff size = in.tellg();
  if (size > (64 << 20))
    return Status::Unreadable(path + ": a scenario file over 64 MiB is not a scenario");
  in.seekg(0);
  std::string text(static_cast<size_t>(std::max<std::streamoff>(0, size)), '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  if (!in) return Status::IoError(path + ": read failed");
  return ParseScenarioJson(text, path);
}

}  // namespace sparktune::simulator
