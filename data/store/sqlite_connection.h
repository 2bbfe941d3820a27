// SqliteConnection, SqliteStatement, SqliteTransaction: a thin RAII layer over
// the SQLite3 C API that turns every result code into a Status naming the
// database file and the statement that failed.
//
// Thread safety: a connection and its statements belong to one thread at a
// time (the history store's single writer); SQLite itself is compiled
// serialized, but the prepared statements cached here are not shared safely.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "data/base/result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace sparktune::store {

class SqliteStatement;

class SqliteConnection {
 public:
  // Opens (creating when missing) the database file at `path`.
  static Result<std::unique_ptr<SqliteConnection>> Open(const std::string& path);
  ~SqliteConnection();
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  // Runs one or more statements that return no rows the caller needs.
  Status Execute(std::string_view sql);
  // Prepares one statement.
  Result<SqliteStatement> Prepare(std::string_view sql);
  // The value of a PRAGMA (or any single-value query) as an integer.
  Result<int64_t> QueryInt(std::string_view sql);
  int64_t LastInsertRowId() const;
  // Rows changed by the last INSERT/UPDATE/DELETE.
  int64_t Changes() const;

  const std::string& path() const { return path_; }
  // True when the last failure was SQLITE_BUSY or SQLITE_LOCKED: another
  // connection held a lock the busy handler could not (or may not) wait for.
  bool LastErrorWasBusy() const;
  // A Status for the connection's last error: "<what>: <sqlite message> (<db path>)".
  Status Error(int rc, std::string_view what) const;

 private:
  SqliteConnection(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  friend class SqliteStatement;
  sqlite3* db_;
  std::string path_;
};

// A prepared statement. Bind indices are 1-based as in SQLite.
class SqliteStatement {
 public:
  SqliteStatement(SqliteStatement&& other) noexcept;
  SqliteStatement& operator=(SqliteStatement&& other) noexcept;
  ~SqliteStatement();

  SqliteStatement& Bind(int index, int64_t value);
  SqliteStatement& Bind(int index, int value) { return Bind(index, static_cast<int64_t>(value)); }
  SqliteStatement& Bind(int index, double value);
  SqliteStatement& Bind(int index, std::string_view value);
  SqliteStatement& Bind(int index, const std::string& value) {
    return Bind(index, std::string_view(value));
  }
  SqliteStatement& Bind(int index, const char* value) {
    return Bind(index, std::string_view(value));
  }
  SqliteStatement& BindNull(int index);
  template <typename T>
  SqliteStatement& Bind(int index, const std::optional<T>& value) {
    return value ? Bind(index, *value) : BindNull(index);
  }

  // Advances: true when a row is available, false when done.
  Result<bool> Step();
  // Runs a statement that returns no rows, then resets it for reuse.
  Status Run();
  // Resets and clears bindings for reuse.
  void Reset();

  int64_t ColumnInt(int column) const;
  double ColumnDouble(int column) const;
  std::string ColumnText(int column) const;
  bool ColumnIsNull(int column) const;
  std::optional<int64_t> ColumnOptionalInt(int column) const;
  std::optional<double> ColumnOptionalDouble(int column) const;

 private:
  friend class SqliteConnection;
  SqliteStatement(SqliteConnection* connection, sqlite3_stmt* stmt)
      : connection_(connection), stmt_(stmt) {}
  SqliteConnection* connection_;
  sqlite3_stmt* stmt_;
  int bind_error_ = 0;  // first failed bind, reported by Step
};

// BEGIN IMMEDIATE on construction (Begin), ROLLBACK on destruction unless
// Commit succeeded: a scope that fails midway leaves nothing behind.
class SqliteTransaction {
 public:
  static Result<SqliteTransaction> Begin(SqliteConnection& connection);
  SqliteTransaction(SqliteTransaction&& other) noexcept : connection_(other.connection_) {
    other.connection_ = nullptr;
  }
  SqliteTransaction& operator=(SqliteTransaction&&) = delete;
  ~SqliteTransaction();
  Status Commit();

 private:
  explicit SqliteTransaction(SqliteConnection* connection) : connection_(connection) {}
  SqliteConnection* connection_;
};

}  // namespace sparktune::store
