#include "data/jobconfig/spark_submit_parser.h"

#include <vector>

#include "data/config/config_catalog.h"
#include "data/jobconfig/line_index.h"
#include "data/jobconfig/suppression_comments.h"

namespace sparktune::jobconfig {

namespace {

namespace keys = ::sparktune::config::keys;

// A shell word: its characters after quote removal, the byte offset of each in
// the script, and the offset where the word starts (its first quote, if any).
struct Word {
  std::string text;
  std::vector<size_t> offsets;
  size_t start = 0;
  bool dynamic = false;
};
using Command = std::vector<Word>;

struct FlagKey {
  std::string_view flag;
  std::string_view key;
};

// SparkSubmitArguments.handle(): dedicated flags and the keys they set.
constexpr FlagKey kFlagKeys[] = {
    {"--master", keys::kMaster},
    {"--deploy-mode", keys::kSubmitDeployMode},
    {"--name", keys::kAppName},
    {"--jars", keys::kJars},
    {"--packages", keys::kJarsPackages},
    {"--exclude-packages", "spark.jars.excludes"},
    {"--repositories", "spark.jars.repositories"},
    {"--py-files", keys::kSubmitPyFiles},
    {"--files", keys::kFiles},
    {"--archives", keys::kArchives},
    {"--driver-memory", keys::kDriverMemory},
    {"--driver-cores", keys::kDriverCores},
    {"--driver-java-options", keys::kDriverExtraJavaOptions},
    {"--driver-library-path", keys::kDriverExtraLibraryPath},
    {"--driver-class-path", keys::kDriverExtraClassPath},
    {"--executor-memory", keys::kExecutorMemory},
    {"--executor-cores", keys::kExecutorCores},
    {"--total-executor-cores", keys::kCoresMax},
    {"--num-executors", keys::kExecutorInstances},
    {"--queue", keys::kYarnQueue},
    {"--principal", "spark.kerberos.principal"},
    {"--keytab", "spark.kerberos.keytab"},
};

// Options that take a value but set no key here.
constexpr std::string_view kOtherValueOptions[] = {
    "--conf", "-c", "--properties-file", "--class", "--proxy-user", "--kill", "--status",
};
// Options without a value.
constexpr std::string_view kSwitches[] = {
    "--verbose", "-v", "--supervise", "--help", "-h", "--version", "--usage-error",
};

bool IsSubmitWord(std::string_view w) {
  constexpr std::string_view kName = "spark-submit";
  if (w == kName) return true;
  return w.size() > kName.size() && w.substr(w.size() - kName.size()) == kName &&
         w[w.size() - kName.size() - 1] == '/';
}

class Tokenizer {
 public:
  Tokenizer(std::string_view text, const LineIndex& index) : text_(text), index_(index) {}

  Result<std::vector<Command>> Run() {
    size_t i = 0;
    while (i < text_.size()) {
      char c = text_[i];
      if (c == '\\') {
        if (i + 1 < text_.size() && text_[i + 1] == '\n') {
          i += 2;
          continue;
        }
        if (i + 2 < text_.size() && text_[i + 1] == '\r' && text_[i + 2] == '\n') {
          i += 3;
          continue;
        }
        if (i + 1 < text_.size()) {
          Append(text_[i + 1], i + 1, i);
          i += 2;
          continue;
        }
        ++i;
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\r') {
        EndWord();
        ++i;
        continue;
      }
      if (c == '\n' || c == ';' || c == '&' || c == '|' || c == '(' || c == ')') {
        EndCommand();
        ++i;
        continue;
      }
      if (c == '#' && !in_word_) {
        while (i < text_.size() && text_[i] != '\n') ++i;
        continue;
      }
      if (c == '\'') {
        size_t open = i;
        StartWord(i);
        ++i;
        while (i < text_.size() && text_[i] != '\'') {
          Append(text_[i], i, open);
          ++i;
        }
        if (i >= text_.size()) return Unterminated(open, "single");
        ++i;
        continue;
      }
      if (c == '"') {
        size_t open = i;
        StartWord(i);
        ++i;
        while (i < text_.size() && text_[i] != '"') {
          char d = text_[i];
          if (d == '\\' && i + 1 < text_.size()) {
            char n = text_[i + 1];
            if (n == '\n') {
              i += 2;
              continue;
            }
            if (n == '$' || n == '`' || n == '"' || n == '\\') {
              Append(n, i + 1, open);
              i += 2;
              continue;
            }
          }
          if (d == '$' || d == '`') current_.dynamic = true;
          Append(d, i, open);
          ++i;
        }
        if (i >= text_.size()) return Unterminated(open, "double");
        ++i;
        continue;
      }
      if (c == '$' && i + 1 < text_.size() && (text_[i + 1] == '(' || text_[i + 1] == '{')) {
        // $(cmd) or ${var}: copy to the matching close, as written.
        char open_ch = text_[i + 1];
        char close_ch = open_ch == '(' ? ')' : '}';
        size_t start = i;
        int depth = 0;
        current_.dynamic = true;
        while (i < text_.size()) {
          char d = text_[i];
          Append(d, i, start);
          ++i;
          if (d == open_ch) ++depth;
          if (d == close_ch && --depth == 0) break;
        }
        continue;
      }
      if (c == '$' || c == '`') current_.dynamic = true;
      Append(c, i, i);
      ++i;
    }
    EndCommand();
    return std::move(commands_);
  }

 private:
  void StartWord(size_t offset) {
    if (!in_word_) {
      in_word_ = true;
      current_.start = offset;
    }
  }
  void Append(char c, size_t offset, size_t word_start) {
    StartWord(word_start);
    current_.text.push_back(c);
    current_.offsets.push_back(offset);
  }
  void EndWord() {
    if (in_word_) command_.push_back(std::move(current_));
    current_ = Word{};
    in_word_ = false;
  }
  void EndCommand() {
    EndWord();
    if (!command_.empty()) commands_.push_back(std::move(command_));
    command_.clear();
  }
  Status Unterminated(size_t open, const char* kind) {
    SourceLocation at = index_.Locate(open);
    return Status::Unreadable(at.file + ":" + std::to_string(at.line) + ":" +
                              std::to_string(at.column) + ": unterminated " + kind +
                              " quote in shell script");
  }

  std::string_view text_;
  const LineIndex& index_;
  std::vector<Command> commands_;
  Command command_;
  Word current_;
  bool in_word_ = false;
};

bool Contains(std::span<const std::string_view> list, std::string_view s) {
  for (std::string_view x : list) {
    if (x == s) return true;
  }
  return false;
}

size_t OffsetAt(const Word& w, size_t index) {
  if (index < w.offsets.size()) return w.offsets[index];
  if (!w.offsets.empty()) return w.offsets.back() + 1;
  return w.start;
}

JobConfig ParseCommand(const Command& cmd, size_t submit_at, const LineIndex& index) {
  JobConfig job;
  job.format = ConfigFormat::kSparkSubmit;
  job.anchor = index.Locate(cmd[submit_at].start);
  auto problem = [&](size_t offset, std::string message) {
    job.problems.push_back({index.Locate(offset), std::move(message)});
  };
  for (size_t i = submit_at + 1; i < cmd.size(); ++i) {
    const Word& w = cmd[i];
    const std::string& t = w.text;
    if (t.empty() || t[0] != '-') {
      job.main_resource = t;
      if (t.size() > 3 && t.substr(t.size() - 3) == ".py") job.python_app = true;
      break;  // the rest are application arguments
    }
    std::string name = t;
    std::optional<std::string> inline_value;
    size_t value_index = 0;  // index in w of the inline value
    size_t eq = t.find('=');
    if (t.rfind("--", 0) == 0 && eq != std::string::npos) {
      name = t.substr(0, eq);
      inline_value = t.substr(eq + 1);
      value_index = eq + 1;
    }
    std::string_view key;
    for (const FlagKey& fk : kFlagKeys) {
      if (fk.flag == name) key = fk.key;
    }
    bool takes_value = !key.empty() || Contains(kOtherValueOptions, name);
    if (!takes_value) {
      if (!Contains(kSwitches, name)) {
        problem(w.start, "unknown spark-submit option '" + name + "'");
        // Keep reading: assume a "--typo value" pair rather than taking the
        // value for the primary resource.
        if (!inline_value && i + 1 < cmd.size() && !cmd[i + 1].text.empty() &&
            cmd[i + 1].text[0] != '-' && t.rfind("--", 0) == 0) {
          ++i;
        }
      }
      continue;
    }
    // The value: inline, or the next word.
    const Word* vw = &w;
    std::string value;
    size_t value_offset = 0;
    bool dynamic = w.dynamic;
    if (inline_value) {
      value = *inline_value;
      value_offset = OffsetAt(w, value_index);
    } else {
      if (i + 1 >= cmd.size()) {
        problem(w.start, "option '" + name + "' needs a value");
        break;
      }
      vw = &cmd[++i];
      value = vw->text;
      value_offset = vw->offsets.empty() ? vw->start : vw->offsets[0];
      dynamic = vw->dynamic;
    }
    if (name == "--conf" || name == "-c") {
      size_t veq = value.find('=');
      size_t base = inline_value ? value_index : 0;
      if (veq == std::string::npos) {
        problem(value_offset, "Spark config without '=': " + value);
        continue;
      }
      ConfigSetting s;
      s.key = value.substr(0, veq);
      s.value = value.substr(veq + 1);
      s.key_location = index.Locate(OffsetAt(*vw, base));
      s.value_location = index.Locate(OffsetAt(*vw, base + veq + 1));
      s.origin = "--conf";
      s.dynamic = dynamic;
      job.settings.push_back(std::move(s));
      continue;
    }
    if (name == "--properties-file") {
      job.properties_file = value;
      continue;
    }
    if (name == "--class") {
      job.main_class = value;
      continue;
    }
    if (key.empty()) continue;
    ConfigSetting s;
    s.key = std::string(key);
    s.value = value;
    s.key_location = index.Locate(w.start);
    s.value_location = index.Locate(value_offset);
    s.origin = name;
    s.from_flag = true;
    s.dynamic = dynamic;
    if (key == keys::kSubmitPyFiles) job.python_app = true;
    job.settings.push_back(std::move(s));
  }
  return job;
}

}  // namespace

std::string_view KeyForSubmitFlag(std::string_view flag) {
  for (const FlagKey& fk : kFlagKeys) {
    if (fk.flag == flag) return fk.key;
  }
  return {};
}

Result<ConfigFile> ParseSparkSubmitScript(const std::string& path, std::string_view text) {
  ConfigFile file;
  file.path = path;
  file.format = ConfigFormat::kSparkSubmit;
  LineIndex index(path, text);
  if (text.find('\0') != std::string_view::npos) {
    return Status::Unreadable(path + ":" + std::to_string(index.LineOf(text.find('\0'))) +
                              ": NUL byte: not a shell script");
  }
  Tokenizer tokenizer(text, index);
  Result<std::vector<Command>> commands = tokenizer.Run();
  if (!commands.ok()) return commands.status();
  for (const Command& cmd : *commands) {
    for (size_t i = 0; i < cmd.size(); ++i) {
      if (IsSubmitWord(cmd[i].text)) {
        file.jobs.push_back(ParseCommand(cmd, i, index));
        break;
      }
    }
  }
  file.suppressions = ParseSuppressions(index, text);
  return file;
}

}  // namespace sparktune::jobconfig
