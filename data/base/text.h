// Text: the project's small string helpers, for text that may come from
// untrusted input (event logs, job configs, History Server answers).
//
// Contract: pure functions over bytes; ASCII-only case folding (Spark keys and
// values are ASCII; other bytes pass through unchanged); ValidUtf8 replaces
// every byte that does not start a well-formed UTF-8 sequence of 1-4 bytes
// (overlong 2-byte forms included) with U+FFFD, so the result is always valid
// UTF-8 for JSON, HTML, SARIF and Markdown writers. Escaping for a particular
// format (HTML, JSON, shell) stays with that format's writer.
// Thread-compatible: no state.
#pragma once

#include <string>
#include <string_view>

namespace sparktune::text {

// `s` without leading and trailing white space (std::isspace: space, \t, \n,
// \v, \f, \r).
std::string_view TrimWhitespace(std::string_view s);

// `s` with ASCII letters lower-cased.
std::string AsciiLower(std::string_view s);

// One line of printable text: control characters (newline, ESC, ...) become
// '?'; for terminal output of untrusted strings.
std::string OneLine(std::string_view s);

// `text` with invalid UTF-8 sequences replaced by U+FFFD.
std::string ValidUtf8(std::string_view text);

}  // namespace sparktune::text
