// Parse throughput of `sparktune profile --json` on a large single-application
// log against a bare simdjson DOM parse of the same bytes, measured in the same
// run (issue 15). The baseline holds the whole file in memory (padded) and
// calls dom::parser::parse on each line in place, as a line-oriented reader
// must (one event per line; a bad line is an error of that line alone); it is
// timed without the file load (the stricter figure) and with it. `profile` is a
// separate process timed end to end: read, decode, split lines, parse, build
// the model, compute the History-Server counters and the cost, write JSON.
// Reported: best-of-N wall seconds and MB/s, CPU seconds (user + system) of
// both, the ratios, the peak RSS of `profile`, and the zstd-compressed input.
// Goals: profile >= 0.5x the baseline's MB/s, peak RSS <= 0.25 of the file.
//
// usage: parse_throughput_bench LOG [LOG.zstd] [--sparktune PATH] [--repeat N]
//                                [--compare OTHER_SPARKTUNE]
//   --compare also times another build (e.g. the one before a change) in the
//   same interleaved repeats, as one more row.
//        parse_throughput_bench LOG --dom-only   (the baseline alone, once: for
//        valgrind --tool=callgrind instruction counts beside `profile`'s)
// Build the inputs with bench/make_large_log.py (see bench/README.md).
#include <simdjson.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

namespace {

double Now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double CpuSecondsOfSelf() {
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double FileMb(const std::string& path) {
  struct stat st {};
  stat(path.c_str(), &st);
  return static_cast<double>(st.st_size) / 1e6;
}

struct Timing {
  double wall = 1e9;  // best of the repeats
  double cpu = 1e9;   // user + system of the best-wall repeat
  void Keep(double w, double c) {
    if (w < wall) {
      wall = w;
      cpu = c;
    }
  }
};

struct Baseline {
  Timing load_and_parse;
  Timing parse_only;
  size_t events = 0;
  size_t errors = 0;
};

// The baseline: load the file padded, then dom::parser::parse every non-empty line in place.
void MeasureDomBaseline(const std::string& path, Baseline* out) {
  const double t0 = Now(), c0 = CpuSecondsOfSelf();
  simdjson::padded_string json;
  if (simdjson::padded_string::load(path).get(json)) {
    std::fprintf(stderr, "cannot load %s\n", path.c_str());
    std::exit(3);
  }
  const double t1 = Now(), c1 = CpuSecondsOfSelf();
  simdjson::dom::parser parser;
  size_t events = 0, errors = 0;
  const char* p = json.data();
  const char* end = p + json.size();
  while (p < end) {
    const char* nl = static_cast<const char*>(std::memchr(p, '\n', end - p));
    const char* line_end = nl != nullptr ? nl : end;
    if (line_end > p) {
      simdjson::dom::element doc;
      if (parser.parse(p, line_end - p, false).get(doc))
        ++errors;
      else
        ++events;
    }
    p = line_end + 1;
  }
  const double t2 = Now(), c2 = CpuSecondsOfSelf();
  out->events = events;
  out->errors = errors;
  out->parse_only.Keep(t2 - t1, c2 - c1);
  out->load_and_parse.Keep(t2 - t0, c2 - c0);
}

// Runs `sparktune profile --json LOG > /dev/null`; keeps wall and CPU seconds, and peak RSS (MB).
void MeasureProfile(const std::string& binary, const std::string& path, Timing* timing,
                    double* rss_mb) {
  const double t0 = Now();
  std::fflush(stdout);
  std::fflush(stderr);
  pid_t pid = fork();
  if (pid == 0) {
    if (freopen("/dev/null", "w", stdout) == nullptr ||
        freopen("/dev/null", "w", stderr) == nullptr)
      _exit(127);
    execl(binary.c_str(), binary.c_str(), "profile", "--json", path.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  struct rusage usage {};
  wait4(pid, &status, 0, &usage);
  const double wall = Now() - t0;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::fprintf(stderr, "profile failed on %s\n", path.c_str());
    std::exit(4);
  }
  const double cpu = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                     static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  timing->Keep(wall, cpu);
  *rss_mb = std::max(*rss_mb, static_cast<double>(usage.ru_maxrss) / 1024.0);
}

std::string Machine() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
  }
  return "unknown";
}

double LoadAverage() {
  double load[1] = {0};
  return getloadavg(load, 1) == 1 ? load[0] : -1;
}

void PrintRow(const char* name, const Timing& t, double mb) {
  std::printf("%-44s %8.3f %8.1f %8.3f %8.1f\n", name, t.wall, mb / t.wall, t.cpu, mb / t.cpu);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> logs;
  std::string binary = "build/sparktune";
  std::string other;  // --compare
  int repeat = 3;
  bool dom_only = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--sparktune" && i + 1 < argc)
      binary = argv[++i];
    else if (a == "--dom-only")
      dom_only = true;
    else if (a == "--compare" && i + 1 < argc)
      other = argv[++i];
    else if (a == "--repeat" && i + 1 < argc)
      repeat = std::max(1, std::atoi(argv[++i]));
    else
      logs.push_back(a);
  }
  if (logs.empty()) {
    std::fprintf(stderr,
                 "usage: parse_throughput_bench LOG [LOG.zstd] [--sparktune PATH] [--repeat N]\n");
    return 2;
  }
  if (dom_only) {
    Baseline base;
    MeasureDomBaseline(logs[0], &base);
    std::printf("%zu lines parsed (%zu invalid) in %.3f s\n", base.events, base.errors,
                base.parse_only.wall);
    return 0;
  }
  std::printf("machine: %s, %u hardware threads, load average %.1f at start\n", Machine().c_str(),
              std::thread::hardware_concurrency(), LoadAverage());
  const std::string& plain = logs[0];
  const double mb = FileMb(plain);
  Baseline base;
  Timing profile, compared;
  double rss = 0, compared_rss = 0;
  // Interleaved so that all see the same load.
  for (int r = 0; r < repeat; ++r) {
    MeasureDomBaseline(plain, &base);
    MeasureProfile(binary, plain, &profile, &rss);
    if (!other.empty()) MeasureProfile(other, plain, &compared, &compared_rss);
  }
  std::printf("input: %s, %.1f MB, %zu lines parsed (%zu invalid), best of %d\n", plain.c_str(), mb,
              base.events, base.errors, repeat);
  std::printf("%-44s %8s %8s %8s %8s\n", "", "wall s", "MB/s", "cpu s", "MB/cpu-s");
  PrintRow("baseline: simdjson DOM parse per line", base.parse_only, mb);
  PrintRow("baseline incl. loading the file", base.load_and_parse, mb);
  PrintRow("sparktune profile --json (end to end)", profile, mb);
  if (!other.empty()) {
    PrintRow("--compare build: profile --json", compared, mb);
    std::printf(
        "--compare build %s: ratio to the baseline %.2fx wall, %.2fx CPU; peak RSS %.1f MB\n",
        other.c_str(), base.parse_only.wall / compared.wall, base.parse_only.cpu / compared.cpu,
        compared_rss);
  }
  std::printf("ratio profile/baseline MB/s (wall): %.2fx (goal >= 0.5x); incl. load: %.2fx\n",
              base.parse_only.wall / profile.wall, base.load_and_parse.wall / profile.wall);
  std::printf("ratio profile/baseline MB per CPU-second: %.2fx; incl. load: %.2fx\n",
              base.parse_only.cpu / profile.cpu, base.load_and_parse.cpu / profile.cpu);
  std::printf("peak RSS of profile: %.1f MB = %.3f of the file (goal <= 0.25)\n", rss, rss / mb);
  if (logs.size() > 1) {
    Timing z;
    double zrss = 0;
    for (int r = 0; r < repeat; ++r) MeasureProfile(binary, logs[1], &z, &zrss);
    std::printf("%-44s %8.3f %8.1f %8.3f %8.1f (uncompressed MB; file %.1f MB)\n",
                "sparktune profile --json on zstd", z.wall, mb / z.wall, z.cpu, mb / z.cpu,
                FileMb(logs[1]));
    std::printf("zstd/plain: %.2fx wall, %.2fx CPU; peak RSS %.1f MB\n", z.wall / profile.wall,
                z.cpu / profile.cpu, zrss);
  }
  std::printf("load average %.1f at end\n", LoadAverage());
  return 0;
}
