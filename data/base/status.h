// Status: the outcome of an operation that can fail, as a value.
//
// Errors cross module boundaries as values (no exceptions). A Status carries a
// code that the CLI maps to an exit code (see ExitCodeFor) and a message that
// puts the static text first and the values (file, line, byte offset) last.
//
// Thread safety: a Status is an immutable value; copy freely.
#pragma once

#include <string>
#include <string_view>
#include <utility>

namespace sparktune {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // the user asked for something malformed (usage error, exit 2)
  kNotFound,         // a named file, app or key does not exist (exit 3)
  kUnreadable,       // input exists but cannot be read as what it claims to be (exit 3)
  kCorrupt,          // input is damaged beyond what the reader tolerates (exit 3)
  kUnsupported,      // a valid input this version cannot handle (exit 3)
  kIoError,          // the OS refused (permissions, disk full, network)
  kInternal,         // a bug: an invariant did not hold (exit 4)
};

class Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string msg) {
    return {StatusCode::kInvalidArgument, std::move(msg)};
  }
  static Status NotFound(std::string msg) { return {StatusCode::kNotFound, std::move(msg)}; }
  static Status Unreadable(std::string msg) { return {StatusCode::kUnreadable, std::move(msg)}; }
  static Status Corrupt(std::string msg) { return {StatusCode::kCorrupt, std::move(msg)}; }
  static Status Unsupported(std::string msg) { return {StatusCode::kUnsupported, std::move(msg)}; }
  static Status IoError(std::string msg) { return {StatusCode::kIoError, std::move(msg)}; }
  static Status Internal(std::string msg) { return {StatusCode::kInternal, std::move(msg)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "unreadable: <message>" style text for logs and the CLI.
  std::string ToString() const;

  // Returns a copy whose message is "<prefix>: <message>".
  Status WithContext(std::string_view prefix) const;

 private:
  Status(StatusCode code, std::string msg) : code_(code), message_(std::move(msg)) {}
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Exit codes of the CLI (architecture.md section 4): 0 ok, 2 usage error,
// 3 unreadable input, 4 internal error.
int ExitCodeFor(const Status& status);

}  // namespace sparktune

// Returns early from the enclosing function when `expr` yields a non-ok Status.
#define SPARKTUNE_RETURN_IF_ERROR(expr) \
  do {                                  \
    ::sparktune::Status _st = (expr);   \
    if (!_st.ok()) return _st;          \
  } while (0)
