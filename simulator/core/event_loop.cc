#include "simulator/core/event_loop.h"

#include <algorithm>

namespace sparktune::simulator {

void EventLoop::At(double time_ms, Handler handler) {
  size_t slot;
  if (!free_handlers_.empty()) {
    slot = free_handlers_.back();
    free_handlers_.pop_back();
    handlers_[slot] = std::move(handler);
  } else {
    slot = handlers_.size();
    handlers_.push_back(std::move(handler));
  }
  queue_.push({std::max(time_ms, now_), seq_++, slot});
}

int64_t EventLoop::Run(int64_t max_events) {
  int64_t handled = 0;
  while (!queue_.empty() && handled < max_events) {
    Event e = queue_.top();
    queue_.pop();
    now_ = e.time;
    Handler h = std::move(handlers_[e.handler]);
    free_handlers_.push_back(e.handler);
    h();
    ++handled;
  }
  return handled;
}

}  // namespace sparktune::simulator
