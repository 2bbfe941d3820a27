// Runs the enabled rules over a parsed config file and applies inline
// suppressions. Deterministic: findings are sorted by line, column, rule id,
// message.
//
// The Spark version of a job is, in order: `forced_version` (the CLI's
// --spark-version), the version the file declares (spec.sparkVersion), the
// project config's spark_version, kDefaultSparkVersion.
//
// Thread safety: pure function of its arguments; safe to call concurrently.
#pragma once

#include <optional>
#include <vector>

#include "data/base/spark_version.h"
#include "data/jobconfig/job_config.h"
#include "rules/lint_config.h"
#include "rules/rule.h"

namespace sparktune::rules {

struct LintResult {
  std::vector<Finding> findings;    // reported, sorted
  std::vector<Finding> suppressed;  // silenced by a suppression comment with a reason
};

LintResult LintConfigFile(const jobconfig::ConfigFile& file, const LintConfig& config,
                          const std::optional<SparkVersion>& forced_version = std::nullopt);

// True when `finding` is silenced by `suppression` (matching rule id or slug,
// or "all"; a reason is required).
bool Suppresses(const jobconfig::Suppression& suppression, const Finding& finding);

}  // namespace sparktune::rules
