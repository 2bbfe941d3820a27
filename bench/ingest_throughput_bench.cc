// Ingest throughput: `IngestLogs` (hash, parse, facts, baseline replay, one
// SQLite transaction per app) of the same logs into a fresh database with
// 1, 2, ... worker threads. Reports logs/s and MB/s (raw bytes on disk) per
// thread count, the median of --repeat runs, and the speed-up against the
// baseline --jobs 1 measured in the same run, plus the machine.
//
// usage: ingest_throughput_bench PATH... [--jobs 1,2,4] [--repeat N]
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "advisor/ingest/ingest_pipeline.h"
#include "data/base/stats.h"
#include "data/store/history_store.h"

using namespace sparktune;

namespace {

std::string CpuModel() {
  FILE* f = std::fopen("/proc/cpuinfo", "r");
  if (!f) return "?";
  char line[512];
  std::string model = "?";
  while (std::fgets(line, sizeof line, f)) {
    std::string s = line;
    if (s.rfind("model name", 0) == 0) {
      model = s.substr(s.find(':') + 2);
      if (!model.empty() && model.back() == '\n') model.pop_back();
      break;
    }
  }
  std::fclose(f);
  return model;
}

}  // namespace

int main(int argc, char** argv) {
  int repeat = 3;
  std::vector<int> jobs = {1, 2};
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--repeat" && i + 1 < argc) {
      repeat = std::atoi(argv[++i]);
    } else if (a == "--jobs" && i + 1 < argc) {
      jobs.clear();
      std::stringstream ss(argv[++i]);
      for (std::string item; std::getline(ss, item, ',');) jobs.push_back(std::atoi(item.c_str()));
    } else {
      paths.push_back(a);
    }
  }
  if (paths.empty()) {
    std::fprintf(stderr, "usage: ingest_throughput_bench PATH... [--jobs 1,2,4] [--repeat N]\n");
    return 2;
  }
  std::printf("machine: %s, %u hardware threads, load average at start: ", CpuModel().c_str(),
              std::thread::hardware_concurrency());
  double load[3] = {0, 0, 0};
  if (getloadavg(load, 3) == 3) std::printf("%.2f\n", load[0]);
  std::printf("%6s %6s %10s %10s %9s %9s %10s\n", "jobs", "logs", "MB", "median s", "logs/s",
              "MB/s", "vs jobs=1");
  double baseline_s = 0;
  char dir_template[] = "/tmp/sparktune-ingest-bench-XXXXXX";
  std::string dir = mkdtemp(dir_template);
  for (int j : jobs) {
    std::vector<double> seconds;
    size_t logs = 0;
    uint64_t bytes = 0;
    for (int r = 0; r < repeat; ++r) {
      std::string db = dir + "/bench.db";
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
      auto store = store::HistoryStore::Open(db);
      if (!store.ok()) {
        std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
        return 3;
      }
      advisor::IngestOptions options;
      options.jobs = j;
      auto report = advisor::IngestLogs(**store, paths, options);
      if (!report.ok()) {
        std::fprintf(stderr, "%s\n", report.status().ToString().c_str());
        return 3;
      }
      seconds.push_back(report->seconds);
      logs = report->ingested;
      bytes = report->bytes;
    }
    double s = stats::Median(seconds);
    if (j == jobs.front()) baseline_s = s;
    double mb = static_cast<double>(bytes) / 1e6;
    std::printf("%6d %6zu %10.1f %10.2f %9.2f %9.2f %9.2fx\n", j, logs, mb, s,
                static_cast<double>(logs) / s, mb / s, baseline_s / s);
  }
  std::filesystem::remove_all(dir);
  return 0;
}
