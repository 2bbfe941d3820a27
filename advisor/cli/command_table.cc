#include <algorithm>
#include <cstdio>
#include <exception>
#include <iostream>

#include "advisor/cli/command.h"
#include "data/base/edit_distance.h"
#include "data/config/config_catalog.h"

namespace sparktune::cli {

// One declaration per subcommand, defined in its own file.
int RunProfile(const std::vector<std::string>& args);
int RunLint(const std::vector<std::string>& args);
int RunWhatif(const std::vector<std::string>& args);
int RunValidate(const std::vector<std::string>& args);
int RunSimulate(const std::vector<std::string>& args);
int RunIngest(const std::vector<std::string>& args);
int RunOptimize(const std::vector<std::string>& args);
int RunRecommend(const std::vector<std::string>& args);
int RunReport(const std::vector<std::string>& args);
int RunNightly(const std::vector<std::string>& args);
int RunCollect(const std::vector<std::string>& args);

namespace {

const Command kCommands[] = {
    {"profile",
     "parse event logs and summarize app, executors, stages, skew, spill, GC, MB-seconds",
     &RunProfile},
    {"whatif",
     "simulate an app at its own config and with --set overrides; runtime, MB-seconds, stages",
     &RunWhatif},
    {"simulate",
     "simulation mode: run a scenario file (tables, skew, plan shape, cluster) with no log",
     &RunSimulate},
    {"optimize",
     "search configs for one job: best config, savings, Pareto front, rewrite, plan advice",
     &RunOptimize},
    {"validate", "cross-config accuracy on real runs (an index.json of logs and their configs)",
     &RunValidate},
    {"ingest",
     "load event logs into the history database (SQLite), in parallel; skips logs already stored",
     &RunIngest},
    {"recommend", "fleet-wide unified config + per-job overrides from the history database",
     &RunRecommend},
    {"report", "write the nightly report (HTML, Markdown, JSON) of a stored night", &RunReport},
    {"nightly",
     "ingest a night's logs, optimize each app, recommend for the fleet, write the report",
     &RunNightly},
    {"lint",
     "pre-deploy checks of job configs (spark-defaults, spark-submit, SparkApplication) for CI",
     &RunLint},
    {"collect",
     "fetch completed apps' event logs from a Spark History Server, verified and resumable",
     &RunCollect},
};

void PrintHelp(std::ostream& out) {
  out << "usage: sparktune <command> [options]\n\n"
         "sparktune predicts how Spark applications would run under other configurations.\n\n"
         "commands:\n";
  size_t width = 0;
  for (const Command& c : kCommands) width = std::max(width, c.name.size());
  for (const Command& c : kCommands) {
    out << "  " << c.name << std::string(width - c.name.size() + 2, ' ') << c.summary << "\n";
  }
  out << "\nRun 'sparktune <command> --help' for a command's options.\n"
         "Exit codes: 0 ok, 1 findings, 2 usage error, 3 unreadable input, 4 internal error.\n";
}

}  // namespace

std::span<const Command> Commands() { return kCommands; }

int RunMain(int argc, char** argv) {
  if (argc < 2) {
    PrintHelp(std::cerr);
    return kExitUsage;
  }
  std::string name = argv[1];
  if (name == "help" || name == "--help" || name == "-h") {
    PrintHelp(std::cout);
    return kExitOk;
  }
  if (name == "--version" || name == "version") {
    std::cout << "sparktune 0.1.0\n";
    return kExitOk;
  }
  std::vector<std::string> args(argv + 2, argv + argc);
  for (const Command& c : kCommands) {
    if (c.name == name) {
      try {
        return c.run(args);
      } catch (const std::exception& e) {
        std::cerr << "sparktune: internal error: " << e.what() << "\n";
        return kExitInternal;
      }
    }
  }
  std::cerr << "sparktune: unknown command '" << name << "'";
  const Command* best = nullptr;
  size_t best_d = 3;
  for (const Command& c : kCommands) {
    size_t d = text::EditDistance(name, c.name);
    if (d < best_d) {
      best_d = d;
      best = &c;
    }
  }
  if (best) std::cerr << "; did you mean '" << best->name << "'?";
  std::cerr << "\nRun 'sparktune help' for the list of commands.\n";
  return kExitUsage;
}

}  // namespace sparktune::cli
