#include "data/history_server/retry_policy.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>

namespace sparktune::history_server {

int64_t RetryPolicy::BackoffMs(int retry, std::mt19937_64& rng) const {
  int64_t delay = base_delay_ms;
  for (int i = 0; i < retry && delay < max_delay_ms; ++i) delay *= 2;
  delay = std::min(delay, max_delay_ms);
  std::uniform_real_distribution<double> jitter(0.5, 1.0);
  return static_cast<int64_t>(static_cast<double>(delay) * jitter(rng));
}

bool IsRetryableHttpStatus(long status) { return status == 408 || status == 429 || status >= 500; }

std::optional<int64_t> ParseRetryAfterMs(const std::string& raw, int64_t now_epoch_s) {
  constexpr const char* kSpace = " \t\r\n";
  size_t b = raw.find_first_not_of(kSpace);
  if (b == std::string::npos) return std::nullopt;  // (fuzzer: "\n\n " once reached stoll(""))
  size_t e = raw.find_last_not_of(kSpace);
  std::string value = raw.substr(b, e - b + 1);
  if (std::all_of(value.begin(), value.end(), [](unsigned char c) { return std::isdigit(c); })) {
    if (value.size() > 9) return std::nullopt;  // beyond any sane wait; treated as unparseable
    return std::stoll(value) * 1000;
  }
  time_t when = curl_getdate(value.c_str(), nullptr);
  if (when < 0) return std::nullopt;
  return std::max<int64_t>(0, (static_cast<int64_t>(when) - now_epoch_s) * 1000);
}

}  // namespace sparktune::history_server
