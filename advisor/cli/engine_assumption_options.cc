#include "advisor/cli/engine_assumption_options.h"

#include <cmath>
#include <string>

#include "data/base/unit_format.h"

namespace sparktune::cli {

namespace po = boost::program_options;

namespace {
constexpr double kMinSpeedup = 0.1, kMaxSpeedup = 20;
constexpr double kMinPushMibps = 1, kMaxPushMibps = 100000;
}  // namespace

void AddEngineAssumptionOptions(po::options_description& options) {
  options.add_options()(
      "native-speedup", po::value<double>(),
      "assumed speed-up of a native engine (Gluten/Velox) on a task's data work (default 2.0)")(
      "rss-push-mibps", po::value<double>(),
      "assumed MiB/s one map task pushes to a remote shuffle service (Celeborn; default 200)");
}

Result<simulator::EngineVariantAssumptions> EngineAssumptionsFromOptions(
    const po::variables_map& vm) {
  simulator::EngineVariantAssumptions a;
  if (vm.count("native-speedup")) {
    const double x = vm["native-speedup"].as<double>();
    if (!std::isfinite(x) || x < kMinSpeedup || x > kMaxSpeedup) {
      return Status::InvalidArgument("--native-speedup expects a factor in [0.1, 20], got " +
                                     units::FormatSignificant(x));
    }
    a.native_data_speedup = x;
  }
  if (vm.count("rss-push-mibps")) {
    const double x = vm["rss-push-mibps"].as<double>();
    if (!std::isfinite(x) || x < kMinPushMibps || x > kMaxPushMibps) {
      return Status::InvalidArgument("--rss-push-mibps expects MiB/s in [1, 100000], got " +
                                     units::FormatSignificant(x));
    }
    a.rss_push_mib_per_s = x;
  }
  return a;
}

}  // namespace sparktune::cli
