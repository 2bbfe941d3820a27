// The engine-variant assumption options `whatif`, `simulate` and `optimize` share:
// --native-speedup X (how much faster a native engine, Gluten/Velox, runs a task's data work)
// and --rss-push-mibps Y (the rate one map task pushes its output to a remote shuffle service,
// Celeborn). They only matter when the prediction switches a native engine or a remote shuffle
// on or off (simulator/models/engine_variant_effect.h states the defaults and their sources);
// a user who measured their own cluster replaces the defaults with these.
#pragma once

#include <boost/program_options.hpp>

#include "data/base/result.h"
#include "simulator/models/engine_variant_effect.h"

namespace sparktune::cli {

// Adds the two options to `options` (no defaults shown: unset means the model's defaults).
void AddEngineAssumptionOptions(boost::program_options::options_description& options);

// The assumptions the parsed options name, the model's defaults for those not given. Errors
// (InvalidArgument, naming the option and the accepted range): a speed-up outside [0.1, 20]
// (below 1 is a native engine slower than the JVM, allowed), a push rate outside
// [1, 100000] MiB/s.
Result<simulator::EngineVariantAssumptions> EngineAssumptionsFromOptions(
    const boost::program_options::variables_map& vm);

}  // namespace sparktune::cli
