// JobRewrite: a chosen config turned into the forms users paste, carrying only
// the keys that differ from the job's observed config:
//   * spark-submit arguments: one `--conf key=value` per key, each argument
//     quoted for a POSIX shell (single quotes; a quote inside becomes '\'');
//   * a spark-defaults.conf fragment: `key value` lines escaped as
//     java.util.Properties reads them (Spark loads the file with
//     Properties.load, Utils.getPropertiesFromFile, 1.0-4.x), so a value with a
//     newline, a backslash or a leading '#' cannot inject another setting;
//     comment text is reduced to one printable line;
//   * JSON: {key: value}.
// Values may come from users (a candidates file) and are treated as untrusted.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "data/base/text.h"

namespace sparktune::recommend {

// `s` as one word for sh/bash: unchanged when it is made only of safe
// characters, else single-quoted.
std::string ShellQuote(std::string_view s);

// "--conf 'k=v' \\\n  --conf ..." (no trailing newline); empty for no keys.
std::string SubmitArgs(const std::map<std::string, std::string>& config);

// Escaped for java.util.Properties.
std::string PropertiesKey(std::string_view key);
std::string PropertiesValue(std::string_view value);

// A spark-defaults.conf fragment. `comment` (may be empty, may be untrusted,
// e.g. an app name) becomes a leading '# ' line.
std::string DefaultsFragment(const std::map<std::string, std::string>& config,
                             std::string_view comment);

nlohmann::ordered_json ConfigJson(const std::map<std::string, std::string>& config);

// One line of printable text: control characters (newline, ESC, ...) become '?'.
using text::OneLine;

}  // namespace sparktune::recommend
