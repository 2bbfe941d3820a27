// `sparktune nightly (--logs PATH... | --history-server URL) [--db FILE]
// [--out DIR]`: ingest (or collect) the night's new applications, optimize
// each, recompute the fleet recommendation, and write the report (HTML,
// Markdown, JSON). Incremental: applications already stored are skipped.
// Exit codes: 0 ok (unreadable logs are listed in the report), 3 when nothing
// at all could be read, 4 when the store or the report cannot be written.
#include <unistd.h>

#include <boost/program_options.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "advisor/cli/command.h"
#include "advisor/cli/parse_options.h"
#include "advisor/cli/price_options.h"
#include "advisor/cli/progress_bar.h"
#include "advisor/collect/collector.h"
#include "advisor/collect/store_sink.h"
#include "advisor/ingest/records_file.h"
#include "advisor/nightly/nightly_pipeline.h"
#include "data/base/env.h"
#include "data/base/unit_format.h"
#include "data/base/units.h"
#include "data/history_server/history_server_client.h"

namespace sparktune::cli {

namespace po = boost::program_options;

namespace {

std::string DefaultDb(const std::string& out_dir) {
  if (const char* env = std::getenv("SPARKTUNE_DB"); env != nullptr && *env) return env;
  return out_dir + "/sparktune.db";
}

// Sets `o.collect` to collect the night's apps from --history-server (auth,
// TLS as `collect` has them); an exit code when the options are unusable.
std::optional<int> SetUpHistoryServer(const po::variables_map& vm, advisor::NightlyOptions& o,
                                      std::unique_ptr<history_server::HttpClient>& http_client) {
  auto url = history_server::NormalizeApiUrl(vm["history-server"].as<std::string>());
  if (!url.ok()) {
    std::cerr << "sparktune nightly: " << url.status().message() << "\n";
    return kExitUsage;
  }
  const std::string api_url = *url;
  history_server::HttpOptions http;
  Status st;
  if (vm.count("auth-basic-env")) {
    st = history_server::LoadBasicAuthFromEnv(vm["auth-basic-env"].as<std::string>(),
                                              http.credentials);
  }
  std::string warning;
  if (st.ok() && vm.count("token-file")) {
    st = history_server::LoadTokenFile(vm["token-file"].as<std::string>(), http.credentials,
                                       &warning);
  }
  if (!warning.empty()) std::cerr << "sparktune nightly: warning: " << warning << "\n";
  if (!st.ok()) {
    std::cerr << "sparktune nightly: " << st.ToString() << "\n";
    return kExitUsage;
  }
  if (vm.count("cacert")) http.tls.ca_file = vm["cacert"].as<std::string>();
  if (vm.count("insecure")) {
    http.tls.verify = false;
    std::cerr << "sparktune nightly: warning: --insecure: the History Server's certificate is not "
                 "verified\n";
  }
  http_client = std::make_unique<history_server::HttpClient>(std::move(http));
  o.source_label +=
      (o.source_label.empty() ? "" : " ") + std::string("--history-server ") + api_url;
  const std::string staging = o.db_path + ".staging";
  o.collect =
      [&http_client, api_url, staging](
          store::HistoryStore& store,
          const advisor::IngestOptions& ingest) -> Result<std::vector<advisor::IngestItem>> {
    (void)Env::Default()->RemoveAll(staging);  // what a killed run left
    SPARKTUNE_RETURN_IF_ERROR(Env::Default()->CreateDirectories(staging));
    collect::StoreSink sink(store, ingest);
    collect::CollectOptions copts;
    copts.staging_dir = staging;
    history_server::HistoryServerClient server(api_url, *http_client);
    auto report = collect::RunCollect(server, sink, copts);
    if (!report.ok()) return report.status();
    std::vector<advisor::IngestItem> items = sink.items();
    for (const auto& outcome : report->outcomes) {
      if (outcome.kind != collect::OutcomeKind::kFailed) continue;
      advisor::IngestItem item;
      item.path = api_url + " " + outcome.app_id +
                  (outcome.attempt_id.empty() ? "" : "/" + outcome.attempt_id);
      item.status = advisor::IngestItemStatus::kUnreadable;
      item.error = outcome.message;
      items.push_back(std::move(item));
    }
    return items;
  };
  return std::nullopt;
}

// The night's summary on stdout: sparktune.nightly/1 JSON, or one line.
void PrintSummary(const advisor::NightlySummary& s, bool json) {
  if (json) {
    nlohmann::ordered_json j;
    j["schema"] = "sparktune.nightly/1";
    j["night"] = s.night_id;
    j["ingested"] = s.ingested;
    j["alreadyStored"] = s.already_stored;
    j["unreadable"] = s.unreadable;
    j["jobsInFleet"] = s.jobs_in_fleet;
    j["overrides"] = s.overrides;
    if (!s.fleet_decision.empty()) j["fleetDecision"] = s.fleet_decision;
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
    std::printf(
        "night %lld: %zu new, %zu already stored, %zu unreadable; fleet of %zu jobs %s -> %s "
        "(%.0f%% saving, %d overrides); report %s (%.1f s)\n",
        static_cast<long long>(s.night_id), s.ingested, s.already_stored, s.unreadable,
        s.jobs_in_fleet, units::FormatMbSeconds(s.fleet_observed_mb_seconds).c_str(),
        units::FormatMbSeconds(s.fleet_predicted_mb_seconds).c_str(), saving, s.overrides,
        s.html_path.c_str(), s.seconds);
    if (!s.fleet_decision.empty()) std::printf("fleet: %s\n", s.fleet_decision.c_str());
  }
}

}  // namespace

int RunNightly(const std::vector<std::string>& args) {
  po::options_description options(
      "sparktune nightly (--logs PATH... | --history-server URL | --records FILE...) [--db FILE] "
      "[--out DIR] [options]");
  options.add_options()("help,h", "show this help")(
      "logs", po::value<std::vector<std::string>>()->multitoken(),
      "event logs, rolling dirs, zips or folders of them (repeatable)")(
      "history-server", po::value<std::string>(),
      "collect the night's completed apps from this Spark History Server (see `sparktune "
      "collect`)")("records", po::value<std::vector<std::string>>()->multitoken(),
                   "app records computed elsewhere (`ingest --records-out`, fleet mode on Spark), "
                   "JSON lines (repeatable)")(
      "auth-basic-env", po::value<std::string>(),
      "History Server basic auth: env var holding user:password")(
      "token-file", po::value<std::string>(), "History Server bearer token: file holding it")(
      "cacert", po::value<std::string>(), "CA bundle (PEM) for the History Server")(
      "insecure", "do not verify the History Server's TLS certificate (warns)")(
      "db", po::value<std::string>(), "history store (default: $SPARKTUNE_DB or OUT/sparktune.db)")(
      "out", po::value<std::string>()->default_value("reports/out"), "report folder")(
      "jobs,j", po::value<int>()->default_value(0), "parallel workers (default: one per core)")(
      "max-slowdown", po::value<double>()->default_value(10),
      "largest predicted slowdown per job, %")(
      "min-gain", po::value<double>()->default_value(10),
      "per-job override only above this MB-seconds gain over the defaults, %")(
      "json", "print the night's summary as JSON (sparktune.nightly/1)");
  AddPriceOptions(options);
  po::variables_map vm;
  if (auto exit = ParseOptions("nightly", args, options, std::nullopt, vm)) return *exit;
  if (!vm.count("logs") && !vm.count("history-server") && !vm.count("records")) {
    std::cerr << "sparktune nightly: expected --logs PATH, --history-server URL or --records FILE\n"
              << options;
    return kExitUsage;
  }
  if (vm.count("records") && vm.count("history-server")) {
    std::cerr << "sparktune nightly: --records and --history-server are two sources of the same "
                 "night's apps: "
                 "give one (collect the History Server first, or use fleet mode for it)\n";
    return kExitUsage;
  }
  advisor::NightlyOptions o;
  if (vm.count("logs")) {
    o.log_paths = vm["logs"].as<std::vector<std::string>>();
    o.source_label = "--logs";
    for (const auto& p : o.log_paths) o.source_label += " " + p;
  }
  o.out_dir = vm["out"].as<std::string>();
  o.db_path = vm.count("db") ? vm["db"].as<std::string>() : DefaultDb(o.out_dir);
  o.jobs = vm["jobs"].as<int>();
  o.fleet.max_slowdown = vm["max-slowdown"].as<double>() / 100.0;
  o.fleet.override_min_gain = vm["min-gain"].as<double>() / 100.0;
  auto prices = PricesFromOptions(vm);
  if (!prices.ok()) {
    std::cerr << "sparktune nightly: " << prices.status().message() << "\n";
    return prices.status().code() == StatusCode::kInvalidArgument ? kExitUsage : kExitUnreadable;
  }
  o.prices = *prices;
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(o.db_path).parent_path().empty()
                                          ? std::filesystem::path(".")
                                          : std::filesystem::path(o.db_path).parent_path(),
                                      ec);
  // History Server collection: each verified download is ingested into the
  // night through the store sink (collect_command.cc has every option).
  std::unique_ptr<history_server::HttpClient> http_client;
  if (vm.count("history-server")) {
    if (std::optional<int> exit = SetUpHistoryServer(vm, o, http_client)) return *exit;
  }
  // Records computed elsewhere (fleet mode): stored into the night as they
  // are, through the same path as `ingest --records`.
  if (vm.count("records")) {
    std::vector<std::string> files = vm["records"].as<std::vector<std::string>>();
    for (const auto& f : files) o.source_label += (o.source_label.empty() ? "--records " : " ") + f;
    o.collect =
        [files](store::HistoryStore& store,
                const advisor::IngestOptions& ingest) -> Result<std::vector<advisor::IngestItem>> {
      std::vector<advisor::IngestItem> all;
      for (const auto& f : files) {
        SPARKTUNE_ASSIGN_OR_RETURN(std::vector<advisor::IngestItem> items,
                                   advisor::IngestRecordsFile(store, f, ingest.night_id));
        for (auto& item : items) all.push_back(std::move(item));
      }
      return all;
    };
  }
  ProgressBar bar("nightly");
  if (bar.enabled()) {
    o.on_progress = [&bar](const advisor::IngestProgress& p) {
      bar.Update(p.done, p.total, p.bytes, p.seconds);
    };
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
  PrintSummary(s, vm.count("json") > 0);
  if (s.ingested + s.already_stored == 0 && s.unreadable > 0) return kExitUnreadable;
  return kExitOk;
}

}  // namespace sparktune::cli
