#include "data/jobconfig/spark_application_parser.h"

#include <yaml-cpp/yaml.h>

#include <exception>
#include <vector>

#include "data/config/config_catalog.h"
#include "data/jobconfig/line_index.h"
#include "data/jobconfig/suppression_comments.h"

namespace sparktune::jobconfig {

namespace {

namespace keys = ::sparktune::config::keys;

struct FieldKey {
  std::string_view field;
  std::string_view key;
};

constexpr FieldKey kExecutorFields[] = {
    {"memory", keys::kExecutorMemory},
    {"cores", keys::kExecutorCores},
    {"instances", keys::kExecutorInstances},
    {"memoryOverhead", keys::kExecutorMemoryOverhead},
    {"coreRequest", keys::kKubernetesExecutorRequestCores},
    {"coreLimit", keys::kKubernetesExecutorLimitCores},
};
constexpr FieldKey kDriverFields[] = {
    {"memory", keys::kDriverMemory},
    {"cores", keys::kDriverCores},
    {"memoryOverhead", keys::kDriverMemoryOverhead},
    {"coreRequest", keys::kKubernetesDriverRequestCores},
    {"coreLimit", keys::kKubernetesDriverLimitCores},
};
constexpr FieldKey kDynamicAllocationFields[] = {
    {"enabled", keys::kDynamicAllocationEnabled},
    {"initialExecutors", keys::kDynamicAllocationInitialExecutors},
    {"minExecutors", keys::kDynamicAllocationMinExecutors},
    {"maxExecutors", keys::kDynamicAllocationMaxExecutors},
    {"shuffleTrackingTimeout", keys::kDynamicAllocationShuffleTrackingTimeout},
};
constexpr FieldKey kSpecFields[] = {
    {"memoryOverheadFactor", keys::kKubernetesMemoryOverheadFactor},
    {"image", keys::kKubernetesContainerImage},
    {"mode", keys::kSubmitDeployMode},
};

SourceLocation At(const std::string& path, const YAML::Mark& mark) {
  if (mark.line < 0) return SourceLocation{path, 1, 1};
  return SourceLocation{path, mark.line + 1, mark.column + 1};
}

bool LooksTemplated(const std::string& v) {
  return v.find("{{") != std::string::npos || v.find("${") != std::string::npos;
}

class DocumentReader {
 public:
  explicit DocumentReader(const std::string& path) : path_(path) {}

  // Adds one setting from a scalar node; a non-scalar is a problem.
  void AddScalar(JobConfig* job, const YAML::Node& key_node, const YAML::Node& value_node,
                 std::string key, std::string origin) {
    if (!value_node.IsScalar()) {
      if (value_node.IsNull()) return;
      job->problems.push_back(
          {At(path_, value_node.Mark()), origin + " should be a single value, not a list or map"});
      return;
    }
    ConfigSetting s;
    s.key = std::move(key);
    s.value = value_node.Scalar();
    s.key_location = At(path_, key_node.Mark());
    s.value_location = At(path_, value_node.Mark());
    s.origin = std::move(origin);
    s.from_flag =
        s.origin.rfind("spec.sparkConf", 0) != 0 && s.origin.rfind("spec.hadoopConf", 0) != 0;
    s.dynamic = LooksTemplated(s.value);
    job->settings.push_back(std::move(s));
  }

  void ReadFields(JobConfig* job, const YAML::Node& map, std::span<const FieldKey> fields,
                  const std::string& prefix) {
    if (!map.IsMap()) return;
    for (const auto& it : map) {
      std::string field = it.first.Scalar();
      for (const FieldKey& fk : fields) {
        if (fk.field == field) {
          AddScalar(job, it.first, it.second, std::string(fk.key), prefix + "." + field);
        }
      }
    }
  }

  JobConfig ReadSpec(const YAML::Node& spec_key, const YAML::Node& spec) {
    JobConfig job;
    job.format = ConfigFormat::kSparkApplicationYaml;
    job.anchor = At(path_, spec_key.Mark());
    for (const auto& it : spec) {
      std::string field = it.first.Scalar();
      const YAML::Node& value = it.second;
      if (field == "sparkConf" || field == "hadoopConf") {
        if (!value.IsMap()) {
          if (!value.IsNull())
            job.problems.push_back({At(path_, value.Mark()), "spec." + field + " should be a map"});
          continue;
        }
        std::string prefix = field == "hadoopConf" ? "spark.hadoop." : "";
        for (const auto& kv : value) {
          AddScalar(&job, kv.first, kv.second, prefix + kv.first.Scalar(), "spec." + field);
        }
      } else if (field == "executor") {
        ReadFields(&job, value, kExecutorFields, "spec.executor");
      } else if (field == "driver") {
        ReadFields(&job, value, kDriverFields, "spec.driver");
      } else if (field == "dynamicAllocation") {
        ReadFields(&job, value, kDynamicAllocationFields, "spec.dynamicAllocation");
      } else if (field == "sparkVersion" && value.IsScalar()) {
        job.spark_version = value.Scalar();
      } else if (field == "type" && value.IsScalar()) {
        if (value.Scalar() == "Python") job.python_app = true;
      } else if (field == "mainApplicationFile" && value.IsScalar()) {
        job.main_resource = value.Scalar();
        const std::string& m = job.main_resource;
        if (m.size() > 3 && m.substr(m.size() - 3) == ".py") job.python_app = true;
      } else if (field == "mainClass" && value.IsScalar()) {
        job.main_class = value.Scalar();
      }
    }
    ReadFields(&job, spec, kSpecFields, "spec");
    // The operator enables shuffle tracking with dynamic allocation.
    const ConfigSetting* da = job.Find(keys::kDynamicAllocationEnabled);
    if (da && da->origin == "spec.dynamicAllocation.enabled" && da->value == "true" &&
        !job.Find(keys::kDynamicAllocationShuffleTrackingEnabled)) {
      ConfigSetting s = *da;
      s.key = std::string(keys::kDynamicAllocationShuffleTrackingEnabled);
      s.value = "true";
      s.origin = "spec.dynamicAllocation.enabled (set by the operator)";
      job.settings.push_back(std::move(s));
    }
    return job;
  }

 private:
  const std::string& path_;
};

// yaml-cpp 0.7 (Debian 12) never returns when a ',' (a flow-entry token)
// starts a node in block context: at the top of a document or as a block
// sequence entry (" ,", "---\n,", "- a\n,"); found by tests/fuzz/
// jobconfig_fuzz. Valid YAML never has a bare ',' there, so such a line is
// rejected before the library sees it. Block scalar contents (after '|' or
// '>') and flow collections ('[', '{' across lines) are skipped. Returns the
// 0-based offset of the offending ',' or npos.
size_t BareFlowEntryInBlockContext(std::string_view text) {
  int flow_depth = 0;
  int block_scalar_indent = -1;  // > -1: inside a block scalar deeper than this
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    size_t first = line.find_first_not_of(" \t\r");
    if (first != std::string_view::npos) {
      int indent = static_cast<int>(first);
      if (block_scalar_indent >= 0 && indent > block_scalar_indent) {
        pos = end + 1;
        continue;
      }
      block_scalar_indent = -1;
      size_t i = first;
      if (flow_depth == 0) {
        // Skip a document marker and block-sequence indicators ("- - x").
        if (line.substr(i, 3) == "---") i = line.find_first_not_of(" \t\r", i + 3);
        while (i != std::string_view::npos && i < line.size() && line[i] == '-' &&
               (i + 1 == line.size() || line[i + 1] == ' ' || line[i + 1] == '\t')) {
          i = line.find_first_not_of(" \t\r", i + 1);
        }
        if (i != std::string_view::npos && i < line.size() && line[i] == ',') return pos + i;
      }
      // Track flow depth and block scalar headers, outside quotes and comments.
      char quote = 0;
      char last = 0;
      for (size_t k = first; k < line.size(); ++k) {
        char c = line[k];
        if (quote) {
          if (c == quote) quote = 0;
          continue;
        }
        if (c == '#' && (k == 0 || line[k - 1] == ' ')) break;
        if ((c == '"' || c == '\'') &&
            (k == first || line[k - 1] == ' ' || line[k - 1] == '[' || line[k - 1] == '{' ||
             line[k - 1] == ',' || line[k - 1] == ':')) {
          quote = c;
          continue;
        }
        if (c == '[' || c == '{') ++flow_depth;
        if ((c == ']' || c == '}') && flow_depth > 0) --flow_depth;
        if (c != ' ' && c != '\t' && c != '\r') last = c;
      }
      if (flow_depth == 0) {
        std::string_view trimmed = line.substr(0, line.find_last_not_of(" \t\r") + 1);
        size_t h = trimmed.find_last_of("|>");
        if (h != std::string_view::npos &&
            (last == '|' || last == '>' || last == '-' || last == '+' ||
             (last >= '0' && last <= '9')) &&
            (h == 0 || trimmed[h - 1] == ' ' || trimmed[h - 1] == ':')) {
          block_scalar_indent = indent;
        }
      }
    }
    if (end == text.size()) break;
    pos = end + 1;
  }
  return std::string_view::npos;
}

}  // namespace

Result<ConfigFile> ParseSparkApplicationYaml(const std::string& path, std::string_view text) {
  ConfigFile file;
  file.path = path;
  file.format = ConfigFormat::kSparkApplicationYaml;
  LineIndex index(path, text);
  if (text.find('\0') != std::string_view::npos) {
    return Status::Unreadable(path + ":" + std::to_string(index.LineOf(text.find('\0'))) +
                              ": NUL byte: not a YAML file");
  }
  if (size_t bad = BareFlowEntryInBlockContext(text); bad != std::string_view::npos) {
    return Status::Unreadable(path + ":" + std::to_string(index.LineOf(bad)) + ":" +
                              std::to_string(index.Locate(bad).column) +
                              ": unexpected ',' outside a [ ] or { } list: not valid YAML");
  }
  std::vector<YAML::Node> documents;
  try {
    documents = YAML::LoadAll(std::string(text));
  } catch (const YAML::Exception& e) {
    return Status::Unreadable(path + ":" + std::to_string(e.mark.line + 1) + ":" +
                              std::to_string(e.mark.column + 1) + ": invalid YAML: " + e.msg);
  } catch (const std::exception& e) {
    return Status::Unreadable(path + ": invalid YAML: " + e.what());
  }
  DocumentReader reader(path);
  try {
    for (const YAML::Node& doc : documents) {
      if (!doc.IsMap()) continue;
      YAML::Node root = doc;
      std::string kind = root["kind"] && root["kind"].IsScalar() ? root["kind"].Scalar() : "";
      if (kind == "ScheduledSparkApplication") {
        YAML::Node spec = root["spec"];
        if (!spec || !spec.IsMap() || !spec["template"]) continue;
        root = YAML::Node();
        root["spec"] = spec["template"];
        // Locate at the template itself.
        for (const auto& it : spec) {
          if (it.first.Scalar() == "template" && it.second.IsMap()) {
            file.jobs.push_back(reader.ReadSpec(it.first, it.second));
          }
        }
        continue;
      }
      if (!kind.empty() && kind != "SparkApplication") continue;
      for (const auto& it : doc) {
        if (it.first.IsScalar() && it.first.Scalar() == "spec" && it.second.IsMap()) {
          file.jobs.push_back(reader.ReadSpec(it.first, it.second));
        }
      }
    }
  } catch (const YAML::Exception& e) {
    return Status::Unreadable(path + ":" + std::to_string(e.mark.line + 1) +
                              ": unexpected YAML shape: " + e.msg);
  }
  file.suppressions = ParseSuppressions(index, text);
  return file;
}

}  // namespace sparktune::jobconfig
