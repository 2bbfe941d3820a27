// AppRecord <-> JSON: the per-application record that `ingest` stores, as one
// JSON object, so the computation and the store can run in different places:
// `sparktune ingest --records-out FILE` computes records without a store (one
// JSON object per line; fleet mode runs it inside Spark tasks) and
// `sparktune ingest --records FILE` stores them through the same
// HistoryStore::IngestApp path as a local ingest. Field names are camelCase;
// "schema": "sparktune.record/1". Unknown fields are ignored; a missing or
// mistyped required field is an error naming the field.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "data/base/result.h"
#include "data/store/store_records.h"

namespace sparktune::store {

nlohmann::ordered_json AppRecordToJson(const AppRecord& record);
Result<AppRecord> AppRecordFromJson(const nlohmann::json& j);

}  // namespace sparktune::store
