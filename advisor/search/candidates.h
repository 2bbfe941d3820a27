// Candidate configs for `optimize --candidates FILE`: a JSON list of
// {key: value} objects, each a whole config shape the job may take, e.g.
//   [{"spark.executor.memory": "4g", "spark.executor.cores": 2},
//    {"spark.executor.memory": "8g", "spark.executor.cores": 4}]
// Keys must be in the config catalog (a typo is an error with a suggestion);
// values are strings, numbers or booleans and must be valid for the key
// (config::ValidateValue). Errors name the file and the candidate's index.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "data/base/result.h"

namespace sparktune::search {

Result<std::vector<std::map<std::string, std::string>>> ParseCandidates(
    const std::string& json_text, const std::string& file_name);
Result<std::vector<std::map<std::string, std::string>>> LoadCandidates(const std::string& path);

}  // namespace sparktune::search
