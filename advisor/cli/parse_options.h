// ParseOptions: the command-line handling every subcommand shares
// (Boost.Program_options): its visible options plus at most one hidden
// positional argument, `--help` (prints the options, exit 0), and a parse
// error (prints "sparktune <command>: <error>" and the options, exit 2).
#pragma once

#include <boost/program_options.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sparktune::cli {

struct PositionalArg {
  std::string name;         // the key in the variables map ("log", "index", ...)
  bool many = false;        // std::vector<std::string> of any count, else one std::string
  std::string description;  // for the hidden option
};

// Parses `args` into `vm`. Returns std::nullopt when the command goes on, or
// the exit code to return (help shown, or a usage error reported).
std::optional<int> ParseOptions(std::string_view command, const std::vector<std::string>& args,
                                const boost::program_options::options_description& visible,
                                const std::optional<PositionalArg>& positional,
                                boost::program_options::variables_map& vm);

}  // namespace sparktune::cli
