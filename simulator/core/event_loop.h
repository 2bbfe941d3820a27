// EventLoop: the discrete-event core. It knows nothing about Spark: it keeps a
// clock and a queue of timestamped events, and runs each event's handler in
// (time, insertion order) order. Handlers may schedule further events.
// Mirrors the structure of SimGrid's EngineImpl (solve -> advance clock ->
// update) in its simplest form.
//
// Not thread-safe; one loop per simulation.
#pragma once

#include <cstdint>
#include <functional>
#include <queue>
#include <vector>

namespace sparktune::simulator {

class EventLoop {
 public:
  using Handler = std::function<void()>;

  // Schedules `handler` at absolute time `time_ms` (>= now()).
  void At(double time_ms, Handler handler);
  // Runs until no event is left or `max_events` were handled. Returns the
  // number of events handled.
  int64_t Run(int64_t max_events = INT64_MAX);
  double now() const { return now_; }
  bool empty() const { return queue_.empty(); }

 private:
  struct Event {
    double time;
    uint64_t seq;
    size_t handler;
    bool operator>(const Event& o) const { return time != o.time ? time > o.time : seq > o.seq; }
  };
  std::priority_queue<Event, std::vector<Event>, std::greater<Event>> queue_;
  std::vector<Handler> handlers_;
  std::vector<size_t> free_handlers_;
  double now_ = 0;
  uint64_t seq_ = 0;
};

}  // namespace sparktune::simulator
