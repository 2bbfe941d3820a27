#include "advisor/search/candidates.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "data/config/config_catalog.h"

namespace sparktune::search {

Result<std::vector<std::map<std::string, std::string>>> ParseCandidates(
    const std::string& json_text, const std::string& file_name) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(json_text);
  } catch (const nlohmann::json::exception& e) {
    return Status::InvalidArgument(file_name + ": not valid JSON (" + e.what() + ")");
  }
  if (!j.is_array() || j.empty()) {
    return Status::InvalidArgument(
        file_name + ": expected a non-empty JSON list of configs ({key: value} objects)");
  }
  std::vector<std::map<std::string, std::string>> out;
  for (size_t i = 0; i < j.size(); ++i) {
    std::string where = file_name + ": candidate " + std::to_string(i);
    if (!j[i].is_object())
      return Status::InvalidArgument(where + ": expected a {key: value} object");
    std::map<std::string, std::string> config;
    for (auto& [key, v] : j[i].items()) {
      const config::ConfigKey* k = config::FindKey(key);
      if (k == nullptr) {
        std::string msg = where + ": unknown Spark key '" + key + "'";
        auto s = config::SuggestKeys(key, 1);
        if (!s.empty()) msg += "; did you mean '" + std::string(s.front()) + "'?";
        return Status::InvalidArgument(msg);
      }
      std::string value;
      if (v.is_string())
        value = v.get<std::string>();
      else if (v.is_boolean())
        value = v.get<bool>() ? "true" : "false";
      else if (v.is_number())
        value = v.dump();
      else
        return Status::InvalidArgument(where + ": " + key +
                                       ": expected a string, number or boolean");
      Status st = config::ValidateValue(*k, value);
      if (!st.ok())
        return Status::InvalidArgument(where + ": " + key + "=" + value + ": " + st.message());
      config[key] = value;
    }
    out.push_back(std::move(config));
  }
  return out;
}

Result<std::vector<std::map<std::string, std::string>>> LoadCandidates(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open candidates file " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return ParseCandidates(text.str(), path);
}

}  // namespace sparktune::search
