// Versioned JSON output of `sparktune lint` ("schema": "sparktune.lint/1").
#include <nlohmann/json.hpp>

#include "data/base/text.h"
#include "reports/lint/lint_renderers.h"

namespace sparktune::reports {

std::string RenderLintJson(const LintReport& report) {
  using nlohmann::ordered_json;
  ordered_json j;
  j["schema"] = kLintJsonSchema;
  j["tool"] = {{"name", "sparktune"}, {"version", report.tool_version}};
  ordered_json files = ordered_json::array();
  for (const std::string& f : report.files) files.push_back(text::ValidUtf8(f));
  j["files"] = files;
  LintCounts c = CountFindings(report);
  j["summary"] = {{"errors", c.errors},
                  {"warnings", c.warnings},
                  {"notes", c.notes},
                  {"suppressed", report.suppressed}};
  std::vector<std::string> prints = LintFingerprints(report);
  ordered_json findings = ordered_json::array();
  for (size_t i = 0; i < report.findings.size(); ++i) {
    const LintFinding& f = report.findings[i];
    ordered_json o;
    o["rule"] = f.rule_id;
    o["slug"] = f.slug;
    o["severity"] = f.level;
    o["message"] = text::ValidUtf8(f.message);
    o["file"] = text::ValidUtf8(f.file);
    o["line"] = f.line;
    o["column"] = f.column;
    if (!f.key.empty()) o["key"] = text::ValidUtf8(f.key);
    o["fingerprint"] = prints[i];
    findings.push_back(std::move(o));
  }
  j["findings"] = findings;
  return j.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace sparktune::reports
