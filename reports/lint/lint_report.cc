#include "reports/lint/lint_report.h"

#include <cctype>
#include <cstdint>
#include <cstdio>
#include <map>

#include "data/base/text.h"

namespace sparktune::reports {

LintCounts CountFindings(const LintReport& report) {
  LintCounts c;
  for (const LintFinding& f : report.findings) {
    if (f.level == "error")
      ++c.errors;
    else if (f.level == "warning")
      ++c.warnings;
    else
      ++c.notes;
  }
  return c;
}

namespace {

uint64_t Fnv1a(uint64_t h, std::string_view s) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  h ^= 0xff;  // field separator
  h *= 1099511628211ULL;
  return h;
}

}  // namespace

std::vector<std::string> LintFingerprints(const LintReport& report) {
  std::vector<std::string> out;
  std::map<std::string, int> seen;
  for (const LintFinding& f : report.findings) {
    uint64_t h = 14695981039346656037ULL;
    h = Fnv1a(h, f.rule_id);
    h = Fnv1a(h, f.file);
    h = Fnv1a(h, f.key);
    h = Fnv1a(h, text::TrimWhitespace(f.snippet));
    char buf[32];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    int n = ++seen[buf];
    out.push_back(std::string(buf) + ":" + std::to_string(n));
  }
  return out;
}

std::string JsonQuote(std::string_view text) {
  std::string valid = text::ValidUtf8(text);
  std::string out;
  out.reserve(valid.size() + 2);
  out.push_back('"');
  for (char ch : valid) {
    unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out.push_back(ch);
        }
    }
  }
  out.push_back('"');
  return out;
}

std::string PathToUri(std::string_view path) {
  std::string out;
  bool absolute = !path.empty() && path.front() == '/';
  if (absolute) out = "file://";
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

}  // namespace sparktune::reports
