#include "data/base/edit_distance.h"

#include <algorithm>
#include <limits>
#include <vector>

namespace sparktune::text {
namespace {

char Fold(char c, Case letter_case) {
  if (letter_case == Case::kInsensitive && c >= 'A' && c <= 'Z') {
    return static_cast<char>(c - 'A' + 'a');
  }
  return c;
}

}  // namespace

std::optional<size_t> EditDistanceWithin(std::string_view a, std::string_view b,
                                         size_t max_distance, Case letter_case) {
  size_t length_gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (length_gap > max_distance) return std::nullopt;
  // Rows reused across calls: ranking a name against every catalog key would
  // otherwise allocate two rows per key.
  thread_local std::vector<size_t> prev;
  thread_local std::vector<size_t> cur;
  prev.resize(b.size() + 1);
  cur.resize(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    size_t row_min = cur[0];
    char ai = Fold(a[i - 1], letter_case);
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t substitution = prev[j - 1] + (ai == Fold(b[j - 1], letter_case) ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, substitution});
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > max_distance) return std::nullopt;  // every path already exceeds the bound
    std::swap(prev, cur);
  }
  if (prev[b.size()] > max_distance) return std::nullopt;
  return prev[b.size()];
}

size_t EditDistance(std::string_view a, std::string_view b, Case letter_case) {
  return *EditDistanceWithin(a, b, std::numeric_limits<size_t>::max(), letter_case);
}

}  // namespace sparktune::text
