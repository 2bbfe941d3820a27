#include "data/store/app_record_json.h"

namespace sparktune::store {

namespace {

using nlohmann::json;
using nlohmann::ordered_json;

template <typename T>
Status Get(const json& j, const char* key, T* out, bool required = true) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) {
    if (required) return Status::Corrupt(std::string("record: missing field \"") + key + "\"");
    return Status::Ok();
  }
  try {
    *out = it->get<T>();
  } catch (const json::exception&) {
    return Status::Corrupt(std::string("record: field \"") + key + "\" has the wrong type");
  }
  return Status::Ok();
}

template <typename T>
Status GetOpt(const json& j, const char* key, std::optional<T>* out) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return Status::Ok();
  T v{};
  Status s = Get(j, key, &v);
  if (s.ok()) *out = v;
  return s;
}

#define ST_TRY(expr)         \
  do {                       \
    Status _s = (expr);      \
    if (!_s.ok()) return _s; \
  } while (false)

ordered_json PredictionJson(const PredictionRow& p) {
  ordered_json j;
  j["kind"] = PredictionKindName(p.kind);
  j["config"] = p.config_json;
  j["durationMs"] = p.duration_ms;
  j["durationMsLow"] = p.duration_ms_low;
  j["durationMsHigh"] = p.duration_ms_high;
  j["mbSeconds"] = p.mb_seconds;
  j["mbSecondsLow"] = p.mb_seconds_low;
  j["mbSecondsHigh"] = p.mb_seconds_high;
  j["oomRisk"] = p.oom_risk;
  if (p.duration_error) j["durationError"] = *p.duration_error;
  if (p.mb_seconds_error) j["mbSecondsError"] = *p.mb_seconds_error;
  return j;
}

Result<PredictionKind> KindFromName(const std::string& name) {
  for (PredictionKind k : {PredictionKind::kBaseline, PredictionKind::kGrid,
                           PredictionKind::kOptimize, PredictionKind::kRecommendation}) {
    if (name == PredictionKindName(k)) return k;
  }
  return Status::Corrupt("record: unknown prediction kind \"" + name + "\"");
}

}  // namespace

ordered_json AppRecordToJson(const AppRecord& r) {
  const ApplicationRow& a = r.app;
  ordered_json j;
  j["schema"] = "sparktune.record/1";
  ordered_json app;
  app["contentHash"] = a.content_hash;
  app["sourcePath"] = a.source_path;
  app["appId"] = a.app_id;
  app["attemptId"] = a.attempt_id;
  app["name"] = a.name;
  app["jobKey"] = a.job_key;
  app["user"] = a.user;
  app["sparkVersion"] = a.spark_version;
  app["startMs"] = a.start_ms;
  app["endMs"] = a.end_ms;
  app["durationMs"] = a.duration_ms;
  app["jobTimeMs"] = a.job_time_ms;
  app["mbSeconds"] = a.mb_seconds;
  app["coreSeconds"] = a.core_seconds;
  app["executors"] = a.executor_count;
  app["stages"] = a.stage_count;
  app["tasks"] = a.task_count;
  app["complete"] = a.complete;
  app["warningCount"] = a.warning_count;
  app["warnings"] = a.warnings;
  app["logBytes"] = a.log_bytes;
  j["app"] = std::move(app);
  j["stages"] = ordered_json::array();
  for (const StageRow& s : r.stages) {
    ordered_json x;
    x["stageId"] = s.stage_id;
    x["attemptId"] = s.attempt_id;
    x["name"] = s.name;
    x["status"] = s.status;
    x["numTasks"] = s.num_tasks;
    x["completedTasks"] = s.completed_tasks;
    x["failedTasks"] = s.failed_tasks;
    x["submissionMs"] = s.submission_ms;
    x["completionMs"] = s.completion_ms;
    x["durationMs"] = s.duration_ms;
    x["taskTimeMs"] = s.task_time_ms;
    x["inputBytes"] = s.input_bytes;
    x["outputBytes"] = s.output_bytes;
    x["shuffleReadBytes"] = s.shuffle_read_bytes;
    x["shuffleWriteBytes"] = s.shuffle_write_bytes;
    x["memorySpilledBytes"] = s.memory_spilled_bytes;
    x["diskSpilledBytes"] = s.disk_spilled_bytes;
    x["gcMs"] = s.gc_ms;
    x["peakExecutionMemory"] = s.peak_execution_memory;
    x["taskMsMax"] = s.task_ms_max;
    x["taskMsMedian"] = s.task_ms_median;
    if (s.skew_ratio) x["skewRatio"] = *s.skew_ratio;
    j["stages"].push_back(std::move(x));
  }
  j["executors"] = ordered_json::array();
  for (const ExecutorRow& e : r.executors) {
    j["executors"].push_back({{"executorId", e.executor_id},
                              {"host", e.host},
                              {"cores", e.cores},
                              {"startMs", e.start_ms},
                              {"endMs", e.end_ms},
                              {"containerMib", e.container_mib},
                              {"mbSeconds", e.mb_seconds}});
  }
  j["configs"] = ordered_json::array();
  for (const ConfigRow& c : r.configs) {
    j["configs"].push_back(
        {{"key", c.key}, {"value", c.value}, {"source", ConfigSourceName(c.source)}});
  }
  j["predictions"] = ordered_json::array();
  for (const PredictionRow& p : r.predictions) j["predictions"].push_back(PredictionJson(p));
  j["advice"] = ordered_json::array();
  for (const AdviceRow& ad : r.advice) {
    ordered_json x{{"advisor", ad.advisor},
                   {"title", ad.title},
                   {"action", ad.action},
                   {"evidence", ad.evidence},
                   {"config", ad.config_json}};
    if (ad.mb_seconds_pct) x["mbSecondsPct"] = *ad.mb_seconds_pct;
    j["advice"].push_back(std::move(x));
  }
  return j;
}

Result<AppRecord> AppRecordFromJson(const json& j) {
  if (!j.is_object()) return Status::Corrupt("record: expected a JSON object");
  std::string schema;
  ST_TRY(Get(j, "schema", &schema));
  if (schema != "sparktune.record/1") {
    return Status::Unsupported("record: schema \"" + schema +
                               "\" (this build reads sparktune.record/1)");
  }
  if (!j.contains("app") || !j["app"].is_object())
    return Status::Corrupt("record: missing object \"app\"");
  AppRecord r;
  const json& app = j["app"];
  ApplicationRow& a = r.app;
  ST_TRY(Get(app, "contentHash", &a.content_hash));
  if (a.content_hash.empty()) return Status::Corrupt("record: empty \"contentHash\"");
  ST_TRY(Get(app, "sourcePath", &a.source_path, false));
  ST_TRY(Get(app, "appId", &a.app_id));
  ST_TRY(Get(app, "attemptId", &a.attempt_id, false));
  ST_TRY(Get(app, "name", &a.name, false));
  ST_TRY(Get(app, "jobKey", &a.job_key));
  ST_TRY(Get(app, "user", &a.user, false));
  ST_TRY(Get(app, "sparkVersion", &a.spark_version, false));
  ST_TRY(Get(app, "startMs", &a.start_ms));
  ST_TRY(Get(app, "endMs", &a.end_ms));
  ST_TRY(Get(app, "durationMs", &a.duration_ms));
  ST_TRY(Get(app, "jobTimeMs", &a.job_time_ms, false));
  ST_TRY(Get(app, "mbSeconds", &a.mb_seconds));
  ST_TRY(Get(app, "coreSeconds", &a.core_seconds, false));
  ST_TRY(Get(app, "executors", &a.executor_count, false));
  ST_TRY(Get(app, "stages", &a.stage_count, false));
  ST_TRY(Get(app, "tasks", &a.task_count, false));
  ST_TRY(Get(app, "complete", &a.complete));
  ST_TRY(Get(app, "warningCount", &a.warning_count, false));
  ST_TRY(Get(app, "warnings", &a.warnings, false));
  ST_TRY(Get(app, "logBytes", &a.log_bytes, false));
  if (j.contains("stages")) {
    if (!j["stages"].is_array()) return Status::Corrupt("record: \"stages\" is not an array");
    for (const json& x : j["stages"]) {
      StageRow s;
      ST_TRY(Get(x, "stageId", &s.stage_id));
      ST_TRY(Get(x, "attemptId", &s.attempt_id));
      ST_TRY(Get(x, "name", &s.name, false));
      ST_TRY(Get(x, "status", &s.status, false));
      ST_TRY(Get(x, "numTasks", &s.num_tasks, false));
      ST_TRY(Get(x, "completedTasks", &s.completed_tasks, false));
      ST_TRY(Get(x, "failedTasks", &s.failed_tasks, false));
      ST_TRY(Get(x, "submissionMs", &s.submission_ms, false));
      ST_TRY(Get(x, "completionMs", &s.completion_ms, false));
      ST_TRY(Get(x, "durationMs", &s.duration_ms, false));
      ST_TRY(Get(x, "taskTimeMs", &s.task_time_ms, false));
      ST_TRY(Get(x, "inputBytes", &s.input_bytes, false));
      ST_TRY(Get(x, "outputBytes", &s.output_bytes, false));
      ST_TRY(Get(x, "shuffleReadBytes", &s.shuffle_read_bytes, false));
      ST_TRY(Get(x, "shuffleWriteBytes", &s.shuffle_write_bytes, false));
      ST_TRY(Get(x, "memorySpilledBytes", &s.memory_spilled_bytes, false));
      ST_TRY(Get(x, "diskSpilledBytes", &s.disk_spilled_bytes, false));
      ST_TRY(Get(x, "gcMs", &s.gc_ms, false));
      ST_TRY(Get(x, "peakExecutionMemory", &s.peak_execution_memory, false));
      ST_TRY(Get(x, "taskMsMax", &s.task_ms_max, false));
      ST_TRY(Get(x, "taskMsMedian", &s.task_ms_median, false));
      ST_TRY(GetOpt(x, "skewRatio", &s.skew_ratio));
      r.stages.push_back(std::move(s));
    }
  }
  if (j.contains("executors")) {
    if (!j["executors"].is_array()) return Status::Corrupt("record: \"executors\" is not an array");
    for (const json& x : j["executors"]) {
      ExecutorRow e;
      ST_TRY(Get(x, "executorId", &e.executor_id));
      ST_TRY(Get(x, "host", &e.host, false));
      ST_TRY(Get(x, "cores", &e.cores, false));
      ST_TRY(Get(x, "startMs", &e.start_ms, false));
      ST_TRY(Get(x, "endMs", &e.end_ms, false));
      ST_TRY(Get(x, "containerMib", &e.container_mib, false));
      ST_TRY(Get(x, "mbSeconds", &e.mb_seconds, false));
      r.executors.push_back(std::move(e));
    }
  }
  if (j.contains("configs")) {
    if (!j["configs"].is_array()) return Status::Corrupt("record: \"configs\" is not an array");
    for (const json& x : j["configs"]) {
      ConfigRow c;
      std::string source;
      ST_TRY(Get(x, "key", &c.key));
      ST_TRY(Get(x, "value", &c.value));
      ST_TRY(Get(x, "source", &source, false));
      c.source = source == ConfigSourceName(ConfigSource::kDefault) ? ConfigSource::kDefault
                                                                    : ConfigSource::kLogged;
      r.configs.push_back(std::move(c));
    }
  }
  if (j.contains("predictions")) {
    if (!j["predictions"].is_array())
      return Status::Corrupt("record: \"predictions\" is not an array");
    for (const json& x : j["predictions"]) {
      PredictionRow p;
      std::string kind;
      ST_TRY(Get(x, "kind", &kind));
      auto k = KindFromName(kind);
      if (!k.ok()) return k.status();
      p.kind = *k;
      ST_TRY(Get(x, "config", &p.config_json));
      ST_TRY(Get(x, "durationMs", &p.duration_ms));
      ST_TRY(Get(x, "durationMsLow", &p.duration_ms_low, false));
      ST_TRY(Get(x, "durationMsHigh", &p.duration_ms_high, false));
      ST_TRY(Get(x, "mbSeconds", &p.mb_seconds));
      ST_TRY(Get(x, "mbSecondsLow", &p.mb_seconds_low, false));
      ST_TRY(Get(x, "mbSecondsHigh", &p.mb_seconds_high, false));
      ST_TRY(Get(x, "oomRisk", &p.oom_risk, false));
      ST_TRY(GetOpt(x, "durationError", &p.duration_error));
      ST_TRY(GetOpt(x, "mbSecondsError", &p.mb_seconds_error));
      r.predictions.push_back(std::move(p));
    }
  }
  if (j.contains("advice")) {
    if (!j["advice"].is_array()) return Status::Corrupt("record: \"advice\" is not an array");
    for (const json& x : j["advice"]) {
      AdviceRow ad;
      ST_TRY(Get(x, "advisor", &ad.advisor));
      ST_TRY(Get(x, "title", &ad.title));
      ST_TRY(Get(x, "action", &ad.action, false));
      ST_TRY(Get(x, "evidence", &ad.evidence, false));
      ST_TRY(Get(x, "config", &ad.config_json, false));
      ST_TRY(GetOpt(x, "mbSecondsPct", &ad.mb_seconds_pct));
      r.advice.push_back(std::move(ad));
    }
  }
  return r;
}

}  // namespace sparktune::store
