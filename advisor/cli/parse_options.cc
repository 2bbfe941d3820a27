#include "advisor/cli/parse_options.h"

#include <iostream>

#include "advisor/cli/command.h"

namespace sparktune::cli {

namespace po = boost::program_options;

std::optional<int> ParseOptions(std::string_view command, const std::vector<std::string>& args,
                                const po::options_description& visible,
                                const std::optional<PositionalArg>& positional,
                                po::variables_map& vm) {
  po::options_description all;
  all.add(visible);
  po::options_description hidden;
  po::positional_options_description positionals;
  if (positional) {
    if (positional->many) {
      hidden.add_options()(positional->name.c_str(), po::value<std::vector<std::string>>(),
                           positional->description.c_str());
    } else {
      hidden.add_options()(positional->name.c_str(), po::value<std::string>(),
                           positional->description.c_str());
    }
    positionals.add(positional->name.c_str(), positional->many ? -1 : 1);
    all.add(hidden);
  }
  try {
    po::store(po::command_line_parser(args).options(all).positional(positionals).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "sparktune " << command << ": " << e.what() << "\n" << visible;
    return kExitUsage;
  }
  if (vm.count("help")) {
    std::cout << visible;
    return kExitOk;
  }
  return std::nullopt;
}

}  // namespace sparktune::cli
