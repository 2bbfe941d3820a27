#include "data/prices/price_sheet.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <map>

#include "data/base/text.h"

namespace sparktune::prices {

namespace {

constexpr std::string_view kNumericKeys[] = {"per_vcpu_hour", "per_gb_hour", "per_cu_hour",
                                             "cu_vcpus", "cu_gb"};
constexpr std::string_view kTextKeys[] = {"currency", "source"};

bool Known(std::string_view key, bool* numeric) {
  for (std::string_view k : kNumericKeys) {
    if (k == key) return *numeric = true;
  }
  for (std::string_view k : kTextKeys) {
    if (k == key) {
      *numeric = false;
      return true;
    }
  }
  return false;
}

Status LineError(const std::string& path, int line, const std::string& what) {
  return Status::InvalidArgument(path + ":" + std::to_string(line) + ": " + what);
}

}  // namespace

Result<PriceSheet> ParsePriceSheet(std::string_view text, const std::string& path) {
  std::map<std::string, double> numbers;
  std::map<std::string, std::string> texts;
  int line_no = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_no;
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    line = text::TrimWhitespace(line);
    if (line.empty()) continue;
    size_t eq = line.find('=');
    if (eq == std::string_view::npos) {
      return LineError(path, line_no, "expected key = value, got '" + text::OneLine(line) + "'");
    }
    std::string key(text::TrimWhitespace(line.substr(0, eq)));
    std::string value(text::TrimWhitespace(line.substr(eq + 1)));
    bool numeric = false;
    if (!Known(key, &numeric)) {
      return LineError(path, line_no,
                       "unknown key '" + text::OneLine(key) +
                           "' (expected currency, source, per_vcpu_hour, per_gb_hour, "
                           "per_cu_hour, cu_vcpus or cu_gb)");
    }
    if (numbers.count(key) || texts.count(key)) {
      return LineError(path, line_no, "'" + key + "' is set twice");
    }
    if (!numeric) {
      if (value.empty()) return LineError(path, line_no, "'" + key + "' needs a value");
      texts[key] = text::OneLine(value);
      continue;
    }
    char* parse_end = nullptr;
    errno = 0;
    double number = std::strtod(value.c_str(), &parse_end);
    if (value.empty() || parse_end != value.c_str() + value.size() || errno != 0 ||
        !(number >= 0) || number > 1e12) {
      return LineError(path, line_no,
                       "'" + key + "' expects a number >= 0, got '" + text::OneLine(value) + "'");
    }
    numbers[key] = number;
  }
  PriceSheet sheet;
  if (!texts.count("currency")) return Status::InvalidArgument(path + ": missing 'currency'");
  if (!texts.count("source")) {
    return Status::InvalidArgument(path + ": missing 'source' (say where the prices come from)");
  }
  sheet.currency = texts["currency"];
  sheet.source = texts["source"];
  const bool direct = numbers.count("per_vcpu_hour") || numbers.count("per_gb_hour");
  const bool cu =
      numbers.count("per_cu_hour") || numbers.count("cu_vcpus") || numbers.count("cu_gb");
  if (direct == cu) {
    return Status::InvalidArgument(
        path +
        ": expected either per_vcpu_hour and per_gb_hour, or per_cu_hour, cu_vcpus and "
        "cu_gb");
  }
  if (direct) {
    if (!numbers.count("per_vcpu_hour") || !numbers.count("per_gb_hour")) {
      return Status::InvalidArgument(path + ": needs both per_vcpu_hour and per_gb_hour");
    }
    sheet.per_vcpu_hour = numbers["per_vcpu_hour"];
    sheet.per_gb_hour = numbers["per_gb_hour"];
    return sheet;
  }
  if (!numbers.count("per_cu_hour") || !(numbers["cu_vcpus"] > 0) || !(numbers["cu_gb"] > 0)) {
    return Status::InvalidArgument(path +
                                   ": a CU sheet needs per_cu_hour and positive cu_vcpus "
                                   "and cu_gb");
  }
  sheet.compute_units = true;
  sheet.per_cu_hour = numbers["per_cu_hour"];
  sheet.cu_vcpus = numbers["cu_vcpus"];
  sheet.cu_gb = numbers["cu_gb"];
  return sheet;
}

double PriceOf(const PriceSheet& sheet, double vcpu_hours, double gb_hours) {
  if (sheet.compute_units) {
    return std::max(vcpu_hours / sheet.cu_vcpus, gb_hours / sheet.cu_gb) * sheet.per_cu_hour;
  }
  return vcpu_hours * sheet.per_vcpu_hour + gb_hours * sheet.per_gb_hour;
}

Result<PriceSheet> ReadPriceSheet(Env* env, const std::string& path) {
  Result<std::string> text = env->ReadFile(path);
  if (!text.ok()) return text.status();
  return ParsePriceSheet(*text, path);
}

}  // namespace sparktune::prices
