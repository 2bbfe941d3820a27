// `sparktune nightly (--logs PATH... | --history-server URL) [--db FILE]
// [--out DIR]`: ingest (or collect) the night's new applications, optimize
// each, recompute the fleet recommendation, and write the report (HTML,
// Markdown, JSON). Incremental: applications already stored are skipped.
// Exit codes: 0 ok (unreadable logs are listed in the report), 3 when nothing
// at all could be read, 4 when the store or the report cannot be written.
#include <unistd.h>

#include <boost/program_options.hpp>
#include <filesystem>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>

#include "advisor/cli/command.h"
#include "advisor/cli/progress_bar.h"
#include "advisor/nightly/nightly_pipeline.h"

namespace sparktune::cli {

namespace po = boost::program_options;

namespace {

std::string DefaultDb(const std::string& out_dir) {
  if (const char* env = std::getenv("SPARKTUNE_DB"); env != nullptr && *env) return env;
  return out_dir + "/sparktune.db";
}

std::string GbHours(double mb_seconds) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.1f GB-h", mb_seconds / 1024.0 / 3600.0);
  return buf;
}

}  // namespace

int RunNightly(const std::vector<std::string>& args) {
  po::options_description options(
      "sparktune nightly (--logs PATH... | --history-server URL) [--db FILE] [--out DIR] [options]");
  options.add_options()("help,h", "show this help")(
      "logs", po::value<std::vector<std::string>>()->multitoken(),
      "event logs, rolling dirs, zips or folders of them (repeatable)")(
      "db", po::value<std::string>(), "history store (default: $SPARKTUNE_DB or OUT/sparktune.db)")(
      "out", po::value<std::string>()->default_value("reports/out"), "report folder")(
      "jobs,j", po::value<int>()->default_value(0), "parallel workers (default: one per core)")(
      "max-slowdown", po::value<double>()->default_value(10), "largest predicted slowdown per job, %")(
      "min-gain", po::value<double>()->default_value(10),
      "per-job override only above this MB-seconds gain over the defaults, %")(
      "price-gb-hour", po::value<double>()->default_value(0), "price per GB-hour of container memory")(
      "price-core-hour", po::value<double>()->default_value(0), "price per core-hour")(
      "currency", po::value<std::string>()->default_value("USD"), "currency of the prices")(
      "json", "print the night's summary as JSON (sparktune.nightly/1)");
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(options).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "sparktune nightly: " << e.what() << "\n" << options;
    return kExitUsage;
  }
  if (vm.count("help")) {
    std::cout << options;
    return kExitOk;
  }
  if (!vm.count("logs")) {
    std::cerr << "sparktune nightly: expected --logs PATH (or --history-server URL)\n" << options;
    return kExitUsage;
  }
  advisor::NightlyOptions o;
  o.log_paths = vm["logs"].as<std::vector<std::string>>();
  o.source_label = "--logs";
  for (const auto& p : o.log_paths) o.source_label += " " + p;
  o.out_dir = vm["out"].as<std::string>();
  o.db_path = vm.count("db") ? vm["db"].as<std::string>() : DefaultDb(o.out_dir);
  o.jobs = vm["jobs"].as<int>();
  o.fleet.max_slowdown = vm["max-slowdown"].as<double>() / 100.0;
  o.fleet.override_min_gain = vm["min-gain"].as<double>() / 100.0;
  o.prices.per_gb_hour = vm["price-gb-hour"].as<double>();
  o.prices.per_core_hour = vm["price-core-hour"].as<double>();
  o.prices.currency = vm["currency"].as<std::string>();
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(o.db_path).parent_path().empty()
                                          ? std::filesystem::path(".")
                                          : std::filesystem::path(o.db_path).parent_path(),
                                      ec);
  ProgressBar bar("nightly");
  if (bar.enabled()) {
    o.on_progress = [&bar](const advisor::IngestProgress& p) { bar.Update(p.done, p.total, p.bytes, p.seconds); };
  }
  auto summary = advisor::RunNightly(o);
  bar.Clear();
  if (!summary.ok()) {
    std::cerr << "sparktune nightly: " << summary.status().ToString() << "\n";
    return kExitInternal;
  }
  const advisor::NightlySummary& s = *summary;
  for (const auto& item : s.unreadable_items) {
    std::cerr << "sparktune nightly: unreadable: " << item.path << ": " << item.error << "\n";
  }
  if (vm.count("json")) {
    nlohmann::ordered_json j;
    j["schema"] = "sparktune.nightly/1";
    j["night"] = s.night_id;
    j["ingested"] = s.ingested;
    j["alreadyStored"] = s.already_stored;
    j["unreadable"] = s.unreadable;
    j["jobsInFleet"] = s.jobs_in_fleet;
    j["overrides"] = s.overrides;
    j["fleetObservedMbSeconds"] = s.fleet_observed_mb_seconds;
    j["fleetPredictedMbSeconds"] = s.fleet_predicted_mb_seconds;
    j["html"] = s.html_path;
    j["markdown"] = s.markdown_path;
    j["json"] = s.json_path;
    j["seconds"] = s.seconds;
    std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  } else {
    double saving = s.fleet_observed_mb_seconds > 0
                        ? 100.0 * (1.0 - s.fleet_predicted_mb_seconds / s.fleet_observed_mb_seconds)
                        : 0.0;
    std::printf("night %lld: %zu new, %zu already stored, %zu unreadable; fleet of %zu jobs %s -> %s (%.0f%% saving, %d overrides); report %s (%.1f s)\n",
                static_cast<long long>(s.night_id), s.ingested, s.already_stored, s.unreadable,
                s.jobs_in_fleet, GbHours(s.fleet_observed_mb_seconds).c_str(),
                GbHours(s.fleet_predicted_mb_seconds).c_str(), saving, s.overrides, s.html_path.c_str(),
                s.seconds);
  }
  if (s.ingested + s.already_stored == 0 && s.unreadable > 0) return kExitUnreadable;
  return kExitOk;
}

}  // namespace sparktune::cli
