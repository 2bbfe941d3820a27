// JUnit XML output of `sparktune lint` for CI dashboards: one testsuite per
// linted file, one testcase per enabled rule; a rule with warning or error
// findings in the file fails, notes go to the testcase's system-out.
#include <map>
#include <vector>

#include "data/base/text.h"
#include "reports/lint/lint_renderers.h"

namespace sparktune::reports {

namespace {

// Escapes for XML 1.0 text and attributes. Characters XML 1.0 cannot carry
// at all (controls other than tab/newline/CR) become U+FFFD.
std::string Xml(std::string_view s) {
  std::string out;
  for (char ch : text::ValidUtf8(s)) {
    unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      case '\t':
        out += "&#9;";
        break;
      case '\n':
        out += "&#10;";
        break;
      case '\r':
        out += "&#13;";
        break;
      default:
        if (c < 0x20 || c == 0x7f) {
          out += "\xEF\xBF\xBD";
        } else {
          out.push_back(ch);
        }
    }
  }
  return out;
}

// Text content keeps newlines readable.
std::string XmlText(std::string_view s) {
  std::string out = Xml(s);
  std::string result;
  for (size_t i = 0; i < out.size(); ++i) {
    if (out.compare(i, 5, "&#10;") == 0) {
      result.push_back('\n');
      i += 4;
    } else {
      result.push_back(out[i]);
    }
  }
  return result;
}

std::string Line(const LintFinding& f) {
  return f.file + ":" + std::to_string(f.line) + ":" + std::to_string(f.column) + ": " + f.level +
         " [" + f.rule_id + "] " + f.message;
}

}  // namespace

std::string RenderLintJunit(const LintReport& report) {
  std::map<std::string, std::vector<const LintFinding*>> by_file;
  for (const LintFinding& f : report.findings) by_file[f.file].push_back(&f);
  std::string suites;
  int total_tests = 0;
  int total_failures = 0;
  for (const std::string& file : report.files) {
    std::string cases;
    int failures = 0;
    for (const LintRuleDescriptor& rule : report.rules) {
      std::vector<const LintFinding*> failing;
      std::vector<const LintFinding*> notes;
      for (const LintFinding* f : by_file[file]) {
        if (f->rule_id != rule.id) continue;
        (f->level == "note" ? notes : failing).push_back(f);
      }
      cases += "    <testcase classname=\"sparktune.lint\" name=\"" +
               Xml(rule.id + " " + rule.slug) + "\" file=\"" + Xml(file) + "\"";
      if (failing.empty() && notes.empty()) {
        cases += "/>\n";
        continue;
      }
      cases += ">\n";
      if (!failing.empty()) {
        ++failures;
        std::string body;
        for (const LintFinding* f : failing) body += Line(*f) + "\n";
        cases += "      <failure type=\"" + Xml(failing.front()->level) + "\" message=\"" +
                 Xml(failing.front()->message) + "\">" + XmlText(body) + "</failure>\n";
      }
      if (!notes.empty()) {
        std::string body;
        for (const LintFinding* f : notes) body += Line(*f) + "\n";
        cases += "      <system-out>" + XmlText(body) + "</system-out>\n";
      }
      cases += "    </testcase>\n";
    }
    int tests = static_cast<int>(report.rules.size());
    total_tests += tests;
    total_failures += failures;
    suites += "  <testsuite name=\"" + Xml(file) + "\" tests=\"" + std::to_string(tests) +
              "\" failures=\"" + std::to_string(failures) + "\" errors=\"0\" skipped=\"0\">\n" +
              cases + "  </testsuite>\n";
  }
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"sparktune lint\" "
         "tests=\"" +
         std::to_string(total_tests) + "\" failures=\"" + std::to_string(total_failures) +
         "\" errors=\"0\">\n" + suites + "</testsuites>\n";
}

}  // namespace sparktune::reports
