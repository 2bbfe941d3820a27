// Parser for spark-defaults.conf and other Java properties files, as Spark
// loads them: Utils.getPropertiesFromFile reads the file as UTF-8 with
// java.util.Properties.load and trims each value.
//
// Properties.load rules followed here:
//   * a natural line whose first non-blank character is '#' or '!' is a comment;
//   * a line ending in an odd number of backslashes continues on the next
//     line, whose leading blanks are dropped;
//   * the key ends at the first unescaped '=', ':' or blank; then blanks, at
//     most one '=' or ':', and blanks again separate it from the value;
//   * escapes \t \n \r \f \uXXXX, and '\' before any other character means
//     that character.
// Every setting keeps the location of its key and of its value's first
// character. Errors (NUL bytes, a malformed \u escape) come back as a Status
// naming file and line.
//
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "data/base/result.h"
#include "data/jobconfig/job_config.h"

namespace sparktune::jobconfig {

// Parses `text`, the contents of `path` (used only for locations).
Result<ConfigFile> ParseSparkDefaults(const std::string& path, std::string_view text);

}  // namespace sparktune::jobconfig
