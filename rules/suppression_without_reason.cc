// ST001 suppression-without-reason: an inline "sparktune: disable=..."
// comment that gives no reason, names no rule, or names an unknown rule.
// Such a comment suppresses nothing.
#include "rules/registry.h"
#include "rules/rule.h"

namespace sparktune::rules {

namespace {

void Check(RuleContext& ctx) {
  for (const jobconfig::Suppression& s : ctx.file().suppressions) {
    if (s.rules.empty()) {
      ctx.Report(s.location, "suppression comment names no rule; write disable=<ID> reason: <why>");
      continue;
    }
    for (const std::string& r : s.rules) {
      if (r != "all" && !FindRule(r)) {
        ctx.Report(s.location, "suppression comment names unknown rule '" + r + "'");
      }
    }
    if (s.reason.empty()) {
      ctx.Report(
          s.location,
          "suppression comment has no reason, so it suppresses nothing; add 'reason: <why>'");
    }
  }
}

}  // namespace

const Rule& SuppressionWithoutReasonRule() {
  static const Rule rule{
      .id = "ST001",
      .slug = "suppression-without-reason",
      .default_severity = Severity::kWarning,
      .summary = "An inline suppression comment lacks a reason or names an unknown rule.",
      .options = {},
      .check = &Check,
      .scope = RuleScope::kFile,
  };
  return rule;
}

}  // namespace sparktune::rules
