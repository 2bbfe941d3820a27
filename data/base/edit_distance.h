// EditDistance: the project's one Levenshtein distance, for "did you mean"
// suggestions (unknown Spark keys, unknown subcommands).
//
// Contract: the number of single-byte insertions, deletions and substitutions
// that turn `a` into `b`; with Case::kInsensitive, ASCII letters compare
// without case. EditDistanceWithin is the same metric with an early exit for
// ranking many candidates: it returns nullopt as soon as the distance is known
// to exceed `max_distance` (length difference, or a whole row above it).
// O(|a| x |b|) time, O(|b|) memory in a per-thread scratch row pair, so
// ranking against every catalog key allocates nothing. Thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace sparktune::text {

enum class Case { kSensitive, kInsensitive };

size_t EditDistance(std::string_view a, std::string_view b, Case letter_case = Case::kSensitive);

std::optional<size_t> EditDistanceWithin(std::string_view a, std::string_view b,
                                         size_t max_distance, Case letter_case = Case::kSensitive);

}  // namespace sparktune::text
