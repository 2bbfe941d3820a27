#include "advisor/cli/set_overrides.h"

#include "data/config/config_catalog.h"

namespace sparktune::cli {

Result<std::map<std::string, std::string>> ParseSetOverrides(const std::string& command,
                                                             const std::vector<std::string>& sets) {
  std::map<std::string, std::string> overrides;
  const std::string prefix = "sparktune " + command + ": ";
  for (const std::string& kv : sets) {
    size_t eq = kv.find('=');
    if (eq == std::string::npos || eq == 0) {
      return Status::InvalidArgument(prefix + "--set expects key=value, got '" + kv + "'");
    }
    std::string key = kv.substr(0, eq), value = kv.substr(eq + 1);
    const config::ConfigKey* k = config::FindKey(key);
    if (k == nullptr) {
      std::string msg = prefix + "unknown Spark key '" + key + "'";
      auto s = config::SuggestKeys(key);
      if (!s.empty()) msg += "; did you mean '" + std::string(s.front()) + "'?";
      return Status::InvalidArgument(msg);
    }
    if (k->type == config::ValueType::kBytes && !(!value.empty() && value[0] == '-') &&
        !config::ParseBytes(value, k->bytes_unit).ok()) {
      return Status::InvalidArgument(prefix + key + "=" + value +
                                     ": expected a size such as 4g or 512m");
    }
    overrides[key] = value;
  }
  return overrides;
}

}  // namespace sparktune::cli
