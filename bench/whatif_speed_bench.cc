// Speed of one what-if: parse and calibration are paid once per log; each
// answer is one simulation. Reports, per log, the task count, the parse time,
// the calibration time and the median simulation time of a baseline and of a
// shuffle-partitions override (goal: under 20 ms for a 13,000-task app).
// Baseline for the ratio: the parse of the same log, measured in the same run.
//
// usage: whatif_speed_bench LOG... [--repeat N]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "data/base/stats.h"
#include "data/eventlog/event_log_reader.h"
#include "simulator/workload/app_simulator.h"

using namespace sparktune;

namespace {
double Ms(std::chrono::steady_clock::time_point a) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - a).count();
}
}  // namespace

int main(int argc, char** argv) {
  int repeat = 9;
  std::vector<std::string> logs;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--repeat" && i + 1 < argc)
      repeat = std::atoi(argv[++i]);
    else
      logs.push_back(a);
  }
  std::printf("%-48s %8s %9s %9s %9s %9s %8s\n", "log", "tasks", "parse ms", "calib ms", "base ms",
              "set ms", "set/parse");
  for (const std::string& path : logs) {
    auto t0 = std::chrono::steady_clock::now();
    auto loaded = eventlog::ReadEventLog(path);
    double parse = Ms(t0);
    if (!loaded.ok()) {
      std::fprintf(stderr, "%s\n", loaded.status().ToString().c_str());
      continue;
    }
    t0 = std::chrono::steady_clock::now();
    simulator::AppSimulator sim(loaded->app);
    double calib = Ms(t0);
    std::vector<double> base, alt;
    for (int r = 0; r < repeat; ++r) {
      t0 = std::chrono::steady_clock::now();
      sim.Run({});
      base.push_back(Ms(t0));
      t0 = std::chrono::steady_clock::now();
      sim.Run({{"spark.sql.shuffle.partitions", "1000"}});
      alt.push_back(Ms(t0));
    }
    std::string name = path.size() > 48 ? "..." + path.substr(path.size() - 45) : path;
    std::printf("%-48s %8zu %9.1f %9.1f %9.2f %9.2f %7.3fx\n", name.c_str(),
                loaded->app.tasks.size(), parse, calib, stats::Median(base), stats::Median(alt),
                stats::Median(alt) / parse);
  }
  return 0;
}
