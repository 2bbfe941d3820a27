// BuildCatalog: the table of every key (data/config/catalog_table.cc), in
// declaration order. Internal to data/config: everyone else reads it through
// Catalog() and FindKey() in config_catalog.h.
#pragma once

#include <vector>

#include "data/config/config_catalog.h"

namespace sparktune::config {

std::vector<ConfigKey> BuildCatalog();

}  // namespace sparktune::config
