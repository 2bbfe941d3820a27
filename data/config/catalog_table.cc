// The catalog table: every Spark key sparktune reads, checks or recommends,
// declared once (data/config/config_catalog.h has the contract and keys::).
// The rows live in catalog_*_keys.cc by key family, only to keep each function
// and file short; the order of the calls below is the catalog order
// (did-you-mean ties go to the earlier key).
#include "data/config/catalog_table.h"

namespace sparktune::config {

std::vector<ConfigKey> BuildCatalog() {
  std::vector<ConfigKey> c;
  catalog_table::AddResourceKeys(c);
  catalog_table::AddSqlAndAllocationKeys(c);
  catalog_table::AddSubmissionKeys(c);
  catalog_table::AddLegacyMemoryAndExclusionKeys(c);
  catalog_table::AddAqeKeys(c);
  catalog_table::AddAqeInternalKeys(c);
  catalog_table::AddFileNetworkAndSpeculationKeys(c);
  catalog_table::AddSerializationShuffleAndEventLogKeys(c);
  catalog_table::AddAllocationAndYarnKeys(c);
  catalog_table::AddEngineVariantKeys(c);
  return c;
}

}  // namespace sparktune::config
