#include "advisor/recommend/job_rewrite.h"

#include <cstdio>

namespace sparktune::recommend {

namespace {

bool SafeShellChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.' || c == '/' || c == ':' || c == '=' || c == '@' || c == '%' || c == '+' ||
         c == ',' || c == '-';
}

std::string PropertiesEscape(std::string_view s, bool is_key) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '\\':
        out += "\\\\";
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
      case '\f':
        out += "\\f";
        break;
      case ' ':
        // A key ends at its first unescaped space; a value's leading spaces are skipped.
        out += (is_key || i == 0) ? "\\ " : " ";
        break;
      case '=':
      case ':':
      case '#':
      case '!':
        // Separators end a key; '#' and '!' start a comment only at the line start.
        if (is_key || (i == 0 && (c == '#' || c == '!'))) out += '\\';
        out += static_cast<char>(c);
        break;
      default:
        if (c < 0x20 || c == 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out;
}

}  // namespace

std::string ShellQuote(std::string_view s) {
  bool safe = !s.empty();
  for (char c : s) safe = safe && SafeShellChar(c);
  if (safe) return std::string(s);
  std::string out = "'";
  for (char c : s) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  out += "'";
  return out;
}

std::string SubmitArgs(const std::map<std::string, std::string>& config) {
  std::string out;
  for (const auto& [k, v] : config) {
    if (!out.empty()) out += " \\\n  ";
    out += "--conf " + ShellQuote(k + "=" + v);
  }
  return out;
}

std::string PropertiesKey(std::string_view key) { return PropertiesEscape(key, true); }
std::string PropertiesValue(std::string_view value) { return PropertiesEscape(value, false); }

std::string DefaultsFragment(const std::map<std::string, std::string>& config,
                             std::string_view comment) {
  std::string out;
  if (!comment.empty()) out += "# " + OneLine(comment) + "\n";
  for (const auto& [k, v] : config) out += PropertiesKey(k) + " " + PropertiesValue(v) + "\n";
  return out;
}

nlohmann::ordered_json ConfigJson(const std::map<std::string, std::string>& config) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (const auto& [k, v] : config) j[k] = v;
  return j;
}

}  // namespace sparktune::recommend
