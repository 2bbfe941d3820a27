#include "reports/nightly/html_report.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <vector>

#include "reports/nightly/html_escape.h"
#include "reports/nightly/html_job_section.h"
#include "reports/nightly/html_style.h"
#include "reports/nightly/nightly_charts.h"
#include "reports/nightly/report_format.h"

namespace sparktune::reports {
namespace {

// Defense in depth: even if markup ever slipped through escaping, the page
// may not run scripts, load anything, or submit anywhere.
constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action "
    "'none'";

std::string E(std::string_view s) { return HtmlEscape(s); }
std::string Mb(double v) { return FormatMbSeconds(v); }

std::string Kpi(const std::string& label, const std::string& value, const std::string& sub_html,
                bool alert = false) {
  return std::string("<div class=\"kpi") + (alert ? " alert" : "") + "\"><div class=\"label\">" +
         E(label) + "</div><div class=\"value\">" + E(value) + "</div><div class=\"sub\">" +
         sub_html + "</div></div>";
}

// "▲ +4.2% vs 11-20" with the colour of a cost going up (bad) or down (good);
// changes under 0.05% count as none.
std::string Delta(double now, double before, const std::string& night) {
  double d = ErrorPercent(now, before);
  if (!std::isfinite(d)) return "";
  if (std::fabs(d) < 0.05) d = 0;
  std::string arrow = d > 0 ? "▲ " : (d < 0 ? "▼ " : "");
  std::string short_night = night.size() == 10 ? night.substr(5) : night;  // YYYY-MM-DD -> MM-DD
  return std::string("<span class=\"") + (d > 0 ? "up" : (d < 0 ? "down" : "muted")) + "\">" +
         arrow + E(FormatPercent(d, true)) + "</span> vs " + E(short_night);
}

// A config key that may wrap after its dots.
std::string KeyHtml(const std::string& key) {
  std::string escaped = HtmlEscape(key), out;
  for (char c : escaped) {
    out += c;
    if (c == '.') out += "<wbr>";
  }
  return out;
}

std::string FleetSection(const NightlyReport& r) {
  std::vector<FleetTotals> trend = TrendSeries(r);
  const FleetTotals* prev = trend.size() >= 2 ? &trend[trend.size() - 2] : nullptr;
  const FleetTotals& t = r.totals;
  std::string out =
      "<section class=\"block\" id=\"fleet\"><h2>Fleet tonight</h2><div class=\"kpis\">";
  out += Kpi(
      "Memory cost", Mb(t.mb_seconds),
      prev ? Delta(t.mb_seconds, prev->mb_seconds, prev->night) : "container memory × lifetime");
  out += Kpi(
      "Compute", FormatCoreSeconds(t.core_seconds),
      prev ? Delta(t.core_seconds, prev->core_seconds, prev->night) : "executor and driver cores");
  if (r.prices.configured()) {
    double cost = CostOf(t.mb_seconds, t.core_seconds, r.prices);
    std::string sub =
        prev ? Delta(cost, CostOf(prev->mb_seconds, prev->core_seconds, r.prices), prev->night)
             : "at configured prices";
    out += Kpi("Cost", FormatMoney(cost, r.prices.currency), sub);
  } else {
    out += Kpi("Cost", "—", "prices not configured");
  }
  out += Kpi("Applications", FormatCount(t.apps),
             E(FormatCount(r.inputs.apps_new) + " new · " + FormatCount(r.inputs.apps_known) +
               " already known"));
  if (!r.proposal.changes.empty()) {
    double pct = t.mb_seconds > 0 ? r.proposal.saving_mb_seconds.value / t.mb_seconds * 100 : NAN;
    std::string sub = std::isfinite(pct) ? E(FormatPercent(pct) + " of tonight") : "";
    if (r.proposal.saving_mb_seconds.has_interval()) {
      sub += "<br>" + E("range " + FormatRange(r.proposal.saving_mb_seconds.low,
                                               r.proposal.saving_mb_seconds.high, Mb));
    }
    out += Kpi("Predicted saving", Mb(r.proposal.saving_mb_seconds.value), "per night · " + sub);
  } else {
    out += Kpi("Predicted saving", "—", "no cluster change proposed");
  }
  size_t bad = r.inputs.unreadable.size();
  out += Kpi("Unreadable logs", FormatCount(static_cast<int64_t>(bad)),
             bad ? "<a href=\"#inputs\">listed below</a>" : "all logs were read", bad > 0);
  out += "</div><div class=\"card\"><p class=\"chart-title\">Memory cost per night</p>";
  std::string chart = TrendChartSvg(r);
  if (chart.empty()) {
    out +=
        "<p class=\"empty\">The trend appears from the second night on; this is the first night in "
        "the "
        "store.</p>";
  } else {
    out +=
        chart + "<p class=\"note\">Hover a point for apps, core-hours and cost of that night.</p>";
  }
  return out + "</div></section>";
}

std::string ProposalSection(const NightlyReport& r) {
  const ClusterProposal& p = r.proposal;
  std::string out = "<section class=\"block\" id=\"proposal\"><h2>Cluster configuration proposal";
  if (!p.changes.empty())
    out += "<span class=\"count\">" + std::to_string(p.changes.size()) + " changes</span>";
  out += "</h2><div class=\"card\">";
  if (p.changes.empty()) {
    out += "<p class=\"empty\">No change to the cluster configuration is proposed tonight" +
           (p.decision.empty() ? std::string(".") : ": " + E(p.decision) + ".") + "</p>";
  } else {
    std::string lead = "Applying these changes to spark-defaults.conf is predicted to save " +
                       FormatEstimate(p.saving_mb_seconds, Mb) + " of memory";
    if (p.saving_core_seconds.value != 0)
      lead += " and " + FormatEstimate(p.saving_core_seconds, FormatCoreSeconds);
    lead += " per night";
    if (r.prices.configured()) {
      lead += " (≈ " +
              FormatMoney(CostOf(p.saving_mb_seconds.value, p.saving_core_seconds.value, r.prices),
                          r.prices.currency) +
              ")";
    }
    if (p.jobs_considered > 0)
      lead += ", fitted on " + FormatCount(p.jobs_considered) + " applications";
    out += "<p class=\"lead\">" + E(lead + ".") + "</p>";
    out +=
        "<table "
        "class=\"tbl\"><thead><tr><th>Key</th><th>Current</th><th>Proposed</th><th>Why</th></tr>"
        "</thead><tbody>";
    for (const ConfigChange& c : p.changes) {
      out += "<tr><td><code>" + KeyHtml(c.key) + "</code></td><td>" +
             (c.current.empty() ? std::string("<span class=\"muted\">unset (Spark default)</span>")
                                : "<code>" + E(c.current) + "</code>") +
             "</td><td><code>" + E(c.proposed) + "</code></td><td>" + E(c.why) + "</td></tr>";
    }
    out += "</tbody></table>";
    if (!p.spark_defaults.empty()) {
      out += "<h4>spark-defaults.conf</h4><pre class=\"code\">" + E(p.spark_defaults) + "</pre>";
    }
  }
  out += "</div>";
  if (std::any_of(r.overrides.begin(), r.overrides.end(), HasSettings)) {
    out +=
        "<div class=\"card\"><p class=\"chart-title\">Per-job overrides on top of the proposal</p>"
        "<table class=\"tbl\"><thead><tr><th>Job</th><th>Settings</th><th class=\"num\">Predicted "
        "gain</th>"
        "</tr></thead><tbody>";
    for (const JobOverride& o : r.overrides) {
      if (!HasSettings(o)) continue;
      out += "<tr><td>" + E(o.job) +
             (o.app_id.empty() ? "" : "<br><span class=\"muted\">" + E(o.app_id) + "</span>") +
             "</td><td>";
      for (const ConfigSetting& s : o.settings)
        out += "<code>" + E(s.key + "=" + s.value) + "</code> ";
      out += "</td><td class=\"num\">" + E(FormatOverrideGain(o)) + "</td></tr>";
    }
    out += "</tbody></table></div>";
  }
  return out + "</section>";
}

std::string JobLink(const NightlyReport& r, size_t i, const std::set<size_t>& detailed) {
  const JobReport& j = r.jobs[i];
  std::string name = E(j.name.empty() ? j.app_id : j.name);
  if (detailed.count(i)) return "<a href=\"#" + JobAnchor(i) + "\">" + name + "</a>";
  return name;
}

std::string TopTable(const NightlyReport& r, const std::vector<size_t>& top, bool by_waste,
                     const std::set<size_t>& detailed) {
  if (top.empty()) {
    return std::string("<p class=\"empty\">") +
           (by_waste ? "No idle executor time was measured."
                     : "No job has a predicted saving tonight.") +
           "</p>";
  }
  std::string out =
      std::string("<table class=\"tbl\"><thead><tr><th>#</th><th>Job</th><th class=\"num\">") +
      (by_waste ? "Idle memory" : "Saving / run") +
      "</th><th class=\"num\">of its cost</th></tr>"
      "</thead><tbody>";
  int rank = 0;
  for (size_t i : top) {
    const JobReport& j = r.jobs[i];
    double v = by_waste ? j.waste_mb_seconds : j.saving_mb_seconds.value;
    double base = j.observed.mb_seconds.value;
    out += "<tr><td class=\"muted\">" + std::to_string(++rank) + "</td><td>" +
           JobLink(r, i, detailed) + "<br><span class=\"muted\">" + E(j.app_id) +
           "</span></td><td class=\"num\">" + E(Mb(v)) + "</td><td class=\"num\">" +
           (base > 0 ? E(FormatPercent(v / base * 100)) : "") + "</td></tr>";
  }
  return out + "</tbody></table>";
}

std::string JobsTable(const NightlyReport& r, const std::set<size_t>& detailed) {
  std::string out =
      "<div class=\"card\"><table class=\"tbl\"><thead><tr><th>Job</th><th>User</th><th>Spark</th>"
      "<th class=\"num\">Duration</th><th class=\"num\">Memory cost</th><th class=\"num\">Replay "
      "error"
      "</th><th class=\"num\">Recommended</th><th class=\"num\">Saving</th></tr></thead><tbody>";
  for (size_t i = 0; i < r.jobs.size(); ++i) {
    const JobReport& j = r.jobs[i];
    std::string err =
        j.baseline
            ? FormatPercent(ErrorPercent(j.baseline->mb_seconds.value, j.observed.mb_seconds.value),
                            true)
            : "—";
    if (j.replay_confidence != "ok") err += " (" + j.replay_confidence + ")";
    out += "<tr><td>" + JobLink(r, i, detailed) + "<br><span class=\"muted\">" + E(j.app_id) +
           "</span></td><td>" + E(j.user) + "</td><td>" + E(j.spark_version) +
           "</td><td class=\"num\">" + E(FormatDurationMs(j.observed.duration_ms.value)) +
           "</td><td class=\"num\">" + E(Mb(j.observed.mb_seconds.value)) +
           "</td><td class=\"num\">" + E(err) + "</td><td class=\"num\">" +
           (j.recommended ? E(Mb(j.recommended->mb_seconds.value)) : "—") +
           "</td><td class=\"num\">" +
           (j.saving_mb_seconds.value > 0 ? E(Mb(j.saving_mb_seconds.value)) : "—") + "</td></tr>";
  }
  return out + "</tbody></table></div>";
}

// Detail cards: top savers, then top wasters, then the rest, up to kMaxJobDetails.
std::vector<size_t> DetailOrder(const NightlyReport& r) {
  std::vector<size_t> order;
  std::set<size_t> seen;
  auto add = [&](size_t i) {
    if (order.size() < kMaxJobDetails && seen.insert(i).second) order.push_back(i);
  };
  for (size_t i : TopJobsBySaving(r, r.jobs.size())) add(i);
  for (size_t i : TopJobsByWaste(r, r.jobs.size())) add(i);
  for (size_t i = 0; i < r.jobs.size(); ++i) add(i);
  return order;
}

std::string AccuracySection(const NightlyReport& r) {
  std::string out = "<section class=\"block\" id=\"accuracy\"><h2>Prediction accuracy";
  if (!r.accuracy.empty())
    out += "<span class=\"count\">" + std::to_string(r.accuracy.size()) + " runs</span>";
  out += "</h2><div class=\"card\">";
  if (r.accuracy.empty()) {
    return out +
           "<p class=\"empty\">No job has run with a recommended rewrite yet; predicted vs actual "
           "appears "
           "here once one has.</p></div></section>";
  }
  out +=
      "<p class=\"lead\">Jobs that adopted a recommendation: what was predicted vs what the next "
      "runs "
      "measured. Points on the diagonal are exact; dashed lines mark ±20%.</p>";
  out +=
      "<div class=\"grid2\"><div class=\"scatter\"><p class=\"chart-title\">Memory cost "
      "(GB·h)</p>" +
      AccuracyMbSecondsSvg(r) +
      "</div><div class=\"scatter\"><p class=\"chart-title\">Duration</p>" +
      AccuracyDurationSvg(r) + "</div></div>";
  out +=
      "<table class=\"tbl\"><thead><tr><th>Job</th><th>Night</th><th class=\"num\">Predicted "
      "memory</th>"
      "<th class=\"num\">Actual</th><th class=\"num\">Error</th><th class=\"num\">Predicted "
      "duration</th>"
      "<th class=\"num\">Actual</th><th class=\"num\">Error</th></tr></thead><tbody>";
  for (const AccuracyPoint& a : r.accuracy) {
    out +=
        "<tr><td>" + E(a.job) + "</td><td class=\"nowrap\">" + E(a.night) +
        "</td><td class=\"num\">" + E(FormatEstimate(a.predicted.mb_seconds, Mb)) +
        "</td><td class=\"num\">" + E(Mb(a.actual_mb_seconds)) + "</td><td class=\"num\">" +
        E(FormatPercent(ErrorPercent(a.predicted.mb_seconds.value, a.actual_mb_seconds), true)) +
        "</td><td class=\"num\">" + E(FormatEstimate(a.predicted.duration_ms, FormatDurationMs)) +
        "</td><td class=\"num\">" + E(FormatDurationMs(a.actual_duration_ms)) +
        "</td><td class=\"num\">" +
        E(FormatPercent(ErrorPercent(a.predicted.duration_ms.value, a.actual_duration_ms), true)) +
        "</td></tr>";
  }
  return out + "</tbody></table></div></section>";
}

std::string InputsSection(const NightlyReport& r) {
  std::string out = "<section class=\"block\" id=\"inputs\"><h2>Inputs";
  if (!r.inputs.unreadable.empty()) {
    out += "<span class=\"count\">" + std::to_string(r.inputs.unreadable.size()) +
           " unreadable</span>";
  }
  out += "</h2><div class=\"card\"><p class=\"lead\">";
  if (!r.inputs.source.empty()) out += "Source <code>" + E(r.inputs.source) + "</code>: ";
  out += E(FormatCount(r.inputs.apps_new) + " new applications analyzed, " +
           FormatCount(r.inputs.apps_known) + " already in the store.") +
         "</p>";
  if (r.inputs.unreadable.empty()) {
    out += "<p class=\"empty\">Every log was read.</p>";
  } else {
    out += "<table class=\"tbl\"><thead><tr><th>Log</th><th>Error</th></tr></thead><tbody>";
    for (const UnreadableLog& u : r.inputs.unreadable) {
      out += "<tr><td><code>" + E(u.path) + "</code></td><td>" + E(u.error) + "</td></tr>";
    }
    out += "</tbody></table>";
  }
  return out + "</div></section>";
}

}  // namespace

std::string RenderNightlyHtml(const NightlyReport& r) {
  std::vector<size_t> details = DetailOrder(r);
  std::set<size_t> detailed(details.begin(), details.end());
  std::string night = r.night.empty() ? r.totals.night : r.night;

  std::string out = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">";
  out += std::string("<meta http-equiv=\"Content-Security-Policy\" content=\"") +
         kContentSecurityPolicy + "\">";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">";
  out += "<title>sparktune nightly report · " + E(night) + "</title>";
  out += "<style>" + std::string(NightlyReportCss()) + "</style></head><body>";
  out +=
      "<header class=\"top\"><div class=\"wrap\"><div class=\"eyebrow\">sparktune · nightly tuning "
      "report</div>";
  out += "<h1>Night of " + E(night) + "</h1><div class=\"meta\">";
  std::string meta;
  if (!r.generated_at.empty()) meta += "Generated " + E(r.generated_at);
  if (!r.tool_version.empty())
    meta += (meta.empty() ? "" : " · ") + std::string("sparktune ") + E(r.tool_version);
  if (r.night_id != 0)
    meta += (meta.empty() ? "" : " · ") + std::string("night #") + std::to_string(r.night_id);
  if (!r.inputs.source.empty())
    meta +=
        (meta.empty() ? "" : " · ") + std::string("source <code>") + E(r.inputs.source) + "</code>";
  out += meta + "</div></div></header><main class=\"wrap\">";
  out +=
      "<nav class=\"toc\" aria-label=\"Sections\"><a href=\"#fleet\">Fleet</a><a "
      "href=\"#proposal\">Proposal</a>"
      "<a href=\"#top-jobs\">Top jobs</a><a href=\"#jobs\">Jobs</a><a "
      "href=\"#accuracy\">Accuracy</a>"
      "<a href=\"#inputs\">Inputs</a></nav>";
  out += FleetSection(r);
  out += ProposalSection(r);

  out += "<section class=\"block\" id=\"top-jobs\"><h2>Top jobs</h2><div class=\"grid2\">";
  out +=
      "<div class=\"card\"><p class=\"chart-title\">By waste: memory held by idle executors</p>" +
      TopTable(r, TopJobsByWaste(r, kTopJobs), true, detailed) + "</div>";
  out += "<div class=\"card\"><p class=\"chart-title\">By predicted saving of the rewrite</p>" +
         TopTable(r, TopJobsBySaving(r, kTopJobs), false, detailed) + "</div>";
  out += "</div></section>";

  out += "<section class=\"block\" id=\"jobs\"><h2>Jobs<span class=\"count\">" +
         std::to_string(r.jobs.size()) + " applications</span></h2>";
  if (r.jobs.empty()) {
    out += "<div class=\"card\"><p class=\"empty\">No application was analyzed tonight.</p></div>";
  } else {
    out += JobsTable(r, detailed);
    if (details.size() < r.jobs.size()) {
      out += "<p class=\"note\">Detail cards follow for " + std::to_string(details.size()) +
             " of " + std::to_string(r.jobs.size()) +
             " jobs (largest savings and waste first).</p>";
    }
    for (size_t i : details) out += RenderJobSection(r.jobs[i], i, r.prices);
  }
  out += "</section>";
  out += AccuracySection(r);
  out += InputsSection(r);
  out += "<footer>" + E(MemoryCostUnitsNote()) +
         " Predictions come from replaying each event log in the sparktune "
         "simulator; intervals are shown in parentheses. Replay error compares the replay at the "
         "observed "
         "configuration with what the event log recorded.";
  if (r.prices.configured()) out += " " + E(PricesNote(r.prices));
  out += "</footer></main></body></html>\n";
  return out;
}

}  // namespace sparktune::reports
