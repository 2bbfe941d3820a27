#include "advisor/collect/store_sink.h"

namespace sparktune::collect {

StoreSink::StoreSink(store::HistoryStore& store, advisor::IngestOptions ingest)
    : store_(store), ingest_(std::move(ingest)) {
  ingest_.on_progress = nullptr;
  ingest_.emit_record = nullptr;
}

Result<bool> StoreSink::AlreadyHave(const std::string& app_id, const std::string& attempt_id) {
  return store_.HasCompleteApp(app_id, attempt_id);
}

Status StoreSink::Ingest(const VerifiedDownload& download) {
  if (download.logs.empty())
    return Status::Corrupt(download.zip_path + ": no event log in the download");
  auto report = advisor::IngestLogs(store_, download.logs, ingest_);
  if (!report.ok()) return report.status();
  for (const advisor::IngestItem& item : report->items) {
    items_.push_back(item);
    if (item.status == advisor::IngestItemStatus::kUnreadable) {
      // The verifier read it, so this is a store failure for this app; the
      // app's transaction rolled back, AlreadyHave stays false.
      return Status::Corrupt(item.path + ": " + item.error);
    }
  }
  return Status::Ok();
}

Result<std::optional<int64_t>> StoreSink::GetWatermark(const std::string& source) {
  return store_.Watermark(source);
}

Status StoreSink::SetWatermark(const std::string& source, int64_t end_ms) {
  return store_.SetWatermark(source, end_ms);
}

}  // namespace sparktune::collect
