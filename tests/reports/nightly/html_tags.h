// A minimal HTML start-tag tokenizer for the report tests: it reads tags the
// way a browser's tokenizer does (quoted attribute values may hold '>' and
// spaces, so escaped text inside attributes is not mistaken for markup) and
// skips the contents of <style>. Enough for pages the report renderer (or
// Chromium's --dump-dom serializer) writes; not a general HTML parser.
#pragma once

#include <cctype>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace sparktune::testing {

struct Tag {
  std::string name;                                             // lower case
  std::vector<std::pair<std::string, std::string>> attributes;  // names lower case, values raw
};

// The elements the nightly HTML renderer writes; anything else in the page
// (or in the DOM Chromium built from it) was injected.
inline const std::set<std::string> kRendererElements = {
    "html",    "head",   "meta",  "title", "style", "body",     "header",  "div",
    "h1",      "h2",     "h3",    "h4",    "nav",   "a",        "main",    "section",
    "span",    "code",   "table", "thead", "tbody", "tr",       "th",      "td",
    "p",       "pre",    "br",    "wbr",   "ul",    "li",       "article", "details",
    "summary", "footer", "svg",   "rect",  "line",  "polyline", "circle",  "text"};

// The start tags of an HTML document with their attribute names and values,
// read the way a browser tokenizes them (quoted values may hold '>' and
// spaces); the contents of <style> are skipped.
inline std::vector<Tag> StartTags(const std::string& html) {
  std::vector<Tag> tags;
  size_t i = 0;
  auto lower = [](std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  while ((i = html.find('<', i)) != std::string::npos) {
    ++i;
    if (i >= html.size() || !std::isalpha(static_cast<unsigned char>(html[i]))) continue;
    Tag tag;
    while (i < html.size() && !std::isspace(static_cast<unsigned char>(html[i])) &&
           html[i] != '>' && html[i] != '/') {
      tag.name += html[i++];
    }
    tag.name = lower(tag.name);
    while (i < html.size() && html[i] != '>') {
      if (std::isspace(static_cast<unsigned char>(html[i])) || html[i] == '/') {
        ++i;
        continue;
      }
      std::string name, value;
      while (i < html.size() && !std::isspace(static_cast<unsigned char>(html[i])) &&
             html[i] != '=' && html[i] != '>' && html[i] != '/') {
        name += html[i++];
      }
      if (i < html.size() && html[i] == '=') {
        ++i;
        if (i < html.size() && (html[i] == '"' || html[i] == '\'')) {
          char quote = html[i++];
          size_t end = html.find(quote, i);
          value = html.substr(i, end - i);
          i = end == std::string::npos ? html.size() : end + 1;
        } else {
          while (i < html.size() && !std::isspace(static_cast<unsigned char>(html[i])) &&
                 html[i] != '>') {
            value += html[i++];
          }
        }
      }
      tag.attributes.emplace_back(lower(name), value);
    }
    if (tag.name == "style") i = html.find("</style>", i);
    tags.push_back(std::move(tag));
  }
  return tags;
}

}  // namespace sparktune::testing
