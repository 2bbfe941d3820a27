#include "data/jobconfig/job_config.h"

namespace sparktune::jobconfig {

std::string_view FormatName(ConfigFormat format) {
  switch (format) {
    case ConfigFormat::kSparkDefaults:
      return "spark-defaults";
    case ConfigFormat::kSparkSubmit:
      return "spark-submit";
    case ConfigFormat::kSparkApplicationYaml:
      return "spark-application";
  }
  return "unknown";
}

const ConfigSetting* JobConfig::Find(std::string_view key) const {
  const ConfigSetting* last = nullptr;
  const ConfigSetting* last_flag = nullptr;
  for (const ConfigSetting& s : settings) {
    if (s.key != key) continue;
    last = &s;
    if (s.from_flag) last_flag = &s;
  }
  return last_flag ? last_flag : last;
}

std::vector<const ConfigSetting*> JobConfig::FindAll(std::string_view key) const {
  std::vector<const ConfigSetting*> out;
  for (const ConfigSetting& s : settings) {
    if (s.key == key) out.push_back(&s);
  }
  return out;
}

}  // namespace sparktune::jobconfig
