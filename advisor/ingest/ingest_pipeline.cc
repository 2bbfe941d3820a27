#include "advisor/ingest/ingest_pipeline.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <filesystem>
#include <mutex>
#include <thread>
#include <unordered_set>

#include "advisor/ingest/app_record_builder.h"
#include "data/eventlog/content_hash.h"
#include "data/eventlog/event_log_reader.h"
#include "data/eventlog/log_layout.h"
#include "data/eventlog/zip_archive.h"
#include "engine/cost/observed_times.h"

namespace sparktune::advisor {

namespace {

namespace fs = std::filesystem;

// Results waiting for the writer, per worker: enough to keep the writer busy
// while bounding the records held in memory.
constexpr size_t kQueuedPerWorker = 2;

struct Input {
  std::string path;     // what to read
  std::string display;  // what to report
};

// What a worker hands to the writer.
struct WorkResult {
  size_t index = 0;
  IngestItem item;
  std::optional<store::AppRecord> record;  // set when there is something to store
};

// Removes extracted zips when ingest ends.
class TempDirs {
 public:
  ~TempDirs() {
    for (const std::string& d : dirs_) {
      std::error_code ec;
      fs::remove_all(d, ec);
    }
  }
  Result<std::string> Make() {
    std::string tmpl = (fs::temp_directory_path() / "sparktune-ingest-XXXXXX").string();
    if (mkdtemp(tmpl.data()) == nullptr)
      return Status::IoError("cannot create a temporary folder in " + tmpl);
    dirs_.push_back(tmpl);
    return tmpl;
  }

 private:
  std::vector<std::string> dirs_;
};

// Expands the user's arguments into logs; an argument that yields nothing is
// an unreadable item.
void ExpandZip(const std::string& zip, TempDirs& temps, std::vector<Input>& inputs,
               std::vector<IngestItem>& failures) {
  Result<std::string> dir = temps.Make();
  Result<std::vector<std::string>> logs = dir.ok() ? eventlog::ExtractEventLogZip(zip, *dir)
                                                   : Result<std::vector<std::string>>(dir.status());
  if (!logs.ok()) {
    failures.push_back({zip, IngestItemStatus::kUnreadable, logs.status().ToString()});
    return;
  }
  for (const std::string& p : *logs)
    inputs.push_back({p, zip + "!/" + fs::path(p).filename().string()});
}

void ExpandInputs(const std::vector<std::string>& paths, TempDirs& temps,
                  std::vector<Input>& inputs, std::vector<IngestItem>& failures) {
  for (const std::string& arg : paths) {
    std::error_code ec;
    if (fs::is_regular_file(arg, ec) && eventlog::LooksLikeZip(arg)) {
      ExpandZip(arg, temps, inputs, failures);
      continue;
    }
    // A folder may also hold History Server zips (one level, like logs).
    size_t zips = 0;
    if (fs::is_directory(arg, ec)) {
      std::vector<std::string> found;
      for (const fs::directory_entry& e : fs::directory_iterator(arg, ec)) {
        std::error_code file_ec;
        if (e.is_regular_file(file_ec) && e.path().extension() == ".zip" &&
            eventlog::LooksLikeZip(e.path().string())) {
          found.push_back(e.path().string());
        }
      }
      std::sort(found.begin(), found.end());
      for (const std::string& zip : found) ExpandZip(zip, temps, inputs, failures);
      zips = found.size();
    }
    Result<std::vector<std::string>> logs = eventlog::ExpandLogArguments({arg});
    if (!logs.ok() && zips > 0 && logs.status().code() == StatusCode::kNotFound)
      continue;  // only zips there
    if (!logs.ok()) {
      failures.push_back({arg, IngestItemStatus::kUnreadable, logs.status().ToString()});
      continue;
    }
    for (const std::string& p : *logs) inputs.push_back({p, p});
  }
}

// State shared by the workers and the writer.
class WorkQueue {
 public:
  explicit WorkQueue(size_t capacity) : capacity_(capacity) {}

  // Blocks while the queue is full; false when the writer gave up.
  bool Push(WorkResult result) {
    std::unique_lock lock(mu_);
    not_full_.wait(lock, [&] { return results_.size() < capacity_ || stopped_; });
    if (stopped_) return false;
    results_.push_back(std::move(result));
    not_empty_.notify_one();
    return true;
  }
  WorkResult Pop() {
    std::unique_lock lock(mu_);
    not_empty_.wait(lock, [&] { return !results_.empty(); });
    WorkResult r = std::move(results_.front());
    results_.pop_front();
    not_full_.notify_one();
    return r;
  }
  // Wakes blocked workers and makes them drop their results.
  void Stop() {
    std::lock_guard lock(mu_);
    stopped_ = true;
    not_full_.notify_all();
  }
  bool stopped() {
    std::lock_guard lock(mu_);
    return stopped_;
  }
  // Claims a content hash for this run; false when another input had it.
  bool Claim(const std::string& hash) {
    std::lock_guard lock(mu_);
    return claimed_.insert(hash).second;
  }

 private:
  std::mutex mu_;
  std::condition_variable not_full_, not_empty_;
  std::deque<WorkResult> results_;
  std::unordered_set<std::string> claimed_;
  size_t capacity_;
  bool stopped_ = false;
};

// Joins the workers when the writer leaves, however it leaves: stops the
// queue first so that none stays blocked on a full queue.
class Workers {
 public:
  explicit Workers(WorkQueue& queue) : queue_(queue) {}
  ~Workers() { StopAndJoin(); }
  template <typename F>
  void Start(F&& body) {
    threads_.emplace_back(std::forward<F>(body));
  }
  void StopAndJoin() {
    queue_.Stop();
    for (std::thread& t : threads_) {
      if (t.joinable()) t.join();
    }
  }

 private:
  WorkQueue& queue_;
  std::vector<std::thread> threads_;
};

WorkResult Process(size_t index, const Input& input, const std::unordered_set<std::string>& stored,
                   WorkQueue& queue, const IngestOptions& options) {
  WorkResult out;
  out.index = index;
  IngestItem& item = out.item;
  item.path = input.display;
  Result<eventlog::LogContentHash> hash = eventlog::ContentHash(input.path);
  if (!hash.ok()) {
    item.error = hash.status().ToString();
    return out;
  }
  item.content_hash = hash->hex;
  item.bytes = hash->bytes;
  if (stored.count(hash->hex) || !queue.Claim(hash->hex)) {
    item.status = IngestItemStatus::kAlreadyStored;
    return out;
  }
  Result<eventlog::LoadedLog> loaded = eventlog::ReadEventLog(input.path);
  if (!loaded.ok()) {
    item.error = loaded.status().ToString();
    return out;
  }
  item.app_id = loaded->app.app_id;
  store::AppRecord record = BuildAppRecord(*loaded, input.display, *hash);
  record.app.night_id = options.night_id;
  simulator::AppSimulator sim(loaded->app);
  record.predictions.push_back(
      BaselinePrediction(sim.Run({}), engine::MeasureObserved(loaded->app)));
  if (options.extra) {
    ExtraRows extra = options.extra(loaded->app, sim);
    for (store::PredictionRow& p : extra.predictions) record.predictions.push_back(std::move(p));
    record.advice = std::move(extra.advice);
  }
  item.status = IngestItemStatus::kIngested;
  out.record = std::move(record);
  return out;
}

}  // namespace

const char* IngestItemStatusName(IngestItemStatus status) {
  switch (status) {
    case IngestItemStatus::kIngested:
      return "ingested";
    case IngestItemStatus::kAlreadyStored:
      return "already-stored";
    case IngestItemStatus::kReplacedInProgress:
      return "replaced-in-progress";
    case IngestItemStatus::kUnreadable:
      return "unreadable";
  }
  return "?";
}

Result<IngestReport> IngestLogs(store::HistoryStore& store, const std::vector<std::string>& paths,
                                const IngestOptions& options) {
  const int64_t start = options.env->MonotonicMicros();
  auto elapsed = [&] { return static_cast<double>(options.env->MonotonicMicros() - start) / 1e6; };

  TempDirs temps;
  std::vector<Input> inputs;
  std::vector<IngestItem> failures;
  ExpandInputs(paths, temps, inputs, failures);

  SPARKTUNE_ASSIGN_OR_RETURN(std::vector<std::string> hashes, store.ContentHashes());
  const std::unordered_set<std::string> stored(hashes.begin(), hashes.end());

  int jobs = options.jobs > 0 ? options.jobs
                              : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  jobs = static_cast<int>(
      std::min<size_t>(static_cast<size_t>(jobs), std::max<size_t>(1, inputs.size())));
  WorkQueue queue(kQueuedPerWorker * static_cast<size_t>(jobs));
  std::atomic<size_t> next{0};
  Workers workers(queue);
  for (int w = 0; w < jobs && !inputs.empty(); ++w) {
    workers.Start([&] {
      while (true) {
        size_t i = next.fetch_add(1);
        if (i >= inputs.size() || queue.stopped()) return;
        WorkResult r;
        try {
          r = Process(i, inputs[i], stored, queue, options);
        } catch (const std::exception& e) {
          r = WorkResult{};
          r.index = i;
          r.item.path = inputs[i].display;
          r.item.error = std::string("internal error while reading or replaying: ") + e.what();
        }
        if (!queue.Push(std::move(r))) return;
      }
    });
  }

  IngestReport report;
  std::vector<IngestItem> items(inputs.size());
  Status fatal;
  IngestProgress progress;
  progress.total = inputs.size() + failures.size();
  progress.done = failures.size();
  for (size_t received = 0; received < inputs.size() && fatal.ok(); ++received) {
    WorkResult r = queue.Pop();
    IngestItem& item = r.item;
    if (r.record && options.emit_record) {
      Status emitted = options.emit_record(*r.record);
      if (!emitted.ok()) {
        fatal = emitted;
        item.status = IngestItemStatus::kUnreadable;
        item.error = "cannot write the record: " + emitted.ToString();
      } else {
        item.status = IngestItemStatus::kIngested;
      }
    } else if (r.record) {
      Result<store::IngestOutcome> outcome = store.IngestApp(*r.record);
      if (!outcome.ok()) {
        if (outcome.status().code() == StatusCode::kIoError ||
            outcome.status().code() == StatusCode::kCorrupt) {
          fatal = outcome.status();
        }
        item.status = IngestItemStatus::kUnreadable;
        item.error = "cannot store: " + outcome.status().ToString();
      } else {
        item.app_pk = outcome->app_pk;
        item.accuracy_rows = outcome->accuracy_rows;
        item.status = outcome->disposition == store::IngestDisposition::kInserted
                          ? IngestItemStatus::kIngested
                      : outcome->disposition == store::IngestDisposition::kAlreadyStored
                          ? IngestItemStatus::kAlreadyStored
                          : IngestItemStatus::kReplacedInProgress;
      }
    }
    progress.done++;
    if (item.status != IngestItemStatus::kUnreadable) progress.bytes += item.bytes;
    progress.seconds = elapsed();
    items[r.index] = std::move(item);
    if (options.on_progress) options.on_progress(progress);
  }
  workers.StopAndJoin();
  if (!fatal.ok()) return fatal.WithContext("ingest stopped; apps stored before this are kept");

  report.items = std::move(failures);
  for (IngestItem& item : items) report.items.push_back(std::move(item));
  for (const IngestItem& item : report.items) {
    switch (item.status) {
      case IngestItemStatus::kIngested:
      case IngestItemStatus::kReplacedInProgress:
        report.ingested++;
        break;
      case IngestItemStatus::kAlreadyStored:
        report.already_stored++;
        break;
      case IngestItemStatus::kUnreadable:
        report.unreadable++;
        break;
    }
    if (item.status != IngestItemStatus::kUnreadable) report.bytes += item.bytes;
  }
  report.seconds = elapsed();
  return report;
}

}  // namespace sparktune::advisor
