#include "data/store/stored_config.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

#include "data/base/text.h"
#include "data/config/config_catalog.h"

namespace sparktune::store {

namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::optional<double> ParseNumber(std::string_view s) {
  double v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

}  // namespace

std::string CanonicalConfigJson(const SettingMap& settings) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [k, v] : settings) j[k] = v;  // nlohmann::json objects keep keys sorted
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<SettingMap> ParseConfigJson(std::string_view json) {
  nlohmann::json j = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded())
    return Status::InvalidArgument("config JSON does not parse: " +
                                   std::string(json.substr(0, 80)));
  if (!j.is_object())
    return Status::InvalidArgument("config JSON is not an object: " +
                                   std::string(json.substr(0, 80)));
  SettingMap out;
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (it.value().is_string()) {
      out[it.key()] = it.value().get<std::string>();
    } else if (it.value().is_number() || it.value().is_boolean()) {
      out[it.key()] = it.value().dump();
    } else {
      return Status::InvalidArgument("config JSON value of '" + it.key() +
                                     "' is not a string, number or boolean");
    }
  }
  return out;
}

bool SameSettingValue(std::string_view key, std::string_view a, std::string_view b) {
  a = text::TrimWhitespace(a);
  b = text::TrimWhitespace(b);
  if (a == b) return true;
  const config::ConfigKey* k = config::FindKey(key);
  if (k == nullptr) return false;
  switch (k->type) {
    case config::ValueType::kBytes: {
      auto x = config::ParseBytes(a, k->bytes_unit);
      auto y = config::ParseBytes(b, k->bytes_unit);
      return x.ok() && y.ok() && *x == *y;
    }
    case config::ValueType::kDuration: {
      auto x = config::ParseDurationMs(a, k->time_unit);
      auto y = config::ParseDurationMs(b, k->time_unit);
      return x.ok() && y.ok() && *x == *y;
    }
    case config::ValueType::kBool: {
      auto x = config::ParseBool(a);
      auto y = config::ParseBool(b);
      return x.ok() && y.ok() && *x == *y;
    }
    case config::ValueType::kInt:
    case config::ValueType::kDouble: {
      auto x = ParseNumber(a);
      auto y = ParseNumber(b);
      return x && y && std::abs(*x - *y) <= 1e-9 * std::max(1.0, std::abs(*x));
    }
    case config::ValueType::kEnum:
      return EqualsIgnoreCase(a, b);
    case config::ValueType::kString:
      return false;
  }
  return false;
}

}  // namespace sparktune::store
