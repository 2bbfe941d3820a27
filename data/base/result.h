// Result<T>: a value or the Status explaining why there is none.
//
// Modelled on arrow::Result. Access the value only after checking ok();
// value() on an error is a bug and aborts.
#pragma once

#include <cstdlib>
#include <utility>
#include <variant>

#include "data/base/status.h"

namespace sparktune {

template <typename T>
class Result {
 public:
  Result(T value) : data_(std::move(value)) {}        // NOLINT(google-explicit-constructor)
  Result(Status status) : data_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    if (std::get<Status>(data_).ok()) std::abort();   // an ok Status carries no value
  }

  bool ok() const { return std::holds_alternative<T>(data_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(data_);
  }
  T& value() & {
    Check();
    return std::get<T>(data_);
  }
  const T& value() const& {
    Check();
    return std::get<T>(data_);
  }
  T&& value() && {
    Check();
    return std::get<T>(std::move(data_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }

 private:
  void Check() const {
    if (!ok()) std::abort();
  }
  std::variant<T, Status> data_;
};

}  // namespace sparktune

#define SPARKTUNE_CONCAT_INNER(a, b) a##b
#define SPARKTUNE_CONCAT(a, b) SPARKTUNE_CONCAT_INNER(a, b)
// Declares `lhs` from a Result-returning expression, or returns its Status.
#define SPARKTUNE_ASSIGN_OR_RETURN(lhs, expr)                                                     \
  auto SPARKTUNE_CONCAT(_res_, __LINE__) = (expr);                                                \
  if (!SPARKTUNE_CONCAT(_res_, __LINE__).ok()) return SPARKTUNE_CONCAT(_res_, __LINE__).status(); \
  lhs = std::move(SPARKTUNE_CONCAT(_res_, __LINE__)).value()  // NOLINT(bugprone-macro-parentheses)
