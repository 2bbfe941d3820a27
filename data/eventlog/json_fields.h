// JSON field access for the event decoders, over simdjson DOM values.
//
//  * AsInt / AsDouble / AsString read a value leniently: numbers arrive as
//    JSON numbers, or as strings in SQL metrics and some vendor builds.
//  * GetInt / GetString / ... look one key up with at_key (a scan of the
//    object): for events that are rare in a log.
//  * KeyIndex + FieldSet find every wanted field of an object in one pass over
//    its fields instead of one scan per wanted key: for the events a log holds
//    millions of (TaskEnd, TaskStart) and for the unknown-field check of every
//    core event. Each field costs one inline compare when it is the key the
//    index lists after the previous match (Spark writes its fields in a fixed
//    order, and the indexes list them in that order), else one hash probe and
//    one compare. The first occurrence of a duplicated key wins, as with
//    at_key.
// Stateless apart from the KeyIndex tables (built once, read-only, safe to
// share between threads).
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace sparktune::eventlog {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

int64_t AsInt(element e);  // doubles clamped to int64; bad text -> 0
double AsDouble(element e);
std::string AsString(element e);  // numbers and booleans as text; null, arrays, objects -> ""

// Single lookups (at_key). A null value counts as absent for GetInt/GetString.
int64_t GetInt(object o, std::string_view key, int64_t fallback);
std::string GetString(object o, std::string_view key);
bool GetBool(object o, std::string_view key);
bool GetObject(object o, std::string_view key, object* out);
bool GetArray(object o, std::string_view key, array* out);

namespace internal {

inline uint64_t Load64(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, sizeof(v));
  return v;
}

inline uint32_t Load32(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, sizeof(v));
  return v;
}

// Equal bytes, for strings of equal length `n`; inline word compares where a
// call to memcmp would cost more than the short keys of an event log.
inline bool SameBytes(const char* a, const char* b, size_t n) {
  if (n >= 8) {
    for (size_t i = 0; i + 8 < n; i += 8) {
      if (Load64(a + i) != Load64(b + i)) return false;
    }
    return Load64(a + n - 8) == Load64(b + n - 8);  // the last word may overlap the previous
  }
  if (n >= 4) return Load32(a) == Load32(b) && Load32(a + n - 4) == Load32(b + n - 4);
  for (size_t i = 0; i < n; ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

}  // namespace internal

// A fixed set of keys, numbered in the order given.
class KeyIndex {
 public:
  static constexpr size_t kMaxKeys = 32;
  KeyIndex(std::initializer_list<std::string_view> keys);
  // Position of `key` in the list, or -1.
  int Find(std::string_view key) const;
  // Whether `key` is the i-th key (i < size()).
  bool Is(size_t i, std::string_view key) const {
    const std::string_view k = keys_[i];
    return k.size() == key.size() && internal::SameBytes(k.data(), key.data(), k.size());
  }
  size_t size() const { return keys_.size(); }
  std::string_view key(size_t i) const { return keys_[i]; }

 private:
  size_t Slot(std::string_view key) const;
  std::vector<std::string_view> keys_;
  std::vector<int8_t> slots_;  // open addressing, -1 = empty; size is a power of two
  size_t mask_ = 0;
};

// The fields of one object that a KeyIndex lists, found in one pass.
class FieldSet {
 public:
  FieldSet(const KeyIndex& index, object o);

  bool Has(int i) const { return (present_ >> i) & 1u; }
  element Get(int i) const { return values_[i].value; }
  int64_t Int(int i, int64_t fallback) const;  // absent or null -> fallback
  std::string String(int i) const;             // absent or null -> ""
  bool Bool(int i) const;                      // absent -> false
  bool Object(int i, object* out) const;       // present and an object
  bool Array(int i, array* out) const;         // present and an array
  // Fields whose key the index does not list: how many, and the first one's key.
  int unknown_count() const { return unknown_count_; }
  std::string_view first_unknown() const { return first_unknown_; }

 private:
  // Left unconstructed until found (Has() guards every read): zeroing 32 elements per
  // object cost more than the lookups.
  union Value {
    Value() {}
    element value;
  };
  Value values_[KeyIndex::kMaxKeys];
  uint32_t present_ = 0;
  int unknown_count_ = 0;
  std::string_view first_unknown_;
};

}  // namespace sparktune::eventlog
