#include "advisor/search/grid_search.h"

#include <algorithm>

namespace sparktune::search {

GridSearch::GridSearch(std::vector<int> levels, Function fn, int budget)
    : levels_(std::move(levels)), fn_(std::move(fn)), budget_(budget) {
  for (int& l : levels_) l = std::max(1, l);
}

double GridSearch::Size() const {
  double n = 1;
  for (int l : levels_) n *= l;
  return n;
}

Outcome GridSearch::Eval(const GridPoint& p, bool* ok) {
  auto it = history_.find(p);
  if (it != history_.end()) {
    if (ok) *ok = true;
    return it->second;
  }
  if (!BudgetLeft()) {
    if (ok) *ok = false;
    return Outcome{0, false};
  }
  Outcome o = fn_(p);
  history_[p] = o;
  order_.push_back(p);
  if (ok) *ok = true;
  return o;
}

bool GridSearch::Better(const Outcome& a, const Outcome& b) const {
  if (a.feasible != b.feasible) return a.feasible;
  return a.score < b.score;
}

GridPoint GridSearch::Best() const {
  GridPoint best;
  const Outcome* best_o = nullptr;
  for (const GridPoint& p : order_) {
    const Outcome& o = history_.at(p);
    if (best_o == nullptr || Better(o, *best_o)) {
      best = p;
      best_o = &o;
    }
  }
  return best;
}

void GridSearch::Exhaustive() {
  GridPoint p(levels_.size(), 0);
  while (BudgetLeft()) {
    Eval(p);
    size_t i = 0;
    for (; i < p.size(); ++i) {
      if (++p[i] < levels_[i]) break;
      p[i] = 0;
    }
    if (i == p.size()) break;  // wrapped around: every point visited
  }
}

void GridSearch::CoordinateDescent(const GridPoint& start, int max_rounds,
                                   double min_relative_gain) {
  bool ok = true;
  GridPoint cur = start;
  Outcome cur_o = Eval(cur, &ok);
  if (!ok) return;
  for (int round = 0; round < max_rounds; ++round) {
    bool moved = false;
    for (size_t d = 0; d < levels_.size(); ++d) {
      GridPoint best = cur;
      Outcome best_o = cur_o;
      for (int l = 0; l < levels_[d]; ++l) {
        if (l == cur[d]) continue;
        GridPoint q = cur;
        q[d] = l;
        Outcome o = Eval(q, &ok);
        if (!ok) return;
        bool gain =
            o.feasible && (!best_o.feasible || o.score < best_o.score * (1.0 - min_relative_gain));
        if (gain) {
          best = q;
          best_o = o;
        }
      }
      if (best != cur) {
        cur = best;
        cur_o = best_o;
        moved = true;
      }
    }
    if (!moved) break;
  }
}

}  // namespace sparktune::search
