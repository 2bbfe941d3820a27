// LintConfig: which rules run, at which severity, with which options, for
// which Spark version. Starts from each rule's defaults; a project config file
// (YAML) and command-line flags override them.
//
// Project config format (all keys optional):
//   spark_version: 3.5.1        # used when neither the CLI nor the file says
//   fail_on: warning            # error | warning | note | never (CLI wins)
//   disable: [ST501, java-serializer]
//   enable: [ST502]
//   rules:
//     ST203: off                # off | note | warning | error
//     memory-per-core:          # id or slug
//       severity: error
//       enabled: true
//       options: {max_per_core: 6g}
// Unknown rules, options or severities are errors (kInvalidArgument) naming
// the file and line, so a typo in CI config never silently disables a check.
//
// Thread safety: a value type; build it, then share it read-only.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "data/base/result.h"
#include "data/base/spark_version.h"
#include "rules/rule.h"

namespace sparktune::rules {

struct RuleSettings {
  bool enabled = true;
  Severity severity = Severity::kWarning;
  std::map<std::string, std::string> options;  // overrides only
};

// --fail-on: the lowest severity that fails the run; kNever fails nothing.
enum class FailOn { kNote, kWarning, kError, kNever };
std::optional<FailOn> ParseFailOn(std::string_view text);

class LintConfig {
 public:
  // Every rule at its defaults.
  LintConfig();

  // Applies a project config file's text; `path` is for messages.
  Status ApplyProjectConfig(const std::string& path, std::string_view yaml_text);

  Status SetEnabled(std::string_view rule, bool enabled);
  Status SetSeverity(std::string_view rule, std::string_view severity);
  Status SetOption(std::string_view rule, std::string_view option, std::string value);
  // Runs only the named rules (id or slug); every other rule is disabled.
  Status OnlyRules(const std::vector<std::string>& rules);

  const RuleSettings& For(const Rule& rule) const;

  // Version from the project config, if any.
  std::optional<SparkVersion> spark_version;
  std::optional<FailOn> fail_on;

 private:
  Result<const Rule*> Lookup(std::string_view rule) const;
  std::map<std::string, RuleSettings, std::less<>> settings_;  // by rule id
};

// Version used when nothing names one: the newest 3.x line.
inline constexpr std::string_view kDefaultSparkVersion = "3.5.0";

}  // namespace sparktune::rules
