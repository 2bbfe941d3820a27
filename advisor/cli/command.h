// The subcommand table of the `sparktune` binary (architecture.md section 4).
//
// Each subcommand lives in its own file (`<name>_command.cc`) and exposes one
// function with the signature below. The table in command_table.cc lists them
// in help order; `sparktune help` and did-you-mean suggestions are generated
// from it. Exit codes: 0 ok, 1 findings at/above --fail-on, 2 usage error,
// 3 unreadable input, 4 internal error.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sparktune::cli {

// Arguments after the subcommand name.
using CommandFunction = int (*)(const std::vector<std::string>& args);

struct Command {
  std::string_view name;
  std::string_view summary;  // one line for `sparktune help`
  CommandFunction run;
};

// The table, in help order.
std::span<const Command> Commands();

// Dispatches argv (argv[0] is the program) and returns the exit code.
int RunMain(int argc, char** argv);

// Exit codes.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitUnreadable = 3;
inline constexpr int kExitInternal = 4;

}  // namespace sparktune::cli
