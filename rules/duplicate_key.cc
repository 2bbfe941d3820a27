// ST105 duplicate-key: the same key set more than once for one job. Only one
// value takes effect (the last one, or spark-submit's dedicated flag over
// --conf), so the others are dead text that misleads readers.
#include "rules/rule.h"

namespace sparktune::rules {

namespace {

void Check(RuleContext& ctx) {
  const jobconfig::JobConfig& job = ctx.job();
  for (const jobconfig::ConfigSetting& s : job.settings) {
    const jobconfig::ConfigSetting* winner = job.Find(s.key);
    if (winner == &s) continue;
    std::string how = winner->from_flag && !s.from_flag
                          ? " (" + winner->origin + " wins over " +
                                (s.origin.empty() ? "this line" : s.origin) + ")"
                          : "";
    ctx.Report(s.key_location,
               s.key + " is set again at line " + std::to_string(winner->value_location.line) +
                   "; this value '" + s.value + "' is overridden by '" + winner->value + "'" + how,
               s.key);
  }
}

}  // namespace

const Rule& DuplicateKeyRule() {
  static const Rule rule{
      .id = "ST105",
      .slug = "duplicate-key",
      .default_severity = Severity::kWarning,
      .summary = "A key set more than once for the same job; only one value takes effect.",
      .options = {},
      .check = &Check,
  };
  return rule;
}

}  // namespace sparktune::rules
