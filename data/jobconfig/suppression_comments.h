// Inline suppression comments (see Suppression in job_config.h for the
// syntax). The three config formats all use '#' comments, so one scanner
// serves them: a '#' at the start of a line or after whitespace opens a
// comment; "sparktune:" inside it starts a directive.
//
// Thread safety: pure function.
#pragma once

#include <string_view>
#include <vector>

#include "data/jobconfig/job_config.h"
#include "data/jobconfig/line_index.h"

namespace sparktune::jobconfig {

// Every suppression directive in `text`. Malformed directives (no rule list)
// are returned with an empty `rules` so the linter can report them.
// With `allow_trailing` false (properties files, where '#' after a value is
// part of the value), only comments alone on their line count.
std::vector<Suppression> ParseSuppressions(const LineIndex& index, std::string_view text,
                                           bool allow_trailing = true);

}  // namespace sparktune::jobconfig
