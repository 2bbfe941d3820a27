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

// A fresh private directory under /tmp ("/tmp/sparktune-<tag>-XXXXXX"),
// removed with everything in it when the object goes.
class TempDir {
 public:
  explicit TempDir(const std::string& tag = "test");
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Result of running a command through /bin/sh: exit code and captured streams.
struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};
// Runs `command` with sh -c; stdout and stderr are captured separately.
CommandResult RunCommand(const std::string& command);

}  // namespace sparktune::testing
