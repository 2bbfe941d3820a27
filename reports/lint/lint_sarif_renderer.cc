// SARIF 2.1.0 output of `sparktune lint`, shaped for GitHub code scanning
// (../shared/design/style.md section 7): descriptions capped at 1024
// characters, every result located, partial fingerprints supplied.
#include <map>
#include <nlohmann/json.hpp>

#include "data/base/text.h"
#include "reports/lint/lint_renderers.h"

namespace sparktune::reports {

namespace {

std::string Cap(std::string s, size_t max) {
  if (s.size() <= max) return s;
  s.resize(max - 3);
  // Do not cut a UTF-8 sequence in half.
  while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();
  if (!s.empty() && (static_cast<unsigned char>(s.back()) & 0x80)) s.pop_back();
  return s + "...";
}

std::string ProblemSeverity(const std::string& level) {
  if (level == "error") return "error";
  if (level == "warning") return "warning";
  return "recommendation";
}

}  // namespace

std::string RenderLintSarif(const LintReport& report) {
  using nlohmann::ordered_json;
  ordered_json rules = ordered_json::array();
  std::map<std::string, int> rule_index;
  for (const LintRuleDescriptor& r : report.rules) {
    rule_index[r.id] = static_cast<int>(rules.size());
    ordered_json rule;
    rule["id"] = r.id;
    rule["name"] = r.slug;
    rule["shortDescription"] = {{"text", Cap(text::ValidUtf8(r.short_description), 1024)}};
    rule["fullDescription"] = {
        {"text",
         Cap(text::ValidUtf8(r.full_description.empty() ? r.short_description : r.full_description),
             1024)}};
    std::string help = r.help_markdown.empty() ? r.short_description : r.help_markdown;
    rule["help"] = {{"text", text::ValidUtf8(help)}, {"markdown", text::ValidUtf8(help)}};
    rule["defaultConfiguration"] = {{"level", r.default_level}};
    rule["properties"] = {{"tags", {"spark", "configuration"}},
                          {"precision", "high"},
                          {"problem.severity", ProblemSeverity(r.default_level)}};
    rules.push_back(std::move(rule));
  }
  ordered_json driver;
  driver["name"] = "sparktune";
  driver["semanticVersion"] = report.tool_version;
  driver["rules"] = rules;

  ordered_json artifacts = ordered_json::array();
  std::map<std::string, int> artifact_index;
  for (const std::string& f : report.files) {
    if (artifact_index.count(f)) continue;
    artifact_index[f] = static_cast<int>(artifacts.size());
    artifacts.push_back({{"location", {{"uri", PathToUri(text::ValidUtf8(f))}}}});
  }

  // Results are written by hand: with thousands of findings, building them as
  // ordered_json dominated the run time. The layout matches dump(2) exactly.
  std::vector<std::string> prints = LintFingerprints(report);
  std::string results;
  if (report.findings.empty()) results = "[]";
  for (size_t i = 0; i < report.findings.size(); ++i) {
    const LintFinding& f = report.findings[i];
    const std::string in = "          ";  // depth of a result's fields
    std::string r = i == 0 ? "[\n" : ",\n";
    r += "        {\n";
    r += in + "\"ruleId\": " + JsonQuote(f.rule_id) + ",\n";
    if (auto it = rule_index.find(f.rule_id); it != rule_index.end()) {
      r += in + "\"ruleIndex\": " + std::to_string(it->second) + ",\n";
    }
    r += in + "\"level\": " + JsonQuote(f.level) + ",\n";
    r += in + "\"message\": {\n" + in + "  \"text\": " + JsonQuote(f.message) + "\n" + in + "},\n";
    r += in + "\"locations\": [\n" + in + "  {\n" + in + "    \"physicalLocation\": {\n";
    r += in + "      \"artifactLocation\": {\n" + in +
         "        \"uri\": " + JsonQuote(PathToUri(text::ValidUtf8(f.file)));
    if (auto it = artifact_index.find(f.file); it != artifact_index.end()) {
      r += ",\n" + in + "        \"index\": " + std::to_string(it->second);
    }
    r += "\n" + in + "      },\n";
    r += in + "      \"region\": {\n";
    r += in + "        \"startLine\": " + std::to_string(f.line > 0 ? f.line : 1) + ",\n";
    r += in + "        \"startColumn\": " + std::to_string(f.column > 0 ? f.column : 1);
    if (!f.snippet.empty()) {
      r += ",\n" + in + "        \"snippet\": {\n" + in +
           "          \"text\": " + JsonQuote(f.snippet) + "\n" + in + "        }";
    }
    r += "\n" + in + "      }\n" + in + "    }\n" + in + "  }\n" + in + "],\n";
    r += in + "\"partialFingerprints\": {\n" + in +
         "  \"primaryLocationLineHash\": " + JsonQuote(prints[i]) + "\n" + in + "}";
    if (!f.key.empty()) {
      r += ",\n" + in + "\"properties\": {\n" + in + "  \"key\": " + JsonQuote(f.key) + "\n" + in +
           "}";
    }
    r += "\n        }";
    results += r;
    if (i + 1 == report.findings.size()) results += "\n      ]";
  }

  ordered_json run;
  run["tool"] = {{"driver", driver}};
  run["columnKind"] = "unicodeCodePoints";
  run["artifacts"] = artifacts;
  run["results"] = "@@SPARKTUNE_RESULTS@@";
  ordered_json sarif;
  sarif["$schema"] = kSarifSchemaUri;
  sarif["version"] = "2.1.0";
  sarif["runs"] = ordered_json::array({run});
  std::string out = sarif.dump(2, ' ', false, ordered_json::error_handler_t::replace);
  const std::string placeholder = "\"@@SPARKTUNE_RESULTS@@\"";
  size_t at = out.rfind(placeholder);
  if (at != std::string::npos) out.replace(at, placeholder.size(), results);
  return out + "\n";
}

}  // namespace sparktune::reports
