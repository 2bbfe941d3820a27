#include "data/jobconfig/spark_defaults_parser.h"

#include <vector>

#include "data/config/config_catalog.h"
#include "data/jobconfig/line_index.h"
#include "data/jobconfig/suppression_comments.h"

namespace sparktune::jobconfig {

namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\f'; }

// A logical line: its characters and, for each, the byte offset in the file.
struct LogicalLine {
  std::string text;
  std::vector<size_t> offsets;
  size_t start = 0;  // offset of the first character
};

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Unescapes text[begin, end) the way Properties.loadConvert does.
Result<std::string> Unescape(const std::string& text, size_t begin, size_t end) {
  std::string out;
  for (size_t i = begin; i < end; ++i) {
    char c = text[i];
    if (c != '\\' || i + 1 >= end) {
      if (c != '\\') out.push_back(c);
      continue;
    }
    char n = text[++i];
    switch (n) {
      case 't':
        out.push_back('\t');
        break;
      case 'n':
        out.push_back('\n');
        break;
      case 'r':
        out.push_back('\r');
        break;
      case 'f':
        out.push_back('\f');
        break;
      case 'u': {
        if (i + 4 >= end) {
          return Status::Corrupt("malformed \\uxxxx escape");
        }
        uint32_t cp = 0;
        for (int k = 1; k <= 4; ++k) {
          int h = HexValue(text[i + k]);
          if (h < 0) return Status::Corrupt("malformed \\uxxxx escape");
          cp = cp * 16 + static_cast<uint32_t>(h);
        }
        AppendUtf8(cp, &out);
        i += 4;
        break;
      }
      default:
        out.push_back(n);
    }
  }
  return out;
}

}  // namespace

Result<ConfigFile> ParseSparkDefaults(const std::string& path, std::string_view text) {
  ConfigFile file;
  file.path = path;
  file.format = ConfigFormat::kSparkDefaults;
  LineIndex index(path, text);
  if (text.find('\0') != std::string_view::npos) {
    return Status::Unreadable(path + ":" + std::to_string(index.LineOf(text.find('\0'))) +
                              ": NUL byte: not a text properties file");
  }
  JobConfig job;
  job.format = ConfigFormat::kSparkDefaults;
  job.anchor = SourceLocation{path, 1, 1};

  size_t pos = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;  // UTF-8 byte order mark
  while (pos < text.size()) {
    // Read one natural line.
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    size_t line_end = eol;
    if (line_end > pos && text[line_end - 1] == '\r') --line_end;
    size_t p = pos;
    while (p < line_end && IsBlank(text[p])) ++p;
    if (p == line_end || text[p] == '#' || text[p] == '!') {
      pos = eol + 1;
      continue;
    }
    LogicalLine logical;
    logical.start = p;
    while (true) {
      // Count trailing backslashes of this natural line.
      size_t backslashes = 0;
      for (size_t q = line_end; q > p && text[q - 1] == '\\'; --q) ++backslashes;
      bool continues = backslashes % 2 == 1 && eol < text.size();
      size_t copy_end = (backslashes % 2 == 1) ? line_end - 1 : line_end;
      for (size_t q = p; q < copy_end; ++q) {
        logical.text.push_back(text[q]);
        logical.offsets.push_back(q);
      }
      pos = eol + 1;
      if (!continues) break;
      // Next natural line: drop its leading blanks.
      eol = text.find('\n', pos);
      if (eol == std::string_view::npos) eol = text.size();
      line_end = eol;
      if (line_end > pos && text[line_end - 1] == '\r') --line_end;
      p = pos;
      while (p < line_end && IsBlank(text[p])) ++p;
      if (pos >= text.size()) break;
    }
    const std::string& s = logical.text;
    // Key: up to the first unescaped separator.
    size_t k = 0;
    bool escaped = false;
    while (k < s.size()) {
      char c = s[k];
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '=' || c == ':' || IsBlank(c)) {
        break;
      }
      ++k;
    }
    size_t key_end = k;
    size_t v = k;
    while (v < s.size() && IsBlank(s[v])) ++v;
    if (v < s.size() && (s[v] == '=' || s[v] == ':')) ++v;
    while (v < s.size() && IsBlank(s[v])) ++v;
    Result<std::string> key = Unescape(s, 0, key_end);
    Result<std::string> value = Unescape(s, v, s.size());
    if (!key.ok() || !value.ok()) {
      return Status::Corrupt(path + ":" + std::to_string(index.LineOf(logical.start)) +
                             ": malformed \\uxxxx escape");
    }
    ConfigSetting setting;
    setting.key = *key;
    // Spark trims values (Utils.getPropertiesFromFile).
    std::string val = *value;
    while (!val.empty() && std::isspace(static_cast<unsigned char>(val.back()))) val.pop_back();
    setting.value = val;
    setting.key_location =
        index.Locate(logical.offsets.empty() ? logical.start : logical.offsets[0]);
    size_t value_offset = v < logical.offsets.size() ? logical.offsets[v]
                          : logical.offsets.empty()  ? logical.start
                                                     : logical.offsets.back() + 1;
    setting.value_location = index.Locate(value_offset);
    job.settings.push_back(std::move(setting));
  }
  for (const ConfigSetting& s : job.settings) {
    if (s.key == config::keys::kSubmitPyFiles || s.key == config::keys::kPysparkPython ||
        s.key == config::keys::kPysparkDriverPython) {
      job.python_app = true;
    }
  }
  file.jobs.push_back(std::move(job));
  file.suppressions = ParseSuppressions(index, text, /*allow_trailing=*/false);
  return file;
}

}  // namespace sparktune::jobconfig
