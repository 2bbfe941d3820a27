#include "reports/profile/profile_report.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "data/base/stats.h"
#include "data/base/unit_format.h"

namespace sparktune::reports {

using nlohmann::ordered_json;

namespace {

ordered_json MetricsJson(ordered_json j, const model::TaskMetrics& m) {
  j["executorDeserializeTime"] = m.executor_deserialize_time;
  j["executorDeserializeCpuTime"] = m.executor_deserialize_cpu_time_ns;
  j["executorRunTime"] = m.executor_run_time;
  j["executorCpuTime"] = m.executor_cpu_time_ns;
  j["resultSize"] = m.result_size;
  j["jvmGcTime"] = m.jvm_gc_time;
  j["resultSerializationTime"] = m.result_serialization_time;
  j["memoryBytesSpilled"] = m.memory_bytes_spilled;
  j["diskBytesSpilled"] = m.disk_bytes_spilled;
  j["peakExecutionMemory"] = m.peak_execution_memory;
  j["inputBytes"] = m.input_bytes;
  j["inputRecords"] = m.input_records;
  j["outputBytes"] = m.output_bytes;
  j["outputRecords"] = m.output_records;
  j["shuffleRemoteBlocksFetched"] = m.shuffle_remote_blocks_fetched;
  j["shuffleLocalBlocksFetched"] = m.shuffle_local_blocks_fetched;
  j["shuffleFetchWaitTime"] = m.shuffle_fetch_wait_time;
  j["shuffleRemoteBytesRead"] = m.shuffle_remote_bytes_read;
  j["shuffleRemoteBytesReadToDisk"] = m.shuffle_remote_bytes_read_to_disk;
  j["shuffleLocalBytesRead"] = m.shuffle_local_bytes_read;
  j["shuffleReadBytes"] = m.shuffle_read_bytes();
  j["shuffleReadRecords"] = m.shuffle_records_read;
  j["shuffleWriteBytes"] = m.shuffle_bytes_written;
  j["shuffleWriteTime"] = m.shuffle_write_time_ns;
  j["shuffleWriteRecords"] = m.shuffle_records_written;
  return j;
}

// Task-time statistics of a stage attempt over its successful tasks.
struct StageTaskStats {
  int64_t max_ms = 0;
  int64_t median_ms = 0;
  double skew = 0;  // max / median task duration
};

StageTaskStats TaskStats(const model::Application& app, const model::StageAttempt& s) {
  std::vector<int64_t> d;
  for (uint32_t t : s.tasks) {
    const model::Task& task = app.tasks[t];
    if (task.status == model::TaskStatus::kSuccess) d.push_back(task.duration());
  }
  StageTaskStats st;
  if (d.empty()) return st;
  st.max_ms = *std::max_element(d.begin(), d.end());
  st.median_ms = stats::Median(std::move(d));
  st.skew =
      st.median_ms > 0 ? static_cast<double>(st.max_ms) / static_cast<double>(st.median_ms) : 0;
  return st;
}

std::vector<std::string> MissingEvidence(const eventlog::LoadedLog& log) {
  const model::Application& app = log.app;
  const model::Evidence& e = app.evidence;
  std::vector<std::string> missing;
  if (!e.has_log_start)
    missing.push_back("no SparkListenerLogStart: Spark version unknown (pre-1.3 log)");
  if (!e.has_app_end)
    missing.push_back(
        "no ApplicationEnd: the app had not finished or the log is cut; duration is a lower bound");
  if (!e.has_environment)
    missing.push_back("no EnvironmentUpdate: config in force unknown, defaults assumed");
  if (!app.tasks.empty() && !e.has_peak_execution_memory)
    missing.push_back(
        "no Peak Execution Memory in task metrics (logged from Spark 3.0): memory footprint "
        "inferred from spill only");
  if (!app.tasks.empty() && !e.has_executor_cpu_time)
    missing.push_back("no Executor CPU Time (logged from Spark 2.1)");
  if (e.compacted) missing.push_back("compacted rolling log: finished jobs' events were dropped");
  if (e.in_progress) missing.push_back("log still in progress or truncated: newest events missing");
  bool any_executor_added = false;
  for (const auto& x : app.executors) any_executor_added |= x.seen_executor_added;
  if (!any_executor_added)
    missing.push_back("no ExecutorAdded: local mode or executors not logged");
  return missing;
}

// jobs[]: JobData.
ordered_json JobsJson(const model::Application& app) {
  ordered_json jobs = ordered_json::array();
  for (const model::Job& job : app.jobs) {
    ordered_json x;
    x["jobId"] = job.job_id;
    x["name"] = job.name;
    if (!job.description.empty()) x["description"] = job.description;
    if (job.submission_time >= 0) x["submissionTime"] = job.submission_time;
    if (job.completion_time >= 0) x["completionTime"] = job.completion_time;
    x["stageIds"] = job.stage_ids;
    if (!job.job_group.empty()) x["jobGroup"] = job.job_group;
    if (job.sql_execution_id) x["sqlExecutionId"] = *job.sql_execution_id;
    x["status"] = model::JobStatusName(job.status);
    x["numTasks"] = job.num_tasks;
    x["numActiveTasks"] = job.active_tasks;
    x["numCompletedTasks"] = job.completed_tasks;
    x["numSkippedTasks"] = job.skipped_tasks;
    x["numFailedTasks"] = job.failed_tasks;
    x["numKilledTasks"] = job.killed_tasks;
    x["numCompletedStages"] = job.completed_stages.size();
    x["numSkippedStages"] = job.skipped_stages.size();
    x["numFailedStages"] = job.failed_stages;
    jobs.push_back(std::move(x));
  }
  return jobs;
}

// stages[]: StageData, one per attempt, with task-time statistics.
ordered_json StagesJson(const model::Application& app) {
  ordered_json stages = ordered_json::array();
  for (const model::StageAttempt& s : app.stages) {
    ordered_json x;
    x["status"] = model::StageStatusName(s.status);
    x["stageId"] = s.stage_id;
    x["attemptId"] = s.attempt_id;
    x["numTasks"] = s.num_tasks;
    x["numActiveTasks"] = std::max<int64_t>(0, s.active_tasks);
    x["numCompleteTasks"] = s.complete_tasks;
    x["numFailedTasks"] = s.failed_tasks;
    x["numKilledTasks"] = s.killed_tasks;
    if (s.submission_time >= 0) x["submissionTime"] = s.submission_time;
    if (s.first_task_launched_time >= 0) x["firstTaskLaunchedTime"] = s.first_task_launched_time;
    if (s.completion_time >= 0) x["completionTime"] = s.completion_time;
    if (!s.failure_reason.empty()) x["failureReason"] = s.failure_reason;
    x = MetricsJson(std::move(x), s.totals);
    x["name"] = s.name;
    x["parentIds"] = s.parent_ids;
    x["jobIds"] = s.job_ids;
    StageTaskStats st = TaskStats(app, s);
    x["taskTimeMaxMs"] = st.max_ms;
    x["taskTimeMedianMs"] = st.median_ms;
    x["skew"] = st.skew;
    stages.push_back(std::move(x));
  }
  return stages;
}

// executors[]: ExecutorSummary, every executor with isActive.
ordered_json ExecutorsJson(const model::Application& app) {
  ordered_json executors = ordered_json::array();
  for (const model::Executor& e : app.executors) {
    ordered_json x;
    x["id"] = e.id;
    x["hostPort"] = e.host;
    x["isActive"] = e.remove_time < 0;
    x["totalCores"] = e.total_cores;
    x["maxTasks"] = e.total_cores;
    x["activeTasks"] = std::max<int64_t>(0, e.active_tasks);
    x["failedTasks"] = e.failed_tasks;
    x["completedTasks"] = e.completed_tasks;
    x["totalTasks"] = e.total_tasks;
    // AppStatusStore.replaceExec (Spark 3.1+): the driver's totalDuration is
    // the application's duration and its totalGCTime the peak TotalGCTime
    // executor metric (0 when none was logged: its peak metrics always exist).
    bool driver = e.id == "driver";
    x["totalDuration"] = driver && app.start_time >= 0 ? app.duration_ms() : e.total_duration;
    x["totalGCTime"] = driver ? std::max<int64_t>(0, e.peak_total_gc_time) : e.total_gc_time;
    x["totalInputBytes"] = e.total_input_bytes;
    x["totalShuffleRead"] = e.total_shuffle_read;
    x["totalShuffleWrite"] = e.total_shuffle_write;
    x["maxMemory"] = e.max_memory;
    if (e.add_time >= 0) x["addTime"] = e.add_time;
    if (e.remove_time >= 0) {
      x["removeTime"] = e.remove_time;
      x["removeReason"] = e.remove_reason;
    }
    x["resourceProfileId"] = e.resource_profile_id;
    executors.push_back(std::move(x));
  }
  return executors;
}

// sql[]: each SQL execution with the AQE decisions observed.
ordered_json SqlJson(const ProfileInput& in) {
  const model::Application& app = in.log->app;
  ordered_json sqls = ordered_json::array();
  for (const auto& [id, obs] : in.aqe) {
    const model::SqlExecution& sql = app.sql_executions.at(id);
    ordered_json x;
    x["id"] = id;
    x["description"] = sql.description;
    if (sql.start_time >= 0) x["submissionTime"] = sql.start_time;
    if (sql.start_time >= 0 && sql.end_time >= sql.start_time)
      x["duration"] = sql.end_time - sql.start_time;
    x["jobIds"] = sql.job_ids;
    x["adaptive"] = obs.adaptive;
    x["aqePlanUpdates"] = obs.plan_updates;
    ordered_json reads = ordered_json::array();
    for (const auto& r : obs.shuffle_reads) {
      ordered_json rr;
      rr["kind"] = r.kind;
      rr["partitions"] = r.partitions;
      if (r.coalesced >= 0) rr["coalescedPartitions"] = r.coalesced;
      if (r.skewed_partitions >= 0) rr["skewedPartitions"] = r.skewed_partitions;
      if (r.skew_splits >= 0) rr["skewedPartitionSplits"] = r.skew_splits;
      reads.push_back(std::move(rr));
    }
    x["shuffleReads"] = std::move(reads);
    x["skewJoinSplits"] = obs.skew_join_splits;
    x["skewJoins"] = obs.skew_joins;
    x["initialJoins"] = obs.initial_joins;
    x["finalJoins"] = obs.final_joins;
    ordered_json changes = ordered_json::array();
    for (const auto& ch : obs.join_changes) changes.push_back({{"from", ch.from}, {"to", ch.to}});
    x["joinStrategyChanges"] = std::move(changes);
    // Broadcast exchanges: what the driver spent collecting, building and shipping each one.
    ordered_json broadcasts = ordered_json::array();
    for (const model::BroadcastObservation& b : obs.broadcasts) {
      ordered_json bj;
      bj["node"] = b.node;
      if (b.data_size >= 0) bj["dataSize"] = b.data_size;
      if (b.rows >= 0) bj["rows"] = b.rows;
      if (b.collect_ms >= 0) bj["collectMs"] = b.collect_ms;
      if (b.build_ms >= 0) bj["buildMs"] = b.build_ms;
      if (b.broadcast_ms >= 0) bj["broadcastMs"] = b.broadcast_ms;
      broadcasts.push_back(std::move(bj));
    }
    x["broadcasts"] = std::move(broadcasts);
    sqls.push_back(std::move(x));
  }
  return sqls;
}

}  // namespace

namespace {

ordered_json EngineJson(const ProfileEngine& e) {
  ordered_json j;
  j["variant"] = e.variant;
  j["shuffleManager"] = e.shuffle_manager;
  j["shuffleKind"] = e.shuffle_kind;
  j["nativeEngine"] = e.native_engine;
  j["nativePluginConfigured"] = e.native_plugin_configured;
  j["nativeDisabledByConfig"] = e.native_disabled_by_config;
  j["planNodes"] = e.plan_nodes;
  j["nativePlanNodes"] = e.native_plan_nodes;
  j["nativeNodeExamples"] = e.native_node_examples;
  j["notes"] = e.notes;
  return j;
}

}  // namespace

ordered_json ProfileJson(const ProfileInput& in) {
  const eventlog::LoadedLog& log = *in.log;
  const std::string& path = in.path;
  const model::Application& app = log.app;
  ordered_json j;
  j["schema"] = "sparktune.profile/1";
  j["path"] = path;
  j["appId"] = app.app_id;
  if (!app.attempt_id.empty()) j["attemptId"] = app.attempt_id;
  j["name"] = app.name;
  j["sparkUser"] = app.user;
  j["sparkVersion"] = app.spark_version.text;
  j["startTime"] = app.start_time;
  if (app.end_time >= 0) j["endTime"] = app.end_time;
  j["duration"] = app.duration_ms();
  j["completed"] = app.evidence.has_app_end && !app.evidence.in_progress;

  const ProfileCost& cost = in.cost;
  ordered_json c;
  c["mbSeconds"] = cost.mb_seconds;
  c["coreSeconds"] = cost.core_seconds;
  c["executorMbSeconds"] = cost.executor_mb_seconds;
  c["driverMbSeconds"] = cost.driver_mb_seconds;
  c["clusterManager"] = cost.cluster_manager;
  c["containerStepMib"] = cost.container_step_mib;
  c["executorContainerMib"] = cost.executor_container_mib;
  c["executorHeapMib"] = cost.executor_heap_mib;
  c["executorOverheadMib"] = cost.executor_overhead_mib;
  c["driverContainerMib"] = cost.driver_container_mib;
  c["durationIsLowerBound"] = cost.end_is_lower_bound;
  j["cost"] = c;
  j["engine"] = EngineJson(in.engine);

  j["jobs"] = JobsJson(app);

  j["stages"] = StagesJson(app);

  j["executors"] = ExecutorsJson(app);

  j["sql"] = SqlJson(in);

  ordered_json ev;
  ev["missing"] = MissingEvidence(log);
  ev["malformedLines"] = app.evidence.malformed_lines;
  ev["unknownEvents"] = app.evidence.unknown_events;
  ev["unknownEventNames"] = app.evidence.unknown_event_names;
  ev["tasks"] = app.tasks.size();
  ev["bytesDecoded"] = log.bytes_decoded;
  j["evidence"] = std::move(ev);
  ordered_json warnings = ordered_json::array();
  for (const auto& w : log.warnings) warnings.push_back(w.ToString());
  j["warnings"] = std::move(warnings);
  j["warningCount"] = log.warning_count;
  return j;
}

namespace {

std::string Human(double bytes) {
  static constexpr units::ByteFormat kProfileBytes{
      .last_unit = 4, .precision = units::Precision::kOneDecimal, .whole_in_first_unit = true};
  return units::FormatBytes(bytes, kProfileBytes);
}

std::string Seconds(int64_t ms) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f s", static_cast<double>(ms) / 1000.0);
  return buf;
}

// Control characters in log strings are shown escaped, never sent to the terminal.
std::string TerminalSafe(const std::string& s, size_t max = 60) {
  std::string out;
  for (unsigned char c : s) {
    if (out.size() >= max) {
      out += "...";
      break;
    }
    if (c < 0x20 || c == 0x7f)
      out += "?";
    else
      out.push_back(static_cast<char>(c));
  }
  return out;
}

}  // namespace

namespace {

// "native+remote-shuffle (shuffle: celeborn; gluten: 40 of 52 plan nodes native)".
std::string EngineLine(const ProfileEngine& e) {
  std::string line = e.variant + " (shuffle: " + e.shuffle_kind;
  if (e.shuffle_kind == "unknown") line += " " + TerminalSafe(e.shuffle_manager);
  if (!e.native_engine.empty() || e.native_plugin_configured) {
    line += "; " + (e.native_engine.empty() ? std::string("native plugin") : e.native_engine);
    if (e.native_disabled_by_config) line += " disabled by config";
    line += ": " + std::to_string(e.native_plan_nodes) + " of " + std::to_string(e.plan_nodes) +
            " plan nodes native";
  }
  return line + ")";
}

}  // namespace

std::string ProfileText(const ProfileInput& in, bool color) {
  const eventlog::LoadedLog& log = *in.log;
  const std::string& path = in.path;
  const model::Application& app = log.app;
  const ProfileCost& cost = in.cost;
  std::ostringstream o;
  auto bold = [&](const std::string& s) { return color ? "\033[1m" + s + "\033[0m" : s; };
  o << bold("== " + TerminalSafe(app.name) + " (" + TerminalSafe(app.app_id) + ")") << "\n";
  auto row = [&](const std::string& k, const std::string& v) {
    o << "  " << k << std::string(k.size() < 16 ? 16 - k.size() : 1, ' ') << v << "\n";
  };
  row("log", TerminalSafe(path, 120));
  row("spark", app.spark_version.text.empty() ? "unknown" : TerminalSafe(app.spark_version.text));
  row("duration", Seconds(app.duration_ms()) + (cost.end_is_lower_bound ? " (lower bound)" : ""));
  int live_execs = 0;
  int64_t cores = 0;
  for (const auto& e : app.executors) {
    if (e.seen_executor_added && !e.is_driver()) {
      ++live_execs;
      cores += e.total_cores;
    }
  }
  row("executors", std::to_string(live_execs) + " (" + std::to_string(cores) +
                       " cores), container " + std::to_string(cost.executor_container_mib) +
                       " MiB on " + cost.cluster_manager);
  char buf[128];
  std::snprintf(buf, sizeof buf, "%.0f MB-s (executors %.0f, driver %.0f), %.0f core-s",
                cost.mb_seconds, cost.executor_mb_seconds, cost.driver_mb_seconds,
                cost.core_seconds);
  row("cost", buf);
  row("engine", EngineLine(in.engine));
  for (const std::string& note : in.engine.notes) row("", "note: " + TerminalSafe(note, 200));
  int failed_jobs = 0;
  for (const auto& jb : app.jobs) failed_jobs += jb.status == model::JobStatus::kFailed;
  row("jobs", std::to_string(app.jobs.size()) + " (" + std::to_string(failed_jobs) + " failed), " +
                  std::to_string(app.stages.size()) + " stage attempts, " +
                  std::to_string(app.tasks.size()) + " tasks");
  model::TaskMetrics total;
  for (const auto& s : app.stages) total.Add(s.totals);
  double gc_share = total.executor_run_time > 0 ? 100.0 * static_cast<double>(total.jvm_gc_time) /
                                                      static_cast<double>(total.executor_run_time)
                                                : 0;
  std::snprintf(buf, sizeof buf, "%.1f%% of task run time", gc_share);
  row("gc", buf);
  row("spill", Human(static_cast<double>(total.memory_bytes_spilled)) + " memory, " +
                   Human(static_cast<double>(total.disk_bytes_spilled)) + " disk");
  row("shuffle", Human(static_cast<double>(total.shuffle_bytes_written)) + " written, " +
                     Human(static_cast<double>(total.shuffle_read_bytes())) + " read");

  // Slowest stages.
  std::vector<const model::StageAttempt*> order;
  for (const auto& s : app.stages) order.push_back(&s);
  auto span = [](const model::StageAttempt* s) {
    return s->submission_time >= 0 && s->completion_time >= s->submission_time
               ? s->completion_time - s->submission_time
               : 0;
  };
  std::sort(order.begin(), order.end(), [&](auto* a, auto* b) { return span(a) > span(b); });
  if (!order.empty()) {
    o << "  slowest stages:\n";
    o << "    stage  tasks   time      skew   spill(disk)  gc%   name\n";
    for (size_t i = 0; i < order.size() && i < 5; ++i) {
      const model::StageAttempt* s = order[i];
      StageTaskStats st = TaskStats(app, *s);
      double g = s->totals.executor_run_time > 0
                     ? 100.0 * static_cast<double>(s->totals.jvm_gc_time) /
                           static_cast<double>(s->totals.executor_run_time)
                     : 0;
      std::snprintf(buf, sizeof buf, "    %5d.%d %6d %9s %5.1fx %11s %5.1f  ", s->stage_id,
                    s->attempt_id, s->num_tasks, Seconds(span(s)).c_str(), st.skew,
                    Human(static_cast<double>(s->totals.disk_bytes_spilled)).c_str(), g);
      o << buf << TerminalSafe(s->name, 50) << "\n";
    }
  }
  // AQE decisions.
  int coalesced = 0, local = 0;
  int64_t splits = 0;
  int changes = 0;
  for (const auto& [id, obs] : in.aqe) {
    for (const auto& r : obs.shuffle_reads) {
      if (r.kind.find("coalesced") != std::string::npos) ++coalesced;
      if (r.kind.find("local") != std::string::npos) ++local;
    }
    splits += obs.skew_join_splits;
    changes += static_cast<int>(obs.join_changes.size());
  }
  if (!app.sql_executions.empty()) {
    row("sql", std::to_string(app.sql_executions.size()) +
                   " executions; AQE: " + std::to_string(coalesced) + " coalesced reads, " +
                   std::to_string(splits) + " skew-join splits, " + std::to_string(local) +
                   " local reads, " + std::to_string(changes) + " join strategy changes");
  }
  std::vector<std::string> missing = MissingEvidence(log);
  if (!missing.empty()) {
    o << "  evidence missing:\n";
    for (const auto& m : missing) o << "    - " << m << "\n";
  }
  if (log.warning_count > 0) {
    o << "  warnings: " << log.warning_count
      << " (first: " << TerminalSafe(log.warnings.front().ToString(), 200) << ")\n";
  }
  return o.str();
}

}  // namespace sparktune::reports
