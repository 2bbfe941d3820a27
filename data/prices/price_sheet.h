// PriceSheet: what one unit of executor resources costs, read from a price file, so that MB-
// and core-seconds become money per job (the `cost` objective of optimize).
//
// Format (text, one `key = value` per line, `#` starts a comment, blank lines ignored):
//   currency       = USD            # required: a label, printed next to amounts
//   per_vcpu_hour  = 0.034          # price of one core (vCPU) for one hour, >= 0
//   per_gb_hour    = 0.0045         # price of one GB (1024 MiB) of container memory for one hour
//   # or, for a serverless platform billing compute units (CU) instead of both:
//   per_cu_hour    = 0.xx           # price of one CU for one hour
//   cu_vcpus       = 1              # vCPUs in one CU
//   cu_gb          = 4              # GB in one CU
//   source         = free text      # where the prices come from (required: prices are assumptions)
// A CU sheet bills as Alibaba Cloud EMR Serverless Spark documents it ("Compute resources
// (pay-as-you-go)"): CU-hours = max(vCPU-hours / cu_vcpus, GB-hours / cu_gb), times
// per_cu_hour (the platform's discount for CPU-heavy ratios is not modelled). Unknown keys,
// duplicates, missing required keys, negative or malformed numbers, or both styles at once are
// errors naming file, line and what was expected.
//
// Thread safety: pure functions (ReadPriceSheet reads through the Env).
#pragma once

#include <string>
#include <string_view>

#include "data/base/env.h"
#include "data/base/result.h"

namespace sparktune::prices {

struct PriceSheet {
  std::string currency;
  std::string source;
  double per_vcpu_hour = 0;  // a vCPU / GB sheet
  double per_gb_hour = 0;
  bool compute_units = false;  // a CU sheet: the three below
  double per_cu_hour = 0;
  double cu_vcpus = 0;
  double cu_gb = 0;
};

// Money for `vcpu_hours` and `gb_hours` under the sheet.
double PriceOf(const PriceSheet& sheet, double vcpu_hours, double gb_hours);

// Parses the text of a price file; `path` names it in errors.
Result<PriceSheet> ParsePriceSheet(std::string_view text, const std::string& path);

Result<PriceSheet> ReadPriceSheet(Env* env, const std::string& path);

}  // namespace sparktune::prices
