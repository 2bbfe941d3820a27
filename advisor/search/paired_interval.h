// PairedRatio: the interval of a config's predicted objective relative to the log's own config,
// paired. Every config of one app is replayed from the same log, so the replay's own error at
// the log's config (the baseline's relative interval) is shared by all of them and cancels out
// of a comparison (architecture.md, "Honesty"); what remains is the change's extra width. E.g.
// both at +-59%: the ratio's interval is its point value; the change at +-70%: 11 points wider.
// Used by `optimize` (the saving of its best config) and the fleet recommender (each job's
// predicted cost under a candidate), so both gate a change on the same interval.
#pragma once

namespace sparktune::search {

struct RatioInterval {
  double ratio = 1, low = 1, high = 1;  // value / base, and its interval
};

// `base` and `value` with their [low, high]; a non-positive base or value gives the identity.
RatioInterval PairedRatio(double base, double base_low, double base_high, double value, double low,
                          double high);

}  // namespace sparktune::search
