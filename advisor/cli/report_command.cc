// `sparktune report --db FILE [--out DIR] [--night N]`: writes the nightly
// report (HTML, Markdown, JSON) of a stored night (default: the latest
// finished one) from the history store alone, without collecting anything.
#include <boost/program_options.hpp>
#include <filesystem>
#include <iostream>

#include "advisor/cli/command.h"
#include "advisor/cli/parse_options.h"
#include "advisor/cli/price_options.h"
#include "advisor/nightly/nightly_pipeline.h"
#include "data/store/history_store.h"

namespace sparktune::cli {

namespace po = boost::program_options;

int RunReport(const std::vector<std::string>& args) {
  po::options_description options("sparktune report --db FILE [--out DIR] [--night N]");
  options.add_options()("help,h", "show this help")("db", po::value<std::string>(),
                                                    "history store")(
      "out", po::value<std::string>()->default_value("reports/out"), "report folder")(
      "night", po::value<long long>(), "night id (default: the latest finished night)");
  AddPriceOptions(options);
  po::variables_map vm;
  if (auto exit = ParseOptions("report", args, options, std::nullopt, vm)) return *exit;
  if (!vm.count("db")) {
    std::cerr << "sparktune report: expected --db FILE\n" << options;
    return kExitUsage;
  }
  const std::string db = vm["db"].as<std::string>();
  if (!std::filesystem::exists(db)) {
    std::cerr << "sparktune report: " << db
              << ": no such history store (run `sparktune nightly` or `ingest` first)\n";
    return kExitUnreadable;
  }
  auto store = store::HistoryStore::Open(db);
  if (!store.ok()) {
    std::cerr << "sparktune report: " << store.status().ToString() << "\n";
    return kExitUnreadable;
  }
  auto nights = (*store)->ListNights();
  if (!nights.ok()) {
    std::cerr << "sparktune report: " << nights.status().ToString() << "\n";
    return kExitInternal;
  }
  int64_t night = -1;
  if (vm.count("night")) {
    night = vm["night"].as<long long>();
  } else {
    for (const auto& n : *nights) {
      if (n.status == store::NightStatus::kOk) night = n.id;
    }
  }
  if (night < 0) {
    std::cerr << "sparktune report: " << db << " has no finished night (run `sparktune nightly`)\n";
    return kExitUnreadable;
  }
  auto prices = PricesFromOptions(vm);
  if (!prices.ok()) {
    std::cerr << "sparktune report: " << prices.status().message() << "\n";
    return prices.status().code() == StatusCode::kInvalidArgument ? kExitUsage : kExitUnreadable;
  }
  auto written =
      advisor::WriteNightReport(**store, night, vm["out"].as<std::string>(), *prices, "");
  if (!written.ok()) {
    std::cerr << "sparktune report: " << written.status().ToString() << "\n";
    return written.status().code() == StatusCode::kNotFound ? kExitUsage : kExitInternal;
  }
  std::cout << written->html_path << "\n"
            << written->markdown_path << "\n"
            << written->json_path << "\n";
  return kExitOk;
}

}  // namespace sparktune::cli
