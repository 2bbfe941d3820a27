// SparkVersion: a Spark release number parsed leniently from what logs carry
// ("3.5.1", "3.3.0-amzn-1", "3.1.1.119", "4.0.0-SNAPSHOT", "" for 1.2 logs).
// Vendor suffixes are kept as text; comparison uses major.minor.patch only.
#pragma once

#include <compare>
#include <string>
#include <string_view>

namespace sparktune {

struct SparkVersion {
  int major = 0;
  int minor = 0;
  int patch = 0;
  std::string text;  // as logged, for display

  // Parses the leading "M.m[.p]"; unparsable text gives 0.0.0 with `text` kept.
  static SparkVersion Parse(std::string_view text);
  bool known() const { return major > 0; }
  // Compares numerically on (major, minor, patch).
  std::strong_ordering operator<=>(const SparkVersion& other) const {
    if (auto c = major <=> other.major; std::is_neq(c)) return c;
    if (auto c = minor <=> other.minor; std::is_neq(c)) return c;
    return patch <=> other.patch;
  }
  bool operator==(const SparkVersion& other) const {
    return major == other.major && minor == other.minor && patch == other.patch;
  }
  bool AtLeast(int maj, int min, int pat = 0) const {
    return *this >= SparkVersion{maj, min, pat, ""};
  }
};

}  // namespace sparktune
