// NightlyReport: everything the nightly tuning report shows, as plain data.
//
// The `nightly` and `report` commands fill it from the store, the optimizer
// and the fleet recommender; the renderers in this folder turn it into one
// self-contained HTML page (html_report.h), a Markdown summary
// (markdown_report.h) and a versioned JSON document (json_report.h,
// docs/report-schema.md). reports/ depends only on data/, so nothing here
// refers to the engine, the simulator or the advisor.
//
// Units (the same in every renderer and in the JSON schema):
//   * durations and times are milliseconds; executor and stage start/end are
//     milliseconds since the application started;
//   * memory cost is MB-seconds as defined in architecture.md section 5
//     (container MiB x lifetime s); the renderers show it as GB·h, where
//     1 GB·h = 1024 MB x 3600 s = 3,686,400 MB-seconds;
//   * core cost is core-seconds, shown as core-hours;
//   * bytes are bytes; money is in Prices::currency.
//
// Every string may hold untrusted text copied from event logs or configs
// (app names, SQL text, hostnames, config values, error messages, paths): the
// renderers escape it for their format and replace invalid UTF-8. Nothing is
// ever interpreted as markup.
//
// Conventions the filler must respect:
//   * An Estimate's interval satisfies low <= value <= high; an estimate
//     without a known interval has low == high == value.
//   * Savings are positive when the recommendation costs less.
//   * Lists are rendered in the order given, except where a renderer ranks
//     (top jobs); ranking ties keep the given order.
//
// Thread safety: plain values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "data/prices/price_sheet.h"

namespace sparktune::reports {

// A predicted quantity with its interval.
struct Estimate {
  double value = 0;
  double low = 0;
  double high = 0;

  static Estimate Exact(double v) { return {v, v, v}; }
  bool has_interval() const { return low < high; }
};

// Prices used to turn resource use into money. A price of 0 means "not
// configured": the renderers then leave cost out instead of showing 0.
struct Prices {
  double per_gb_hour = 0;    // per GB·h of container memory (1 GB = 1024 MB)
  double per_core_hour = 0;  // per core-hour
  std::string currency = "USD";
  // A price file (`--prices FILE`) replaces the two figures above; a compute-unit sheet bills
  // max(core-hours / CU vCPUs, GB-hours / CU GB) x the CU-hour price (prices::PriceOf).
  std::optional<prices::PriceSheet> sheet;

  bool configured() const { return sheet.has_value() || per_gb_hour > 0 || per_core_hour > 0; }
};

// Resource use of the whole fleet on one night.
struct FleetTotals {
  std::string night;        // "YYYY-MM-DD", the night these totals belong to
  int apps = 0;             // applications counted
  double mb_seconds = 0;    // observed MB-seconds, all applications
  double core_seconds = 0;  // observed core-seconds, all applications
};

// A log that could not be read; listed in the report, never fatal.
struct UnreadableLog {
  std::string path;   // path or History Server URL of the log
  std::string error;  // the reader's message
};

// What the night ingested.
struct NightInputs {
  std::string source;  // "--logs DIR" folder or History Server URL
  int apps_new = 0;    // applications analyzed for the first time tonight
  int apps_known = 0;  // applications already in the store, skipped
  std::vector<UnreadableLog> unreadable;
};

// One Spark setting.
struct ConfigSetting {
  std::string key;    // "spark.executor.memory"
  std::string value;  // "6g"
};

// One change of the unified cluster configuration.
struct ConfigChange {
  std::string key;
  std::string current;   // value in force today ("" = unset, Spark default)
  std::string proposed;  // recommended value
  std::string why;       // one sentence: the evidence behind the change
};

// The fleet-wide spark-defaults.conf proposal.
struct ClusterProposal {
  std::vector<ConfigChange> changes;  // empty: no change proposed tonight
  int jobs_considered = 0;            // applications the proposal was fitted on
  Estimate saving_mb_seconds;         // predicted saving per night, fleet-wide
  Estimate saving_core_seconds;       // predicted saving per night, fleet-wide
  std::string spark_defaults;         // the spark-defaults.conf text to paste
  // Why nothing is proposed, when known: "keep current settings: predicted
  // saving 0.3% (-2.1% to 2.8%), is below the 2% minimum gain".
  std::string decision;
};

// Settings one job should keep on top of the unified configuration. The
// renderers leave out an override with no settings (nothing to paste).
struct JobOverride {
  std::string job;     // job name as in JobReport::name
  std::string app_id;  // the application it was derived from
  std::vector<ConfigSetting> settings;
  Estimate gain_percent;  // predicted MB-seconds saved vs the unified config, %
};

// Duration and MB-seconds of one run, observed or predicted.
struct RunFigures {
  Estimate duration_ms;
  Estimate mb_seconds;
};

// The rewrite of one job's configuration, ready to paste.
struct Rewrite {
  std::vector<ConfigSetting> settings;  // the changed settings only
  std::string submit_args;              // "--conf k=v ..." for spark-submit, shell-quoted
  std::string defaults_fragment;        // spark-defaults.conf lines
};

// One executor's life, for the executor timeline.
struct ExecutorSpan {
  std::string id;  // "1", "driver"
  std::string host;
  int cores = 0;
  int64_t memory_mib = 0;      // container size (heap + overhead + off-heap)
  int64_t start_ms = 0;        // since application start
  int64_t end_ms = 0;          // since application start
  std::string removed_reason;  // ExecutorRemoved reason, "" if still alive at the end
};

// One stage attempt, for the Gantt chart and the skew/spill/GC charts.
struct StageSpan {
  int stage_id = 0;
  int attempt = 0;
  std::string name;      // "save at Job.scala:42" (untrusted)
  int64_t start_ms = 0;  // since application start
  int64_t end_ms = 0;    // since application start
  int tasks = 0;
  int64_t task_time_ms = 0;  // sum of task run times
  int64_t spill_bytes = 0;   // disk bytes spilled (TaskMetrics.diskBytesSpilled summed)
  int64_t gc_ms = 0;         // sum of task JVM GC time
  double skew_ratio = 0;     // max / median task duration; 0 = unknown
  bool failed = false;
};

// One SQL execution of the job, longest first.
struct SqlSummary {
  int64_t execution_id = 0;
  std::string description;  // the SQL text or call site (untrusted)
  int64_t duration_ms = 0;
};

// One piece of advice for a job.
struct AdviceItem {
  std::string title;           // "Executors idle 40% of their lifetime"
  std::string evidence;        // what in the log shows it
  Estimate saving_mb_seconds;  // predicted saving if followed; 0 = not quantified
};

// Everything about one job (one application run tonight).
struct JobReport {
  std::string name;  // spark.app.name (untrusted)
  std::string app_id;
  std::string user;
  std::string spark_version;
  std::string log_path;
  RunFigures observed;  // from the log (exact estimates)
  double observed_core_seconds = 0;
  std::optional<RunFigures> baseline;  // replay at the observed config; absent if failed or refused
  std::optional<RunFigures> recommended;  // replay at the rewrite; absent if nothing is recommended
  // How far the replay can be trusted (simulator/workload/replay_fidelity.h):
  // "ok", "low-confidence" or "refused", with one plain sentence per reason.
  // A refused job carries no baseline, recommendation, saving or rewrite.
  std::string replay_confidence = "ok";
  std::vector<std::string> replay_confidence_reasons;
  double waste_mb_seconds = 0;  // MB-seconds of executors holding memory while running no task
  Estimate saving_mb_seconds;   // predicted saving per run of the rewrite (baseline - recommended)
  std::vector<std::string> evidence_used;     // "task metrics of 1,204 tasks"
  std::vector<std::string> evidence_missing;  // "peak execution memory (Spark < 3.0)"
  Rewrite rewrite;
  std::vector<ExecutorSpan> executors;
  std::vector<StageSpan> stages;
  std::vector<SqlSummary> sql;
  std::vector<AdviceItem> advice;
};

// A job that adopted a recommendation: what was predicted vs what happened.
struct AccuracyPoint {
  std::string job;
  std::string night;  // "YYYY-MM-DD" of the run that measured `actual`
  RunFigures predicted;
  double actual_duration_ms = 0;
  double actual_mb_seconds = 0;
};

struct NightlyReport {
  int64_t night_id = 0;      // the store's id of this night
  std::string night;         // "YYYY-MM-DD"
  std::string generated_at;  // ISO 8601 UTC, "2026-11-22T03:00:00Z"
  std::string tool_version;
  Prices prices;
  NightInputs inputs;
  FleetTotals totals;  // tonight
  std::vector<FleetTotals>
      history;  // earlier nights, oldest first (an entry for tonight is ignored)
  ClusterProposal proposal;
  std::vector<JobOverride> overrides;
  std::vector<JobReport> jobs;          // every application analyzed tonight
  std::vector<AccuracyPoint> accuracy;  // oldest first
};

// Derived views, shared by every renderer so they agree.

// The trend series: `history` without any entry for tonight's night, then
// tonight's totals last.
std::vector<FleetTotals> TrendSeries(const NightlyReport& report);

// Indices into report.jobs of the `n` jobs with the largest waste (resp.
// predicted saving), largest first, ties in the given order; jobs with no
// waste (no positive saving) are left out.
std::vector<size_t> TopJobsByWaste(const NightlyReport& report, size_t n);
std::vector<size_t> TopJobsBySaving(const NightlyReport& report, size_t n);

}  // namespace sparktune::reports
