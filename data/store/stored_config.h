// Settings as the history store keeps them: a config (a set of Spark
// key = value overrides) is stored as canonical JSON, an object with sorted
// keys and string values, so equal configs are equal strings (predictions,
// recommendations). SameSettingValue compares two values of one key the way
// Spark reads them (catalog type: "4g" == "4096m", "TRUE" == "true").
//
// Thread safety: pure functions.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "data/base/result.h"

namespace sparktune::store {

using SettingMap = std::map<std::string, std::string>;

// {"a":"1","b":"2"}: sorted keys, no white space.
std::string CanonicalConfigJson(const SettingMap& settings);

// Parses a JSON object of string (or number/bool, kept as text) values.
// InvalidArgument naming what was wrong otherwise.
Result<SettingMap> ParseConfigJson(std::string_view json);

// True when Spark would read `a` and `b` as the same value of `key`: sizes
// and durations compare in bytes / ms (bare numbers in the key's unit),
// booleans and enums case-insensitively, numbers numerically; keys unknown to
// the catalog and strings compare after trimming white space.
bool SameSettingValue(std::string_view key, std::string_view a, std::string_view b);

}  // namespace sparktune::store
