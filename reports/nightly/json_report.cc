#include "reports/nightly/json_report.h"

#include <cmath>

#include "data/base/text.h"
#include "reports/nightly/report_format.h"

namespace sparktune::reports {
namespace {

using nlohmann::ordered_json;

ordered_json Str(const std::string& s) { return text::ValidUtf8(s); }

// A number, or null when it is not finite.
ordered_json Num(double v) { return std::isfinite(v) ? ordered_json(v) : ordered_json(nullptr); }

ordered_json EstimateJson(const Estimate& e) {
  return {{"value", Num(e.value)}, {"low", Num(e.low)}, {"high", Num(e.high)}};
}

ordered_json FiguresJson(const RunFigures& f) {
  return {{"durationMs", EstimateJson(f.duration_ms)}, {"mbSeconds", EstimateJson(f.mb_seconds)}};
}

ordered_json Cost(double mb_seconds, double core_seconds, const Prices& prices) {
  return prices.configured() ? Num(CostOf(mb_seconds, core_seconds, prices))
                             : ordered_json(nullptr);
}

ordered_json TotalsJson(const FleetTotals& t, const Prices& prices) {
  return {{"night", Str(t.night)},
          {"apps", t.apps},
          {"mbSeconds", Num(t.mb_seconds)},
          {"coreSeconds", Num(t.core_seconds)},
          {"cost", Cost(t.mb_seconds, t.core_seconds, prices)}};
}

ordered_json SettingsJson(const std::vector<ConfigSetting>& settings) {
  ordered_json a = ordered_json::array();
  for (const ConfigSetting& s : settings)
    a.push_back({{"key", Str(s.key)}, {"value", Str(s.value)}});
  return a;
}

ordered_json StringsJson(const std::vector<std::string>& strings) {
  ordered_json a = ordered_json::array();
  for (const std::string& s : strings) a.push_back(Str(s));
  return a;
}

ordered_json IndicesJson(const std::vector<size_t>& indices) {
  ordered_json a = ordered_json::array();
  for (size_t i : indices) a.push_back(i);
  return a;
}

ordered_json JobJson(const JobReport& j, const Prices& prices) {
  ordered_json o;
  o["name"] = Str(j.name);
  o["appId"] = Str(j.app_id);
  o["user"] = Str(j.user);
  o["sparkVersion"] = Str(j.spark_version);
  o["logPath"] = Str(j.log_path);
  o["observed"] = {{"durationMs", Num(j.observed.duration_ms.value)},
                   {"mbSeconds", Num(j.observed.mb_seconds.value)},
                   {"coreSeconds", Num(j.observed_core_seconds)},
                   {"cost", Cost(j.observed.mb_seconds.value, j.observed_core_seconds, prices)}};
  o["baseline"] = j.baseline ? FiguresJson(*j.baseline) : ordered_json(nullptr);
  o["recommended"] = j.recommended ? FiguresJson(*j.recommended) : ordered_json(nullptr);
  if (j.baseline) {
    o["replayErrorPercent"] = {
        {"durationMs",
         Num(ErrorPercent(j.baseline->duration_ms.value, j.observed.duration_ms.value))},
        {"mbSeconds",
         Num(ErrorPercent(j.baseline->mb_seconds.value, j.observed.mb_seconds.value))}};
  } else {
    o["replayErrorPercent"] = nullptr;
  }
  o["replayConfidence"] = {{"level", Str(j.replay_confidence)},
                           {"reasons", StringsJson(j.replay_confidence_reasons)}};
  o["wasteMbSeconds"] = Num(j.waste_mb_seconds);
  o["savingMbSeconds"] = EstimateJson(j.saving_mb_seconds);
  o["evidence"] = {{"used", StringsJson(j.evidence_used)},
                   {"missing", StringsJson(j.evidence_missing)}};
  o["rewrite"] = {{"settings", SettingsJson(j.rewrite.settings)},
                  {"submitArgs", Str(j.rewrite.submit_args)},
                  {"sparkDefaults", Str(j.rewrite.defaults_fragment)}};
  ordered_json executors = ordered_json::array();
  for (const ExecutorSpan& e : j.executors) {
    executors.push_back({{"id", Str(e.id)},
                         {"host", Str(e.host)},
                         {"cores", e.cores},
                         {"memoryMib", e.memory_mib},
                         {"startMs", e.start_ms},
                         {"endMs", e.end_ms},
                         {"removedReason", Str(e.removed_reason)}});
  }
  o["executors"] = executors;
  ordered_json stages = ordered_json::array();
  for (const StageSpan& s : j.stages) {
    stages.push_back({{"stageId", s.stage_id},
                      {"attempt", s.attempt},
                      {"name", Str(s.name)},
                      {"startMs", s.start_ms},
                      {"endMs", s.end_ms},
                      {"tasks", s.tasks},
                      {"taskTimeMs", s.task_time_ms},
                      {"spillBytes", s.spill_bytes},
                      {"gcMs", s.gc_ms},
                      {"skewRatio", s.skew_ratio > 0 ? Num(s.skew_ratio) : ordered_json(nullptr)},
                      {"failed", s.failed}});
  }
  o["stages"] = stages;
  ordered_json sql = ordered_json::array();
  for (const SqlSummary& s : j.sql) {
    sql.push_back({{"executionId", s.execution_id},
                   {"description", Str(s.description)},
                   {"durationMs", s.duration_ms}});
  }
  o["sql"] = sql;
  ordered_json advice = ordered_json::array();
  for (const AdviceItem& a : j.advice) {
    advice.push_back({{"title", Str(a.title)},
                      {"evidence", Str(a.evidence)},
                      {"savingMbSeconds", EstimateJson(a.saving_mb_seconds)}});
  }
  o["advice"] = advice;
  return o;
}

}  // namespace

ordered_json NightlyReportJson(const NightlyReport& r) {
  ordered_json j;
  j["schema"] = kReportJsonSchema;
  j["tool"] = {{"name", "sparktune"}, {"version", Str(r.tool_version)}};
  j["night"] = {{"id", r.night_id},
                {"date", Str(r.night.empty() ? r.totals.night : r.night)},
                {"generatedAt", Str(r.generated_at)}};
  j["prices"] = {{"perGbHour", Num(r.prices.per_gb_hour)},
                 {"perCoreHour", Num(r.prices.per_core_hour)},
                 {"currency", Str(r.prices.currency)},
                 {"configured", r.prices.configured()}};
  if (r.prices.sheet) {
    const prices::PriceSheet& s = *r.prices.sheet;
    j["prices"]["source"] = Str(s.source);
    if (s.compute_units) {
      j["prices"]["perCuHour"] = Num(s.per_cu_hour);
      j["prices"]["cuVcpus"] = Num(s.cu_vcpus);
      j["prices"]["cuGb"] = Num(s.cu_gb);
    } else {
      j["prices"]["perVcpuHour"] = Num(s.per_vcpu_hour);
      j["prices"]["perGbHour"] = Num(s.per_gb_hour);
      j["prices"]["perCoreHour"] = Num(s.per_vcpu_hour);
    }
  }
  ordered_json unreadable = ordered_json::array();
  for (const UnreadableLog& u : r.inputs.unreadable) {
    unreadable.push_back({{"path", Str(u.path)}, {"error", Str(u.error)}});
  }
  j["inputs"] = {{"source", Str(r.inputs.source)},
                 {"appsNew", r.inputs.apps_new},
                 {"appsKnown", r.inputs.apps_known},
                 {"unreadable", unreadable}};
  j["totals"] = TotalsJson(r.totals, r.prices);
  ordered_json trend = ordered_json::array();
  for (const FleetTotals& t : TrendSeries(r)) trend.push_back(TotalsJson(t, r.prices));
  j["trend"] = trend;

  const ClusterProposal& p = r.proposal;
  ordered_json changes = ordered_json::array();
  for (const ConfigChange& c : p.changes) {
    changes.push_back({{"key", Str(c.key)},
                       {"current", c.current.empty() ? ordered_json(nullptr) : Str(c.current)},
                       {"proposed", Str(c.proposed)},
                       {"why", Str(c.why)}});
  }
  j["proposal"] = {
      {"changes", changes},
      {"jobsConsidered", p.jobs_considered},
      {"savingMbSeconds", EstimateJson(p.saving_mb_seconds)},
      {"savingCoreSeconds", EstimateJson(p.saving_core_seconds)},
      {"savingCost", Cost(p.saving_mb_seconds.value, p.saving_core_seconds.value, r.prices)},
      {"sparkDefaults", Str(p.spark_defaults)}};
  if (!p.decision.empty()) j["proposal"]["decision"] = Str(p.decision);
  ordered_json overrides = ordered_json::array();
  for (const JobOverride& o : r.overrides) {
    if (!HasSettings(o)) continue;  // nothing to paste
    overrides.push_back({{"job", Str(o.job)},
                         {"appId", Str(o.app_id)},
                         {"settings", SettingsJson(o.settings)},
                         {"gainPercent", EstimateJson(o.gain_percent)}});
  }
  j["overrides"] = overrides;
  j["topJobs"] = {{"byWaste", IndicesJson(TopJobsByWaste(r, r.jobs.size()))},
                  {"bySaving", IndicesJson(TopJobsBySaving(r, r.jobs.size()))}};
  ordered_json jobs = ordered_json::array();
  for (const JobReport& job : r.jobs) jobs.push_back(JobJson(job, r.prices));
  j["jobs"] = jobs;
  ordered_json accuracy = ordered_json::array();
  for (const AccuracyPoint& a : r.accuracy) {
    accuracy.push_back(
        {{"job", Str(a.job)},
         {"night", Str(a.night)},
         {"predicted", FiguresJson(a.predicted)},
         {"actual",
          {{"durationMs", Num(a.actual_duration_ms)}, {"mbSeconds", Num(a.actual_mb_seconds)}}},
         {"errorPercent",
          {{"durationMs", Num(ErrorPercent(a.predicted.duration_ms.value, a.actual_duration_ms))},
           {"mbSeconds", Num(ErrorPercent(a.predicted.mb_seconds.value, a.actual_mb_seconds))}}}});
  }
  j["accuracy"] = accuracy;
  return j;
}

std::string RenderNightlyJson(const NightlyReport& report) {
  return NightlyReportJson(report).dump(2, ' ', false,
                                        nlohmann::ordered_json::error_handler_t::replace) +
         "\n";
}

}  // namespace sparktune::reports
