#include "advisor/ingest/records_file.h"

#include <nlohmann/json.hpp>
#include <sstream>

#include "data/store/app_record_json.h"

namespace sparktune::advisor {

Result<std::vector<IngestItem>> IngestRecordsFile(store::HistoryStore& store,
                                                  const std::string& path,
                                                  std::optional<int64_t> night_id, Env* env) {
  Result<std::string> text = env->ReadFile(path);
  if (!text.ok()) return Status::NotFound("cannot open the records file " + path);
  std::vector<IngestItem> items;
  size_t line_no = 0;
  std::istringstream in(*text);
  std::string line;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    IngestItem item;
    item.path = path + ":" + std::to_string(line_no);
    item.bytes = line.size();
    auto j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) {
      item.error = "not a JSON record";
      items.push_back(std::move(item));
      continue;
    }
    auto record = store::AppRecordFromJson(j);
    if (!record.ok()) {
      item.error = record.status().message();
      items.push_back(std::move(item));
      continue;
    }
    if (night_id) record->app.night_id = night_id;
    item.content_hash = record->app.content_hash;
    item.app_id = record->app.app_id;
    auto outcome = store.IngestApp(*record);
    if (!outcome.ok()) {
      // A record the store refuses (a constraint) is this record's problem;
      // an I/O failure is the store's, and stops the run.
      if (outcome.status().code() == StatusCode::kIoError)
        return outcome.status().WithContext(item.path);
      item.error = outcome.status().message();
      items.push_back(std::move(item));
      continue;
    }
    item.app_pk = outcome->app_pk;
    item.accuracy_rows = outcome->accuracy_rows;
    switch (outcome->disposition) {
      case store::IngestDisposition::kInserted:
        item.status = IngestItemStatus::kIngested;
        break;
      case store::IngestDisposition::kAlreadyStored:
        item.status = IngestItemStatus::kAlreadyStored;
        break;
      case store::IngestDisposition::kReplacedInProgress:
        item.status = IngestItemStatus::kReplacedInProgress;
        break;
    }
    items.push_back(std::move(item));
  }
  return items;
}

}  // namespace sparktune::advisor
