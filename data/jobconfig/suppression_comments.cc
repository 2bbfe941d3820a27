#include "data/jobconfig/suppression_comments.h"

#include <cctype>
#include <string>

#include "data/base/text.h"

namespace sparktune::jobconfig {

namespace {

constexpr std::string_view kDirective = "sparktune:";

// Offset of the '#' opening a comment on `line`, or npos.
size_t CommentStart(std::string_view line) {
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '#' && (i == 0 || std::isspace(static_cast<unsigned char>(line[i - 1]))))
      return i;
  }
  return std::string_view::npos;
}

bool IsBlankOrComment(std::string_view line) {
  std::string_view t = text::TrimWhitespace(line);
  return t.empty() || t.front() == '#' || t.front() == '!';
}

}  // namespace

std::vector<Suppression> ParseSuppressions(const LineIndex& index, std::string_view text,
                                           bool allow_trailing) {
  std::vector<Suppression> out;
  for (int line = 1; line <= index.line_count(); ++line) {
    std::string_view row = index.LineText(line);
    size_t hash = CommentStart(row);
    if (hash == std::string_view::npos) continue;
    if (!allow_trailing && !text::TrimWhitespace(row.substr(0, hash)).empty()) continue;
    std::string_view comment = row.substr(hash + 1);
    size_t at = comment.find(kDirective);
    if (at == std::string_view::npos) continue;
    std::string_view rest = text::TrimWhitespace(comment.substr(at + kDirective.size()));
    Suppression s;
    s.location = SourceLocation{index.Locate(0).file, line,
                                static_cast<int>(hash) + 1};  // '#' column (ASCII prefix)
    // Recompute the column with code points in case the prefix is not ASCII.
    {
      int col = 1;
      for (size_t i = 0; i < hash; ++i) {
        if ((static_cast<unsigned char>(row[i]) & 0xC0) != 0x80) ++col;
      }
      s.location.column = col;
    }
    std::string_view verb;
    if (rest.rfind("disable-file", 0) == 0) {
      s.whole_file = true;
      verb = "disable-file";
    } else if (rest.rfind("disable", 0) == 0) {
      verb = "disable";
    } else {
      continue;  // not a directive we know; leave the comment alone
    }
    rest = text::TrimWhitespace(rest.substr(verb.size()));
    if (!rest.empty() && rest.front() == '=') rest = text::TrimWhitespace(rest.substr(1));
    // Rule list up to "reason".
    size_t reason_at = rest.find("reason");
    std::string_view list = reason_at == std::string_view::npos ? rest : rest.substr(0, reason_at);
    std::string current;
    for (char ch : list) {
      if (ch == ',' || std::isspace(static_cast<unsigned char>(ch))) {
        if (!current.empty()) s.rules.push_back(current);
        current.clear();
      } else {
        current.push_back(ch);
      }
    }
    if (!current.empty()) s.rules.push_back(current);
    if (reason_at != std::string_view::npos) {
      std::string_view reason = rest.substr(reason_at + 6);
      reason = text::TrimWhitespace(reason);
      if (!reason.empty() && (reason.front() == ':' || reason.front() == '='))
        reason.remove_prefix(1);
      s.reason = std::string(text::TrimWhitespace(reason));
    }
    if (!s.whole_file) {
      bool alone = text::TrimWhitespace(row.substr(0, hash)).empty();
      s.target_line = line;
      if (alone) {
        int next = line + 1;
        while (next <= index.line_count() && IsBlankOrComment(index.LineText(next))) ++next;
        s.target_line = next <= index.line_count() ? next : line;
      }
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace sparktune::jobconfig
