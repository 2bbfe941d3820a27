// JobConfig: the Spark settings of one job as written in a config file, each
// with the file, line and column it came from, so lint findings can point at
// the exact text (SARIF regions, compiler-style messages, PR annotations).
//
// One ConfigFile holds what one input file declares: a spark-defaults.conf
// gives one job, a shell script one job per `spark-submit` command, a
// SparkApplication YAML one job per SparkApplication document. Settings keep
// file order; when a key repeats, the last one wins (as Spark's
// SparkSubmitArguments and Properties do), except that spark-submit's
// dedicated flags (--executor-memory...) win over --conf (see
// ConfigSetting::from_flag).
//
// Everything here is plain data; the parsers are in the *_parser.h files and
// LoadConfigFile (config_file_loader.h) picks one by file kind.
//
// Thread safety: plain values; no shared state.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sparktune::jobconfig {

// A 1-based position in a text file. Columns count Unicode code points, so
// they match what editors and GitHub show (SARIF columnKind unicodeCodePoints).
struct SourceLocation {
  std::string file;
  int line = 0;    // 0 = unknown
  int column = 0;  // 0 = unknown
};

enum class ConfigFormat {
  kSparkDefaults,         // spark-defaults.conf / .properties (java.util.Properties)
  kSparkSubmit,           // shell script with spark-submit commands
  kSparkApplicationYaml,  // Kubernetes operator SparkApplication
};

// Short stable name of a format: "spark-defaults", "spark-submit", "spark-application".
std::string_view FormatName(ConfigFormat format);

// One key = value as written.
struct ConfigSetting {
  std::string key;
  std::string value;
  SourceLocation key_location;
  SourceLocation value_location;
  // Where the setting came from in the file's own terms: "--conf",
  // "--executor-memory", "spec.executor.memory", "" for a properties line.
  std::string origin;
  bool from_flag = false;  // a dedicated spark-submit flag (wins over --conf)
  // The value holds a shell or template expansion ($VAR, ${VAR}, $(cmd),
  // {{ x }}) that cannot be resolved statically; value checks skip it.
  bool dynamic = false;
};

// One job's settings.
struct JobConfig {
  ConfigFormat format = ConfigFormat::kSparkDefaults;
  // Where findings about a missing key point: the spark-submit word, the
  // SparkApplication `spec:` line, or 1:1 of a defaults file.
  SourceLocation anchor;
  std::vector<ConfigSetting> settings;       // file order
  std::optional<std::string> spark_version;  // declared by the file (spec.sparkVersion)
  bool python_app = false;      // PySpark: .py main resource, --py-files, spec.type Python
  std::string main_resource;    // application jar/py, or mainApplicationFile
  std::string main_class;       // --class / spec.mainClass
  std::string properties_file;  // --properties-file (not loaded; reported)
  // What the parser could read but Spark would reject or ignore (an unknown
  // spark-submit option, --conf without '=', a flag missing its value, a YAML
  // field of the wrong shape). Reported by rule ST109.
  struct Problem {
    SourceLocation location;
    std::string message;
  };
  std::vector<Problem> problems;

  // The setting in force for `key`: a dedicated flag over --conf, otherwise
  // the last one; nullptr when unset.
  const ConfigSetting* Find(std::string_view key) const;
  // Every setting of `key`, in file order.
  std::vector<const ConfigSetting*> FindAll(std::string_view key) const;
};

// An inline suppression comment:
//   # sparktune: disable=ST104,ST201 reason: legacy job, tracked in JIRA-12
//   # sparktune: disable-file=ST504 reason: logs are shipped by the platform
// A trailing comment applies to its own line; a comment alone on its line
// applies to the next line that is not a comment or blank; disable-file to the
// whole file. A suppression without a reason suppresses nothing (rule ST001
// reports it).
struct Suppression {
  SourceLocation location;  // of the comment
  int target_line = 0;      // line it silences (0 with whole_file)
  bool whole_file = false;
  std::vector<std::string> rules;  // ids or slugs, as written
  std::string reason;              // empty when missing
};

// What one input file declares.
struct ConfigFile {
  std::string path;
  ConfigFormat format = ConfigFormat::kSparkDefaults;
  std::vector<JobConfig> jobs;
  std::vector<Suppression> suppressions;
};

}  // namespace sparktune::jobconfig
