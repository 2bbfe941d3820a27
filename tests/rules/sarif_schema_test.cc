// Validates `sparktune lint --format sarif` against the published SARIF
// 2.1.0 JSON schema (tests/rules/sarif-schema-2.1.0.json, OASIS errata01,
// draft-04). The validator below implements the schema keywords that file
// uses: $ref, type, properties, additionalProperties, required, items,
// minItems, uniqueItems, enum, minimum, maximum, pattern, format (uri,
// uri-reference, date-time), anyOf, oneOf. It is tested on broken SARIF too,
// so a regression in the renderer fails here.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "tests/test_paths.h"

namespace sparktune::rules {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using sparktune::testing::RunCommand;
using sparktune::testing::SourceDir;
using sparktune::testing::SparktuneBinary;

class SchemaValidator {
 public:
  explicit SchemaValidator(json root) : root_(std::move(root)) {}

  // Appends "path: problem" lines to errors_.
  bool Validate(const json& instance) {
    errors_.clear();
    Check(root_, instance, "$");
    return errors_.empty();
  }
  const std::vector<std::string>& errors() const { return errors_; }

 private:
  const json& Resolve(const std::string& ref) {
    if (ref == "#") return root_;
    const std::string prefix = "#/definitions/";
    if (ref.rfind(prefix, 0) != 0) throw std::runtime_error("unsupported $ref " + ref);
    return root_.at("definitions").at(ref.substr(prefix.size()));
  }

  static bool HasType(const json& v, const std::string& type) {
    if (type == "object") return v.is_object();
    if (type == "array") return v.is_array();
    if (type == "string") return v.is_string();
    if (type == "integer") return v.is_number_integer() || v.is_number_unsigned();
    if (type == "number") return v.is_number();
    if (type == "boolean") return v.is_boolean();
    if (type == "null") return v.is_null();
    return false;
  }

  static bool IsUri(const std::string& s, bool reference) {
    for (unsigned char c : s) {
      if (c <= 0x20 || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' ||
          c == '{' || c == '|' || c == '}' || c >= 0x7f) {
        return false;
      }
    }
    if (reference) return true;
    static const std::regex scheme("^[A-Za-z][A-Za-z0-9+.-]*:.*");
    return std::regex_match(s, scheme);
  }

  size_t ErrorsNow() const { return errors_.size(); }

  void Check(const json& schema, const json& v, const std::string& path) {
    if (schema.contains("$ref")) {
      Check(Resolve(schema["$ref"]), v, path);
      return;
    }
    if (schema.contains("type")) {
      const json& t = schema["type"];
      bool ok = false;
      if (t.is_string()) ok = HasType(v, t);
      for (const auto& x : t.is_array() ? t : json::array()) ok = ok || HasType(v, x);
      if (!ok) {
        errors_.push_back(path + ": expected type " + t.dump() + ", got " + v.type_name());
        return;
      }
    }
    if (schema.contains("enum")) {
      bool found = false;
      for (const auto& e : schema["enum"]) found = found || e == v;
      if (!found)
        errors_.push_back(path + ": " + v.dump() + " not in enum " + schema["enum"].dump());
    }
    if (v.is_number()) {
      if (schema.contains("minimum") && v.get<double>() < schema["minimum"].get<double>()) {
        errors_.push_back(path + ": below minimum");
      }
      if (schema.contains("maximum") && v.get<double>() > schema["maximum"].get<double>()) {
        errors_.push_back(path + ": above maximum");
      }
    }
    if (v.is_string()) {
      const std::string s = v.get<std::string>();
      if (schema.contains("pattern") &&
          !std::regex_search(s, std::regex(schema["pattern"].get<std::string>()))) {
        errors_.push_back(path + ": does not match pattern " +
                          schema["pattern"].get<std::string>());
      }
      if (schema.contains("format")) {
        std::string f = schema["format"];
        if ((f == "uri" || f == "uri-reference") && !IsUri(s, f == "uri-reference")) {
          errors_.push_back(path + ": not a valid " + f + ": " + s);
        }
      }
    }
    if (v.is_array()) {
      if (schema.contains("minItems") && v.size() < schema["minItems"].get<size_t>()) {
        errors_.push_back(path + ": fewer than minItems");
      }
      if (schema.value("uniqueItems", false)) {
        for (size_t i = 0; i < v.size(); ++i) {
          for (size_t k = i + 1; k < v.size(); ++k) {
            if (v[i] == v[k]) errors_.push_back(path + ": duplicate items");
          }
        }
      }
      if (schema.contains("items")) {
        for (size_t i = 0; i < v.size(); ++i)
          Check(schema["items"], v[i], path + "[" + std::to_string(i) + "]");
      }
    }
    if (v.is_object()) {
      const json props = schema.value("properties", json::object());
      for (const auto& req : schema.value("required", json::array())) {
        if (!v.contains(req.get<std::string>()))
          errors_.push_back(path + ": missing required " + req.dump());
      }
      for (auto it = v.begin(); it != v.end(); ++it) {
        std::string child = path + "." + it.key();
        if (props.contains(it.key())) {
          Check(props[it.key()], it.value(), child);
        } else if (schema.contains("additionalProperties")) {
          const json& ap = schema["additionalProperties"];
          if (ap.is_boolean()) {
            if (!ap.get<bool>()) errors_.push_back(child + ": property not allowed");
          } else {
            Check(ap, it.value(), child);
          }
        }
      }
    }
    for (const char* combinator : {"anyOf", "oneOf"}) {
      if (!schema.contains(combinator)) continue;
      int matches = 0;
      for (const auto& sub : schema[combinator]) {
        SchemaValidator probe(root_);
        probe.Check(sub, v, path);
        if (probe.errors_.empty()) ++matches;
      }
      bool ok = std::string(combinator) == "anyOf" ? matches >= 1 : matches == 1;
      if (!ok) errors_.push_back(path + ": " + combinator + " matched " + std::to_string(matches));
    }
  }

  json root_;
  std::vector<std::string> errors_;
};

json LoadSchema() {
  std::ifstream in(fs::path(SourceDir()) / "tests/rules/sarif-schema-2.1.0.json");
  return json::parse(in);
}

json LintSarif(const std::string& files) {
  auto r = RunCommand("cd '" + SourceDir() + "' && '" + SparktuneBinary() +
                      "' lint --format sarif --fail-on never " + files);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return json::parse(r.out);
}

std::string Errors(const SchemaValidator& v) {
  std::string out;
  for (size_t i = 0; i < v.errors().size() && i < 20; ++i) out += v.errors()[i] + "\n";
  return out;
}

TEST(SarifSchema, SchemaFileIsThePublishedOne) {
  json schema = LoadSchema();
  EXPECT_EQ(schema["title"], "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema");
  EXPECT_TRUE(schema["definitions"].contains("result"));
}

TEST(SarifSchema, GoldenInputsValidate) {
  SchemaValidator validator(LoadSchema());
  json sarif = LintSarif(
      "tests/rules/golden/defaults.conf tests/rules/golden/submit.sh tests/rules/golden/app.yaml");
  EXPECT_TRUE(validator.Validate(sarif)) << Errors(validator);
  EXPECT_FALSE(sarif["runs"][0]["results"].empty());
}

TEST(SarifSchema, EveryFixtureValidates) {
  SchemaValidator validator(LoadSchema());
  std::string files;
  for (const auto& dir : fs::directory_iterator(fs::path(SourceDir()) / "tests/rules/fixtures")) {
    for (const auto& f : fs::directory_iterator(dir.path())) {
      std::string name = f.path().filename().string();
      if (name.rfind("bad", 0) == 0)
        files += " '" + fs::relative(f.path(), SourceDir()).string() + "'";
    }
  }
  json sarif = LintSarif(files);
  EXPECT_TRUE(validator.Validate(sarif)) << Errors(validator);
  EXPECT_GT(sarif["runs"][0]["results"].size(), 40u);
}

TEST(SarifSchema, EmptyRunValidates) {
  SchemaValidator validator(LoadSchema());
  json sarif = LintSarif("tests/rules/fixtures/ST201/good.conf --only ST201");
  EXPECT_TRUE(validator.Validate(sarif)) << Errors(validator);
}

// The validator must reject broken SARIF, or the tests above prove nothing.
TEST(SarifSchema, RejectsBrokenSarif) {
  SchemaValidator validator(LoadSchema());
  json good = LintSarif("tests/rules/golden/defaults.conf");
  ASSERT_TRUE(validator.Validate(good)) << Errors(validator);

  json no_version = good;
  no_version.erase("version");
  EXPECT_FALSE(validator.Validate(no_version));

  json bad_level = good;
  bad_level["runs"][0]["results"][0]["level"] = "fatal";
  EXPECT_FALSE(validator.Validate(bad_level));

  json no_message = good;
  no_message["runs"][0]["results"][0].erase("message");
  EXPECT_FALSE(validator.Validate(no_message));

  json zero_line = good;
  zero_line["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0;
  EXPECT_FALSE(validator.Validate(zero_line));

  json extra = good;
  extra["runs"][0]["tool"]["driver"]["colour"] = "blue";
  EXPECT_FALSE(validator.Validate(extra));

  json bad_uri = good;
  bad_uri["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] =
      "a b";
  EXPECT_FALSE(validator.Validate(bad_uri));
}

}  // namespace
}  // namespace sparktune::rules
