// A lint rule: a stable id (ST101) and slug (invalid-value), a default
// severity, named options with defaults, and a check function that reports
// findings about one job's config (or, for file-scope rules, one file).
//
// Rules are data plus one function, declared one per file under rules/ (the
// file is named after the slug) and listed once in rules/registry.cc. Each has
// a docs page rules/docs/<ID>.md and a fixture folder
// tests/rules/fixtures/<ID>/. Thresholds are options, never constants in the
// check: the project config (lint_config.h) may override any of them.
//
// Thread safety: Rule objects are immutable statics; a RuleContext belongs to
// one check call.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "data/base/spark_version.h"
#include "data/base/unit_format.h"
#include "data/jobconfig/job_config.h"

namespace sparktune::rules {

// SARIF's levels, in increasing order.
enum class Severity { kNote = 0, kWarning = 1, kError = 2 };

// "note", "warning", "error".
std::string_view SeverityName(Severity severity);
// Parses a severity name (also "info" for note); nullopt if unknown.
std::optional<Severity> ParseSeverity(std::string_view name);

// One option: name, default (as text, parsed when read) and a sentence of doc.
struct RuleOption {
  std::string_view name;
  std::string_view default_value;
  std::string_view doc;
};

// A finding as reported by a check; the linter stamps rule id and severity.
struct Finding {
  std::string rule_id;
  std::string slug;
  Severity severity = Severity::kWarning;
  std::string message;
  jobconfig::SourceLocation location;
  std::string key;  // the config key concerned, or empty
};

class RuleContext;
using CheckFunction = void (*)(RuleContext& context);

enum class RuleScope { kJob, kFile };

struct Rule {
  std::string_view id;    // "ST201"; never reused, never renumbered
  std::string_view slug;  // "memory-per-core"; also the name of the rule's file
  Severity default_severity = Severity::kWarning;
  std::string_view summary;  // one sentence: what is wrong (SARIF shortDescription)
  std::vector<RuleOption> options;
  CheckFunction check = nullptr;
  RuleScope scope = RuleScope::kJob;
  bool enabled_by_default = true;
};

// What a check sees: the job (or the file), the Spark version in force, its
// options, and helpers that read values the way Spark would (the set value,
// else the catalog default for the version).
class RuleContext {
 public:
  RuleContext(const Rule& rule, const jobconfig::ConfigFile& file, const jobconfig::JobConfig* job,
              SparkVersion version, const std::map<std::string, std::string>& options,
              std::vector<Finding>* out);

  const jobconfig::ConfigFile& file() const { return file_; }
  // The job; only valid for RuleScope::kJob rules.
  const jobconfig::JobConfig& job() const { return *job_; }
  const SparkVersion& version() const { return version_; }

  // Option values (the rule's default unless the project config overrode it).
  std::string OptionText(std::string_view name) const;
  double OptionNumber(std::string_view name) const;
  // Option parsed as a size ("5g") or duration ("120s"), with the unit of a bare number.
  int64_t OptionBytes(std::string_view name, char bare_unit = 'b') const;
  int64_t OptionMs(std::string_view name, char bare_unit = 's') const;

  // The setting of `key` in force, or nullptr when unset.
  const jobconfig::ConfigSetting* Setting(std::string_view key) const;
  bool IsSet(std::string_view key) const { return Setting(key) != nullptr; }
  // The set value, or the catalog default for the version; nullopt when
  // neither exists or the value is dynamic (cannot be known statically).
  std::optional<std::string> Value(std::string_view key) const;
  // Typed reads of Value(); nullopt when unknown or malformed (rule ST101
  // reports malformed values, other rules stay silent on them).
  std::optional<int64_t> Bytes(std::string_view key) const;
  std::optional<int64_t> DurationMs(std::string_view key) const;
  std::optional<double> Number(std::string_view key) const;
  std::optional<bool> Bool(std::string_view key) const;

  // Where to point for `key`: its value if set, else the job's anchor.
  jobconfig::SourceLocation LocationOf(std::string_view key) const;
  jobconfig::SourceLocation Anchor() const;

  void Report(const jobconfig::SourceLocation& location, std::string message, std::string key = "");

 private:
  const Rule& rule_;
  const jobconfig::ConfigFile& file_;
  const jobconfig::JobConfig* job_;
  SparkVersion version_;
  const std::map<std::string, std::string>& options_;
  std::vector<Finding>* out_;
};

// Formats a byte count for messages: "40 GiB", "13.4 MiB", "512 B" (units::kPlainBytes).
using units::FormatBytes;
// Formats a number for messages: "4", "1.5", "1e+300".
std::string FormatNumber(double value);
// Formats milliseconds for messages: "3000 s", "120 s", "500 ms".
std::string FormatMs(int64_t ms);

}  // namespace sparktune::rules
