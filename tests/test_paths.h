// Paths that tests use: the source tree, the shared real event logs beside the
// repository (../shared/eventlogs, read in place, never copied), and the built
// `sparktune` binary for end-to-end tests.
#pragma once

#include <string>

namespace sparktune::testing {

// Absolute path of the repository root.
std::string SourceDir();
// Absolute path of ../shared/eventlogs (may not exist on a machine without shared/).
std::string SharedEventLogs();
// Absolute path of the built `sparktune` binary.
std::string SparktuneBinary();

// Result of running a command through /bin/sh: exit code and captured streams.
struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};
// Runs `command` with sh -c; stdout and stderr are captured separately.
CommandResult RunCommand(const std::string& command);

}  // namespace sparktune::testing
