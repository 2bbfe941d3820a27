// Parse throughput of `sparktune profile --json` on a large single-application
// log, against a bare simdjson DOM parse of the same bytes (parse_many over the
// whole file held in memory) measured in the same run, plus peak RSS of the
// profile process and the zstd-compressed input. Prints a table and the ratios
// the issue asks for (goal: >= 0.5x the bare rate, RSS < file/4, zstd within
// 1.5x of plain).
//
// usage: parse_throughput_bench LOG [LOG.zstd] [--sparktune PATH] [--repeat N]
// Build the inputs with bench/make_large_log.py (see bench/README.md).
#include <simdjson.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

namespace {

double Now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double FileMb(const std::string& path) {
  struct stat st {};
  stat(path.c_str(), &st);
  return static_cast<double>(st.st_size) / 1e6;
}

// Bare simdjson: load the whole file padded, iterate every document.
double BareSimdjsonSeconds(const std::string& path, size_t* docs) {
  double t0 = Now();
  simdjson::padded_string json;
  if (simdjson::padded_string::load(path).get(json)) {
    std::fprintf(stderr, "cannot load %s\n", path.c_str());
    std::exit(3);
  }
  simdjson::dom::parser parser;
  simdjson::dom::document_stream stream;
  if (parser.parse_many(json, 1 << 26).get(stream)) std::exit(3);
  size_t n = 0;
  for (auto doc : stream) {
    simdjson::dom::element e;
    if (!doc.get(e)) ++n;
  }
  *docs = n;
  return Now() - t0;
}

// Runs `sparktune profile --json LOG > /dev/null`; returns wall seconds and peak RSS (MB).
double ProfileSeconds(const std::string& binary, const std::string& path, double* rss_mb) {
  double t0 = Now();
  std::fflush(stdout);
  std::fflush(stderr);
  pid_t pid = fork();
  if (pid == 0) {
    freopen("/dev/null", "w", stdout);
    freopen("/dev/null", "w", stderr);
    execl(binary.c_str(), binary.c_str(), "profile", "--json", path.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  struct rusage usage {};
  wait4(pid, &status, 0, &usage);
  double dt = Now() - t0;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::fprintf(stderr, "profile failed on %s\n", path.c_str());
    std::exit(4);
  }
  *rss_mb = static_cast<double>(usage.ru_maxrss) / 1024.0;
  return dt;
}

std::string Machine() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
  }
  return "unknown";
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> logs;
  std::string binary = "build/sparktune";
  int repeat = 3;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--sparktune" && i + 1 < argc) binary = argv[++i];
    else if (a == "--repeat" && i + 1 < argc) repeat = std::atoi(argv[++i]);
    else logs.push_back(a);
  }
  if (logs.empty()) {
    std::fprintf(stderr, "usage: parse_throughput_bench LOG [LOG.zstd] [--sparktune PATH] [--repeat N]\n");
    return 2;
  }
  std::printf("machine: %s, %u hardware threads\n", Machine().c_str(), std::thread::hardware_concurrency());
  const std::string& plain = logs[0];
  double mb = FileMb(plain);
  double best_bare = 1e9, best_profile = 1e9, rss = 0;
  size_t docs = 0;
  for (int r = 0; r < repeat; ++r) {
    best_bare = std::min(best_bare, BareSimdjsonSeconds(plain, &docs));
    double this_rss = 0;
    best_profile = std::min(best_profile, ProfileSeconds(binary, plain, &this_rss));
    rss = std::max(rss, this_rss);
  }
  std::printf("input: %s, %.1f MB, %zu events\n", plain.c_str(), mb, docs);
  std::printf("%-40s %10s %10s\n", "", "seconds", "MB/s");
  std::printf("%-40s %10.3f %10.1f\n", "baseline: bare simdjson parse_many", best_bare, mb / best_bare);
  std::printf("%-40s %10.3f %10.1f\n", "sparktune profile --json (end to end)", best_profile, mb / best_profile);
  std::printf("ratio profile/bare throughput: %.2fx (goal >= 0.5x)\n", best_bare / best_profile);
  std::printf("peak RSS of profile: %.1f MB = %.3f of the file (goal < 0.25)\n", rss, rss / mb);
  if (logs.size() > 1) {
    double best_z = 1e9, zrss = 0;
    for (int r = 0; r < repeat; ++r) {
      double this_rss = 0;
      best_z = std::min(best_z, ProfileSeconds(binary, logs[1], &this_rss));
      zrss = std::max(zrss, this_rss);
    }
    std::printf("%-40s %10.3f %10.1f (uncompressed MB/s; file %.1f MB)\n", "sparktune profile --json on zstd",
                best_z, mb / best_z, FileMb(logs[1]));
    std::printf("zstd/plain time: %.2fx (goal <= 1.5x), peak RSS %.1f MB\n", best_z / best_profile, zrss);
  }
  return 0;
}
