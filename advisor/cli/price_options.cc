#include "advisor/cli/price_options.h"

#include <string>

#include "data/base/env.h"
#include "data/prices/price_sheet.h"

namespace sparktune::cli {

namespace po = boost::program_options;

void AddPriceOptions(po::options_description& options) {
  options.add_options()("price-gb-hour", po::value<double>()->default_value(0),
                        "price per GB-hour of container memory")(
      "price-core-hour", po::value<double>()->default_value(0), "price per core-hour")(
      "currency", po::value<std::string>()->default_value("USD"), "currency of the prices")(
      "prices", po::value<std::string>(),
      "price file (data/prices/*.prices: per vCPU- and GB-hour, or per CU-hour); replaces the "
      "three above");
}

Result<reports::Prices> PricesFromOptions(const po::variables_map& vm) {
  reports::Prices prices;
  prices.per_gb_hour = vm["price-gb-hour"].as<double>();
  prices.per_core_hour = vm["price-core-hour"].as<double>();
  prices.currency = vm["currency"].as<std::string>();
  if (prices.per_gb_hour < 0 || prices.per_core_hour < 0) {
    return Status::InvalidArgument("--price-gb-hour and --price-core-hour expect prices >= 0");
  }
  if (!vm.count("prices")) return prices;
  if (!vm["price-gb-hour"].defaulted() || !vm["price-core-hour"].defaulted()) {
    return Status::InvalidArgument(
        "--prices FILE replaces --price-gb-hour and --price-core-hour: give one or the other");
  }
  auto sheet = prices::ReadPriceSheet(Env::Default(), vm["prices"].as<std::string>());
  if (!sheet.ok()) return Status::Unreadable(sheet.status().message());  // exit 3, as optimize
  prices.sheet = *sheet;
  prices.currency = sheet->currency;
  return prices;
}

}  // namespace sparktune::cli
