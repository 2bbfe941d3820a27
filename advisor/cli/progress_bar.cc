#include "advisor/cli/progress_bar.h"

#include <unistd.h>

#include <cstdio>

namespace sparktune::cli {

namespace {
constexpr int kBarWidth = 30;
// Redraw at most this often (a terminal is slow; thousands of small logs).
constexpr double kRedrawSeconds = 0.1;
}  // namespace

ProgressBar::ProgressBar(std::string label)
    : label_(std::move(label)), enabled_(isatty(STDERR_FILENO) != 0) {}

ProgressBar::~ProgressBar() { Clear(); }

void ProgressBar::Update(size_t done, size_t total, uint64_t bytes, double seconds) {
  if (!enabled_) return;
  if (drawn_ && done < total && seconds - last_draw_seconds_ < kRedrawSeconds) return;
  last_draw_seconds_ = seconds;
  int filled = total > 0 ? static_cast<int>(kBarWidth * done / total) : 0;
  std::string bar(static_cast<size_t>(filled), '#');
  bar.append(static_cast<size_t>(kBarWidth - filled), '.');
  double mb = static_cast<double>(bytes) / 1e6;
  std::fprintf(stderr, "\r%s [%s] %zu/%zu  %.1f MB  %.1f MB/s\033[K", label_.c_str(), bar.c_str(),
               done, total, mb, seconds > 0 ? mb / seconds : 0.0);
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressBar::Clear() {
  if (!enabled_ || !drawn_) return;
  std::fprintf(stderr, "\r\033[K");
  std::fflush(stderr);
  drawn_ = false;
}

}  // namespace sparktune::cli
