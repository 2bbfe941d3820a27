#include <iostream>
#include "advisor/cli/command.h"
namespace sparktune::cli {
int RunProfile(const std::vector<std::string>& args) {
  std::cerr << "profile: under construction\n";
  return kExitInternal;
}
}  // namespace sparktune::cli
