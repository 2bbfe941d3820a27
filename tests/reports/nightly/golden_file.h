// Golden-file comparison for the report renderer tests: ExpectMatchesGolden
// compares `actual` with tests/reports/nightly/golden/<name>; with the
// environment variable UPDATE_GOLDEN=1 it (re)writes the file instead and
// the test passes. Review the diff of regenerated files before committing.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/test_paths.h"

namespace sparktune::testing {

inline std::string GoldenPath(const std::string& name) {
  return SourceDir() + "/tests/reports/nightly/golden/" + name;
}

inline void ExpectMatchesGolden(const std::string& name, const std::string& actual) {
  std::string path = GoldenPath(name);
  const char* update = std::getenv("UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream out(path, std::ios::binary);
    out << actual;
    ASSERT_TRUE(out.good()) << "cannot write golden file " << path;
    return;
  }
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in.good()) << "missing golden file " << path
                         << " (run with UPDATE_GOLDEN=1 to create it)";
  std::stringstream expected;
  expected << in.rdbuf();
  EXPECT_EQ(expected.str(), actual)
      << "output differs from " << path
      << "; if the change is intended, regenerate with UPDATE_GOLDEN=1";
}

}  // namespace sparktune::testing
