// `sparktune ingest PATH... [--db FILE] [--jobs N] [--json]`: loads event
// logs (files, rolling or legacy log directories, History Server /logs zips,
// folders of them) into the history store, in parallel, one transaction per
// app; logs already stored (same content hash) are skipped. The database is
// --db, else $SPARKTUNE_DB, else ./sparktune.db. With --json, one
// "sparktune.ingest/1" object on stdout.
// Exit: 0 when at least one log was ingested or already stored (unreadable
// ones are listed); 2 usage; 3 nothing readable, or the database cannot be
// opened or written; 4 internal error.
#include <boost/program_options.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "advisor/cli/command.h"
#include "advisor/cli/parse_options.h"
#include "advisor/cli/progress_bar.h"
#include "advisor/ingest/ingest_pipeline.h"
#include "advisor/ingest/records_file.h"
#include "advisor/nightly/night_evaluation.h"
#include "data/store/app_record_json.h"
#include "data/store/history_store.h"

namespace sparktune::cli {

namespace po = boost::program_options;
using nlohmann::ordered_json;

namespace {

constexpr const char* kDefaultDb = "sparktune.db";

std::string DatabasePath(const po::variables_map& vm) {
  if (vm.count("db")) return vm["db"].as<std::string>();
  const char* env = std::getenv("SPARKTUNE_DB");
  if (env != nullptr && *env != '\0') return env;
  return kDefaultDb;
}

ordered_json ReportJson(const advisor::IngestReport& report, const std::string& db) {
  ordered_json j;
  j["schema"] = "sparktune.ingest/1";
  j["db"] = db;
  j["ingested"] = report.ingested;
  j["alreadyStored"] = report.already_stored;
  j["unreadable"] = report.unreadable;
  j["bytes"] = report.bytes;
  j["seconds"] = report.seconds;
  ordered_json items = ordered_json::array();
  for (const advisor::IngestItem& item : report.items) {
    ordered_json x;
    x["path"] = item.path;
    x["status"] = advisor::IngestItemStatusName(item.status);
    if (!item.content_hash.empty()) x["contentHash"] = item.content_hash;
    if (!item.app_id.empty()) x["appId"] = item.app_id;
    if (item.app_pk != 0) x["appPk"] = item.app_pk;
    if (item.bytes != 0) x["bytes"] = item.bytes;
    if (item.accuracy_rows != 0) x["accuracyRows"] = item.accuracy_rows;
    if (!item.error.empty()) x["error"] = item.error;
    items.push_back(std::move(x));
  }
  j["items"] = std::move(items);
  return j;
}

// `ingest --records FILE`: stores JSON-line records (from `--records-out`,
// e.g. gathered by fleet mode) through the same HistoryStore::IngestApp path,
// one transaction per record (advisor/ingest/records_file.h). A bad line is
// reported with its line number and skipped; records already stored are
// recognised by content hash.
int IngestRecords(const std::string& path, const std::string& db_path, bool json) {
  auto store = store::HistoryStore::Open(db_path);
  if (!store.ok()) {
    std::cerr << "sparktune: " << store.status().ToString() << "\n";
    return ExitCodeFor(store.status());
  }
  auto items = advisor::IngestRecordsFile(**store, path, std::nullopt);
  if (!items.ok()) {
    std::cerr << "sparktune ingest: " << items.status().ToString() << "\n";
    return items.status().code() == StatusCode::kNotFound ? kExitUnreadable : kExitInternal;
  }
  size_t stored = 0, already = 0, bad = 0;
  for (const auto& item : *items) {
    switch (item.status) {
      case advisor::IngestItemStatus::kIngested:
      case advisor::IngestItemStatus::kReplacedInProgress:
        ++stored;
        break;
      case advisor::IngestItemStatus::kAlreadyStored:
        ++already;
        break;
      case advisor::IngestItemStatus::kUnreadable:
        ++bad;
        std::cerr << "sparktune ingest: " << item.path << ": " << item.error << "\n";
        break;
    }
  }
  if (json) {
    ordered_json j{{"schema", "sparktune.ingest/1"},
                   {"db", db_path},
                   {"ingested", stored},
                   {"alreadyStored", already},
                   {"unreadable", bad}};
    std::cout << j.dump(2) << "\n";
  } else {
    std::printf("stored %zu records, already stored %zu, bad %zu (from %s)\n", stored, already, bad,
                path.c_str());
  }
  return stored + already > 0 || bad == 0 ? kExitOk : kExitUnreadable;
}

}  // namespace

int RunIngest(const std::vector<std::string>& args) {
  po::options_description options("sparktune ingest PATH... [options]");
  options.add_options()("help,h", "show this help")(
      "db", po::value<std::string>(),
      "history database (default: $SPARKTUNE_DB, else ./sparktune.db)")(
      "jobs,j", po::value<int>(),
      "worker threads that parse and replay logs (default: one per core)")(
      "no-evaluate", "store facts and the baseline replay only (no fleet grid, optimum or advice)")(
      "records-out", po::value<std::string>(),
      "compute the records but store nothing: one JSON record per app to FILE ('-' = stdout); "
      "fleet mode")("records", po::value<std::string>(),
                    "store records written by --records-out (JSON lines) instead of reading logs")(
      "json", "machine-readable output (sparktune.ingest/1)");
  po::variables_map vm;
  if (auto exit =
          ParseOptions("ingest", args, options, PositionalArg{"path", true, "event logs"}, vm))
    return *exit;
  if (vm.count("records"))
    return IngestRecords(vm["records"].as<std::string>(), DatabasePath(vm), vm.count("json") > 0);
  if (!vm.count("path")) {
    std::cerr << "sparktune ingest: expected at least one event log, log directory or zip\n"
              << options;
    return kExitUsage;
  }
  advisor::IngestOptions ingest_options;
  if (vm.count("jobs")) {
    ingest_options.jobs = vm["jobs"].as<int>();
    if (ingest_options.jobs < 1) {
      std::cerr << "sparktune ingest: --jobs expects a number of threads >= 1, got "
                << ingest_options.jobs << "\n";
      return kExitUsage;
    }
  }
  const bool json = vm.count("json") > 0;
  advisor::NightEvaluationOptions evaluation = advisor::DefaultNightEvaluation();
  if (!vm.count("no-evaluate")) {
    ingest_options.extra = [&evaluation](const model::Application&,
                                         const simulator::AppSimulator& sim) {
      advisor::NightEvaluation e = advisor::EvaluateForNight(sim, evaluation);
      return advisor::ExtraRows{std::move(e.predictions), std::move(e.advice)};
    };
  }
  std::ofstream records_file;
  std::ostream* records_out = nullptr;
  if (vm.count("records-out")) {
    const std::string target = vm["records-out"].as<std::string>();
    if (target == "-") {
      records_out = &std::cout;
    } else {
      records_file.open(target, std::ios::trunc);
      if (!records_file) {
        std::cerr << "sparktune ingest: cannot write " << target << "\n";
        return kExitInternal;
      }
      records_out = &records_file;
    }
    ingest_options.emit_record = [records_out](const store::AppRecord& record) {
      *records_out << store::AppRecordToJson(record).dump(-1, ' ', false,
                                                          nlohmann::json::error_handler_t::replace)
                   << "\n";
      return records_out->flush() ? Status::Ok() : Status::IoError("cannot write a record");
    };
  }
  const std::string db_path = records_out ? ":memory:" : DatabasePath(vm);
  auto store = store::HistoryStore::Open(db_path);
  if (!store.ok()) {
    std::cerr << "sparktune: " << store.status().ToString() << "\n";
    return ExitCodeFor(store.status());
  }
  ProgressBar bar("ingest");
  ingest_options.on_progress = [&bar](const advisor::IngestProgress& p) {
    bar.Update(p.done, p.total, p.bytes, p.seconds);
  };
  auto report =
      advisor::IngestLogs(**store, vm["path"].as<std::vector<std::string>>(), ingest_options);
  bar.Clear();
  if (!report.ok()) {
    std::cerr << "sparktune: " << report.status().ToString() << "\n";
    return ExitCodeFor(report.status());
  }
  for (const advisor::IngestItem& item : report->items) {
    if (item.status == advisor::IngestItemStatus::kUnreadable) {
      std::cerr << "sparktune: " << item.path << ": " << item.error << "\n";
    }
  }
  if (records_out == &std::cout) {
    // stdout carries the records; the summary goes to stderr.
    std::fprintf(stderr, "computed %zu records, unreadable %zu in %.1f s\n", report->ingested,
                 report->unreadable, report->seconds);
  } else if (json) {
    std::cout << ReportJson(*report, db_path)
                     .dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
              << "\n";
  } else {
    std::printf("ingested %zu, already stored %zu, unreadable %zu in %.1f s\n", report->ingested,
                report->already_stored, report->unreadable, report->seconds);
  }
  return report->ingested + report->already_stored > 0 ? kExitOk : kExitUnreadable;
}

}  // namespace sparktune::cli
