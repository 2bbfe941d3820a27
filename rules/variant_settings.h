// What the engine-variant rules (ST209, ST210, ST405, ST406, ST604) read from one job's config:
// the variant its settings select (engine/variants/engine_variant.h) and the executor container
// Spark would request for it (engine/memory/container_size.h), both computed from the job's
// statically known settings (values with shell or template expansions are left out, so the
// catalog default stands in for them).
//
// Thread safety: pure functions of the context.
#pragma once

#include <map>
#include <string>

#include "engine/memory/container_size.h"
#include "engine/variants/engine_variant.h"
#include "rules/rule.h"

namespace sparktune::rules {

// The job's settings in force (last one wins), without dynamic values.
std::map<std::string, std::string> StaticSettings(const RuleContext& ctx);

engine::EngineVariantInfo VariantOf(const RuleContext& ctx);

// The executor container at the job's Spark version on its master's cluster manager, unrounded
// (step 1 MiB): heap, overhead (set or derived), off-heap (when enabled and the version adds it).
engine::ContainerSize ExecutorContainerOf(const RuleContext& ctx);

// True when the job runs a native engine that is not switched off by spark.gluten.enabled.
bool NativeEngineActive(const engine::EngineVariantInfo& variant);

}  // namespace sparktune::rules
