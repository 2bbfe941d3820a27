#include "advisor/cli/whatif_shell.h"

#include <editline/readline.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "advisor/cli/command.h"
#include "advisor/cli/fidelity_output.h"
#include "data/config/config_catalog.h"
#include "simulator/workload/replay_fidelity.h"

namespace sparktune::cli {

namespace {

using Overrides = std::map<std::string, std::string>;

std::string Trim(std::string s) {
  size_t a = s.find_first_not_of(" \t\r\n");
  size_t b = s.find_last_not_of(" \t\r\n");
  return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

std::string Fmt(const char* format, double a, double b = 0, double c = 0) {
  char buf[256];
  std::snprintf(buf, sizeof buf, format, a, b, c);
  return buf;
}

void PrintSummary(std::ostream& out, const simulator::SimResult& base,
                  const simulator::SimResult& alt, const simulator::ReplayFidelity& fidelity,
                  double ms) {
  std::vector<std::string> refused = simulator::CheckPrediction(simulator::FiguresOf(alt));
  if (!refused.empty()) {
    out << "  refused (no prediction is shown for this config):\n";
    for (const std::string& why : refused) out << "    - " << why << "\n";
    return;
  }
  double dpct = base.duration_ms > 0 ? 100 * (alt.duration_ms / base.duration_ms - 1) : 0;
  double mpct = base.mb_seconds > 0 ? 100 * (alt.mb_seconds / base.mb_seconds - 1) : 0;
  out << Fmt("  duration   %10.1f s -> %10.1f s", base.duration_ms / 1000, alt.duration_ms / 1000)
      << Fmt(" (%+.1f%%)\n", dpct);
  out << Fmt("  MB-seconds %12.0f -> %12.0f", base.mb_seconds, alt.mb_seconds)
      << Fmt(" (%+.1f%%)", mpct)
      << Fmt("  interval %.0f..%.0f\n", alt.mb_seconds_low, alt.mb_seconds_high);
  if (!fidelity.trusted())
    out << "  (low-confidence: the replay of this log is uncertain, see the start)\n";
  if (alt.oom_risk) out << "  warning: out-of-memory risk at this config\n";
  if (ms > 0) out << Fmt("  (simulated in %.1f ms)\n", ms);
}

const char* kHelp =
    "commands:\n"
    "  set KEY=VALUE   change a Spark setting (e.g. set spark.sql.shuffle.partitions=400)\n"
    "  unset KEY       back to the log's own value\n"
    "  show            the settings changed so far\n"
    "  diff            baseline vs the current what-if\n"
    "  stages          per-stage tasks and time, baseline vs what-if\n"
    "  explain STAGE   what changed in one stage and why\n"
    "  undo            revert the last set/unset\n"
    "  help, quit\n";

}  // namespace

int RunWhatifShell(const simulator::AppSimulator& sim, std::istream& in, std::ostream& out,
                   bool terminal) {
  const simulator::SimResult base = sim.Run({});
  const simulator::ReplayFidelity fidelity = simulator::AssessReplay(sim.app(), base);
  out << "sparktune what-if on " << sim.app().app_id << " (" << sim.app().name
      << "); 'help' lists the commands\n";
  PrintFidelity(out, fidelity);
  if (fidelity.refused()) return kExitUnreadable;  // no what-if on a replay that is refused
  Overrides current;
  std::vector<Overrides> history;
  simulator::SimResult alt = base;
  std::string history_file;
  if (terminal) {
    if (const char* home = std::getenv("HOME"))
      history_file = std::string(home) + "/.sparktune_history";
    using_history();
    if (!history_file.empty()) read_history(history_file.c_str());
  }
  auto rerun = [&]() {
    auto t0 = std::chrono::steady_clock::now();
    alt = current.empty() ? base : sim.Run(current);
    double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    PrintSummary(out, base, alt, fidelity, ms);
  };
  while (true) {
    std::string line;
    if (terminal) {
      char* raw = readline("whatif> ");
      if (raw == nullptr) break;
      line = raw;
      std::free(raw);
      if (!Trim(line).empty()) add_history(line.c_str());
    } else {
      if (!std::getline(in, line)) break;
    }
    line = Trim(line);
    if (line.empty()) continue;
    std::istringstream words(line);
    std::string cmd, arg;
    words >> cmd;
    std::getline(words, arg);
    arg = Trim(arg);
    if (cmd == "quit" || cmd == "exit" || cmd == "q") break;
    if (cmd == "help" || cmd == "?") {
      out << kHelp;
    } else if (cmd == "set") {
      size_t eq = arg.find('=');
      if (eq == std::string::npos) eq = arg.find(' ');
      if (eq == std::string::npos || eq == 0) {
        out << "  expected: set KEY=VALUE\n";
        continue;
      }
      std::string key = Trim(arg.substr(0, eq)), value = Trim(arg.substr(eq + 1));
      const config::ConfigKey* k = config::FindKey(key);
      if (k == nullptr) {
        out << "  unknown Spark key '" << key << "'";
        auto s = config::SuggestKeys(key);
        if (!s.empty()) out << "; did you mean '" << s.front() << "'?";
        out << "\n";
        continue;
      }
      if (k->type == config::ValueType::kBytes && !config::ParseBytes(value, k->bytes_unit).ok()) {
        out << "  " << key << ": expected a size such as 4g or 512m\n";
        continue;
      }
      history.push_back(current);
      current[key] = value;
      rerun();
    } else if (cmd == "unset") {
      if (!current.count(arg)) {
        out << "  " << arg << " is not set in this session\n";
        continue;
      }
      history.push_back(current);
      current.erase(arg);
      rerun();
    } else if (cmd == "undo") {
      if (history.empty()) {
        out << "  nothing to undo\n";
        continue;
      }
      current = history.back();
      history.pop_back();
      rerun();
    } else if (cmd == "show") {
      if (current.empty()) out << "  (the log's own config)\n";
      for (const auto& [k, v] : current) {
        std::string was = sim.observed_config().Get(k);
        out << "  " << k << " = " << v << "  (log: " << (was.empty() ? "unset" : was) << ")\n";
      }
    } else if (cmd == "diff") {
      PrintSummary(out, base, alt, fidelity, 0);
    } else if (cmd == "stages") {
      out << "  stage   tasks (base -> what-if)   time s (base -> what-if)\n";
      for (size_t i = 0; i < alt.stages.size() && i < base.stages.size(); ++i) {
        const auto& a = alt.stages[i];
        const auto& b = base.stages[i];
        out << Fmt("  %5.0f  %8.0f -> %-8.0f", a.stage_id, b.tasks, a.tasks)
            << Fmt("        %8.1f -> %-8.1f\n", (b.end_ms - b.start_ms) / 1000,
                   (a.end_ms - a.start_ms) / 1000);
      }
    } else if (cmd == "explain") {
      int id = std::atoi(arg.c_str());
      bool found = false;
      for (size_t i = 0; i < alt.stages.size() && i < base.stages.size(); ++i) {
        if (alt.stages[i].stage_id != id) continue;
        found = true;
        const auto& a = alt.stages[i];
        const auto& b = base.stages[i];
        out << "  stage " << id << " (job " << a.job_id << "): " << a.name << "\n";
        out << Fmt("    tasks %.0f -> %.0f, time %.1f s", b.tasks, a.tasks,
                   (b.end_ms - b.start_ms) / 1000)
            << Fmt(" -> %.1f s, spill %.0f MB", (a.end_ms - a.start_ms) / 1000, b.spill_bytes / 1e6)
            << Fmt(" -> %.0f MB\n", a.spill_bytes / 1e6);
        out << "    evidence: " << a.evidence << "\n";
        out << "    why: "
            << (a.why.empty() ? "nothing in this stage depends on the settings changed" : a.why)
            << "\n";
      }
      if (!found) out << "  no simulated stage " << arg << " (see 'stages')\n";
    } else {
      out << "  unknown command '" << cmd << "'; 'help' lists the commands\n";
    }
  }
  if (terminal && !history_file.empty()) write_history(history_file.c_str());
  return kExitOk;
}

}  // namespace sparktune::cli
