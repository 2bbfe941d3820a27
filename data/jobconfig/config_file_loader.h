// Reads a job config file and picks its parser.
//
// Format by name first: *.yaml / *.yml -> SparkApplication YAML; *.sh /
// *.bash / *.ksh / *.zsh -> shell script; *.conf / *.properties /
// spark-defaults* -> properties. Otherwise by content: a "#!" line or a
// spark-submit word -> shell script; "apiVersion:" or "kind:" at the start of
// a line -> YAML; else properties.
//
// Errors: kNotFound (no such file), kUnreadable (a directory, unreadable,
// larger than kMaxConfigFileBytes, or rejected by the parser).
//
// Thread safety: pure functions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "data/base/result.h"
#include "data/base/units.h"
#include "data/jobconfig/job_config.h"

namespace sparktune::jobconfig {

// Config files are small; anything larger is not one (and is not read).
inline constexpr size_t kMaxConfigFileBytes = 16 * units::kMib;

ConfigFormat DetectFormat(std::string_view path, std::string_view text);

// Parses `text` as the format DetectFormat picks for `path`.
Result<ConfigFile> ParseConfigText(const std::string& path, std::string_view text);

// Reads and parses the file at `path`.
Result<ConfigFile> LoadConfigFile(const std::string& path);

// Reads a whole file (same errors as LoadConfigFile).
Result<std::string> ReadConfigFileText(const std::string& path);

}  // namespace sparktune::jobconfig
