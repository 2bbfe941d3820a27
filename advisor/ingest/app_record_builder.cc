#include "advisor/ingest/app_record_builder.h"

#include <algorithm>
#include <optional>
#include <regex>

#include "data/base/stats.h"
#include "data/config/config_catalog.h"
#include "data/store/job_key.h"
#include "engine/cost/app_cost.h"

namespace sparktune::advisor {

namespace {

store::StageRow StageRowOf(const model::Application& app, const model::StageAttempt& s) {
  store::StageRow r;
  r.stage_id = s.stage_id;
  r.attempt_id = s.attempt_id;
  r.name = s.name;
  r.status = model::StageStatusName(s.status);
  r.num_tasks = s.num_tasks;
  r.completed_tasks = s.complete_tasks;
  r.failed_tasks = s.failed_tasks;
  r.submission_ms = s.submission_time;
  r.completion_ms = s.completion_time;
  r.duration_ms = s.submission_time >= 0 && s.completion_time >= s.submission_time
                      ? s.completion_time - s.submission_time
                      : 0;
  const model::TaskMetrics& m = s.totals;
  r.task_time_ms = m.executor_run_time;
  r.input_bytes = m.input_bytes;
  r.output_bytes = m.output_bytes;
  r.shuffle_read_bytes = m.shuffle_read_bytes();
  r.shuffle_write_bytes = m.shuffle_bytes_written;
  r.memory_spilled_bytes = m.memory_bytes_spilled;
  r.disk_spilled_bytes = m.disk_bytes_spilled;
  r.gc_ms = m.jvm_gc_time;
  std::vector<int64_t> durations;
  for (uint32_t t : s.tasks) {
    const model::Task& task = app.tasks[t];
    r.peak_execution_memory = std::max(r.peak_execution_memory, task.metrics.peak_execution_memory);
    if (task.status == model::TaskStatus::kSuccess) durations.push_back(task.duration());
  }
  if (!durations.empty()) {
    r.task_ms_max = *std::max_element(durations.begin(), durations.end());
    r.task_ms_median = stats::Median(std::move(durations));
    if (r.task_ms_median > 0) {
      r.skew_ratio = static_cast<double>(r.task_ms_max) / static_cast<double>(r.task_ms_median);
    }
  }
  return r;
}

// Spark redacts property values whose key matches spark.redaction.regex,
// default "(?i)secret|password|token|access[.]?key" (SECRET_REDACTION_PATTERN,
// core/.../internal/config/package.scala, 2.2-4.x), with this text
// (Utils.REDACTION_REPLACEMENT_TEXT). A cluster may have narrowed the pattern;
// the store applies the default again so no secret lands in the database.
constexpr std::string_view kRedacted = "*********(redacted)";

bool LooksSecret(const std::string& key) {
  static const std::regex kSecretKey("secret|password|token|access[.]?key", std::regex::icase);
  return std::regex_search(key, kSecretKey);
}

std::optional<double> RelativeError(double predicted, double observed) {
  if (!(observed > 0)) return std::nullopt;
  return (predicted - observed) / observed;
}

}  // namespace

store::AppRecord BuildAppRecord(const eventlog::LoadedLog& log, const std::string& source_path,
                                const eventlog::LogContentHash& hash) {
  const model::Application& app = log.app;
  store::AppRecord record;
  store::ApplicationRow& a = record.app;
  a.content_hash = hash.hex;
  a.log_bytes = static_cast<int64_t>(hash.bytes);
  a.source_path = source_path;
  a.app_id = app.app_id;
  a.attempt_id = app.attempt_id;
  a.name = app.name;
  a.job_key = store::JobKeyFor(app.name);
  a.user = app.user;
  a.spark_version = app.spark_version.text;
  a.start_ms = app.start_time;
  a.end_ms = app.end_time;
  engine::ObservedTimes observed = engine::MeasureObserved(app);
  a.duration_ms = observed.duration_ms;
  a.job_time_ms = observed.job_time_ms;
  a.mb_seconds = observed.mb_seconds;
  a.core_seconds = observed.core_seconds;
  a.task_count = static_cast<int64_t>(app.tasks.size());
  a.complete = app.evidence.has_app_end && !app.evidence.in_progress;
  a.warning_count = log.warning_count;
  for (size_t i = 0; i < log.warnings.size() && i < kStoredWarnings; ++i)
    a.warnings.push_back(log.warnings[i].ToString());

  for (const model::StageAttempt& s : app.stages) record.stages.push_back(StageRowOf(app, s));

  engine::AppCost cost = engine::ComputeObservedCost(app);
  for (const engine::ExecutorCost& e : cost.executors) {
    store::ExecutorRow r;
    r.executor_id = e.executor_id;
    auto it = app.executor_index.find(e.executor_id);
    if (it != app.executor_index.end()) r.host = app.executors[it->second].host;
    r.cores = e.cores;
    r.start_ms = e.start_ms;
    r.end_ms = e.end_ms;
    r.container_mib = e.container_mib;
    r.mb_seconds = e.mb_seconds;
    record.executors.push_back(std::move(r));
  }
  a.executor_count = static_cast<int>(record.executors.size());
  a.stage_count = static_cast<int>(record.stages.size());

  for (const auto& [key, value] : app.spark_properties) {
    record.configs.push_back(
        {key, LooksSecret(key) ? std::string(kRedacted) : value, store::ConfigSource::kLogged});
  }
  for (const config::ConfigKey& key : config::Catalog()) {
    std::string name(key.name);
    if (app.spark_properties.count(name)) continue;
    std::optional<std::string_view> def = config::DefaultFor(key, app.spark_version);
    if (def) record.configs.push_back({name, std::string(*def), store::ConfigSource::kDefault});
  }
  return record;
}

store::PredictionRow BaselinePrediction(const simulator::SimResult& baseline,
                                        const engine::ObservedTimes& observed) {
  store::PredictionRow p;
  p.kind = store::PredictionKind::kBaseline;
  p.config_json = "{}";
  p.duration_ms = baseline.duration_ms;
  p.duration_ms_low = baseline.duration_ms_low;
  p.duration_ms_high = baseline.duration_ms_high;
  p.mb_seconds = baseline.mb_seconds;
  p.mb_seconds_low = baseline.mb_seconds_low;
  p.mb_seconds_high = baseline.mb_seconds_high;
  p.oom_risk = baseline.oom_risk;
  p.duration_error = RelativeError(baseline.duration_ms, observed.duration_ms);
  p.mb_seconds_error = RelativeError(baseline.mb_seconds, observed.mb_seconds);
  return p;
}

}  // namespace sparktune::advisor
