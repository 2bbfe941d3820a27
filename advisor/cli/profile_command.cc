// `sparktune profile LOG... [--json] [--strict]`: parse event logs and
// summarize each. LOG may be a file, a rolling or legacy log directory, a
// folder of logs, or a History Server /logs zip. With --json, one
// "sparktune.profile/1" object per log (JSON Lines when several).
// Exit: 0 ok; 1 warnings with --strict; 2 usage; 3 a log was unreadable.
#include <unistd.h>

#include <boost/program_options.hpp>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "advisor/cli/command.h"
#include "advisor/cli/parse_options.h"
#include "advisor/profile/profile_report.h"
#include "data/eventlog/event_log_reader.h"
#include "data/eventlog/log_layout.h"
#include "data/eventlog/zip_archive.h"

namespace sparktune::cli {

namespace po = boost::program_options;

namespace {

// Removes a temporary extraction folder when it goes out of scope.
struct TempDir {
  std::string path;
  ~TempDir() {
    if (!path.empty()) {
      std::error_code ec;
      std::filesystem::remove_all(path, ec);
    }
  }
};

}  // namespace

int RunProfile(const std::vector<std::string>& args) {
  po::options_description options("sparktune profile LOG... [options]");
  options.add_options()("help,h", "show this help")(
      "json", "machine-readable output (sparktune.profile/1)")(
      "strict", "exit 1 when any log produced warnings");
  po::variables_map vm;
  if (auto exit =
          ParseOptions("profile", args, options, PositionalArg{"log", true, "event logs"}, vm))
    return *exit;
  if (!vm.count("log")) {
    std::cerr << "sparktune profile: expected at least one event log path\n" << options;
    return kExitUsage;
  }
  bool json = vm.count("json") > 0;
  bool strict = vm.count("strict") > 0;
  bool color = !json && isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;

  std::vector<TempDir> temps;
  std::vector<std::string> inputs;
  int exit_code = kExitOk;
  for (const std::string& arg : vm["log"].as<std::vector<std::string>>()) {
    if (std::filesystem::is_regular_file(arg) && eventlog::LooksLikeZip(arg)) {
      char tmpl[] = "/tmp/sparktune-zip-XXXXXX";
      if (mkdtemp(tmpl) == nullptr) {
        std::cerr << "sparktune: cannot create a temporary folder for " << arg << "\n";
        return kExitInternal;
      }
      temps.push_back({tmpl});
      auto extracted = eventlog::ExtractEventLogZip(arg, tmpl);
      if (!extracted.ok()) {
        std::cerr << "sparktune: " << arg << ": " << extracted.status().ToString() << "\n";
        exit_code = kExitUnreadable;
        continue;
      }
      for (auto& p : *extracted) inputs.push_back(p);
    } else {
      inputs.push_back(arg);
    }
  }
  auto expanded = eventlog::ExpandLogArguments(inputs);
  if (!expanded.ok()) {
    std::cerr << "sparktune: " << expanded.status().ToString() << "\n";
    return ExitCodeFor(expanded.status());
  }
  bool any_warning = false;
  for (const std::string& path : *expanded) {
    auto loaded = eventlog::ReadEventLog(path);
    if (!loaded.ok()) {
      std::cerr << "sparktune: " << loaded.status().ToString() << "\n";
      exit_code = std::max(exit_code, ExitCodeFor(loaded.status()));
      continue;
    }
    for (const auto& w : loaded->warnings) std::cerr << w.ToString() << "\n";
    if (loaded->warning_count > static_cast<int64_t>(loaded->warnings.size())) {
      std::cerr << path << ": warning: "
                << loaded->warning_count - static_cast<int64_t>(loaded->warnings.size())
                << " more warnings not shown\n";
    }
    any_warning |= loaded->warning_count > 0;
    if (json) {
      std::cout << advisor::ProfileJson(*loaded, path)
                       .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                << "\n";
    } else {
      std::cout << advisor::ProfileText(*loaded, path, color) << "\n";
    }
  }
  if (exit_code == kExitOk && strict && any_warning) exit_code = kExitFindings;
  return exit_code;
}

}  // namespace sparktune::cli
