#include "simulator/models/engine_variant_effect.h"

#include <algorithm>
#include <cstdio>

#include "data/config/config_catalog.h"

namespace sparktune::simulator {

namespace {

namespace keys = config::keys;

// Defaults of EngineVariantAssumptions, and why:
//  * native_data_speedup 2.0: Apache Gluten's README reports end-to-end speed-ups of Velox over
//    vanilla Spark of 2.71x (TPC-H-like, one node) and 2.12x on average (8-node cluster), and
//    calls itself a "Plugin to Double SparkSQL's Performance"; 2x on the data work is the low
//    end. An assumption, not a measurement of this project: no native log is available here.
//  * rss_push_mib_per_s 200: a 10 Gbit/s NIC (~1,190 MiB/s) shared by ~6 concurrently pushing
//    task slots. An assumption.
constexpr double kMib = 1024.0 * 1024.0;

bool Native(const engine::EngineVariantInfo& v) {
  return v.variant == engine::EngineVariant::kNative ||
         v.variant == engine::EngineVariant::kNativeRemoteShuffle;
}

bool Remote(const engine::EngineVariantInfo& v) { return engine::IsRemoteShuffle(v.shuffle_kind); }

std::string Format(const char* format, double value) {
  char buf[160];
  std::snprintf(buf, sizeof buf, format, value);
  return buf;
}

}  // namespace

engine::EngineVariantInfo SimulatedVariant(const engine::EngineVariantInfo& observed,
                                           const std::map<std::string, std::string>& config,
                                           const std::map<std::string, std::string>& overrides) {
  auto touched = [&overrides](std::string_view key) {
    return overrides.count(std::string(key)) > 0;
  };
  engine::EngineVariantInfo from_config = engine::ClassifyEngineConfig(config);
  engine::EngineVariantInfo out = observed;
  if (touched(keys::kShuffleManager)) {
    out.shuffle_manager = from_config.shuffle_manager;
    out.shuffle_kind = from_config.shuffle_kind;
  }
  bool native = Native(observed);
  if (touched(keys::kPlugins) || touched(keys::kGlutenEnabled)) native = Native(from_config);
  const bool remote = Remote(out);
  out.variant = native && remote ? engine::EngineVariant::kNativeRemoteShuffle
                : native         ? engine::EngineVariant::kNative
                : remote         ? engine::EngineVariant::kRemoteShuffle
                                 : engine::EngineVariant::kVanilla;
  return out;
}

EngineVariantEffect EffectBetween(const engine::EngineVariantInfo& observed,
                                  const engine::EngineVariantInfo& simulated,
                                  const EngineVariantAssumptions& assumptions) {
  EngineVariantEffect e;
  const double speedup = std::max(assumptions.native_data_speedup, 1e-6);
  if (Native(simulated) != Native(observed)) {
    e.identity = false;
    e.data_factor = Native(simulated) ? 1.0 / speedup : speedup;
    e.notes.push_back(Format(Native(simulated)
                                 ? "native engine: data work / %.2g (assumed speed-up of native "
                                   "operators; every stage taken as offloaded)"
                                 : "native engine off: data work x %.2g (the assumed native "
                                   "speed-up undone)",
                             speedup));
  }
  if (Remote(simulated) != Remote(observed)) {
    e.identity = false;
    const double ms_per_byte = 1000.0 / (std::max(assumptions.rss_push_mib_per_s, 1e-6) * kMib);
    e.push_ms_per_byte = Remote(simulated) ? ms_per_byte : -ms_per_byte;
    e.notes.push_back(Format(Remote(simulated)
                                 ? "remote shuffle: map output pushed at an assumed %.0f MiB/s "
                                   "per task; executors are released as shuffle tracking allows"
                                 : "remote shuffle off: the assumed push at %.0f MiB/s per task "
                                   "removed",
                             assumptions.rss_push_mib_per_s));
  }
  return e;
}

void ApplyEngineVariant(const EngineVariantEffect& effect, double shuffle_write_bytes,
                        TaskTimeTerms* terms) {
  if (effect.identity) return;
  terms->data_ms *= effect.data_factor;
  terms->data_ms = std::max(0.0, terms->data_ms + effect.push_ms_per_byte * shuffle_write_bytes);
}

}  // namespace sparktune::simulator
