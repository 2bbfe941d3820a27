// Benchmark of `sparktune lint` (issue 6: "1,000 config files in under a
// second"). Writes 1,000 generated job configs (60% spark-defaults.conf, 25%
// spark-submit scripts, 15% SparkApplication YAML, 20-40 settings each, with
// findings) to a temporary directory, then measures, best of 5 runs:
//   baseline  - reading every file into memory (the floor any linter pays);
//   lint      - read + parse + every rule + text rendering, in process;
//   cli       - the real `sparktune lint --format sarif` over all 1,000 files in one process
//               (when the binary is next to bench/).
// Prints each time, the ratio to the baseline, and the machine.
//
// Usage: lint_bench [FILES]   (default 1000)
#include <sys/utsname.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "data/jobconfig/config_file_loader.h"
#include "reports/lint/lint_renderers.h"
#include "rules/lint_config.h"
#include "rules/linter.h"

namespace fs = std::filesystem;
using sparktune::Result;

namespace {

std::string MachineDescription() {
  std::string cpu = "unknown CPU";
  std::ifstream info("/proc/cpuinfo");
  std::string line;
  while (std::getline(info, line)) {
    if (line.rfind("model name", 0) == 0) {
      cpu = line.substr(line.find(':') + 2);
      break;
    }
  }
  struct utsname u {};
  uname(&u);
  return cpu + ", " + std::to_string(std::thread::hardware_concurrency()) + " hardware threads, " +
         u.sysname + " " + u.release;
}

std::string Conf(int i) {
  std::ostringstream o;
  o << "# generated job " << i << "\n";
  o << "spark.master yarn\nspark.submit.deployMode cluster\n";
  o << "spark.executor.memory " << (8 + i % 40) << "g\n";
  o << "spark.executor.cores " << (1 + i % 8) << "\n";
  o << "spark.executor.memoryOverhead " << (1 + i % 18) << "g\n";
  o << "spark.sql.shuffle.partitions " << (200 + 37 * i) << "\n";
  o << "spark.sql.adaptive.enabled " << (i % 3 ? "true" : "false") << "\n";
  o << "spark.sql.adaptive.advisoryPartitionSizeInBytes " << (16 << (i % 5)) << "m\n";
  o << "spark.sql.autoBroadcastJoinThreshold " << (10 + i % 300) << "m\n";
  o << "spark.dynamicAllocation.enabled true\n";
  o << "spark.dynamicAllocation.maxExecutors " << (50 + i) << "\n";
  o << "spark.dynamicAllocation.initialExecutors " << (i % 100) << "\n";
  o << "spark.network.timeout " << (120 + 10 * (i % 400)) << "s\n";
  o << "spark.eventLog.enabled true\nspark.eventLog.dir hdfs:///spark-history\n";
  o << "spark.serializer org.apache.spark.serializer.KryoSerializer\n";
  o << "spark.kryoserializer.buffer.max 512m\n";
  o << "spark.sql.files.maxPartitionBytes " << (64 + 32 * (i % 8)) << "m\n";
  o << "spark.speculation " << (i % 2 ? "true" : "false") << "\nspark.speculation.multiplier 1."
    << i % 9 << "\n";
  o << "spark.executor.memroy 4g\n";  // a typo for did-you-mean
  o << "spark.yarn.executor.memoryOverhead 2g\n";
  o << "# sparktune: disable=ST203 reason: generated\nspark.driver.cores 2\n";
  for (int k = 0; k < 10; ++k) o << "spark.hadoop.fs.custom.key" << k << " value" << k << "\n";
  return o.str();
}

std::string Script(int i) {
  std::ostringstream o;
  o << "#!/usr/bin/env bash\nset -euo pipefail\n";
  o << "spark-submit --master yarn --deploy-mode cluster \\\n";
  o << "  --executor-memory " << (8 + i % 40) << "g --executor-cores " << (1 + i % 8) << " \\\n";
  o << "  --num-executors " << (10 + i % 200) << " --driver-memory 4g \\\n";
  for (int k = 0; k < 15; ++k)
    o << "  --conf \"spark.sql.shuffle.partitions=" << (200 + k + i) << "\" \\\n";
  o << "  --conf spark.network.timeout=" << (100 + i % 5000) << "s \\\n";
  o << "  --class com.example.Job" << i << " job.jar --date \"$1\"\n";
  return o.str();
}

std::string Yaml(int i) {
  std::ostringstream o;
  o << "apiVersion: sparkoperator.k8s.io/v1beta2\nkind: SparkApplication\nmetadata:\n  name: job-"
    << i
    << "\nspec:\n  type: Scala\n  sparkVersion: \"3.5.1\"\n  mainApplicationFile: "
       "local:///opt/app.jar\n";
  o << "  sparkConf:\n";
  for (int k = 0; k < 15; ++k) o << "    \"spark.custom.key" << k << "\": \"" << k << "\"\n";
  o << "    \"spark.sql.shuffle.partitions\": \"" << (200 + i) << "\"\n";
  o << "  executor:\n    instances: " << (i % 300) << "\n    cores: " << (1 + i % 8)
    << "\n    memory: " << (4 + i % 40) << "g\n    memoryOverhead: " << (1 + i % 10) << "g\n";
  o << "  dynamicAllocation:\n    enabled: true\n    initialExecutors: " << (i % 500) << "\n";
  return o.str();
}

template <typename F>
double BestOfSeconds(int runs, F&& f) {
  double best = 1e30;
  for (int r = 0; r < runs; ++r) {
    auto t0 = std::chrono::steady_clock::now();
    f();
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    best = std::min(best, s);
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  const int n = argc > 1 ? std::atoi(argv[1]) : 1000;
  char tmpl[] = "/tmp/sparktune-lint-bench-XXXXXX";
  const std::string dir = mkdtemp(tmpl);
  std::vector<std::string> files;
  size_t bytes = 0;
  for (int i = 0; i < n; ++i) {
    std::string name, text;
    if (i % 20 < 12) {
      name = dir + "/job" + std::to_string(i) + ".conf";
      text = Conf(i);
    } else if (i % 20 < 17) {
      name = dir + "/job" + std::to_string(i) + ".sh";
      text = Script(i);
    } else {
      name = dir + "/job" + std::to_string(i) + ".yaml";
      text = Yaml(i);
    }
    std::ofstream(name, std::ios::binary) << text;
    bytes += text.size();
    files.push_back(name);
  }

  size_t sink = 0;
  const double baseline = BestOfSeconds(5, [&] {
    for (const std::string& f : files) {
      Result<std::string> t = sparktune::jobconfig::ReadConfigFileText(f);
      sink += t.ok() ? t->size() : 0;
    }
  });

  sparktune::rules::LintConfig config;
  size_t findings = 0;
  const double lint = BestOfSeconds(5, [&] {
    findings = 0;
    sparktune::reports::LintReport report;
    for (const std::string& f : files) {
      Result<std::string> t = sparktune::jobconfig::ReadConfigFileText(f);
      if (!t.ok()) continue;
      Result<sparktune::jobconfig::ConfigFile> parsed =
          sparktune::jobconfig::ParseConfigText(f, *t);
      if (!parsed.ok()) continue;
      sparktune::rules::LintResult r = sparktune::rules::LintConfigFile(*parsed, config);
      report.files.push_back(f);
      for (const auto& x : r.findings) {
        report.findings.push_back({x.rule_id, x.slug,
                                   std::string(sparktune::rules::SeverityName(x.severity)),
                                   x.message, f, x.location.line, x.location.column, x.key, ""});
      }
    }
    findings = report.findings.size();
    sink += sparktune::reports::RenderLintText(report).size();
  });

  double cli = -1;
  fs::path binary = fs::path(argv[0]).parent_path().parent_path() / "sparktune";
  if (fs::exists(binary)) {
    std::string list = dir + "/files.txt";
    std::string cmd = "'" + binary.string() + "' lint --format sarif --fail-on never";
    for (const std::string& f : files) cmd += " '" + f + "'";
    cmd += " > /dev/null 2>&1";
    cli = BestOfSeconds(3, [&] { sink += std::system(cmd.c_str()) == 0 ? 1 : 0; });
  }
  fs::remove_all(dir);

  std::printf("lint_bench: %d config files (%.1f KiB), %zu findings\n", n, bytes / 1024.0,
              findings);
  std::printf("  machine : %s\n", MachineDescription().c_str());
  std::printf("  baseline (read files)            : %8.2f ms\n", baseline * 1e3);
  std::printf(
      "  lint in process (read+parse+rules+text): %8.2f ms  = %.1fx baseline, %.0f files/s\n",
      lint * 1e3, lint / baseline, n / lint);
  if (cli >= 0) {
    std::printf("  sparktune lint --format sarif (1 process): %8.2f ms  = %.1fx baseline\n",
                cli * 1e3, cli / baseline);
  }
  std::printf("  target: %d files in under 1 s: %s\n", n,
              (cli >= 0 ? cli : lint) < 1.0 ? "met" : "NOT met");
  return sink == 0 ? 1 : 0;
}
