// `sparktune collect --history-server URL --out DIR [options]`: fetches the
// event logs of completed applications from a Spark History Server, verifies
// them, and keeps them (issue 5; pipeline in advisor/collect/collector.h).
// JSON "sparktune.collect/1". Exit codes: 0 every listed attempt handled,
// 2 usage error, 3 the server could not be listed or some attempt failed
// (the others are kept, and a rerun retries the failed ones), 4 internal.
#include <unistd.h>

#include <boost/program_options.hpp>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "advisor/cli/command.h"
#include "advisor/cli/parse_options.h"
#include "advisor/collect/collector.h"
#include "advisor/collect/directory_sink.h"
#include "advisor/collect/store_sink.h"
#include "advisor/nightly/night_evaluation.h"
#include "data/base/env.h"
#include "data/base/unit_format.h"
#include "data/config/config_catalog.h"
#include "data/history_server/history_server_client.h"
#include "data/store/history_store.h"

namespace sparktune::cli {

namespace po = boost::program_options;
namespace hs = history_server;
using nlohmann::ordered_json;

namespace {

constexpr const char* kUsage =
    "sparktune collect --history-server URL --out DIR [options]\n\n"
    "Downloads the event logs of completed applications from a Spark History Server\n"
    "(/api/v1/applications, .../logs), verifies each zip, and keeps it under DIR/<appId>/.\n"
    "Resumable: a watermark in DIR/collect-watermarks.json and the files already there\n"
    "mean a rerun fetches only what is new or failed before.\n\n"
    "Secrets never go on the command line: --auth-basic-env names a variable holding\n"
    "user:password, --token-file/--header-file name files.\n\noptions";

// Untrusted text (app names, ids from the server) for a terminal: control
// characters as \xNN, the whole in single quotes.
std::string Quoted(const std::string& s) {
  std::string out = "'";
  for (unsigned char c : s) {
    if (c < 0x20 || c == 0x7f || c == '\'' || c == '\\') {
      char buf[8];
      std::snprintf(buf, sizeof(buf), "\\x%02x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "'";
}

// "12.3 MB", "0.5 KB": binary units under the short labels collect has always printed.
std::string HumanBytes(uint64_t b) {
  static constexpr units::ByteFormat kProgressBytes{.first_unit = 1,
                                                    .last_unit = 2,
                                                    .precision = units::Precision::kOneDecimal,
                                                    .short_labels = true};
  return units::FormatBytes(static_cast<double>(b), kProgressBytes);
}

// A positive size as Spark spells one ("512m", "4g", a bare number of bytes).
Result<uint64_t> ParseSize(const std::string& text) {
  Result<int64_t> bytes = config::ParseBytes(text, 'b');
  if (!bytes.ok() || bytes.value() <= 0) {
    return Status::InvalidArgument("--max-download-size expects a size such as 512m or 4g, got '" +
                                   text + "'");
  }
  return static_cast<uint64_t>(bytes.value());
}

ordered_json TimeJson(const std::optional<int64_t>& ms) {
  if (!ms) return nullptr;
  return ordered_json{{"epochMs", *ms}, {"date", hs::FormatSparkDate(*ms)}};
}

// The sparktune.collect/1 document of a run; `dir_sink` null when kept in a store.
ordered_json CollectJson(const collect::CollectReport& report, const std::string& api_url,
                         const std::string& kept_in, const collect::DirectorySink* dir_sink) {
  using collect::OutcomeKind;
  ordered_json j;
  j["schema"] = "sparktune.collect/1";
  j["historyServer"] = api_url;
  j["source"] = report.source;
  j[dir_sink ? "out" : "db"] = kept_in;
  j["listedSince"] = TimeJson(report.listed_since);
  j["watermarkBefore"] = TimeJson(report.watermark_before);
  j["watermarkAfter"] = TimeJson(report.watermark_after);
  j["listingComplete"] = report.listing_complete;
  j["listedApps"] = report.listed_apps;
  j["counts"] = {{"fetched", report.Count(OutcomeKind::kFetched)},
                 {"alreadyHave", report.Count(OutcomeKind::kAlreadyHave)},
                 {"filtered", report.Count(OutcomeKind::kFiltered)},
                 {"failed", report.Count(OutcomeKind::kFailed)}};
  ordered_json attempts = ordered_json::array();
  for (const auto& o : report.outcomes) {
    ordered_json a;
    a["appId"] = o.app_id;
    a["attemptId"] = o.attempt_id.empty() ? ordered_json(nullptr) : ordered_json(o.attempt_id);
    a["name"] = o.app_name;
    a["endTimeEpoch"] = o.end_ms;
    a["status"] = collect::OutcomeName(o.kind);
    if (dir_sink && (o.kind == OutcomeKind::kFetched || o.kind == OutcomeKind::kAlreadyHave)) {
      a["path"] = dir_sink->ZipPath(o.app_id, o.attempt_id);
    }
    if (o.kind == OutcomeKind::kFetched) a["bytes"] = o.bytes;
    if (o.kind == OutcomeKind::kFailed) a["error"] = o.message;
    attempts.push_back(a);
  }
  j["attempts"] = attempts;
  return j;
}

int UsageError(const std::string& msg) {
  std::cerr << "sparktune collect: " << msg
            << "\nRun 'sparktune collect --help' for the options.\n";
  return kExitUsage;
}

void Warn(const std::string& msg) { std::cerr << "sparktune collect: warning: " << msg << "\n"; }

// Credentials, headers and TLS files of `http` from the options (secrets from
// the environment or files, never the command line); an exit code when unusable.
std::optional<int> LoadHttpSecurity(const po::variables_map& vm, const std::string& api_url,
                                    hs::HttpOptions& http) {
  int auth_kinds = 0;
  for (const char* k : {"auth-basic-env", "token-file", "token-env"})
    auth_kinds += vm.count(k) ? 1 : 0;
  if (auth_kinds > 1)
    return UsageError("give at most one of --auth-basic-env, --token-file, --token-env");
  std::string file_warning;
  Status st;
  if (vm.count("auth-basic-env"))
    st = hs::LoadBasicAuthFromEnv(vm["auth-basic-env"].as<std::string>(), http.credentials);
  if (st.ok() && vm.count("token-env"))
    st = hs::LoadTokenFromEnv(vm["token-env"].as<std::string>(), http.credentials);
  if (st.ok() && vm.count("token-file")) {
    st = hs::LoadTokenFile(vm["token-file"].as<std::string>(), http.credentials, &file_warning);
    if (!file_warning.empty()) Warn(file_warning);
  }
  if (st.ok() && vm.count("header-file")) {
    file_warning.clear();
    st = hs::LoadHeaderFile(vm["header-file"].as<std::string>(), http.credentials, &file_warning);
    if (!file_warning.empty()) Warn(file_warning);
  }
  if (!st.ok()) {
    std::cerr << "sparktune collect: " << st.ToString() << "\n";
    return st.code() == StatusCode::kInvalidArgument ? kExitUsage : ExitCodeFor(st);
  }
  if (vm.count("cacert")) http.tls.ca_file = vm["cacert"].as<std::string>();
  if (vm.count("cert")) http.tls.cert_file = vm["cert"].as<std::string>();
  if (vm.count("key")) http.tls.key_file = vm["key"].as<std::string>();
  if (vm.count("key") != vm.count("cert")) return UsageError("--cert and --key go together");
  if (vm.count("key-password-env")) {
    const char* v = std::getenv(vm["key-password-env"].as<std::string>().c_str());
    if (v == nullptr)
      return UsageError("environment variable " + vm["key-password-env"].as<std::string>() +
                        " is unset");
    http.tls.key_password = v;
  }
  for (const char* f : {"cacert", "cert", "key"}) {
    if (vm.count(f) && access(vm[f].as<std::string>().c_str(), R_OK) != 0) {
      std::cerr << "sparktune collect: not found or unreadable: --" << f << " "
                << vm[f].as<std::string>() << "\n";
      return kExitUnreadable;
    }
  }
  if (vm.count("insecure")) {
    http.tls.verify = false;
    Warn(
        "--insecure: the server's TLS certificate is not verified; anyone on the path can "
        "impersonate it");
  }
  if (!http.credentials.empty() && api_url.rfind("http://", 0) == 0) {
    Warn("credentials are sent over plain http (not encrypted); use https");
  }
  return std::nullopt;
}

// The options of `collect` (its --help).
po::options_description CollectOptionsDescription() {
  po::options_description options(kUsage);
  options.add_options()("help,h", "show this help")(
      "history-server", po::value<std::string>(),
      "History Server URL, e.g. https://shs:18080 (or .../api/v1)")(
      "out", po::value<std::string>(), "directory that keeps the verified zips and the watermark")(
      "db", po::value<std::string>(),
      "history database instead of --out: each verified app is ingested (replayed, optimized) into "
      "it")("since", po::value<std::string>(),
            "only apps that ended at/after this date (yyyy-MM-dd[THH:mm:ss[.SSS]], GMT); default: "
            "the watermark")("lookback", po::value<double>()->default_value(3600),
                             "seconds re-listed before the watermark (apps the server lists late)")(
      "name", po::value<std::string>(),
      "only apps whose name matches this regex (searched anywhere)")(
      "user", po::value<std::string>(), "only attempts run by this Spark user")(
      "auth-basic-env", po::value<std::string>(),
      "basic auth: environment variable holding user:password")(
      "token-file", po::value<std::string>(), "bearer token: file holding the token")(
      "token-env", po::value<std::string>(), "bearer token: environment variable holding it")(
      "header-file", po::value<std::string>(), "extra headers: file of 'Name: value' lines")(
      "cacert", po::value<std::string>(), "CA bundle (PEM) to verify the server with")(
      "cert", po::value<std::string>(), "client certificate (PEM) for mutual TLS")(
      "key", po::value<std::string>(), "client private key (PEM)")(
      "key-password-env", po::value<std::string>(),
      "environment variable holding the key's passphrase")(
      "insecure", "do not verify the server's TLS certificate (warns)")(
      "max-concurrent", po::value<int>()->default_value(2), "requests in flight at most")(
      "timeout", po::value<double>()->default_value(600), "seconds a request may take in all")(
      "connect-timeout", po::value<double>()->default_value(10), "seconds to connect")(
      "stall-timeout", po::value<double>()->default_value(60),
      "seconds without a byte before a request is aborted")(
      "retries", po::value<int>()->default_value(4), "retries on 5xx, 429 and connection errors")(
      "retry-delay", po::value<double>()->default_value(0.5),
      "first backoff in seconds (doubled per retry, jittered)")(
      "max-download-size", po::value<std::string>()->default_value("4g"),
      "largest logs zip accepted")("verbose,v", "also list attempts already kept or filtered out")(
      "json", "machine-readable output (sparktune.collect/1)");
  return options;
}

}  // namespace

int RunCollect(const std::vector<std::string>& args) {
  po::options_description options = CollectOptionsDescription();
  po::variables_map vm;
  if (auto exit = ParseOptions("collect", args, options, std::nullopt, vm)) return *exit;
  if (!vm.count("history-server")) return UsageError("--history-server URL is required");
  if (vm.count("out") == vm.count("db")) {
    return UsageError(
        "give one of --out DIR (keep the verified zips) or --db FILE (ingest them into the history "
        "database)");
  }
  auto api_url = hs::NormalizeApiUrl(vm["history-server"].as<std::string>());
  if (!api_url.ok()) return UsageError(api_url.status().message());
  const bool json_out = vm.count("json") > 0;
  const bool verbose = vm.count("verbose") > 0;

  hs::HttpOptions http;
  if (std::optional<int> exit = LoadHttpSecurity(vm, *api_url, http)) return *exit;
  const int max_concurrent = vm["max-concurrent"].as<int>();
  if (max_concurrent < 1 || max_concurrent > 64)
    return UsageError("--max-concurrent must be 1..64");
  const int retries = vm["retries"].as<int>();
  if (retries < 0 || retries > 20) return UsageError("--retries must be 0..20");
  for (const char* k : {"timeout", "connect-timeout", "stall-timeout", "retry-delay"}) {
    if (!(vm[k].as<double>() > 0))
      return UsageError(std::string("--") + k + " must be > 0 seconds");
  }
  if (!(vm["lookback"].as<double>() >= 0)) return UsageError("--lookback must be >= 0 seconds");
  auto max_size = ParseSize(vm["max-download-size"].as<std::string>());
  if (!max_size.ok()) return UsageError(max_size.status().message());
  http.max_concurrent = max_concurrent;
  http.retry.max_retries = retries;
  http.retry.base_delay_ms = static_cast<int64_t>(vm["retry-delay"].as<double>() * 1000);
  http.total_timeout_ms = static_cast<int64_t>(vm["timeout"].as<double>() * 1000);
  http.connect_timeout_ms = static_cast<int64_t>(vm["connect-timeout"].as<double>() * 1000);
  http.stall_timeout_ms = static_cast<int64_t>(vm["stall-timeout"].as<double>() * 1000);
  http.max_download_bytes = *max_size;
  http.log = [](const std::string& msg) { std::cerr << "sparktune collect: " << msg << "\n"; };

  collect::CollectOptions copts;
  if (vm.count("since")) {
    auto since = hs::ParseSparkDate(vm["since"].as<std::string>());
    if (!since.ok()) return UsageError("--since: " + since.status().message());
    copts.since_ms = *since;
  }
  copts.lookback_ms = static_cast<int64_t>(vm["lookback"].as<double>() * 1000);
  if (vm.count("name")) copts.name_regex = vm["name"].as<std::string>();
  if (vm.count("user")) copts.user = vm["user"].as<std::string>();
  copts.max_concurrent = max_concurrent;

  std::unique_ptr<collect::DirectorySink> dir_sink;
  std::unique_ptr<store::HistoryStore> store;
  std::unique_ptr<collect::StoreSink> store_sink;
  advisor::NightEvaluationOptions evaluation = advisor::DefaultNightEvaluation();
  collect::CollectSink* sink = nullptr;
  std::string kept_in;
  if (vm.count("out")) {
    auto opened = collect::DirectorySink::Open(vm["out"].as<std::string>());
    if (!opened.ok()) {
      std::cerr << "sparktune collect: " << opened.status().ToString() << "\n";
      return ExitCodeFor(opened.status());
    }
    dir_sink = std::move(*opened);
    copts.staging_dir = dir_sink->StagingDir();
    kept_in = dir_sink->dir();
    sink = dir_sink.get();
  } else {
    kept_in = vm["db"].as<std::string>();
    auto opened = store::HistoryStore::Open(kept_in);
    if (!opened.ok()) {
      std::cerr << "sparktune collect: " << opened.status().ToString() << "\n";
      return ExitCodeFor(opened.status());
    }
    store = std::move(*opened);
    copts.staging_dir = kept_in + ".staging";
    (void)Env::Default()->RemoveAll(copts.staging_dir);  // what a killed run left
    if (Status st = Env::Default()->CreateDirectories(copts.staging_dir); !st.ok()) {
      std::cerr << "sparktune collect: " << st.message() << "\n";
      return kExitInternal;
    }
    advisor::IngestOptions ingest;
    ingest.jobs = 1;
    ingest.extra = [&evaluation](const model::Application&, const simulator::AppSimulator& sim) {
      advisor::NightEvaluation e = advisor::EvaluateForNight(sim, evaluation);
      return advisor::ExtraRows{std::move(e.predictions), std::move(e.advice)};
    };
    store_sink = std::make_unique<collect::StoreSink>(*store, std::move(ingest));
    sink = store_sink.get();
  }
  hs::HttpClient client(std::move(http));
  hs::HistoryServerClient server(*api_url, client);

  auto print_outcome = [&](const collect::AttemptOutcome& o) {
    if (json_out) return;
    if (!verbose &&
        (o.kind == collect::OutcomeKind::kAlreadyHave || o.kind == collect::OutcomeKind::kFiltered))
      return;
    std::cout << collect::OutcomeName(o.kind) << "  " << Quoted(o.app_id);
    if (!o.attempt_id.empty()) std::cout << " attempt " << Quoted(o.attempt_id);
    if (o.kind == collect::OutcomeKind::kFetched) std::cout << "  " << HumanBytes(o.bytes);
    std::cout << "  " << Quoted(o.app_name);
    if (o.kind == collect::OutcomeKind::kFailed) std::cout << "\n    " << Quoted(o.message);
    std::cout << std::endl;
  };
  auto report = collect::RunCollect(server, *sink, copts, print_outcome);
  if (!report.ok()) {
    std::cerr << "sparktune collect: " << report.status().ToString() << "\n";
    return ExitCodeFor(report.status());
  }
  using collect::OutcomeKind;
  const int failed = report->Count(OutcomeKind::kFailed);
  if (!report->listing_complete) {
    Warn(
        "the application list could not be paged to its end (too many apps ending in the same "
        "millisecond); "
        "the watermark was not advanced");
  }
  if (json_out) {
    std::cout << CollectJson(*report, *api_url, kept_in, dir_sink.get())
                     .dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
              << "\n";
  } else {
    std::cout << "collect: " << report->Count(OutcomeKind::kFetched) << " fetched, "
              << report->Count(OutcomeKind::kAlreadyHave) << " already kept, "
              << report->Count(OutcomeKind::kFiltered) << " filtered out, " << failed << " failed ("
              << report->listed_apps << " apps listed by " << *api_url;
    if (report->listed_since) std::cout << " since " << hs::FormatSparkDate(*report->listed_since);
    std::cout << "); watermark "
              << (report->watermark_after ? hs::FormatSparkDate(*report->watermark_after)
                                          : std::string("none"))
              << "\n";
  }
  if (failed > 0) {
    std::cerr << "sparktune collect: " << failed << " attempt(s) failed; rerun to retry them\n";
    return kExitUnreadable;
  }
  return kExitOk;
}

}  // namespace sparktune::cli
