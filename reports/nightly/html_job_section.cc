#include "reports/nightly/html_job_section.h"

#include <algorithm>
#include <cmath>

#include "reports/nightly/html_escape.h"
#include "reports/nightly/nightly_charts.h"
#include "reports/nightly/report_format.h"
#include "reports/nightly/svg_canvas.h"

namespace sparktune::reports {
namespace {

// Replay errors (|predicted - observed| / observed) up to 20% are shown as
// good, up to 50% as a warning, above as bad.
constexpr double kReplayErrorGoodPercent = 20;
constexpr double kReplayErrorWarnPercent = 50;
// SQL executions listed per job, and characters shown of each.
constexpr size_t kMaxSqlShown = 5;
constexpr size_t kMaxSqlChars = 4000;

std::string E(std::string_view s) { return HtmlEscape(s); }

std::string Mb(double v) { return FormatMbSeconds(v); }
std::string Ms(double v) { return FormatDurationMs(v); }

std::string Chart(const std::string& title, const std::string& svg, const std::string& empty_text,
                  const std::string& note = "") {
  std::string out = "<div class=\"chart-box\"><p class=\"chart-title\">" + E(title) + "</p>";
  out += svg.empty() ? "<p class=\"empty\">" + E(empty_text) + "</p>" : svg;
  if (!note.empty()) out += "<p class=\"note\">" + E(note) + "</p>";
  return out + "</div>";
}

std::string FiguresRow(const std::string& label, const RunFigures& f, const RunFigures* reference) {
  std::string row = "<tr><td>" + E(label) + "</td><td class=\"num\">" +
                    E(FormatEstimate(f.duration_ms, Ms)) + "</td><td class=\"num\">" +
                    E(FormatEstimate(f.mb_seconds, Mb)) + "</td><td class=\"num\">";
  if (reference != nullptr) {
    double d = ErrorPercent(f.mb_seconds.value, reference->mb_seconds.value);
    if (std::isfinite(d)) {
      row += std::string("<span class=\"") + (d < 0 ? "down" : (d > 0 ? "up" : "muted")) + "\">" +
             (d < 0 ? "▼ " : (d > 0 ? "▲ " : "")) + E(FormatPercent(d, true)) + "</span>";
    }
  }
  return row + "</td></tr>";
}

std::string FiguresTable(const JobReport& job) {
  std::string out =
      "<table class=\"tbl\"><thead><tr><th></th><th class=\"num\">Duration</th><th "
      "class=\"num\">Memory cost</th>"
      "<th class=\"num\">vs replay</th></tr></thead><tbody>";
  out += FiguresRow("Observed (event log)", job.observed, nullptr);
  if (job.baseline) {
    out += FiguresRow("Predicted at the observed config (replay)", *job.baseline, nullptr);
  } else {
    out +=
        "<tr><td>Predicted at the observed config (replay)</td><td colspan=\"3\" "
        "class=\"muted\">replay failed: "
        "no prediction</td></tr>";
  }
  if (job.recommended) {
    out += FiguresRow("Predicted with the rewrite", *job.recommended,
                      job.baseline ? &*job.baseline : nullptr);
  } else {
    out +=
        "<tr><td>Predicted with the rewrite</td><td colspan=\"3\" class=\"muted\">no rewrite "
        "recommended</td></tr>";
  }
  return out + "</tbody></table>";
}

std::string EvidenceLists(const JobReport& job) {
  if (job.evidence_used.empty() && job.evidence_missing.empty()) return "";
  std::string out = "<div class=\"grid2\"><div><h4>Evidence used</h4>";
  if (job.evidence_used.empty()) {
    out += "<p class=\"empty\">none recorded</p>";
  } else {
    out += "<ul class=\"evidence used\">";
    for (const std::string& e : job.evidence_used) out += "<li>" + E(e) + "</li>";
    out += "</ul>";
  }
  out += "</div><div><h4>Evidence missing</h4>";
  if (job.evidence_missing.empty()) {
    out += "<p class=\"empty\">nothing missing</p>";
  } else {
    out += "<ul class=\"evidence missing\">";
    for (const std::string& e : job.evidence_missing) out += "<li>" + E(e) + "</li>";
    out += "</ul>";
  }
  return out + "</div></div>";
}

std::string AdviceBlock(const JobReport& job, const Prices& prices) {
  if (job.advice.empty()) return "";
  std::string out = "<h4>Advice</h4>";
  for (const AdviceItem& a : job.advice) {
    out += "<div class=\"advice\"><div class=\"title\">" + E(a.title) + "</div>";
    if (!a.evidence.empty()) out += "<div class=\"ev\">" + E(a.evidence) + "</div>";
    if (a.saving_mb_seconds.value > 0) {
      std::string save = "saves " + FormatEstimate(a.saving_mb_seconds, Mb) + " per run";
      if (prices.configured()) {
        save += " (≈ " +
                FormatMoney(CostOf(a.saving_mb_seconds.value, 0, prices), prices.currency) + ")";
      }
      out += "<div class=\"save\">" + E(save) + "</div>";
    }
    out += "</div>";
  }
  return out;
}

std::string RewriteBlock(const JobReport& job) {
  const Rewrite& r = job.rewrite;
  if (r.settings.empty() && r.submit_args.empty() && r.defaults_fragment.empty()) return "";
  std::string out = "<h4>Rewrite to paste</h4>";
  if (!r.settings.empty()) {
    out += "<table class=\"tbl compact\"><thead><tr><th>Key</th><th>Value</th></tr></thead><tbody>";
    for (const ConfigSetting& s : r.settings) {
      out +=
          "<tr><td><code>" + E(s.key) + "</code></td><td><code>" + E(s.value) + "</code></td></tr>";
    }
    out += "</tbody></table>";
  }
  out += "<div class=\"grid2\">";
  if (!r.submit_args.empty()) {
    out += "<div><p class=\"chart-title\">spark-submit</p><pre class=\"code\">" + E(r.submit_args) +
           "</pre></div>";
  }
  if (!r.defaults_fragment.empty()) {
    out += "<div><p class=\"chart-title\">spark-defaults.conf</p><pre class=\"code\">" +
           E(r.defaults_fragment) + "</pre></div>";
  }
  return out + "</div>";
}

std::string SqlBlock(const JobReport& job) {
  if (job.sql.empty()) return "";
  std::vector<const SqlSummary*> sql;
  for (const SqlSummary& s : job.sql) sql.push_back(&s);
  std::stable_sort(sql.begin(), sql.end(), [](const SqlSummary* a, const SqlSummary* b) {
    return a->duration_ms > b->duration_ms;
  });
  std::string out = "<details class=\"sql\"><summary>Longest SQL executions (" +
                    std::to_string(std::min(sql.size(), kMaxSqlShown)) + " of " +
                    std::to_string(sql.size()) + ")</summary>";
  for (size_t i = 0; i < sql.size() && i < kMaxSqlShown; ++i) {
    out += "<p class=\"note\">execution " + std::to_string(sql[i]->execution_id) + " · " +
           E(Ms(static_cast<double>(sql[i]->duration_ms))) + "</p><pre class=\"code\">" +
           E(Ellipsize(sql[i]->description, kMaxSqlChars)) + "</pre>";
  }
  return out + "</details>";
}

}  // namespace

std::string JobAnchor(size_t index) { return "job-" + std::to_string(index + 1); }

std::string ReplayErrorBadge(const JobReport& job) {
  if (!job.baseline) return "";
  double mb = ErrorPercent(job.baseline->mb_seconds.value, job.observed.mb_seconds.value);
  double time = ErrorPercent(job.baseline->duration_ms.value, job.observed.duration_ms.value);
  double worst =
      std::max(std::isfinite(mb) ? std::fabs(mb) : 0, std::isfinite(time) ? std::fabs(time) : 0);
  const char* css = worst <= kReplayErrorGoodPercent
                        ? "good"
                        : (worst <= kReplayErrorWarnPercent ? "warn" : "bad");
  return std::string("<span class=\"badge ") + css +
         "\" title=\"replay at the observed config vs the event log\">replay error: memory " +
         E(FormatPercent(mb, true)) + ", time " + E(FormatPercent(time, true)) + "</span>";
}

std::string ReplayConfidenceBadge(const JobReport& job) {
  if (job.replay_confidence == "ok") return "";
  std::string reasons;
  for (const std::string& r : job.replay_confidence_reasons)
    reasons += (reasons.empty() ? "" : "; ") + r;
  const char* css = job.replay_confidence == "refused" ? "bad" : "warn";
  return std::string("<span class=\"badge ") + css + "\" title=\"" + E(reasons) + "\">replay " +
         E(job.replay_confidence) + "</span>";
}

std::string RenderJobSection(const JobReport& job, size_t index, const Prices& prices) {
  std::string out =
      "<article class=\"card job\" id=\"" + JobAnchor(index) + "\"><div class=\"job-head\"><div>";
  out += "<h3>" + E(job.name.empty() ? job.app_id : job.name) + "</h3><div class=\"job-meta\">";
  out += "<span><code>" + E(job.app_id) + "</code></span>";
  if (!job.user.empty()) out += "<span>user " + E(job.user) + "</span>";
  if (!job.spark_version.empty()) out += "<span>Spark " + E(job.spark_version) + "</span>";
  out += "<span>" + std::to_string(job.executors.size()) + " executors · " +
         std::to_string(job.stages.size()) + " stages</span>";
  out += "</div></div><div class=\"badges\">" + ReplayConfidenceBadge(job) + ReplayErrorBadge(job);
  if (job.saving_mb_seconds.value > 0) {
    out += "<span class=\"badge info\">saves " + E(FormatEstimate(job.saving_mb_seconds, Mb)) +
           " per run</span>";
  }
  out += "</div></div>";
  if (job.replay_confidence != "ok") {
    out += std::string("<p class=\"note\"><strong>Replay ") + E(job.replay_confidence) +
           "</strong>" +
           (job.replay_confidence == "refused" ? ": no prediction is shown for this job."
                                               : ": its predictions are uncertain.") +
           "</p><ul class=\"note\">";
    for (const std::string& r : job.replay_confidence_reasons) out += "<li>" + E(r) + "</li>";
    out += "</ul>";
  }
  out += FiguresTable(job);
  if (!job.log_path.empty())
    out += "<p class=\"note\">log: <code>" + E(job.log_path) + "</code></p>";
  out += EvidenceLists(job);
  out += AdviceBlock(job, prices);
  out += RewriteBlock(job);

  out += "<h4>Executors and stages</h4>";
  std::string hidden_exec;
  if (job.executors.size() > kMaxTimelineRows) {
    hidden_exec = "The first " + std::to_string(kMaxTimelineRows) + " executors by start time of " +
                  std::to_string(job.executors.size()) + " are shown.";
  }
  out += Chart("Executor timeline (since application start)", ExecutorTimelineSvg(job),
               "No executor was recorded in the log.", hidden_exec);
  std::string hidden_stages;
  if (job.stages.size() > kMaxGanttRows) {
    hidden_stages = "The first " + std::to_string(kMaxGanttRows) +
                    " stage attempts by start time of " + std::to_string(job.stages.size()) +
                    " are shown.";
  }
  out +=
      Chart("Stage Gantt chart", StageGanttSvg(job), "No stage was recorded in the log.",
            hidden_stages.empty() ? "Orange: longest task ≥ " + FormatNumber(kSkewHighlightRatio) +
                                        "× the median task; red: failed attempt."
                                  : hidden_stages);
  out += "<div class=\"grid3\">";
  out += Chart("Skew (longest / median task)", SkewChartSvg(job), "No stage has task skew data.");
  out += Chart("Disk spill", SpillChartSvg(job), "No stage spilled to disk.");
  out += Chart("GC share of task time", GcChartSvg(job), "No GC time was recorded.");
  out += "</div>";
  out += SqlBlock(job);
  return out + "</article>";
}

}  // namespace sparktune::reports
