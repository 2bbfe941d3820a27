#include "reports/nightly/html_escape.h"

#include "data/base/text.h"

namespace sparktune::reports {

std::string HtmlEscape(std::string_view text) {
  std::string valid = text::ValidUtf8(text);
  std::string out;
  out.reserve(valid.size() + valid.size() / 8);
  for (char c : valid) {
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
        out += "&#39;";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
        if (c == 0x7f) break;
        out += c;
    }
  }
  return out;
}

}  // namespace sparktune::reports
