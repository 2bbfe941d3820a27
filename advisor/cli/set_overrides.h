// ParseSetOverrides: the `--set key=value` arguments of whatif and simulate,
// validated against the config catalog (data/config): the key must be one the
// catalog declares (else a did-you-mean), a size must parse as Spark reads
// sizes ("4g", "512m"; a negative size such as -1 is left to the key's own
// meaning, e.g. a disabled broadcast threshold). On an error the message
// names the command and the argument; the caller exits with kExitUsage.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "data/base/result.h"

namespace sparktune::cli {

Result<std::map<std::string, std::string>> ParseSetOverrides(const std::string& command,
                                                             const std::vector<std::string>& sets);

}  // namespace sparktune::cli
