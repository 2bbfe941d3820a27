// ST205 heap-too-large: an executor or driver heap of 32 GiB or more. The JVM
// then turns off compressed object pointers, so every reference doubles in
// size and a 40 GiB heap holds about what a 31 GiB one does, with longer GC
// pauses.
#include "data/config/config_catalog.h"
#include "rules/rule.h"

namespace sparktune::rules {

namespace {

namespace keys = config::keys;

void Check(RuleContext& ctx) {
  const int64_t max_heap = ctx.OptionBytes("max_heap", 'g');
  for (std::string_view key : {keys::kExecutorMemory, keys::kDriverMemory}) {
    if (!ctx.IsSet(key)) continue;
    std::optional<int64_t> heap = ctx.Bytes(key);
    if (!heap || *heap <= max_heap) continue;
    ctx.Report(ctx.LocationOf(key),
               std::string(key) + " is " + FormatBytes(*heap) + ", above " + FormatBytes(max_heap) +
                   ": the JVM loses compressed oops at 32 GiB; prefer smaller executors",
               std::string(key));
  }
}

}  // namespace

const Rule& HeapTooLargeRule() {
  static const Rule rule{
      .id = "ST205",
      .slug = "heap-too-large",
      .default_severity = Severity::kWarning,
      .summary = "A JVM heap of 32 GiB or more, where compressed object pointers are lost.",
      .options = {{"max_heap", "31g", "Largest executor or driver heap."}},
      .check = &Check,
  };
  return rule;
}

}  // namespace sparktune::rules
