#include "rules/linter.h"

#include <algorithm>
#include <cctype>

#include "rules/registry.h"

namespace sparktune::rules {

namespace {

bool SameRule(std::string_view written, const Finding& f) {
  if (written == "all") return true;
  if (written == f.slug) return true;
  if (written.size() != f.rule_id.size()) return false;
  for (size_t i = 0; i < written.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(written[i])) != f.rule_id[i]) return false;
  }
  return true;
}

}  // namespace

bool Suppresses(const jobconfig::Suppression& s, const Finding& f) {
  if (s.reason.empty()) return false;
  if (!s.whole_file && s.target_line != f.location.line) return false;
  for (const std::string& r : s.rules) {
    if (SameRule(r, f)) return true;
  }
  return false;
}

LintResult LintConfigFile(const jobconfig::ConfigFile& file, const LintConfig& config,
                          const std::optional<SparkVersion>& forced_version) {
  std::vector<Finding> all;
  auto version_for = [&](const jobconfig::JobConfig* job) {
    if (forced_version) return *forced_version;
    if (job && job->spark_version) {
      SparkVersion v = SparkVersion::Parse(*job->spark_version);
      if (v.known()) return v;
    }
    if (config.spark_version) return *config.spark_version;
    return SparkVersion::Parse(kDefaultSparkVersion);
  };
  for (const Rule* rule : AllRules()) {
    const RuleSettings& settings = config.For(*rule);
    if (!settings.enabled || !rule->check) continue;
    size_t before = all.size();
    if (rule->scope == RuleScope::kFile) {
      RuleContext ctx(*rule, file, nullptr, version_for(nullptr), settings.options, &all);
      rule->check(ctx);
    } else {
      for (const jobconfig::JobConfig& job : file.jobs) {
        RuleContext ctx(*rule, file, &job, version_for(&job), settings.options, &all);
        rule->check(ctx);
      }
    }
    for (size_t i = before; i < all.size(); ++i) all[i].severity = settings.severity;
  }
  LintResult result;
  for (Finding& f : all) {
    bool silenced = false;
    // ST001 reports broken suppressions; it cannot itself be suppressed by them.
    if (f.rule_id != "ST001") {
      for (const jobconfig::Suppression& s : file.suppressions) {
        if (Suppresses(s, f)) {
          silenced = true;
          break;
        }
      }
    }
    (silenced ? result.suppressed : result.findings).push_back(std::move(f));
  }
  auto order = [](const Finding& a, const Finding& b) {
    return std::tie(a.location.line, a.location.column, a.rule_id, a.message) <
           std::tie(b.location.line, b.location.column, b.rule_id, b.message);
  };
  std::stable_sort(result.findings.begin(), result.findings.end(), order);
  std::stable_sort(result.suppressed.begin(), result.suppressed.end(), order);
  // The same finding from two jobs of one file at one place is reported once.
  auto same = [](const Finding& a, const Finding& b) {
    return a.location.line == b.location.line && a.location.column == b.location.column &&
           a.rule_id == b.rule_id && a.message == b.message;
  };
  result.findings.erase(std::unique(result.findings.begin(), result.findings.end(), same),
                        result.findings.end());
  return result;
}

}  // namespace sparktune::rules
