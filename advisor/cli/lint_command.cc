// `sparktune lint FILE...`: pre-deploy checks of Spark job configs for CI
// (issue 6; architecture.md section 4).
//
//   sparktune lint FILE... [--format text|json|sarif|junit] [--output PATH]
//                  [--fail-on error|warning|note|never] [--config PROJECT_CONFIG]
//                  [--spark-version X.Y.Z] [--only ID,...] [--disable ID,...]
//                  [--list-rules]
//
// FILE is a spark-defaults.conf / .properties file, a shell script with
// spark-submit commands, or a SparkApplication YAML (data/jobconfig). The
// project config (rules/lint_config.h) defaults to ./.sparktune-lint.yaml when
// present. Exit codes: 0 ok, 1 findings at or above --fail-on (default
// error), 2 usage error, 3 an input file is missing or unreadable (the other
// files are still linted and reported).
//
// --log LOG runs the data-aware rule ST801 predicted-cost-change
// (rules/predicted_cost_change.h): each job's config is simulated against the
// job's last run (its event log) and the predicted MB-seconds and duration
// change is reported at the job; with --max-cost-increase PCT a larger
// predicted increase is an error. rules/ owns the rule and its CostModel
// interface; this command injects the simulator's implementation
// (advisor/lint/last_run_cost_model.h). --db DB --job NAME takes the job's last
// run from the history store instead: the newest complete run whose job key
// (store/job_key.h) matches NAME, read again from the log path the store
// recorded.
#include <sys/stat.h>

#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "advisor/cli/command.h"
#include "advisor/lint/last_run_cost_model.h"
#include "data/jobconfig/config_file_loader.h"
#include "data/jobconfig/line_index.h"
#include "reports/lint/lint_renderers.h"
#include "rules/lint_config.h"
#include "rules/linter.h"
#include "rules/predicted_cost_change.h"
#include "rules/registry.h"
#include "rules/rule_docs.h"

namespace sparktune::cli {

namespace {

constexpr const char* kVersion = "0.1.0";
constexpr const char* kDefaultProjectConfig = ".sparktune-lint.yaml";

void PrintLintHelp(std::ostream& out) {
  out << "usage: sparktune lint FILE... [options]\n\n"
         "Checks spark-defaults.conf files, spark-submit scripts and SparkApplication YAML.\n\n"
         "options:\n"
         "  --format text|json|sarif|junit   output format (default text)\n"
         "  --output PATH                    write the report to PATH instead of stdout\n"
         "  --fail-on error|warning|note|never\n"
         "                                   exit 1 when a finding reaches this level (default "
         "error)\n"
         "  --config PATH                    project config (default ./"
      << kDefaultProjectConfig
      << " if present)\n"
         "  --spark-version X.Y.Z            Spark version of the jobs (default: the file's, the\n"
         "                                   project config's, else "
      << rules::kDefaultSparkVersion
      << ")\n"
         "  --only ID,...                    run only these rules (ids or slugs)\n"
         "  --disable ID,...                 do not run these rules\n"
         "  --list-rules                     print the rule catalog and exit\n"
         "  --log LOG                        the job's last run: simulate the config against it "
         "(ST801)\n"
         "  --db PATH --job NAME             take the job's last run from the history store "
         "instead\n"
         "  --max-cost-increase PCT          ST801 is an error above this predicted MB-seconds "
         "increase\n\n"
         "Suppress one finding with a comment on the line (or the line before):\n"
         "  # sparktune: disable=ST203 reason: GPU nodes\n"
         "Exit codes: 0 ok, 1 findings at/above --fail-on, 2 usage error, 3 unreadable input.\n";
}

std::vector<std::string> SplitList(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string item;
  while (std::getline(ss, item, ',')) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

bool Reaches(const std::string& level, rules::FailOn fail_on) {
  switch (fail_on) {
    case rules::FailOn::kNever:
      return false;
    case rules::FailOn::kNote:
      return true;
    case rules::FailOn::kWarning:
      return level == "warning" || level == "error";
    case rules::FailOn::kError:
      return level == "error";
  }
  return false;
}

void ListRules(std::ostream& out) {
  for (const rules::Rule* r : rules::AllRules()) {
    out << r->id << "  " << r->slug
        << std::string(r->slug.size() < 38 ? 38 - r->slug.size() : 1, ' ')
        << rules::SeverityName(r->default_severity)
        << std::string(9 - rules::SeverityName(r->default_severity).size(), ' ') << r->summary
        << "\n";
  }
}

bool FileExists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0;
}

// A finding of `path` (indexed by `index`) as the lint report shows it.
reports::LintFinding ReportFinding(const rules::Finding& f, const std::string& path,
                                   const jobconfig::LineIndex& index) {
  reports::LintFinding out;
  out.rule_id = f.rule_id;
  out.slug = f.slug;
  out.level = std::string(rules::SeverityName(f.severity));
  out.message = f.message;
  out.file = f.location.file.empty() ? path : f.location.file;
  out.line = f.location.line > 0 ? f.location.line : 1;
  out.column = f.location.column > 0 ? f.location.column : 1;
  out.key = f.key;
  out.snippet = std::string(index.LineText(out.line));
  return out;
}

// The command line of `sparktune lint`.
struct LintArgs {
  std::vector<std::string> files;
  std::string format = "text";
  std::string output_path;
  std::optional<rules::FailOn> fail_on;
  std::string config_path;
  std::optional<SparkVersion> forced_version;
  std::vector<std::string> only;
  std::vector<std::string> disabled;
  std::string log_path;
  std::string db_path;
  std::string job_name;
  std::optional<double> max_cost_increase;
};

// Parses the command line into `o`; an exit code when the command ends here
// (--help, --list-rules, a usage error), else nullopt.
std::optional<int> ParseLintArgs(const std::vector<std::string>& args, LintArgs& o) {
  for (size_t i = 0; i < args.size(); ++i) {
    std::string a = args[i];
    std::optional<std::string> inline_value;
    if (a.rfind("--", 0) == 0 && a.find('=') != std::string::npos) {
      inline_value = a.substr(a.find('=') + 1);
      a = a.substr(0, a.find('='));
    }
    auto value = [&](std::string* out) -> bool {
      if (inline_value) {
        *out = *inline_value;
        return true;
      }
      if (i + 1 >= args.size()) {
        std::cerr << "sparktune lint: " << a << " needs a value\n";
        return false;
      }
      *out = args[++i];
      return true;
    };
    std::string v;
    if (a == "--help" || a == "-h") {
      PrintLintHelp(std::cout);
      return kExitOk;
    } else if (a == "--list-rules") {
      ListRules(std::cout);
      return kExitOk;
    } else if (a == "--format") {
      if (!value(&o.format)) return kExitUsage;
      if (o.format != "text" && o.format != "json" && o.format != "sarif" && o.format != "junit") {
        std::cerr << "sparktune lint: unknown --format '" << o.format
                  << "' (expected text, json, sarif or junit)\n";
        return kExitUsage;
      }
    } else if (a == "--output" || a == "-o") {
      if (!value(&o.output_path)) return kExitUsage;
    } else if (a == "--fail-on") {
      if (!value(&v)) return kExitUsage;
      o.fail_on = rules::ParseFailOn(v);
      if (!o.fail_on) {
        std::cerr << "sparktune lint: unknown --fail-on '" << v
                  << "' (expected error, warning, note or never)\n";
        return kExitUsage;
      }
    } else if (a == "--config") {
      if (!value(&o.config_path)) return kExitUsage;
    } else if (a == "--spark-version") {
      if (!value(&v)) return kExitUsage;
      SparkVersion sv = SparkVersion::Parse(v);
      if (!sv.known()) {
        std::cerr << "sparktune lint: unparsable --spark-version '" << v << "'\n";
        return kExitUsage;
      }
      o.forced_version = sv;
    } else if (a == "--only") {
      if (!value(&v)) return kExitUsage;
      for (std::string& r : SplitList(v)) o.only.push_back(r);
    } else if (a == "--disable") {
      if (!value(&v)) return kExitUsage;
      for (std::string& r : SplitList(v)) o.disabled.push_back(r);
    } else if (a == "--log") {
      if (!value(&o.log_path)) return kExitUsage;
    } else if (a == "--max-cost-increase") {
      if (!value(&v)) return kExitUsage;
      char* end = nullptr;
      o.max_cost_increase = std::strtod(v.c_str(), &end);
      if (end == v.c_str() || *end != '\0' || *o.max_cost_increase < 0) {
        std::cerr << "sparktune lint: --max-cost-increase expects a percentage such as 10, got '"
                  << v << "'\n";
        return kExitUsage;
      }
    } else if (a == "--db") {
      if (!value(&o.db_path)) return kExitUsage;
    } else if (a == "--job") {
      if (!value(&o.job_name)) return kExitUsage;
    } else if (a.size() > 1 && a[0] == '-') {
      std::cerr << "sparktune lint: unknown option '" << a << "'\nRun 'sparktune lint --help'.\n";
      return kExitUsage;
    } else {
      o.files.push_back(args[i]);
    }
  }
  if (o.files.empty()) {
    std::cerr << "sparktune lint: no input files\n";
    PrintLintHelp(std::cerr);
    return kExitUsage;
  }
  return std::nullopt;
}

}  // namespace

int RunLint(const std::vector<std::string>& args) {
  LintArgs o;
  if (std::optional<int> exit = ParseLintArgs(args, o)) return *exit;

  rules::LintConfig config;
  if (o.config_path.empty() && FileExists(kDefaultProjectConfig))
    o.config_path = kDefaultProjectConfig;
  if (!o.config_path.empty()) {
    Result<std::string> text = jobconfig::ReadConfigFileText(o.config_path);
    if (!text.ok()) {
      std::cerr << "sparktune lint: project config: " << text.status().message() << "\n";
      return kExitUsage;
    }
    Status st = config.ApplyProjectConfig(o.config_path, *text);
    if (!st.ok()) {
      std::cerr << "sparktune lint: " << st.message() << "\n";
      return kExitUsage;
    }
  }
  if (!o.only.empty()) {
    Status st = config.OnlyRules(o.only);
    if (!st.ok()) {
      std::cerr << "sparktune lint: --only: " << st.message() << "\n";
      return kExitUsage;
    }
  }
  for (const std::string& r : o.disabled) {
    Status st = config.SetEnabled(r, false);
    if (!st.ok()) {
      std::cerr << "sparktune lint: --disable: " << st.message() << "\n";
      return kExitUsage;
    }
  }
  rules::FailOn threshold = o.fail_on.value_or(config.fail_on.value_or(rules::FailOn::kError));

  reports::LintReport report;
  report.tool_version = kVersion;
  for (const rules::Rule* r : rules::AllRules()) {
    const rules::RuleSettings& s = config.For(*r);
    if (!s.enabled) continue;
    report.rules.push_back({std::string(r->id), std::string(r->slug),
                            std::string(rules::SeverityName(s.severity)), std::string(r->summary),
                            rules::RuleFullDescription(r->id),
                            std::string(rules::RuleDocMarkdown(r->id))});
  }
  if (!o.db_path.empty()) {
    if (!o.log_path.empty() || o.job_name.empty()) {
      std::cerr
          << "sparktune lint: --db needs --job NAME (the job whose last run to use) and no --log\n";
      return kExitUsage;
    }
    auto last = lint::LastRunLog(o.db_path, o.job_name);
    if (!last.ok()) {
      std::cerr << "sparktune lint: --db: " << last.status().message() << "\n";
      return ExitCodeFor(last.status());
    }
    o.log_path = *last;
  }
  if (o.max_cost_increase && o.log_path.empty()) {
    std::cerr << "sparktune lint: --max-cost-increase needs --log LOG or --db DB --job NAME (the "
                 "job's last run)\n";
    return kExitUsage;
  }
  std::unique_ptr<lint::LastRunCostModel> cost_model;
  if (!o.log_path.empty()) {
    auto opened = lint::LastRunCostModel::Open(o.log_path);
    if (!opened.ok()) {
      std::cerr << "sparktune lint: --log: " << opened.status().ToString() << "\n";
      return kExitUnreadable;
    }
    cost_model = std::move(*opened);
    const rules::Rule& st801 = rules::PredictedCostChangeRule();
    report.rules.push_back({std::string(st801.id), std::string(st801.slug),
                            o.max_cost_increase ? "error" : "note", std::string(st801.summary),
                            std::string(rules::kPredictedCostChangeDescription),
                            std::string(rules::RuleDocMarkdown(st801.id))});
  }
  bool unreadable = false;
  for (const std::string& path : o.files) {
    Result<std::string> text = jobconfig::ReadConfigFileText(path);
    Result<jobconfig::ConfigFile> parsed = text.ok() ? jobconfig::ParseConfigText(path, *text)
                                                     : Result<jobconfig::ConfigFile>(text.status());
    if (!parsed.ok()) {
      std::cerr << "sparktune lint: " << parsed.status().message() << "\n";
      unreadable = true;
      continue;
    }
    report.files.push_back(path);
    if (parsed->jobs.empty()) {
      std::cerr << "sparktune lint: note: " << path << ": no "
                << (parsed->format == jobconfig::ConfigFormat::kSparkSubmit ? "spark-submit command"
                                                                            : "SparkApplication")
                << " found; nothing to check\n";
    }
    rules::LintResult result = rules::LintConfigFile(*parsed, config, o.forced_version);
    jobconfig::LineIndex index(path, *text);
    for (const rules::Finding& f : result.findings) {
      report.findings.push_back(ReportFinding(f, path, index));
    }
    report.suppressed += static_cast<int>(result.suppressed.size());
    if (cost_model) {
      for (const rules::Finding& f :
           rules::CheckPredictedCost(*parsed, *cost_model, o.max_cost_increase)) {
        report.findings.push_back(ReportFinding(f, path, index));
      }
    }
  }

  std::string rendered = o.format == "json"    ? reports::RenderLintJson(report)
                         : o.format == "sarif" ? reports::RenderLintSarif(report)
                         : o.format == "junit" ? reports::RenderLintJunit(report)
                                               : reports::RenderLintText(report);
  if (o.output_path.empty()) {
    std::cout << rendered;
    std::cout.flush();
  } else {
    std::ofstream out(o.output_path, std::ios::binary);
    out << rendered;
    if (!out) {
      std::cerr << "sparktune lint: cannot write " << o.output_path << "\n";
      return kExitUnreadable;
    }
  }
  if (unreadable) return kExitUnreadable;
  for (const reports::LintFinding& f : report.findings) {
    if (Reaches(f.level, threshold)) return kExitFindings;
  }
  return kExitOk;
}

}  // namespace sparktune::cli
