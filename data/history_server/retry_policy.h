// RetryPolicy: which HTTP outcomes are worth another try, and how long to wait
// before it (exponential backoff with jitter, or the server's Retry-After).
//
// Retried: HTTP 408, 429 and every 5xx; connection-level failures (refused,
// reset, timed out, cut short, nothing received, name resolution). Not
// retried: other 4xx, redirects, TLS verification failures, a response over
// the size limit. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <random>
#include <string>

namespace sparktune::history_server {

struct RetryPolicy {
  int max_retries = 4;                  // Default: 4 (5 attempts in all).
  int64_t base_delay_ms = 500;          // Default: 0.5 s, doubled per retry.
  int64_t max_delay_ms = 30000;         // Default: 30 s cap on a computed delay.
  int64_t max_retry_after_ms = 300000;  // Default: 5 min; a longer Retry-After gives up.

  // Delay before retry number `retry` (0-based): min(max, base * 2^retry),
  // scaled by a uniform factor in [0.5, 1] ("equal jitter", so concurrent
  // clients spread out but never retry at once).
  int64_t BackoffMs(int retry, std::mt19937_64& rng) const;
};

bool IsRetryableHttpStatus(long status);

// Parses a Retry-After value (RFC 9110 10.2.3): delay-seconds or an HTTP-date,
// relative to `now_epoch_s`. nullopt when absent or unparseable; a date in the
// past is 0.
std::optional<int64_t> ParseRetryAfterMs(const std::string& value, int64_t now_epoch_s);

}  // namespace sparktune::history_server
