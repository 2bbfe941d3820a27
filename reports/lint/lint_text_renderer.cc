// Compiler-style text output of `sparktune lint`.
#include <cstdio>

#include "data/base/text.h"
#include "reports/lint/lint_renderers.h"

namespace sparktune::reports {

namespace {

// Messages echo values from the linted file; keep them on one line.
std::string OneLine(std::string_view s) {
  std::string out;
  for (unsigned char c : text::ValidUtf8(s)) {
    if (c < 0x20 || c == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

std::string Plural(int n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

}  // namespace

std::string RenderLintText(const LintReport& report) {
  std::string out;
  for (const LintFinding& f : report.findings) {
    out += OneLine(f.file) + ":" + std::to_string(f.line) + ":" + std::to_string(f.column) + ": " +
           f.level + " [" + f.rule_id + "] " + OneLine(f.message) + "\n";
  }
  LintCounts c = CountFindings(report);
  out += Plural(c.errors, "error") + ", " + Plural(c.warnings, "warning") + ", " +
         Plural(c.notes, "note") + " in " + Plural(static_cast<int>(report.files.size()), "file");
  if (report.suppressed > 0) out += " (" + std::to_string(report.suppressed) + " suppressed)";
  out += "\n";
  return out;
}

}  // namespace sparktune::reports
