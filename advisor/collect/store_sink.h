// StoreSink: the CollectSink of the SQLite history store. Each verified
// download is ingested through advisor/ingest (the same path as `ingest` and
// `nightly`: facts, baseline replay, fleet grid, optimum, advice), one
// transaction per application, so a crash or SIGKILL never leaves half an app
// and a re-run of collect skips what was committed (AlreadyHave asks the
// store). Watermarks live in the store's collect_state table.
#pragma once

#include <string>
#include <vector>

#include "advisor/collect/collect_sink.h"
#include "advisor/ingest/ingest_pipeline.h"
#include "data/store/history_store.h"

namespace sparktune::collect {

class StoreSink : public CollectSink {
 public:
  // `store` must outlive the sink. `ingest` configures the ingest of each
  // download (night, extra evaluation); its on_progress is ignored.
  StoreSink(store::HistoryStore& store, advisor::IngestOptions ingest);

  Result<bool> AlreadyHave(const std::string& app_id, const std::string& attempt_id) override;
  Status Ingest(const VerifiedDownload& download) override;
  Result<std::optional<int64_t>> GetWatermark(const std::string& source) override;
  Status SetWatermark(const std::string& source, int64_t end_ms) override;

  // Every ingest item so far (one per log of each download).
  const std::vector<advisor::IngestItem>& items() const { return items_; }

 private:
  store::HistoryStore& store_;
  advisor::IngestOptions ingest_;
  std::vector<advisor::IngestItem> items_;
};

}  // namespace sparktune::collect
