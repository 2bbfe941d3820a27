// Renderers of a LintReport, one per output format of `sparktune lint`
// (each in its own .cc):
//   text  - compiler style, one line per finding:
//           file:line:col: severity [ID] message
//           then a summary line; control characters in messages are shown as \xNN.
//   json  - {"schema": "sparktune.lint/1", tool, files, summary, findings[]}.
//   sarif - SARIF 2.1.0 for GitHub code scanning (style.md section 7): one run,
//           tool.driver.rules with short/full descriptions and help from the
//           docs pages, results located by physicalLocation/region,
//           partialFingerprints.primaryLocationLineHash.
//   junit - JUnit XML: a testsuite per file, a testcase per enabled rule,
//           a failure per rule with warning/error findings.
//
// Thread safety: pure functions.
#pragma once

#include <string>

#include "reports/lint/lint_report.h"

namespace sparktune::reports {

std::string RenderLintText(const LintReport& report);
std::string RenderLintJson(const LintReport& report);
std::string RenderLintSarif(const LintReport& report);
std::string RenderLintJunit(const LintReport& report);

// The schema id written by RenderLintJson.
inline constexpr const char* kLintJsonSchema = "sparktune.lint/1";
// The SARIF schema URI written in "$schema".
inline constexpr const char* kSarifSchemaUri =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

}  // namespace sparktune::reports
