// JobKeyFor: the key that identifies a recurring job across its runs, derived
// from the application name (spark.app.name), so that tonight's run of
// "daily_sales 2026-11-21" and tomorrow's "daily_sales 2026-11-22" are the
// same job for trends, per-job recommendations and accuracy tracking.
//
// The rule, applied in order (documented in docs/store.md):
//  1. trim, lower-case ASCII letters, collapse runs of white space to one space;
//  2. every UUID (8-4-4-4-12 hex digits) becomes '#';
//  3. every hexadecimal token of 12 or more characters that contains a digit
//     and a letter (commit hashes, random ids) becomes '#';
//  4. dates (1-4 digits, separator - _ / or ., 1-2 digits, same separator
//     set, 1-4 digits: "2026-11-21", "21.11.2026", also "2.3.1" versions) and
//     times ("10:00", "10:00:00") become '#';
//  5. every remaining run of 4 or more digits (compact dates, epoch
//     timestamps, run numbers) becomes '#';
//  6. an empty name becomes "(unnamed)".
// Short numbers that are part of the job's identity stay ("w1_wide_agg",
// "etl v2", "top 100").
#pragma once

#include <string>
#include <string_view>

namespace sparktune::store {

std::string JobKeyFor(std::string_view app_name);

}  // namespace sparktune::store
