#include "tests/test_paths.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace sparktune::testing {

std::string SourceDir() { return SPARKTUNE_SOURCE_DIR; }
std::string SharedEventLogs() { return SourceDir() + "/../shared/eventlogs"; }
std::string SparktuneBinary() { return SPARKTUNE_BINARY; }

namespace {
std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
}  // namespace

CommandResult RunCommand(const std::string& command) {
  char out_tmpl[] = "/tmp/sparktune-test-out-XXXXXX";
  char err_tmpl[] = "/tmp/sparktune-test-err-XXXXXX";
  int out_fd = mkstemp(out_tmpl);
  int err_fd = mkstemp(err_tmpl);
  close(out_fd);
  close(err_fd);
  std::string full = command + " >" + out_tmpl + " 2>" + err_tmpl;
  int status = std::system(full.c_str());
  CommandResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = Slurp(out_tmpl);
  result.err = Slurp(err_tmpl);
  unlink(out_tmpl);
  unlink(err_tmpl);
  return result;
}

TempDir::TempDir(const std::string& tag) {
  std::string tmpl = "/tmp/sparktune-" + tag + "-XXXXXX";
  char* made = mkdtemp(tmpl.data());
  path_ = made != nullptr ? made : "";
}

TempDir::~TempDir() {
  if (path_.empty()) return;
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

}  // namespace sparktune::testing
