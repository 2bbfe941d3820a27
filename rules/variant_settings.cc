#include "rules/variant_settings.h"

#include "data/config/config_catalog.h"

namespace sparktune::rules {

std::map<std::string, std::string> StaticSettings(const RuleContext& ctx) {
  std::map<std::string, std::string> out;
  for (const jobconfig::ConfigSetting& s : ctx.job().settings) {
    const jobconfig::ConfigSetting* in_force = ctx.Setting(s.key);
    if (in_force && !in_force->dynamic) out[s.key] = in_force->value;
  }
  return out;
}

engine::EngineVariantInfo VariantOf(const RuleContext& ctx) {
  return engine::ClassifyEngineConfig(StaticSettings(ctx));
}

engine::ContainerSize ExecutorContainerOf(const RuleContext& ctx) {
  engine::EffectiveConfig config(StaticSettings(ctx), ctx.version());
  engine::ClusterManager manager =
      engine::ClusterManagerFromMaster(config.Get(std::string(config::keys::kMaster)));
  return engine::ExecutorContainer(config, manager, /*step_mib=*/1);
}

bool NativeEngineActive(const engine::EngineVariantInfo& variant) {
  return variant.native_plugin_configured && !variant.native_disabled_by_config;
}

}  // namespace sparktune::rules
