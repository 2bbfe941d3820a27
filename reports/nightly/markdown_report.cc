#include "reports/nightly/markdown_report.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "data/base/text.h"
#include "reports/nightly/report_format.h"

namespace sparktune::reports {
namespace {

std::string Mb(double v) { return FormatMbSeconds(v); }

size_t LongestBacktickRun(std::string_view s) {
  size_t longest = 0, run = 0;
  for (char c : s) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return longest;
}

std::string Fenced(std::string_view text, std::string_view info) {
  std::string valid = text::ValidUtf8(text);
  std::string fence(std::max<size_t>(3, LongestBacktickRun(valid) + 1), '`');
  if (!valid.empty() && valid.back() != '\n') valid += '\n';
  return fence + std::string(info) + "\n" + valid + fence + "\n";
}

std::string Change(double now, double before) {
  double d = ErrorPercent(now, before);
  if (!std::isfinite(d)) return "";
  if (std::fabs(d) < 0.05) d = 0;  // shown as 0.0%: no arrow
  return std::string(d > 0 ? " ▲ " : (d < 0 ? " ▼ " : " ")) + FormatPercent(d, true);
}

std::string JobName(const JobReport& j) {
  return MarkdownEscape(j.name.empty() ? j.app_id : j.name);
}

// Jobs whose replay is low-confidence or refused, with the reasons; "" when none.
std::string UntrustedReplays(const NightlyReport& r) {
  std::string rows;
  for (const JobReport& j : r.jobs) {
    if (j.replay_confidence == "ok") continue;
    std::string reasons;
    for (const std::string& why : j.replay_confidence_reasons)
      reasons += (reasons.empty() ? "" : "; ") + why;
    rows += "| " + JobName(j) + " | " + MarkdownCode(j.app_id) + " | " +
            MarkdownEscape(j.replay_confidence) + " | " + MarkdownEscape(reasons) + " |\n";
  }
  if (rows.empty()) return "";
  return "### Replays that cannot be trusted\n\nRefused jobs get no prediction; low-confidence "
         "ones are "
         "uncertain.\n\n| Job | App | Replay | Why |\n|---|---|---|---|\n" +
         rows + "\n";
}

}  // namespace

std::string MarkdownEscape(std::string_view text) {
  // The characters that can start emphasis, code, links, images, headings
  // closing sequences, strikethrough or end a table cell mid-line.
  static const std::string_view kPunctuation = "\\`*_[]()#!|~";
  std::string valid = text::ValidUtf8(text);
  std::string out;
  for (char c : valid) {
    if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else if (c == '&') {
      out += "&amp;";
    } else if (c == '\n' || c == '\r' || c == '\t') {
      out += ' ';
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      // control characters are dropped
    } else {
      if (kPunctuation.find(c) != std::string_view::npos) out += '\\';
      out += c;
    }
  }
  return out;
}

std::string MarkdownCode(std::string_view text) {
  std::string valid = text::ValidUtf8(text);
  std::string body;
  for (char c : valid) {
    if (c == '\n' || c == '\r' || c == '\t') {
      body += ' ';
    } else if (c == '|') {
      body += "\\|";
    } else if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) {
      body += c;
    }
  }
  if (body.empty()) return "` `";
  std::string fence(LongestBacktickRun(body) + 1, '`');
  bool pad = body.front() == '`' || body.back() == '`' || body.front() == ' ';
  return fence + (pad ? " " : "") + body + (pad ? " " : "") + fence;
}

std::string RenderNightlyMarkdown(const NightlyReport& r) {
  std::string night = r.night.empty() ? r.totals.night : r.night;
  std::string out = "## sparktune nightly report — " + MarkdownEscape(night) + "\n\n";
  std::vector<FleetTotals> trend = TrendSeries(r);
  const FleetTotals* prev = trend.size() >= 2 ? &trend[trend.size() - 2] : nullptr;
  const FleetTotals& t = r.totals;

  out += "| Fleet | Tonight | Previous night |\n|---|---:|---:|\n";
  out += "| Applications | " + FormatCount(t.apps) + " | " +
         (prev ? FormatCount(prev->apps) : "—") + " |\n";
  out += "| Memory cost | " + Mb(t.mb_seconds) +
         (prev ? Change(t.mb_seconds, prev->mb_seconds) : "") + " | " +
         (prev ? Mb(prev->mb_seconds) : "—") + " |\n";
  out += "| Compute | " + FormatCoreSeconds(t.core_seconds) +
         (prev ? Change(t.core_seconds, prev->core_seconds) : "") + " | " +
         (prev ? FormatCoreSeconds(prev->core_seconds) : "—") + " |\n";
  if (r.prices.configured()) {
    double cost = CostOf(t.mb_seconds, t.core_seconds, r.prices);
    double before = prev ? CostOf(prev->mb_seconds, prev->core_seconds, r.prices) : 0;
    out += "| Cost | " + FormatMoney(cost, r.prices.currency) + (prev ? Change(cost, before) : "") +
           " | " + (prev ? FormatMoney(before, r.prices.currency) : "—") + " |\n";
  }
  out += "\n" + FormatCount(r.inputs.apps_new) + " new applications analyzed, " +
         FormatCount(r.inputs.apps_known) + " already known, " +
         FormatCount(static_cast<int64_t>(r.inputs.unreadable.size())) + " unreadable logs.\n\n";

  const ClusterProposal& p = r.proposal;
  out += "### Cluster configuration proposal\n\n";
  if (p.changes.empty()) {
    out += "No change proposed tonight";
    out += p.decision.empty() ? ".\n\n" : ": " + MarkdownEscape(p.decision) + ".\n\n";
  } else {
    out += "Predicted saving: **" + FormatEstimate(p.saving_mb_seconds, Mb) + "** per night";
    if (t.mb_seconds > 0)
      out += " (" + FormatPercent(p.saving_mb_seconds.value / t.mb_seconds * 100) + " of tonight)";
    if (r.prices.configured()) {
      out += ", ≈ " +
             FormatMoney(CostOf(p.saving_mb_seconds.value, p.saving_core_seconds.value, r.prices),
                         r.prices.currency);
    }
    out += ".\n\n| Key | Current | Proposed | Why |\n|---|---|---|---|\n";
    for (const ConfigChange& c : p.changes) {
      out += "| " + MarkdownCode(c.key) + " | " +
             (c.current.empty() ? "*unset*" : MarkdownCode(c.current)) + " | " +
             MarkdownCode(c.proposed) + " | " + MarkdownEscape(c.why) + " |\n";
    }
    if (!p.spark_defaults.empty()) out += "\n" + Fenced(p.spark_defaults, "properties");
    out += "\n";
  }
  if (std::any_of(r.overrides.begin(), r.overrides.end(), HasSettings)) {
    out += "Per-job overrides:\n\n| Job | Settings | Predicted gain |\n|---|---|---:|\n";
    for (const JobOverride& o : r.overrides) {
      if (!HasSettings(o)) continue;
      std::string settings;
      for (const ConfigSetting& s : o.settings) {
        settings += (settings.empty() ? "" : " ") + MarkdownCode(s.key + "=" + s.value);
      }
      out +=
          "| " + MarkdownEscape(o.job) + " | " + settings + " | " + FormatOverrideGain(o) + " |\n";
    }
    out += "\n";
  }

  out += "### Top jobs by predicted saving\n\n";
  std::vector<size_t> saving = TopJobsBySaving(r, kMarkdownTopJobs);
  if (saving.empty()) {
    out += "No job has a predicted saving tonight.\n\n";
  } else {
    out +=
        "| # | Job | App | Memory cost | Saving / run | Replay error "
        "|\n|---:|---|---|---:|---:|---:|\n";
    int rank = 0;
    for (size_t i : saving) {
      const JobReport& j = r.jobs[i];
      std::string err =
          j.baseline
              ? FormatPercent(
                    ErrorPercent(j.baseline->mb_seconds.value, j.observed.mb_seconds.value), true)
              : "—";
      if (j.replay_confidence != "ok") err += " (" + j.replay_confidence + ")";
      out += "| " + std::to_string(++rank) + " | " + JobName(j) + " | " + MarkdownCode(j.app_id) +
             " | " + Mb(j.observed.mb_seconds.value) + " | " +
             FormatEstimate(j.saving_mb_seconds, Mb) + " | " + err + " |\n";
    }
    out += "\n";
  }
  std::vector<size_t> waste = TopJobsByWaste(r, kMarkdownTopJobs);
  if (!waste.empty()) {
    out +=
        "### Top jobs by waste (idle executor memory)\n\n| # | Job | App | Idle memory | of its "
        "cost |\n"
        "|---:|---|---|---:|---:|\n";
    int rank = 0;
    for (size_t i : waste) {
      const JobReport& j = r.jobs[i];
      double base = j.observed.mb_seconds.value;
      out += "| " + std::to_string(++rank) + " | " + JobName(j) + " | " + MarkdownCode(j.app_id) +
             " | " + Mb(j.waste_mb_seconds) + " | " +
             (base > 0 ? FormatPercent(j.waste_mb_seconds / base * 100) : "—") + " |\n";
    }
    out += "\n";
  }
  out += UntrustedReplays(r);
  if (!r.inputs.unreadable.empty()) {
    out += "### Unreadable logs\n\n| Log | Error |\n|---|---|\n";
    for (const UnreadableLog& u : r.inputs.unreadable) {
      out += "| " + MarkdownCode(u.path) + " | " + MarkdownEscape(u.error) + " |\n";
    }
    out += "\n";
  }
  out += "*" + MemoryCostUnitsNote() + " Intervals in parentheses.";
  if (r.prices.configured()) out += " " + MarkdownEscape(PricesNote(r.prices));
  if (!r.tool_version.empty()) out += " sparktune " + MarkdownEscape(r.tool_version) + ".";
  out += "*\n";
  return out;
}

}  // namespace sparktune::reports
