#include "rules/rule_docs.h"

namespace sparktune::rules {

// Defined in the generated rule_docs_table.cc.
std::string_view LookupRuleDocPage(std::string_view id);

std::string_view RuleDocMarkdown(std::string_view id) { return LookupRuleDocPage(id); }

std::string RuleFullDescription(std::string_view id) {
  std::string_view page = RuleDocMarkdown(id);
  constexpr std::string_view kHeading = "## What it checks\n\n";
  size_t at = page.find(kHeading);
  if (at == std::string_view::npos) return "";
  std::string_view rest = page.substr(at + kHeading.size());
  size_t end = rest.find("\n\n");
  std::string_view para = rest.substr(0, end);
  std::string out;
  for (char c : para) {
    if (c == '`') continue;
    out.push_back(c == '\n' ? ' ' : c);
  }
  if (out.size() > 1024) out = out.substr(0, 1020) + "...";
  return out;
}

}  // namespace sparktune::rules
