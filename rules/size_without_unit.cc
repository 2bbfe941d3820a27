// ST107 size-without-unit: a size or duration written as a bare number. Its
// unit then depends on the key (spark.executor.memory=4096 is MiB,
// spark.sql.autoBroadcastJoinThreshold=10 is 10 bytes,
// spark.executor.heartbeatInterval=10 is 10 ms), which is easy to get wrong.
#include <cctype>

#include "data/config/config_catalog.h"
#include "rules/rule.h"

namespace sparktune::rules {

namespace {

bool IsBareNumber(std::string_view v) {
  if (v.empty()) return false;
  size_t i = v[0] == '-' ? 1 : 0;
  if (i == v.size()) return false;
  for (; i < v.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(v[i]))) return false;
  }
  return true;
}

std::string UnitName(const config::ConfigKey& key) {
  if (key.type == config::ValueType::kDuration) {
    return key.time_unit == 'm' ? "milliseconds" : "seconds";
  }
  switch (key.bytes_unit) {
    case 'k':
      return "KiB";
    case 'm':
      return "MiB";
    case 'g':
      return "GiB";
    default:
      return "bytes";
  }
}

void Check(RuleContext& ctx) {
  for (const jobconfig::ConfigSetting& s : ctx.job().settings) {
    if (s.dynamic || !IsBareNumber(s.value) || s.value == "0" || s.value == "-1") continue;
    const config::ConfigKey* key = config::FindKey(s.key);
    if (!key ||
        (key->type != config::ValueType::kBytes && key->type != config::ValueType::kDuration)) {
      continue;
    }
    // spark.sql.broadcastTimeout is documented in seconds; a bare number is its norm.
    if (key->name == config::keys::kBroadcastTimeout) continue;
    ctx.Report(s.value_location,
               s.key + "=" + s.value + " has no unit and means " + s.value + " " + UnitName(*key) +
                   " for this key; write the unit explicitly",
               s.key);
  }
}

}  // namespace

const Rule& SizeWithoutUnitRule() {
  static const Rule rule{
      .id = "ST107",
      .slug = "size-without-unit",
      .default_severity = Severity::kWarning,
      .summary = "A size or duration given as a bare number, whose unit depends on the key.",
      .options = {},
      .check = &Check,
  };
  return rule;
}

}  // namespace sparktune::rules
