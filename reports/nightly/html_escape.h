// Escaping of untrusted text for HTML (element content and double- or
// single-quoted attribute values, including inside inline SVG).
//
// HtmlEscape replaces & < > " ' with character references and invalid UTF-8
// with U+FFFD, and drops C0 control characters other than tab, newline and
// carriage return (they are not allowed in HTML text). The result can never
// open a tag, close an attribute or start a character reference of its own.
//
// Thread safety: pure function.
#pragma once

#include <string>
#include <string_view>

namespace sparktune::reports {

std::string HtmlEscape(std::string_view text);

}  // namespace sparktune::reports
