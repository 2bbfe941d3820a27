// The history store's schema as an ordered list of numbered migrations.
//
// Migration N turns a version N-1 database into version N; the version is
// kept in `PRAGMA user_version` and a sparktune database is marked by
// `PRAGMA application_id` = kApplicationId. Each migration runs in its own
// transaction together with the user_version bump, so a crash mid-migration
// leaves the previous version intact. A database whose version is newer than
// kCurrentSchemaVersion is refused (an older sparktune must not write to a
// schema it does not know); a file that is some other SQLite database is
// refused too. Never edit a released migration: append a new one.
//
// Versions:
//  1  facts of ingested logs: applications, stages, executors, configs,
//     predictions (with the baseline replay error).
//  2  the advisor's history: nights, recommendations (+ per-job
//     expectations), accuracy, collect_state; applications.night_id and
//     predictions.recommendation_id.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "data/base/status.h"

namespace sparktune::store {

class SqliteConnection;

struct Migration {
  int version;
  std::string_view description;
  std::string_view sql;
};

// 'SPTN': marks a file as a sparktune history database.
inline constexpr int64_t kApplicationId = 0x5350544E;

// All migrations, ascending by version (1, 2, ...).
std::span<const Migration> Migrations();
// The version this build writes: Migrations().back().version.
int CurrentSchemaVersion();

// Brings the database up to `target_version` (default: current). Errors:
// Unsupported when the database is newer than this build knows or is not a
// sparktune database; the failing migration's Status otherwise.
Status Migrate(SqliteConnection& connection, int target_version = -1);

}  // namespace sparktune::store
