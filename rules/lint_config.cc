#include "rules/lint_config.h"

#include <yaml-cpp/yaml.h>

#include <exception>

#include "rules/registry.h"

namespace sparktune::rules {

std::optional<FailOn> ParseFailOn(std::string_view text) {
  if (text == "note") return FailOn::kNote;
  if (text == "warning") return FailOn::kWarning;
  if (text == "error") return FailOn::kError;
  if (text == "never" || text == "none") return FailOn::kNever;
  return std::nullopt;
}

LintConfig::LintConfig() {
  for (const Rule* rule : AllRules()) {
    RuleSettings s;
    s.enabled = rule->enabled_by_default;
    s.severity = rule->default_severity;
    settings_[std::string(rule->id)] = s;
  }
}

Result<const Rule*> LintConfig::Lookup(std::string_view name) const {
  const Rule* rule = FindRule(name);
  if (!rule) return Status::InvalidArgument("unknown rule '" + std::string(name) + "'");
  return rule;
}

Status LintConfig::SetEnabled(std::string_view name, bool enabled) {
  Result<const Rule*> rule = Lookup(name);
  if (!rule.ok()) return rule.status();
  settings_[std::string((*rule)->id)].enabled = enabled;
  return Status::Ok();
}

Status LintConfig::SetSeverity(std::string_view name, std::string_view severity) {
  Result<const Rule*> rule = Lookup(name);
  if (!rule.ok()) return rule.status();
  RuleSettings& s = settings_[std::string((*rule)->id)];
  if (severity == "off" || severity == "false" || severity == "disable") {
    s.enabled = false;
    return Status::Ok();
  }
  std::optional<Severity> sev = ParseSeverity(severity);
  if (!sev) {
    return Status::InvalidArgument("unknown severity '" + std::string(severity) + "' for " +
                                   std::string((*rule)->id) +
                                   " (expected off, note, warning or error)");
  }
  s.enabled = true;
  s.severity = *sev;
  return Status::Ok();
}

Status LintConfig::SetOption(std::string_view name, std::string_view option, std::string value) {
  Result<const Rule*> rule = Lookup(name);
  if (!rule.ok()) return rule.status();
  for (const RuleOption& o : (*rule)->options) {
    if (o.name == option) {
      settings_[std::string((*rule)->id)].options[std::string(option)] = std::move(value);
      return Status::Ok();
    }
  }
  return Status::InvalidArgument("rule " + std::string((*rule)->id) + " has no option '" +
                                 std::string(option) + "'");
}

Status LintConfig::OnlyRules(const std::vector<std::string>& names) {
  for (auto& [id, s] : settings_) s.enabled = false;
  for (const std::string& name : names) SPARKTUNE_RETURN_IF_ERROR(SetEnabled(name, true));
  return Status::Ok();
}

const RuleSettings& LintConfig::For(const Rule& rule) const {
  static const RuleSettings kDisabled{.enabled = false};
  auto it = settings_.find(rule.id);
  return it == settings_.end() ? kDisabled : it->second;
}

namespace {

Status AtLine(const std::string& path, const YAML::Node& node, const Status& st) {
  if (st.ok()) return st;
  return Status::InvalidArgument(path + ":" + std::to_string(node.Mark().line + 1) + ": " +
                                 st.message());
}

}  // namespace

Status LintConfig::ApplyProjectConfig(const std::string& path, std::string_view yaml_text) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml_text));
  } catch (const YAML::Exception& e) {
    return Status::InvalidArgument(path + ":" + std::to_string(e.mark.line + 1) +
                                   ": invalid YAML: " + e.msg);
  }
  if (root.IsNull()) return Status::Ok();
  if (!root.IsMap()) return Status::InvalidArgument(path + ": expected a map at the top level");
  try {
    for (const auto& entry : root) {
      std::string key = entry.first.Scalar();
      const YAML::Node& value = entry.second;
      if (key == "spark_version") {
        spark_version = SparkVersion::Parse(value.Scalar());
        if (!spark_version->known()) {
          return AtLine(
              path, value,
              Status::InvalidArgument("unparsable spark_version '" + value.Scalar() + "'"));
        }
      } else if (key == "fail_on") {
        fail_on = ParseFailOn(value.Scalar());
        if (!fail_on) {
          return AtLine(path, value,
                        Status::InvalidArgument("fail_on must be error, warning, note or never"));
        }
      } else if (key == "disable" || key == "enable") {
        if (!value.IsSequence()) {
          return AtLine(path, value, Status::InvalidArgument(key + " must be a list of rule ids"));
        }
        for (const auto& item : value) {
          SPARKTUNE_RETURN_IF_ERROR(AtLine(path, item, SetEnabled(item.Scalar(), key == "enable")));
        }
      } else if (key == "rules") {
        if (!value.IsMap())
          return AtLine(path, value, Status::InvalidArgument("rules must be a map"));
        for (const auto& r : value) {
          std::string rule = r.first.Scalar();
          const YAML::Node& body = r.second;
          if (body.IsScalar()) {
            SPARKTUNE_RETURN_IF_ERROR(AtLine(path, body, SetSeverity(rule, body.Scalar())));
            continue;
          }
          if (!body.IsMap()) {
            return AtLine(
                path, body,
                Status::InvalidArgument("rule " + rule + ": expected a severity or a map"));
          }
          for (const auto& field : body) {
            std::string f = field.first.Scalar();
            if (f == "severity") {
              SPARKTUNE_RETURN_IF_ERROR(
                  AtLine(path, field.second, SetSeverity(rule, field.second.Scalar())));
            } else if (f == "enabled") {
              std::string v = field.second.Scalar();
              if (v != "true" && v != "false") {
                return AtLine(path, field.second,
                              Status::InvalidArgument("enabled must be true or false"));
              }
              SPARKTUNE_RETURN_IF_ERROR(AtLine(path, field.second, SetEnabled(rule, v == "true")));
            } else if (f == "options") {
              if (!field.second.IsMap()) {
                return AtLine(path, field.second, Status::InvalidArgument("options must be a map"));
              }
              for (const auto& opt : field.second) {
                if (!opt.second.IsScalar()) {
                  return AtLine(path, opt.second,
                                Status::InvalidArgument("option values must be scalars"));
                }
                SPARKTUNE_RETURN_IF_ERROR(AtLine(
                    path, opt.second, SetOption(rule, opt.first.Scalar(), opt.second.Scalar())));
              }
            } else {
              return AtLine(path, field.first,
                            Status::InvalidArgument("unknown field '" + f + "' for rule " + rule));
            }
          }
        }
      } else {
        return AtLine(path, entry.first, Status::InvalidArgument("unknown setting '" + key + "'"));
      }
    }
  } catch (const YAML::Exception& e) {
    return Status::InvalidArgument(path + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
  }
  return Status::Ok();
}

}  // namespace sparktune::rules
