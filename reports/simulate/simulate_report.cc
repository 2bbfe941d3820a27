#include "reports/simulate/simulate_report.h"

#include <cstdarg>
#include <cstdio>

namespace sparktune::reports {
namespace {

using nlohmann::ordered_json;

// printf into `out`.
__attribute__((format(printf, 2, 3))) void Appendf(std::string* out, const char* format, ...) {
  va_list args;
  va_start(args, format);
  va_list copy;
  va_copy(copy, args);
  int n = std::vsnprintf(nullptr, 0, format, copy);
  va_end(copy);
  if (n > 0) {
    std::string buf(static_cast<size_t>(n) + 1, '\0');
    std::vsnprintf(buf.data(), buf.size(), format, args);
    buf.pop_back();
    *out += buf;
  }
  va_end(args);
}

}  // namespace

ordered_json SimulateJson(const SimulateReport& r) {
  ordered_json j;
  j["schema"] = "sparktune.simulate/1";
  j["path"] = r.path;
  j["name"] = r.name;
  j["overrides"] = r.overrides;
  j["durationMs"] = r.run.duration_ms;
  j["mbSeconds"] = r.run.mb_seconds;
  j["coreSeconds"] = r.run.core_seconds;
  j["durationMsLow"] = r.run.duration_ms_low;
  j["durationMsHigh"] = r.run.duration_ms_high;
  j["mbSecondsLow"] = r.run.mb_seconds_low;
  j["mbSecondsHigh"] = r.run.mb_seconds_high;
  j["spillBytes"] = r.run.spill_bytes;
  j["gcMs"] = r.run.gc_ms;
  j["outOfMemoryRisk"] = r.run.oom_risk;
  j["tasks"] = r.total_tasks;
  j["notes"] = r.notes;
  ordered_json stages = ordered_json::array();
  for (const SimulatedStage& s : r.stages) {
    ordered_json o;
    o["stage"] = s.stage_id;
    o["query"] = s.query;
    o["name"] = s.name;
    o["tasks"] = s.tasks;
    o["timeMs"] = s.end_ms - s.start_ms;
    o["startMs"] = s.start_ms;
    o["endMs"] = s.end_ms;
    o["taskTimeMs"] = s.task_time_ms;
    o["maxTaskMs"] = s.max_task_ms;
    o["medianTaskMs"] = s.median_task_ms;
    o["inputBytes"] = s.input_bytes;
    o["shuffleReadBytes"] = s.read_bytes;
    o["spillBytes"] = s.spill_bytes;
    o["gcMs"] = s.gc_ms;
    o["joinStrategy"] = s.join_strategy;
    o["why"] = s.why;
    stages.push_back(std::move(o));
  }
  j["stages"] = std::move(stages);
  ordered_json execs = ordered_json::array();
  for (const SimulatedExecutor& e : r.executor_lifetimes) {
    execs.push_back({{"count", r.executors},
                     {"cores", e.cores},
                     {"containerMib", e.container_mib},
                     {"startMs", e.start_ms},
                     {"endMs", e.end_ms}});
  }
  j["executors"] = std::move(execs);
  return j;
}

std::string SimulateText(const SimulateReport& r) {
  std::string out;
  Appendf(&out, "%s (%s)\n", r.name.c_str(), r.path.c_str());
  Appendf(&out, "  duration     %12.0f ms   (%.0f..%.0f)\n", r.run.duration_ms,
          r.run.duration_ms_low, r.run.duration_ms_high);
  Appendf(&out, "  MB-seconds   %12.4g      core-seconds %.4g\n", r.run.mb_seconds,
          r.run.core_seconds);
  Appendf(
      &out,
      "  executors    %d x %d cores, %lld MiB containers; %lld tasks; spill %.3g GB; GC %.0f s%s\n",
      r.executors, r.cores_per_executor,
      static_cast<long long>(
          r.executor_lifetimes.empty() ? 0 : r.executor_lifetimes.front().container_mib),
      static_cast<long long>(r.total_tasks), r.run.spill_bytes / 1e9, r.run.gc_ms / 1000,
      r.run.oom_risk ? "; OUT-OF-MEMORY RISK" : "");
  for (const auto& n : r.notes) Appendf(&out, "  note: %s\n", n.c_str());
  Appendf(&out, "  %-5s %-40s %8s %10s %10s %10s  %s\n", "stage", "name", "tasks", "time ms",
          "max task", "spill GB", "join / why");
  for (const SimulatedStage& s : r.stages) {
    std::string name = s.name.size() > 40 ? s.name.substr(0, 37) + "..." : s.name;
    Appendf(&out, "  %-5d %-40s %8d %10.0f %10.0f %10.3g  %s%s%s\n", s.stage_id, name.c_str(),
            s.tasks, s.end_ms - s.start_ms, s.max_task_ms, s.spill_bytes / 1e9,
            s.join_strategy.c_str(), s.join_strategy.empty() ? "" : "; ", s.why.c_str());
  }
  return out;
}

}  // namespace sparktune::reports
