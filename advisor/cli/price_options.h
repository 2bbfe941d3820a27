// The price options `nightly` and `report` share: --price-gb-hour, --price-core-hour, --currency,
// or a price file --prices FILE (data/prices/price_sheet.h: per vCPU- and GB-hour, or a
// serverless compute-unit sheet), which replaces the three. Prices turn every job's observed
// MB- and core-seconds, the fleet totals and the predicted savings into money in the report.
#pragma once

#include <boost/program_options.hpp>

#include "data/base/result.h"
#include "reports/nightly/nightly_report.h"

namespace sparktune::cli {

// Adds the four price options to `options`.
void AddPriceOptions(boost::program_options::options_description& options);

// The prices the parsed options name. Errors: negative prices, --prices together with
// --price-gb-hour/--price-core-hour, or an unreadable or malformed price file (the error names
// the file and line).
Result<reports::Prices> PricesFromOptions(const boost::program_options::variables_map& vm);

}  // namespace sparktune::cli
