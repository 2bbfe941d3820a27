// LintReport: what `sparktune lint` found, as plain data for the renderers
// (text, JSON, SARIF 2.1.0, JUnit XML). reports/ depends only on data/, so the
// CLI copies rule metadata and findings into these structs.
//
// Every string here may carry untrusted text from the linted files (keys,
// values, paths); the renderers escape it for their format and replace
// invalid UTF-8.
//
// Thread safety: plain values; renderers are pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sparktune::reports {

struct LintRuleDescriptor {
  std::string id;                 // "ST201"
  std::string slug;               // "memory-per-core"
  std::string default_level;      // configured level: "note", "warning", "error"
  std::string short_description;  // one sentence
  std::string full_description;   // one paragraph, <= 1024 chars
  std::string help_markdown;      // the whole docs page
};

struct LintFinding {
  std::string rule_id;
  std::string slug;
  std::string level;  // "note", "warning", "error"
  std::string message;
  std::string file;     // as given on the command line
  int line = 0;         // 1-based
  int column = 0;       // 1-based, Unicode code points
  std::string key;      // config key concerned, or empty
  std::string snippet;  // the source line, for fingerprints and SARIF snippets
};

struct LintReport {
  std::string tool_version;
  std::vector<std::string> files;         // every file linted, in order
  std::vector<LintRuleDescriptor> rules;  // the enabled rules, by id
  std::vector<LintFinding> findings;      // grouped by file, in line order
  int suppressed = 0;                     // findings silenced by comments
};

// Counts by level.
struct LintCounts {
  int errors = 0;
  int warnings = 0;
  int notes = 0;
};
LintCounts CountFindings(const LintReport& report);

// A stable identity for a finding that survives edits elsewhere in the file:
// 16 hex digits of FNV-1a over (rule, file, key, trimmed source line), then
// ":<n>" for the n-th identical one in the file (GitHub's
// primaryLocationLineHash convention).
std::vector<std::string> LintFingerprints(const LintReport& report);

// `text` as a JSON string literal with quotes, escaped as nlohmann::json
// dumps it (short escapes for \b \f \n \r \t, \u00xx for other controls,
// UTF-8 kept); invalid UTF-8 is replaced first.
std::string JsonQuote(std::string_view text);

// A file path as a URI reference: relative paths stay relative with reserved
// characters percent-encoded; absolute paths become file:// URIs.
std::string PathToUri(std::string_view path);

}  // namespace sparktune::reports
