#include "data/jobconfig/line_index.h"

#include <algorithm>

namespace sparktune::jobconfig {

LineIndex::LineIndex(std::string file, std::string_view text)
    : file_(std::move(file)), text_(text) {
  starts_.push_back(0);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts_.push_back(i + 1);
  }
}

int LineIndex::LineOf(size_t offset) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  return static_cast<int>(it - starts_.begin());
}

SourceLocation LineIndex::Locate(size_t offset) const {
  offset = std::min(offset, text_.size());
  int line = LineOf(offset);
  size_t start = starts_[line - 1];
  int column = 1;
  for (size_t i = start; i < offset; ++i) {
    unsigned char c = static_cast<unsigned char>(text_[i]);
    if ((c & 0xC0) != 0x80) ++column;  // count code points, not bytes
  }
  return SourceLocation{file_, line, column};
}

std::string_view LineIndex::LineText(int line) const {
  if (line < 1 || line > line_count()) return {};
  size_t start = starts_[line - 1];
  size_t end = line < line_count() ? starts_[line] - 1 : text_.size();
  std::string_view s = text_.substr(start, end - start);
  if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
  return s;
}

}  // namespace sparktune::jobconfig
