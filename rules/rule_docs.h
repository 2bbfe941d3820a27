// The docs page of each rule (rules/docs/<ID>.md), embedded in the binary so
// SARIF output can carry it (help.markdown) without the source tree.
// rules/rule_docs_table.cc is generated from the pages by
// rules/docs/embed_docs.py; a test fails when the two differ.
//
// Thread safety: immutable data.
#pragma once

#include <string>
#include <string_view>

namespace sparktune::rules {

// The markdown page of rule `id`, or "" when there is none.
std::string_view RuleDocMarkdown(std::string_view id);

// The first paragraph of the page's "## What it checks" section, with
// markdown backticks removed (SARIF fullDescription, at most 1024 chars).
std::string RuleFullDescription(std::string_view id);

}  // namespace sparktune::rules
