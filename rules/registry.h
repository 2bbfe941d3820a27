// The one table of lint rules, in id order (rules/registry.cc). Ids are
// stable: a retired rule keeps its id reserved, a renamed slug keeps its id.
//
// Thread safety: the table is immutable after first use.
#pragma once

#include <span>
#include <string_view>

#include "rules/rule.h"

namespace sparktune::rules {

// Every rule, ascending by id.
std::span<const Rule* const> AllRules();

// The rule with this id ("ST201", case-insensitive) or slug ("memory-per-core"), or nullptr.
const Rule* FindRule(std::string_view id_or_slug);

}  // namespace sparktune::rules
