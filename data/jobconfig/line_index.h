// LineIndex: maps byte offsets of a text to 1-based line and column, where
// columns count Unicode code points (UTF-8 continuation bytes are skipped).
// Lines end at "\n"; a "\r" before it belongs to no column anyone points at.
//
// Thread safety: immutable after construction; the text must outlive it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "data/jobconfig/job_config.h"

namespace sparktune::jobconfig {

class LineIndex {
 public:
  LineIndex(std::string file, std::string_view text);

  // Location of byte `offset` (clamped to the text's size).
  SourceLocation Locate(size_t offset) const;
  // 1-based line of byte `offset`.
  int LineOf(size_t offset) const;
  // Text of 1-based `line` without its line terminator ("" when out of range).
  std::string_view LineText(int line) const;
  int line_count() const { return static_cast<int>(starts_.size()); }

 private:
  std::string file_;
  std::string_view text_;
  std::vector<size_t> starts_;  // byte offset where each line starts
};

}  // namespace sparktune::jobconfig
