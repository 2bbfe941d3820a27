#include "rules/rule.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <unordered_map>

#include "data/config/config_catalog.h"

namespace sparktune::rules {

std::string_view SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kNote:
      return "note";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "warning";
}

std::optional<Severity> ParseSeverity(std::string_view name) {
  if (name == "note" || name == "info") return Severity::kNote;
  if (name == "warning" || name == "warn") return Severity::kWarning;
  if (name == "error") return Severity::kError;
  return std::nullopt;
}

RuleContext::RuleContext(const Rule& rule, const jobconfig::ConfigFile& file,
                         const jobconfig::JobConfig* job, SparkVersion version,
                         const std::map<std::string, std::string>& options,
                         std::vector<Finding>* out)
    : rule_(rule),
      file_(file),
      job_(job),
      version_(std::move(version)),
      options_(options),
      out_(out) {}

std::string RuleContext::OptionText(std::string_view name) const {
  if (auto it = options_.find(std::string(name)); it != options_.end()) return it->second;
  for (const RuleOption& o : rule_.options) {
    if (o.name == name) return std::string(o.default_value);
  }
  return "";
}

double RuleContext::OptionNumber(std::string_view name) const {
  std::string text = OptionText(name);
  return std::strtod(text.c_str(), nullptr);
}

int64_t RuleContext::OptionBytes(std::string_view name, char bare_unit) const {
  Result<int64_t> b = config::ParseBytes(OptionText(name), bare_unit);
  return b.ok() ? *b : 0;
}

int64_t RuleContext::OptionMs(std::string_view name, char bare_unit) const {
  Result<int64_t> ms = config::ParseDurationMs(OptionText(name), bare_unit);
  return ms.ok() ? *ms : 0;
}

const jobconfig::ConfigSetting* RuleContext::Setting(std::string_view key) const {
  if (!job_) return nullptr;
  return job_->Find(key);
}

std::optional<std::string> RuleContext::Value(std::string_view key) const {
  if (const jobconfig::ConfigSetting* s = Setting(key)) {
    if (s->dynamic) return std::nullopt;
    return s->value;
  }
  // An old name read by Spark as an alternative (configsWithAlternatives).
  static const std::unordered_multimap<std::string_view, const config::ConfigKey*> old_names = [] {
    std::unordered_multimap<std::string_view, const config::ConfigKey*> m;
    for (const config::ConfigKey& k : config::Catalog()) {
      if (!k.replaced_by.empty()) m.emplace(k.replaced_by, &k);
    }
    return m;
  }();
  auto [begin, end] = old_names.equal_range(key);
  for (auto it = begin; it != end; ++it) {
    const config::ConfigKey& k = *it->second;
    if (config::IsRemovedIn(k, version_)) continue;
    if (const jobconfig::ConfigSetting* s = Setting(k.name)) {
      if (s->dynamic) return std::nullopt;
      return s->value;
    }
  }
  const config::ConfigKey* k = config::FindKey(key);
  if (!k) return std::nullopt;
  std::optional<std::string_view> d = config::DefaultFor(*k, version_);
  if (!d) return std::nullopt;
  return std::string(*d);
}

std::optional<int64_t> RuleContext::Bytes(std::string_view key) const {
  std::optional<std::string> v = Value(key);
  const config::ConfigKey* k = config::FindKey(key);
  if (!v) return std::nullopt;
  Result<int64_t> b = config::ParseBytes(*v, k ? k->bytes_unit : 'b');
  if (!b.ok()) return std::nullopt;
  return *b;
}

std::optional<int64_t> RuleContext::DurationMs(std::string_view key) const {
  std::optional<std::string> v = Value(key);
  const config::ConfigKey* k = config::FindKey(key);
  if (!v) return std::nullopt;
  Result<int64_t> ms = config::ParseDurationMs(*v, k ? k->time_unit : 's');
  if (!ms.ok()) return std::nullopt;
  return *ms;
}

std::optional<double> RuleContext::Number(std::string_view key) const {
  std::optional<std::string> v = Value(key);
  if (!v || v->empty()) return std::nullopt;
  char* end = nullptr;
  double d = std::strtod(v->c_str(), &end);
  while (end && *end == ' ') ++end;
  if (!end || *end != '\0' || !std::isfinite(d) || std::fabs(d) > 1e15) return std::nullopt;
  return d;
}

std::optional<bool> RuleContext::Bool(std::string_view key) const {
  std::optional<std::string> v = Value(key);
  if (!v) return std::nullopt;
  Result<bool> b = config::ParseBool(*v);
  if (!b.ok()) return std::nullopt;
  return *b;
}

jobconfig::SourceLocation RuleContext::Anchor() const {
  if (job_) return job_->anchor;
  return jobconfig::SourceLocation{file_.path, 1, 1};
}

jobconfig::SourceLocation RuleContext::LocationOf(std::string_view key) const {
  if (const jobconfig::ConfigSetting* s = Setting(key)) return s->value_location;
  return Anchor();
}

void RuleContext::Report(const jobconfig::SourceLocation& location, std::string message,
                         std::string key) {
  Finding f;
  f.rule_id = std::string(rule_.id);
  f.slug = std::string(rule_.slug);
  f.severity = rule_.default_severity;
  f.message = std::move(message);
  f.location = location;
  f.key = std::move(key);
  out_->push_back(std::move(f));
}

std::string FormatNumber(double value) {
  char buf[64];
  if (std::fabs(value) < 1e15 && value == std::floor(value)) {
    std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(value));
  } else {
    std::snprintf(buf, sizeof buf, "%g", value);
  }
  return buf;
}

std::string FormatMs(int64_t ms) {
  char buf[64];
  if (ms % 1000 == 0) {
    std::snprintf(buf, sizeof buf, "%lld s", static_cast<long long>(ms / 1000));
  } else {
    std::snprintf(buf, sizeof buf, "%lld ms", static_cast<long long>(ms));
  }
  return buf;
}

}  // namespace sparktune::rules
