// JSON field access for the event decoders: see json_fields.h.
#include "data/eventlog/json_fields.h"

#include <charconv>
#include <cstdlib>
#include <cstring>
#include <new>

namespace sparktune::eventlog {

using simdjson::dom::element_type;

int64_t AsInt(element e) {
  switch (e.type()) {
    case element_type::INT64:
      return int64_t(e);
    case element_type::UINT64:
      return static_cast<int64_t>(uint64_t(e));
    case element_type::DOUBLE: {
      // Clamp: a hostile 1e81 must not be undefined behaviour.
      double d = double(e);
      if (!(d > -9.2e18)) return d != d ? 0 : INT64_MIN;
      if (!(d < 9.2e18)) return INT64_MAX;
      return static_cast<int64_t>(d);
    }
    case element_type::BOOL:
      return bool(e) ? 1 : 0;
    case element_type::STRING: {
      std::string_view s(e);
      int64_t v = 0;
      std::from_chars(s.data(), s.data() + s.size(), v);
      return v;
    }
    default:
      return 0;
  }
}

double AsDouble(element e) {
  switch (e.type()) {
    case element_type::INT64:
      return static_cast<double>(int64_t(e));
    case element_type::UINT64:
      return static_cast<double>(uint64_t(e));
    case element_type::DOUBLE:
      return double(e);
    case element_type::STRING: {
      std::string s{std::string_view(e)};
      return std::strtod(s.c_str(), nullptr);
    }
    default:
      return 0;
  }
}

std::string AsString(element e) {
  switch (e.type()) {
    case element_type::STRING:
      return std::string(std::string_view(e));
    case element_type::INT64:
      return std::to_string(int64_t(e));
    case element_type::UINT64:
      return std::to_string(uint64_t(e));
    case element_type::DOUBLE:
      return std::to_string(double(e));
    case element_type::BOOL:
      return bool(e) ? "true" : "false";
    default:
      return "";
  }
}

int64_t GetInt(object o, std::string_view key, int64_t fallback) {
  element v;
  if (o.at_key(key).get(v) != simdjson::SUCCESS || v.is_null()) return fallback;
  return AsInt(v);
}

std::string GetString(object o, std::string_view key) {
  element v;
  if (o.at_key(key).get(v) != simdjson::SUCCESS || v.is_null()) return {};
  return AsString(v);
}

namespace {
bool BoolOf(element v) {
  if (v.type() == element_type::BOOL) return bool(v);
  if (v.type() == element_type::STRING) return std::string_view(v) == "true";
  return AsInt(v) != 0;
}
}  // namespace

bool GetBool(object o, std::string_view key) {
  element v;
  if (o.at_key(key).get(v) != simdjson::SUCCESS) return false;
  return BoolOf(v);
}

bool GetObject(object o, std::string_view key, object* out) {
  element v;
  if (o.at_key(key).get(v) != simdjson::SUCCESS) return false;
  return v.get_object().get(*out) == simdjson::SUCCESS;
}

bool GetArray(object o, std::string_view key, array* out) {
  element v;
  if (o.at_key(key).get(v) != simdjson::SUCCESS) return false;
  return v.get_array().get(*out) == simdjson::SUCCESS;
}

KeyIndex::KeyIndex(std::initializer_list<std::string_view> keys) : keys_(keys) {
  if (keys_.size() > kMaxKeys) std::abort();  // a programming error: the tables are fixed
  size_t size = 16;
  while (size < 4 * keys_.size()) size *= 2;
  slots_.assign(size, -1);
  mask_ = size - 1;
  for (size_t i = 0; i < keys_.size(); ++i) {
    size_t s = Slot(keys_[i]);
    while (slots_[s] >= 0) s = (s + 1) & mask_;
    slots_[s] = static_cast<int8_t>(i);
  }
}

size_t KeyIndex::Slot(std::string_view key) const {
  uint64_t h = key.size() * 0x9E3779B97F4A7C15ull;
  if (!key.empty()) {
    h ^= static_cast<unsigned char>(key[0]) * 0xC2B2AE3D27D4EB4Full;
    h ^= static_cast<unsigned char>(key[key.size() / 2]) * 0x165667B19E3779F9ull;
    h ^= static_cast<unsigned char>(key.back()) * 0x85EBCA77C2B2AE63ull;
  }
  return static_cast<size_t>(h >> 40) & mask_;
}

int KeyIndex::Find(std::string_view key) const {
  for (size_t s = Slot(key);; s = (s + 1) & mask_) {
    const int i = slots_[s];
    if (i < 0) return -1;
    if (Is(static_cast<size_t>(i), key)) return i;
  }
}

FieldSet::FieldSet(const KeyIndex& index, object o) {
  size_t expected = 0;  // the key that usually comes next
  for (auto it = o.begin(), end = o.end(); it != end; ++it) {
    const std::string_view key = it.key();
    int i;
    if (expected < index.size() && index.Is(expected, key)) {
      i = static_cast<int>(expected);
    } else {
      i = index.Find(key);
      if (i < 0) {
        if (unknown_count_++ == 0) first_unknown_ = key;
        continue;
      }
    }
    expected = static_cast<size_t>(i) + 1;
    if (Has(i)) continue;  // a duplicated key: the first wins, as with at_key
    present_ |= 1u << i;
    new (&values_[i].value) element(it.value());
  }
}

int64_t FieldSet::Int(int i, int64_t fallback) const {
  if (!Has(i) || Get(i).is_null()) return fallback;
  return AsInt(Get(i));
}

std::string FieldSet::String(int i) const {
  if (!Has(i) || Get(i).is_null()) return {};
  return AsString(Get(i));
}

bool FieldSet::Bool(int i) const { return Has(i) && BoolOf(Get(i)); }

bool FieldSet::Object(int i, object* out) const {
  return Has(i) && Get(i).get_object().get(*out) == simdjson::SUCCESS;
}

bool FieldSet::Array(int i, array* out) const {
  return Has(i) && Get(i).get_array().get(*out) == simdjson::SUCCESS;
}

}  // namespace sparktune::eventlog
