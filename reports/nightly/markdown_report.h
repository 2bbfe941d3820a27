// A concise Markdown summary of the nightly report, for a chat message or a
// pull-request comment (GitHub-flavoured Markdown): fleet totals with the
// change since the previous night, the cluster config proposal with its
// saving and the spark-defaults.conf text, the top 5 jobs by predicted saving
// and by waste, per-job overrides, and unreadable logs. Units and number
// formats as in report_format.h.
//
// Untrusted strings are escaped with MarkdownEscape (outside code) or put in
// code spans / fenced blocks whose fences are longer than any backtick run
// inside, so they can neither format, link, embed HTML nor break a table.
//
// Thread safety: pure functions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "reports/nightly/nightly_report.h"

namespace sparktune::reports {

// Jobs listed in each top list of the summary.
inline constexpr size_t kMarkdownTopJobs = 5;

std::string RenderNightlyMarkdown(const NightlyReport& report);

// `text` safe as Markdown inline text, also inside a table cell: Markdown
// punctuation that acts mid-line (\ ` * _ [ ] ( ) # ! | ~) is backslash-escaped,
// & < > become character references, newlines become spaces, invalid UTF-8
// becomes U+FFFD.
std::string MarkdownEscape(std::string_view text);

// `text` as an inline code span safe in a table cell: backtick fence longer
// than any run inside, pipes as "\|" (GFM table rule), newlines as spaces.
std::string MarkdownCode(std::string_view text);

}  // namespace sparktune::reports
