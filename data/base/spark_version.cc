#include "data/base/spark_version.h"

#include <cctype>

namespace sparktune {

SparkVersion SparkVersion::Parse(std::string_view text) {
  SparkVersion v;
  v.text = std::string(text);
  int parts[3] = {0, 0, 0};
  size_t i = 0;
  for (int p = 0; p < 3; ++p) {
    if (i >= text.size() || !std::isdigit(static_cast<unsigned char>(text[i]))) {
      if (p < 2) return SparkVersion{0, 0, 0, std::string(text)};
      break;
    }
    int value = 0;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])) && value < 100000) {
      value = value * 10 + (text[i] - '0');
      ++i;
    }
    parts[p] = value;
    if (p < 2) {
      if (i < text.size() && text[i] == '.') {
        ++i;
      } else if (p == 0) {
        return SparkVersion{0, 0, 0, std::string(text)};
      } else {
        break;
      }
    }
  }
  v.major = parts[0];
  v.minor = parts[1];
  v.patch = parts[2];
  return v;
}

}  // namespace sparktune
