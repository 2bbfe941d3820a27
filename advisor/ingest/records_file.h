// IngestRecordsFile: stores a file of app records, one JSON object per line,
// as `ingest --records-out` writes them (fleet mode gathers them from the
// tasks of a Spark job), through the same HistoryStore::IngestApp path as a
// local ingest: one transaction per record, recognised by content hash when
// already stored, accuracy rows as usual.
//
// A line that is not a record (bad JSON, a missing or mistyped field) is an
// unreadable item naming "<file>:<line>" and why; the others still go in.
// Errors: the file cannot be opened (NotFound), or the store fails (the
// status of IngestApp; every record committed before it stays).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "advisor/ingest/ingest_pipeline.h"
#include "data/base/env.h"
#include "data/base/result.h"
#include "data/store/history_store.h"

namespace sparktune::advisor {

// `night_id`: the night the stored records belong to (`nightly --records`);
// none for a plain `ingest --records`. The file is read through `env`.
Result<std::vector<IngestItem>> IngestRecordsFile(store::HistoryStore& store,
                                                  const std::string& path,
                                                  std::optional<int64_t> night_id,
                                                  Env* env = Env::Default());

}  // namespace sparktune::advisor
