#include "data/config/config_catalog.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>
#include <unordered_map>

#include "data/base/edit_distance.h"
#include "data/base/text.h"
#include "data/base/units.h"
#include "data/config/catalog_table.h"

namespace sparktune::config {

namespace {

// Largest size (bytes) or duration (ms) accepted: 2^60, far beyond any real
// setting, so sums of a few values never overflow int64.
constexpr double kMaxMagnitude = 1152921504606846976.0;

const std::vector<ConfigKey>& CatalogVector() {
  static const std::vector<ConfigKey> catalog = BuildCatalog();
  return catalog;
}

// Splits "123.5gb" into number and suffix; both trimmed.
bool SplitNumberSuffix(std::string_view text, double* number, std::string* suffix) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  size_t i = 0;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
  while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.'))
    ++i;
  if (i == 0 || (i == 1 && (text[0] == '-' || text[0] == '+'))) return false;
  std::string num(text.substr(0, i));
  char* end = nullptr;
  *number = std::strtod(num.c_str(), &end);
  if (end != num.c_str() + num.size()) return false;
  *suffix = text::AsciiLower(text.substr(i));
  while (!suffix->empty() && std::isspace(static_cast<unsigned char>(suffix->front())))
    suffix->erase(0, 1);
  return true;
}

}  // namespace

std::span<const ConfigKey> Catalog() { return CatalogVector(); }

const ConfigKey* FindKey(std::string_view name) {
  // Index built once (thread-safe static initialization); the linter looks
  // keys up for every setting of every job.
  static const std::unordered_map<std::string_view, const ConfigKey*> index = [] {
    std::unordered_map<std::string_view, const ConfigKey*> m;
    for (const ConfigKey& key : CatalogVector()) m.emplace(key.name, &key);
    return m;
  }();
  auto it = index.find(name);
  return it == index.end() ? nullptr : it->second;
}

std::optional<std::string_view> DefaultFor(const ConfigKey& key, const SparkVersion& version) {
  if (key.defaults.empty()) return std::nullopt;
  const VersionedDefault* chosen = &key.defaults.front();
  for (const VersionedDefault& row : key.defaults) {
    if (!version.known() || row.since <= version) chosen = &row;
  }
  if (chosen->value.empty()) return std::nullopt;
  return chosen->value;
}

size_t KeyEditDistance(std::string_view a, std::string_view b) {
  return text::EditDistance(a, b, text::Case::kInsensitive);
}

std::optional<std::string_view> ClosestKey(std::string_view name, size_t max_distance) {
  std::optional<std::string_view> best;
  size_t bound = max_distance;  // a later key must be strictly closer to win (declaration order)
  for (const ConfigKey& key : CatalogVector()) {
    std::optional<size_t> d =
        text::EditDistanceWithin(name, key.name, bound, text::Case::kInsensitive);
    if (!d) continue;
    best = key.name;
    if (*d == 0) break;
    bound = *d - 1;
  }
  return best;
}

bool IsDeprecatedIn(const ConfigKey& key, const SparkVersion& version) {
  if (key.deprecated_in.empty()) return false;
  return !version.known() || SparkVersion::Parse(key.deprecated_in) <= version;
}

bool IsRemovedIn(const ConfigKey& key, const SparkVersion& version) {
  if (key.removed_in.empty()) return false;
  return !version.known() || SparkVersion::Parse(key.removed_in) <= version;
}

bool IsNewerThan(const ConfigKey& key, const SparkVersion& version) {
  if (key.since.empty() || !version.known()) return false;
  return version < SparkVersion::Parse(key.since);
}

Result<bool> ParseBool(std::string_view text) {
  std::string lower = text::AsciiLower(text);
  while (!lower.empty() && std::isspace(static_cast<unsigned char>(lower.front())))
    lower.erase(0, 1);
  while (!lower.empty() && std::isspace(static_cast<unsigned char>(lower.back()))) lower.pop_back();
  if (lower == "true") return true;
  if (lower == "false") return false;
  return Status::InvalidArgument("expected true or false, got '" + std::string(text) + "'");
}

Status ValidateValue(const ConfigKey& key, std::string_view value) {
  std::optional<double> number;
  switch (key.type) {
    case ValueType::kBool: {
      Result<bool> b = ParseBool(value);
      if (!b.ok()) return b.status();
      return Status::Ok();
    }
    case ValueType::kInt: {
      std::string trimmed(value);
      while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.back())))
        trimmed.pop_back();
      while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.front())))
        trimmed.erase(0, 1);
      int64_t v = 0;
      auto [ptr, ec] = std::from_chars(trimmed.data(), trimmed.data() + trimmed.size(), v);
      if (trimmed.empty() || ec != std::errc() || ptr != trimmed.data() + trimmed.size()) {
        return Status::InvalidArgument("expected an integer, got '" + std::string(value) + "'");
      }
      number = static_cast<double>(v);
      break;
    }
    case ValueType::kDouble: {
      std::string trimmed(value);
      char* end = nullptr;
      double v = trimmed.empty() ? 0 : std::strtod(trimmed.c_str(), &end);
      if (trimmed.empty() || end != trimmed.c_str() + trimmed.size() || v != v) {
        return Status::InvalidArgument("expected a number, got '" + std::string(value) + "'");
      }
      number = v;
      break;
    }
    case ValueType::kBytes: {
      // JavaUtils.byteStringAs accepts whole numbers only ("1.5g" throws).
      if (value.find('.') != std::string_view::npos) {
        return Status::InvalidArgument("fractional sizes are rejected by Spark, got '" +
                                       std::string(value) + "' (write 1536m, not 1.5g)");
      }
      Result<int64_t> b = ParseBytes(value, key.bytes_unit);
      if (!b.ok()) return b.status();
      number = static_cast<double>(*b);
      break;
    }
    case ValueType::kDuration: {
      // JavaUtils.timeStringAs accepts whole numbers only.
      if (value.find('.') != std::string_view::npos) {
        return Status::InvalidArgument("fractional durations are rejected by Spark, got '" +
                                       std::string(value) + "' (write 1500ms, not 1.5s)");
      }
      Result<int64_t> ms = ParseDurationMs(value, key.time_unit);
      if (!ms.ok()) return ms.status();
      // The range of a duration key is in its base unit (ms or s).
      number = key.time_unit == 'm' ? static_cast<double>(*ms) : static_cast<double>(*ms) / 1000.0;
      break;
    }
    case ValueType::kEnum: {
      std::string lower = text::AsciiLower(value);
      for (std::string_view choice : key.choices) {
        if (lower == choice) return Status::Ok();
      }
      std::string expected;
      for (std::string_view choice : key.choices) {
        if (!expected.empty()) expected += ", ";
        expected += choice;
      }
      return Status::InvalidArgument("expected one of " + expected + ", got '" +
                                     std::string(value) + "'");
    }
    case ValueType::kString:
      return Status::Ok();
  }
  // Limits in the key's own terms: sizes in MiB/GiB, durations with a unit.
  auto limit = [&key](double v) {
    char buf[64];
    if (key.type == ValueType::kBytes && v >= 1024.0 * 1024 && std::fmod(v, 1024.0 * 1024) == 0) {
      std::snprintf(buf, sizeof buf, "%.0fm", v / (1024.0 * 1024));
    } else if (key.type == ValueType::kBytes) {
      std::snprintf(buf, sizeof buf, "%.0f bytes", v);
    } else if (key.type == ValueType::kDuration) {
      std::snprintf(buf, sizeof buf, "%g%s", v, key.time_unit == 'm' ? "ms" : "s");
    } else {
      std::snprintf(buf, sizeof buf, "%g", v);
    }
    return std::string(buf);
  };
  if (number && key.min && *number < *key.min) {
    return Status::InvalidArgument("'" + std::string(value) + "' is below the minimum (" +
                                   limit(*key.min) + ")");
  }
  if (number && key.max && *number > *key.max) {
    return Status::InvalidArgument("'" + std::string(value) + "' is above the maximum (" +
                                   limit(*key.max) + ")");
  }
  return Status::Ok();
}

std::vector<std::string_view> SuggestKeys(std::string_view name, size_t max_suggestions) {
  std::vector<std::pair<size_t, std::string_view>> scored;
  for (const ConfigKey& key : CatalogVector()) {
    size_t d = text::EditDistance(name, key.name, text::Case::kInsensitive);
    if (d <= std::max<size_t>(3, name.size() / 4)) scored.emplace_back(d, key.name);
  }
  std::sort(scored.begin(), scored.end());
  std::vector<std::string_view> out;
  for (size_t i = 0; i < scored.size() && i < max_suggestions; ++i) out.push_back(scored[i].second);
  return out;
}

Result<int64_t> ParseBytes(std::string_view text, char default_unit) {
  double number = 0;
  std::string suffix;
  if (!SplitNumberSuffix(text, &number, &suffix)) {
    return Status::InvalidArgument("expected a size such as 4g, 512m or 1024, got '" +
                                   std::string(text) + "'");
  }
  if (suffix.empty()) suffix = std::string(1, default_unit);
  if (suffix.size() > 1 && suffix.back() == 'b') suffix.pop_back();  // "gb" -> "g"
  if (suffix.size() > 1 && suffix.substr(suffix.size() - 2) == "ib")
    suffix.resize(suffix.size() - 2);
  double mult = 0;
  if (suffix == "b" || suffix.empty())
    mult = 1;
  else if (suffix == "k")
    mult = 1024.0;
  else if (suffix == "m")
    mult = 1024.0 * 1024;
  else if (suffix == "g")
    mult = 1024.0 * 1024 * 1024;
  else if (suffix == "t")
    mult = 1024.0 * 1024 * 1024 * 1024;
  else if (suffix == "p")
    mult = 1024.0 * 1024 * 1024 * 1024 * 1024;
  else {
    return Status::InvalidArgument("unknown size unit '" + suffix + "' in '" + std::string(text) +
                                   "' (expected b, k, m, g, t or p)");
  }
  // Reject what cannot be a real size (and would overflow int64 arithmetic).
  if (!(std::fabs(number * mult) <= kMaxMagnitude)) {
    return Status::InvalidArgument("size '" + std::string(text) + "' is out of range");
  }
  return static_cast<int64_t>(number * mult);
}

std::string FormatSizeSetting(int64_t bytes) {
  if (bytes < 0) return "-1";
  if (bytes == 0) return "0";
  if (bytes % units::kGib == 0) return std::to_string(bytes / units::kGib) + "g";
  if (bytes % units::kMib == 0) return std::to_string(bytes / units::kMib) + "m";
  if (bytes % units::kKib == 0) return std::to_string(bytes / units::kKib) + "k";
  return std::to_string(bytes);
}

Result<int64_t> ParseDurationMs(std::string_view text, char default_unit) {
  double number = 0;
  std::string suffix;
  if (!SplitNumberSuffix(text, &number, &suffix)) {
    return Status::InvalidArgument("expected a duration such as 120s, 5min or 100ms, got '" +
                                   std::string(text) + "'");
  }
  double mult = 0;
  if (suffix.empty())
    mult = default_unit == 'm' ? 1 : 1000;
  else if (suffix == "us")
    mult = 0.001;
  else if (suffix == "ms")
    mult = 1;
  else if (suffix == "s")
    mult = 1000;
  else if (suffix == "m" || suffix == "min")
    mult = 60'000;
  else if (suffix == "h")
    mult = 3'600'000;
  else if (suffix == "d")
    mult = 86'400'000;
  else {
    return Status::InvalidArgument("unknown time unit '" + suffix + "' in '" + std::string(text) +
                                   "' (expected us, ms, s, m/min, h or d)");
  }
  if (!(std::fabs(number * mult) <= kMaxMagnitude)) {
    return Status::InvalidArgument("duration '" + std::string(text) + "' is out of range");
  }
  return static_cast<int64_t>(number * mult);
}

}  // namespace sparktune::config
