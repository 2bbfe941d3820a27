// Parser for shell scripts that run `spark-submit`.
//
// The script is split into words and commands the way a POSIX shell would
// for the cases job scripts use: blanks separate words; newlines, ';', '&',
// '|', '(' and ')' end commands; '\' + newline continues a line; single quotes
// are literal; double quotes keep blanks and honour \$ \` \" \\ and
// \<newline>; '#' at the start of a word opens a comment. Expansions ($VAR,
// ${VAR}, $(cmd), `cmd`) are kept as written and mark the value dynamic: they
// cannot be resolved without running the script.
//
// Each command containing a word named spark-submit (any directory prefix)
// becomes one JobConfig. Its options are read as SparkSubmitArguments does
// (launcher/.../SparkSubmitOptionParser.java): "--opt value" and
// "--opt=value"; --conf/-c "k=v"; the dedicated flags map to their keys
// (--executor-memory -> spark.executor.memory, ...); the first non-option word
// is the primary resource and the rest are application arguments.
//
// Every value keeps the location of its first character in the script.
//
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "data/base/result.h"
#include "data/jobconfig/job_config.h"

namespace sparktune::jobconfig {

// Parses the script `text` read from `path`. A script with no spark-submit
// command gives a ConfigFile with no jobs. An unterminated quote is an error
// naming the line where the quote opened.
Result<ConfigFile> ParseSparkSubmitScript(const std::string& path, std::string_view text);

// The spark.* key a dedicated spark-submit flag sets ("--executor-memory" ->
// "spark.executor.memory"), or "" when the flag sets none.
std::string_view KeyForSubmitFlag(std::string_view flag);

}  // namespace sparktune::jobconfig
