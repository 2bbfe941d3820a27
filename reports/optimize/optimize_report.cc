#include "reports/optimize/optimize_report.h"

#include <cmath>
#include <cstdio>

#include "data/base/text.h"
#include "data/base/units.h"

namespace sparktune::reports {

using nlohmann::ordered_json;

namespace {

using text::OneLine;

ordered_json ConfigJson(const std::map<std::string, std::string>& config) {
  ordered_json j = ordered_json::object();
  for (const auto& [k, v] : config) j[k] = v;
  return j;
}

ordered_json StageJson(const StageDelta& s) {
  return ordered_json{{"stageId", s.stage_id},
                      {"name", s.name},
                      {"baselineTasks", s.base_tasks},
                      {"tasks", s.new_tasks},
                      {"baselineTimeMs", s.base_ms},
                      {"timeMs", s.new_ms},
                      {"baselineTaskTimeMs", s.base_task_ms},
                      {"taskTimeMs", s.new_task_ms},
                      {"baselineSpillBytes", s.base_spill_bytes},
                      {"spillBytes", s.new_spill_bytes},
                      {"why", s.why}};
}

ordered_json RunJson(const OptimizeRun& run) {
  const SimulatedRun& r = run.figures;
  return ordered_json{{"durationMs", r.duration_ms},          {"durationMsLow", r.duration_ms_low},
                      {"durationMsHigh", r.duration_ms_high}, {"mbSeconds", r.mb_seconds},
                      {"mbSecondsLow", r.mb_seconds_low},     {"mbSecondsHigh", r.mb_seconds_high},
                      {"coreSeconds", r.core_seconds},        {"spillBytes", r.spill_bytes},
                      {"outOfMemoryRisk", r.oom_risk},        {"objective", run.objective}};
}

ordered_json ChangeJson(const PercentChange& c) {
  return ordered_json{{"value", c.pct}, {"low", c.pct_low}, {"high", c.pct_high}};
}

std::string Num(double x, const char* fmt = "%.0f") {
  char buf[64];
  std::snprintf(buf, sizeof buf, fmt, x);
  return buf;
}

std::string Pct(double x) { return Num(x, "%+.1f%%"); }

std::string Mib(double bytes) { return Num(bytes / static_cast<double>(units::kMib), "%.0f MiB"); }

std::string ConfigLine(const std::map<std::string, std::string>& c) {
  if (c.empty()) return "(the log's config)";
  std::string s;
  for (const auto& [k, v] : c) s += (s.empty() ? "" : ", ") + k + "=" + OneLine(v);
  return s;
}

// The prices the cost objective used: the price file's, else --price-gb-hour / --price-core-hour.
ordered_json PricesJson(const OptimizeReport& r) {
  if (!r.price_sheet) return {{"perGbHour", r.per_gb_hour}, {"perCoreHour", r.per_core_hour}};
  const prices::PriceSheet& s = *r.price_sheet;
  ordered_json j{{"currency", s.currency}, {"source", s.source}};
  if (s.compute_units) {
    j["perCuHour"] = s.per_cu_hour;
    j["cuVcpus"] = s.cu_vcpus;
    j["cuGb"] = s.cu_gb;
  } else {
    j["perVcpuHour"] = s.per_vcpu_hour;
    j["perGbHour"] = s.per_gb_hour;
  }
  return j;
}

std::string PricesLine(const OptimizeReport& r) {
  if (!r.price_sheet) {
    return Num(r.per_gb_hour, "%g") + " per GB-hour, " + Num(r.per_core_hour, "%g") +
           " per core-hour (--price-gb-hour, --price-core-hour)";
  }
  const prices::PriceSheet& s = *r.price_sheet;
  std::string line = s.compute_units
                         ? Num(s.per_cu_hour, "%g") + " " + OneLine(s.currency) +
                               " per CU-hour (1 CU = " + Num(s.cu_vcpus, "%g") + " vCPU, " +
                               Num(s.cu_gb, "%g") + " GB)"
                         : Num(s.per_vcpu_hour, "%g") + " " + OneLine(s.currency) +
                               " per vCPU-hour, " + Num(s.per_gb_hour, "%g") + " per GB-hour";
  return line + "; source: " + OneLine(s.source);
}

}  // namespace

ordered_json OptimizeJson(const OptimizeReport& r) {
  ordered_json j;
  j["schema"] = "sparktune.optimize/1";
  j["path"] = r.path;
  j["appId"] = r.app_id;
  j["appName"] = r.app_name;
  j["objective"] = r.objective;
  const OptimizeLimits& l = r.limits;
  ordered_json limits{{"coresPerNode", l.cores_per_node},
                      {"largestContainerMib", l.largest_container_mib},
                      {"memoryStepsMib", l.memory_steps_mib},
                      {"maxExecutors", l.max_executors},
                      {"source", l.source}};
  j["constraints"] = {{"maxSlowdownPct", r.max_slowdown_pct < 0 ? ordered_json(nullptr)
                                                                : ordered_json(r.max_slowdown_pct)},
                      {"noOutOfMemoryRisk", true},
                      {"cluster", limits}};
  if (r.priced) j["prices"] = PricesJson(r);
  j["observed"] = {{"durationMs", r.observed_duration_ms},
                   {"mbSeconds", r.observed_mb_seconds},
                   {"coreSeconds", r.observed_core_seconds}};
  j["baseline"] = RunJson(r.baseline);
  ordered_json best = RunJson(r.best);
  best["config"] = ConfigJson(r.best_config);
  best["isObservedConfig"] = r.best_is_baseline;
  if (!r.keep_reason.empty()) best["keepReason"] = r.keep_reason;
  best["feasible"] = r.found_feasible;
  best["slowdownPct"] = r.best_slowdown_pct;
  best["violations"] = r.best_violations;
  if (r.best_candidate >= 0) best["candidateIndex"] = r.best_candidate;
  if (r.best_calibrated) {
    const auto& c = *r.best_calibrated;
    best["calibratedInterval"] = {{"coverage", c.coverage},
                                  {"knobGroup", c.group},
                                  {"durationMsLow", c.duration_low_ms},
                                  {"durationMsHigh", c.duration_high_ms},
                                  {"mbSecondsLow", c.mb_seconds_low},
                                  {"mbSecondsHigh", c.mb_seconds_high}};
  }
  j["best"] = std::move(best);
  j["savings"] = {{"mbSecondsPct", ChangeJson(r.mb_seconds)},
                  {"durationPct", ChangeJson(r.duration)},
                  {"costPct", ChangeJson(r.cost)},
                  {"observedMbSecondsSaved", r.observed_mb_seconds_saved}};
  ordered_json changes = ordered_json::array();
  for (const auto& c : r.changes) {
    ordered_json stages = ordered_json::array();
    for (const auto& s : c.stages) stages.push_back(StageJson(s));
    changes.push_back({{"key", c.key},
                       {"from", c.from},
                       {"to", c.to},
                       {"objectivePctAlone", c.objective_pct_alone},
                       {"durationPctAlone", c.duration_pct_alone},
                       {"stages", std::move(stages)}});
  }
  j["changes"] = std::move(changes);
  ordered_json drivers = ordered_json::array();
  for (const auto& s : r.drivers) drivers.push_back(StageJson(s));
  j["drivers"] = std::move(drivers);
  ordered_json pareto = ordered_json::array();
  for (const auto& p : r.pareto) {
    pareto.push_back({{"config", ConfigJson(p.overrides)},
                      {"durationMs", p.duration_ms},
                      {"mbSeconds", p.mb_seconds},
                      {"slowdownPct", p.slowdown_pct},
                      {"withinSlowdown", p.within_slowdown},
                      {"chosen", p.chosen}});
  }
  j["pareto"] = std::move(pareto);
  j["rewrite"] = {{"submit", r.submit_args}, {"defaults", r.defaults_fragment}};
  ordered_json adv = ordered_json::array();
  for (const PlanAdvice& a : r.advice) {
    ordered_json x{{"id", a.id},
                   {"title", a.title},
                   {"action", a.action},
                   {"evidence", a.evidence},
                   {"stageIds", a.stage_ids},
                   {"config", ConfigJson(a.config)}};
    x["mbSecondsPct"] = a.mb_seconds_pct ? ordered_json(*a.mb_seconds_pct) : ordered_json(nullptr);
    x["durationPct"] = a.duration_pct ? ordered_json(*a.duration_pct) : ordered_json(nullptr);
    x["priced"] = a.priced;
    adv.push_back(std::move(x));
  }
  j["advice"] = std::move(adv);
  j["search"] = {{"strategy", r.strategy},    {"dimensions", r.dimensions},
                 {"spaceSize", r.space_size}, {"simulations", r.simulations},
                 {"cacheHits", r.cache_hits}, {"wallMs", r.wall_ms}};
  j["notes"] = r.notes;
  return j;
}

std::string OptimizeText(const OptimizeReport& r) {
  std::string out;
  auto line = [&](const std::string& s) { out += s + "\n"; };
  line(OneLine(r.path) + "  (" + OneLine(r.app_id) + ", " + OneLine(r.app_name) + ")");
  line("objective " + r.objective + ", max slowdown " +
       (r.max_slowdown_pct < 0 ? std::string("none") : Num(r.max_slowdown_pct) + "%") +
       ", no OOM risk" +
       (r.best_candidate >= 0 || r.strategy == "candidates" ? ", choosing among candidates" : ""));
  if (r.priced) line("  prices: " + PricesLine(r));
  char buf[256];
  std::snprintf(buf, sizeof buf, "  %-14s %14s %14s %14s  %s", "", "observed", "baseline", "best",
                "best interval");
  line(buf);
  std::snprintf(buf, sizeof buf, "  %-14s %14.0f %14.0f %14.0f  %.0f..%.0f", "duration ms",
                r.observed_duration_ms, r.baseline.figures.duration_ms, r.best.figures.duration_ms,
                r.best.figures.duration_ms_low, r.best.figures.duration_ms_high);
  line(buf);
  std::snprintf(buf, sizeof buf, "  %-14s %14.0f %14.0f %14.0f  %.0f..%.0f", "MB-seconds",
                r.observed_mb_seconds, r.baseline.figures.mb_seconds, r.best.figures.mb_seconds,
                r.best.figures.mb_seconds_low, r.best.figures.mb_seconds_high);
  line(buf);
  line(
      "  (baseline: the log's own config replayed by the simulator; changes are predicted against "
      "it)");
  if (r.best_is_baseline && !r.keep_reason.empty()) {
    line("best: keep the log's config: the best change's " + r.keep_reason);
  } else if (r.best_is_baseline) {
    line("best: keep the log's config (no change is predicted to pay at least " +
         Num(r.min_gain_pct, "%.1f") + "% within the constraints)");
  } else {
    line("best: " + ConfigLine(r.best_config));
    line("  MB-seconds " + Pct(r.mb_seconds.pct) + " (" + Pct(r.mb_seconds.pct_low) + " .. " +
         Pct(r.mb_seconds.pct_high) + "), duration " + Pct(r.duration.pct) + " (" +
         Pct(r.duration.pct_low) + " .. " + Pct(r.duration.pct_high) + "), cost " +
         Pct(r.cost.pct));
    line("  on the observed run: about " + Num(r.observed_mb_seconds_saved) + " MB-seconds saved");
    if (r.best_calibrated) {
      const auto& c = *r.best_calibrated;
      line("  calibrated " + Num(100 * c.coverage) + "% interval (" + c.group +
           ", fitted on the ground truth's train split): MB-seconds " + Num(c.mb_seconds_low) +
           ".." + Num(c.mb_seconds_high) + ", duration " + Num(c.duration_low_ms) + ".." +
           Num(c.duration_high_ms) + " ms");
    }
    if (!r.found_feasible)
      line("  NOT FEASIBLE: " + (r.best_violations.empty() ? "" : r.best_violations.front()));
  }
  if (!r.changes.empty()) {
    line("changes (each alone; stages that drive it):");
    for (const auto& c : r.changes) {
      line("  " + c.key + ": " + (c.from.empty() ? "(unset)" : OneLine(c.from)) + " -> " +
           OneLine(c.to) + "  " + r.objective + " " + Pct(c.objective_pct_alone) + ", duration " +
           Pct(c.duration_pct_alone));
      if (c.stages.empty())
        line("    no stage changes: the effect is the containers' size and lifetimes");
      for (const auto& s : c.stages) {
        line("    stage " + std::to_string(s.stage_id) + ": tasks " + std::to_string(s.base_tasks) +
             " -> " + std::to_string(s.new_tasks) + ", task time " + Num(s.base_task_ms) + " -> " +
             Num(s.new_task_ms) + " ms, spill " + Mib(s.base_spill_bytes) + " -> " +
             Mib(s.new_spill_bytes) + (s.why.empty() ? "" : "; " + OneLine(s.why)));
      }
    }
  }
  if (r.pareto.size() > 1) {
    line("Pareto front (runtime vs MB-seconds, configs without OOM risk within cluster limits):");
    size_t shown = 0;
    for (const auto& p : r.pareto) {
      if (shown++ >= 8) {
        line("  ... " + std::to_string(r.pareto.size() - 8) + " more (--json lists all)");
        break;
      }
      std::snprintf(buf, sizeof buf, "  %s %10.0f ms %14.0f MB-s  %+6.1f%%%s  ",
                    p.chosen ? "*" : " ", p.duration_ms, p.mb_seconds, p.slowdown_pct,
                    p.within_slowdown ? "" : " (over slowdown)");
      line(buf + ConfigLine(p.overrides));
    }
  }
  if (!r.best_is_baseline) {
    line("rewrite (spark-submit):");
    line("  " + r.submit_args);
    line("rewrite (spark-defaults.conf):");
    const std::string& frag = r.defaults_fragment;
    size_t pos = 0;
    while (pos < frag.size()) {
      size_t nl = frag.find('\n', pos);
      line("  " + frag.substr(pos, nl - pos));
      pos = nl == std::string::npos ? frag.size() : nl + 1;
    }
  }
  if (!r.advice.empty()) {
    line("plan advice:");
    for (const PlanAdvice& a : r.advice) {
      std::string saving = a.mb_seconds_pct
                               ? " [MB-seconds " + Pct(*a.mb_seconds_pct) + ", duration " +
                                     Pct(a.duration_pct.value_or(0)) + "]"
                               : " [not priced]";
      line("  " + a.id + ": " + OneLine(a.title) + saving);
      for (const auto& e : a.evidence) line("    evidence: " + OneLine(e));
      line("    do: " + OneLine(a.action));
      if (!a.priced.empty()) line("    priced: " + OneLine(a.priced));
    }
  }
  line("search: " + r.strategy + ", " + std::to_string(r.simulations) + " simulations (" +
       std::to_string(r.cache_hits) + " cache hits), " + Num(r.wall_ms) + " ms");
  for (const auto& n : r.notes) line("note: " + OneLine(n));
  return out;
}

}  // namespace sparktune::reports
