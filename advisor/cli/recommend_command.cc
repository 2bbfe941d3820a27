// `sparktune recommend [--db FILE] [--max-slowdown PCT] [--min-gain PCT]
// [--min-fleet-gain PCT] [--min-fleet-gain-gbh GBH] [--json] [--save]`: the fleet-wide
// unified config (spark-defaults.conf),
// the per-job overrides and the predicted fleet saving with its interval
// ("keep current settings" and why when the lower end of the best saving is
// below the minimum fleet gain),
// from the jobs in the history store (each job's latest complete run and its
// fleet-grid predictions, stored by `ingest`/`nightly`). Jobs whose replay is
// refused (advisor/nightly/stored_fidelity.h) are left out and listed with the
// reasons; low-confidence ones are kept and marked.
#include <boost/program_options.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "advisor/cli/command.h"
#include "advisor/cli/parse_options.h"
#include "advisor/nightly/fleet_from_store.h"
#include "advisor/recommend/config_change.h"
#include "advisor/recommend/job_rewrite.h"
#include "data/base/unit_format.h"
#include "data/base/units.h"

namespace sparktune::cli {

namespace po = boost::program_options;

namespace {

// Jobs left out (refused) and jobs kept with a low-confidence replay.
nlohmann::ordered_json UntrustedJson(const advisor::StoredFleet& fleet) {
  nlohmann::ordered_json j = {{"refusedJobs", nlohmann::ordered_json::array()},
                              {"lowConfidenceJobs", nlohmann::ordered_json::array()}};
  for (const auto& r : fleet.refused)
    j["refusedJobs"].push_back(
        {{"jobKey", r.job_key}, {"appId", r.app_id}, {"reasons", r.reasons}});
  for (size_t i = 0; i < fleet.jobs.size(); ++i) {
    if (fleet.fidelity[i].trusted()) continue;
    j["lowConfidenceJobs"].push_back({{"jobKey", fleet.jobs[i].job_key},
                                      {"appId", fleet.jobs[i].app_id},
                                      {"reasons", fleet.fidelity[i].reasons}});
  }
  return j;
}

void PrintUntrusted(const advisor::StoredFleet& fleet) {
  if (!fleet.refused.empty())
    std::printf("left out %zu job(s) whose replay is refused (no prediction is made for them):\n",
                fleet.refused.size());
  for (const auto& r : fleet.refused) {
    std::cout << "  " << recommend::ShellQuote(r.job_key) << ":\n";
    for (const std::string& why : r.reasons) std::cout << "    - " << why << "\n";
  }
  for (size_t i = 0; i < fleet.jobs.size(); ++i) {
    if (fleet.fidelity[i].trusted()) continue;
    std::cout << "low-confidence replay, its predictions are uncertain: "
              << recommend::ShellQuote(fleet.jobs[i].job_key) << "\n";
    for (const std::string& why : fleet.fidelity[i].reasons) std::cout << "    - " << why << "\n";
  }
}

// A job's proposed settings classed add/update/remove against its own
// config, with current and proposed values and units (only keys that differ).
std::vector<advisor::ProposedChange> ChangesOf(const advisor::FleetJob& job,
                                               const advisor::ConfigMap& proposed) {
  if (!job.own_config) return {};
  return advisor::ClassifyChanges(*job.own_config, proposed);
}

nlohmann::ordered_json ChangesJson(const advisor::FleetJob& job,
                                   const advisor::ConfigMap& proposed) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const advisor::ProposedChange& c : ChangesOf(job, proposed)) {
    out.push_back({{"key", c.key},
                   {"kind", advisor::ChangeKindName(c.kind)},
                   {"current", c.current},
                   {"proposed", c.proposed}});
  }
  return out;
}

// The settings of `proposed` that differ from the job's own (all when unknown).
advisor::ConfigMap OnlyDiffering(const advisor::FleetJob& job, const advisor::ConfigMap& proposed) {
  if (!job.own_config) return proposed;
  advisor::ConfigMap out;
  for (const advisor::ProposedChange& c : ChangesOf(job, proposed)) out[c.key] = c.proposed;
  return out;
}

void PrintChanges(const advisor::FleetJob& job, const advisor::ConfigMap& proposed) {
  for (const advisor::ProposedChange& c : ChangesOf(job, proposed)) {
    std::cout << "    " << advisor::ChangeKindName(c.kind) << " " << c.key << ": "
              << advisor::DescribeValue(c.key, c.current) << " -> "
              << advisor::DescribeValue(c.key, c.proposed) << "\n";
  }
}

}  // namespace

int RunRecommend(const std::vector<std::string>& args) {
  po::options_description options("sparktune recommend [--db FILE] [options]");
  options.add_options()("help,h", "show this help")(
      "db", po::value<std::string>(), "history store (default: $SPARKTUNE_DB or sparktune.db)")(
      "max-slowdown", po::value<double>()->default_value(10),
      "largest predicted slowdown per job, %")(
      "min-gain", po::value<double>()->default_value(10),
      "per-job override only above this MB-seconds gain over the defaults, %")(
      "min-fleet-gain", po::value<double>()->default_value(100 * advisor::kDefaultMinFleetGain),
      "change the defaults only when the lower end of the fleet saving is above this, %")(
      "min-fleet-gain-gbh",
      po::value<double>()->default_value(advisor::kDefaultMinFleetGainMbSeconds /
                                         units::kMbSecondsPerGbHour),
      "... and above this many GB·h per night")(
      "save", "store the recommendation (accuracy tracking compares later runs with it)")(
      "json", "machine-readable output (sparktune.recommend/1)");
  po::variables_map vm;
  if (auto exit = ParseOptions("recommend", args, options, std::nullopt, vm)) return *exit;
  std::string db =
      vm.count("db") ? vm["db"].as<std::string>()
                     : (std::getenv("SPARKTUNE_DB") ? std::getenv("SPARKTUNE_DB") : "sparktune.db");
  if (!std::filesystem::exists(db)) {
    std::cerr << "sparktune recommend: " << db
              << ": no such history store (run `sparktune ingest` first)\n";
    return kExitUnreadable;
  }
  auto store = store::HistoryStore::Open(db);
  if (!store.ok()) {
    std::cerr << "sparktune recommend: " << store.status().ToString() << "\n";
    return kExitUnreadable;
  }
  advisor::FleetOptions fo;
  fo.max_slowdown = vm["max-slowdown"].as<double>() / 100.0;
  fo.override_min_gain = vm["min-gain"].as<double>() / 100.0;
  fo.min_gain = vm["min-fleet-gain"].as<double>() / 100.0;
  fo.min_gain_mb_seconds = vm["min-fleet-gain-gbh"].as<double>() * units::kMbSecondsPerGbHour;
  auto grid = advisor::FleetGrid();
  auto rec = advisor::RecommendFromStore(**store, grid, fo, std::nullopt, vm.count("save") > 0);
  if (!rec.ok()) {
    std::cerr << "sparktune recommend: " << rec.status().ToString() << "\n";
    return kExitInternal;
  }
  const advisor::FleetRecommendation& r = rec->recommendation;
  if (r.chosen < 0) {
    PrintUntrusted(rec->fleet);
    std::cerr << "sparktune recommend: no job in " << db
              << " has fleet-grid predictions (ingest logs with `sparktune ingest` or `nightly`)\n";
    return kExitUnreadable;
  }
  const advisor::ConfigMap& defaults = grid[r.chosen].config;
  if (vm.count("json")) {
    nlohmann::ordered_json j;
    j["schema"] = "sparktune.recommend/1";
    j["jobs"] = r.jobs.size();
    j["defaults"] = nlohmann::ordered_json(defaults);
    j["defaultsLabel"] = grid[r.chosen].label;
    j["observedMbSeconds"] = r.observed_mb_seconds;
    j["predictedMbSeconds"] = r.predicted_mb_seconds;
    j["predictedMbSecondsLow"] = r.predicted_mb_seconds_low;
    j["predictedMbSecondsHigh"] = r.predicted_mb_seconds_high;
    j["savingFraction"] = r.SavingFraction();
    j["keptCurrent"] = r.kept_current;
    if (r.kept_current) {
      j["bestCandidateLabel"] = grid[r.best_candidate].label;
      j["decision"] = r.decision;
    }
    j["overrides"] = nlohmann::ordered_json::array();
    for (size_t i = 0; i < r.jobs.size(); ++i) {
      const auto& a = r.jobs[i];
      if (!a.is_override) continue;
      j["overrides"].push_back(
          {{"jobKey", a.job_key},
           {"appId", a.app_id},
           {"config", nlohmann::ordered_json(advisor::OverrideConfig(grid, r.chosen, a.candidate,
                                                                     rec->fleet.configs[i]))},
           {"reason", a.reason},
           {"changes",
            ChangesJson(rec->fleet.jobs[i], advisor::OverrideConfig(grid, r.chosen, a.candidate,
                                                                    rec->fleet.configs[i]))},
           {"confidence", simulator::FidelityLevelName(rec->fleet.fidelity[i].level)},
           {"predictedMbSeconds", a.predicted_mb_seconds},
           {"atDefaultsMbSeconds", a.at_defaults_mb_seconds}});
    }
    j.update(UntrustedJson(rec->fleet));
    j["ranking"] = nlohmann::ordered_json::array();
    for (size_t i = 0; i < r.scores.size() && i < 10; ++i) {
      j["ranking"].push_back({{"label", grid[r.scores[i].candidate].label},
                              {"totalMbSeconds", r.scores[i].total_mb_seconds},
                              {"jobsForcedOff", r.scores[i].jobs_forced_off}});
    }
    std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return kExitOk;
  }
  std::printf("fleet of %zu jobs (%d skipped without predictions)\n", r.jobs.size(),
              rec->fleet.skipped_without_grid);
  PrintUntrusted(rec->fleet);
  std::printf("defaults: %s\n", grid[r.chosen].label.c_str());
  if (r.kept_current) {
    std::printf("best candidate: %s\n%s\n", grid[r.best_candidate].label.c_str(),
                r.decision.c_str());
  }
  if (r.kept_current && r.overrides == 0) {
    std::cout << "fleet memory cost " << units::FormatMbSeconds(r.observed_mb_seconds)
              << " (no change proposed)\n\n";
  } else {
    std::cout << "predicted fleet memory cost " << units::FormatMbSeconds(r.observed_mb_seconds)
              << " -> " << units::FormatMbSeconds(r.predicted_mb_seconds) << " ("
              << units::FormatSignificant(100 * r.SavingFraction()) << "% saving; saving interval "
              << units::FormatMbSeconds(r.SavingLow()) << " to "
              << units::FormatMbSeconds(r.SavingHigh()) << ")\n\n";
  }
  if (!defaults.empty()) {
    std::cout << "# spark-defaults.conf\n"
              << recommend::DefaultsFragment(defaults, "sparktune fleet recommendation") << "\n";
  }
  std::printf("per-job overrides: %d\n", r.overrides);
  for (size_t i = 0; i < r.jobs.size(); ++i) {
    const auto& a = r.jobs[i];
    if (!a.is_override) continue;
    std::cout << "  " << recommend::ShellQuote(a.job_key) << ": " << a.reason
              << (rec->fleet.fidelity[i].trusted() ? "" : " (low-confidence)") << "\n    "
              << recommend::SubmitArgs(OnlyDiffering(
                     rec->fleet.jobs[i],
                     advisor::OverrideConfig(grid, r.chosen, a.candidate, rec->fleet.configs[i])))
              << "\n";
    PrintChanges(rec->fleet.jobs[i],
                 advisor::OverrideConfig(grid, r.chosen, a.candidate, rec->fleet.configs[i]));
  }
  return kExitOk;
}

}  // namespace sparktune::cli
