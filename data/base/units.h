// Units: the project's one set of binary size constants.
//
// Contract: kKib, kMib and kGib are the binary multiples Spark's byte strings
// use ("64m" is 64 * kMib, JavaUtils.byteStringAs). They are int64_t so that
// integer arithmetic stays exact; divide a double by them for fractional MiB
// (`bytes / static_cast<double>(kMib)`, or `x / kMib` when x is already a
// double). Formatters of these units live in data/base/unit_format.h.
// kMbSecondsPerGbHour converts the project's cost unit, MB-seconds, to the
// GB·h that reports show. Thread-compatible: constants only.
#pragma once

#include <cstdint>

namespace sparktune::units {

inline constexpr int64_t kKib = 1024;
inline constexpr int64_t kMib = 1024 * kKib;
inline constexpr int64_t kGib = 1024 * kMib;

// MB-seconds (container MiB x seconds, architecture.md section 5) in one GB·h.
inline constexpr double kMbSecondsPerGbHour = 1024.0 * 3600.0;

}  // namespace sparktune::units
