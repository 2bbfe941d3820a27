// ProgressBar: a one-line progress bar redrawn in place on stderr, shown only
// when stderr is a terminal (architecture.md section 4: progress on stderr,
// only on a terminal); otherwise every call is a no-op.
//
// Thread safety: one thread at a time.
#pragma once

#include <cstdint>
#include <string>

namespace sparktune::cli {

class ProgressBar {
 public:
  // `label` prefixes the line ("ingest").
  explicit ProgressBar(std::string label);
  ~ProgressBar();  // clears the line
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  bool enabled() const { return enabled_; }
  // Redraws (at most every 0.1 s, and at the end):
  // "label [#####.....] done/total  12.3 MB  4.5 MB/s".
  void Update(size_t done, size_t total, uint64_t bytes, double seconds);
  // Erases the bar (before printing other lines).
  void Clear();

 private:
  std::string label_;
  bool enabled_ = false;
  bool drawn_ = false;
  double last_draw_seconds_ = 0;
};

}  // namespace sparktune::cli
