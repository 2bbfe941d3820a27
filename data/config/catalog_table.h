// BuildCatalog: the table of every key, in declaration order. Internal to
// data/config: everyone else reads it through Catalog() and FindKey() in
// config_catalog.h. The rows are split by key family over
// catalog_{resource,submit,sql,engine_variant}_keys.cc (catalog_table::Add*Keys), which
// BuildCatalog (catalog_table.cc) calls in catalog order.
#pragma once

#include <string_view>
#include <vector>

#include "data/config/config_catalog.h"

namespace sparktune::config {

std::vector<ConfigKey> BuildCatalog();

namespace catalog_table {

// Row helpers: a version, and a default that holds for every version.
inline SparkVersion V(int major, int minor, int patch = 0) {
  return SparkVersion{major, minor, patch, ""};
}
inline std::vector<VersionedDefault> Always(std::string_view value) { return {{V(0, 0), value}}; }

void AddResourceKeys(std::vector<ConfigKey>& c);
void AddSqlAndAllocationKeys(std::vector<ConfigKey>& c);
void AddSubmissionKeys(std::vector<ConfigKey>& c);
void AddLegacyMemoryAndExclusionKeys(std::vector<ConfigKey>& c);
void AddAqeKeys(std::vector<ConfigKey>& c);
void AddAqeInternalKeys(std::vector<ConfigKey>& c);
void AddFileNetworkAndSpeculationKeys(std::vector<ConfigKey>& c);
void AddSerializationShuffleAndEventLogKeys(std::vector<ConfigKey>& c);
void AddAllocationAndYarnKeys(std::vector<ConfigKey>& c);
void AddEngineVariantKeys(std::vector<ConfigKey>& c);

}  // namespace catalog_table
}  // namespace sparktune::config
