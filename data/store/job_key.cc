#include "data/store/job_key.h"

#include <cctype>
#include <regex>

namespace sparktune::store {

std::string JobKeyFor(std::string_view app_name) {
  std::string s;
  s.reserve(app_name.size());
  bool pending_space = false;
  for (char c : app_name) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isspace(u)) {
      pending_space = !s.empty();
      continue;
    }
    if (pending_space) s.push_back(' ');
    pending_space = false;
    s.push_back(static_cast<char>(std::tolower(u)));
  }
  if (s.empty()) return "(unnamed)";
  static const std::regex kUuid("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  static const std::regex kHexToken(
      "(^|[^0-9a-z])((?=[0-9a-f]*[0-9])(?=[0-9a-f]*[a-f])[0-9a-f]{12,})(?=$|[^0-9a-z])");
  static const std::regex kDate("[0-9]{1,4}[-_/.][0-9]{1,2}[-_/.][0-9]{1,4}");
  static const std::regex kTime("[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?");
  static const std::regex kLongNumber("[0-9]{4,}");
  s = std::regex_replace(s, kUuid, "#");
  s = std::regex_replace(s, kHexToken, "$1#");
  s = std::regex_replace(s, kDate, "#");
  s = std::regex_replace(s, kTime, "#");
  return std::regex_replace(s, kLongNumber, "#");
}

}  // namespace sparktune::store
