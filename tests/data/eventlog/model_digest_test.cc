// The model the reader builds from every real log (../shared/eventlogs,
// data/groundtruth, data/samples) and every recorded fuzz crasher is pinned by
// a digest of its full text dump: every field of model::Application (each
// task, stage, job, executor, SQL plan tree, property and counter) plus the
// reader's warnings and byte counts. The digests in model_digests.tsv were
// written by the reader before the parser's speed work of issue 15, so any
// change of the parser (threads, a faster JSON path) must build the very same
// model. A log whose digest differs is named; set SPARKTUNE_MODEL_DUMP_DIR to
// write the full dumps for a diff. An intended model change regenerates the
// file with SPARKTUNE_UPDATE_MODEL_DIGESTS=1 (and says why in the commit).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "data/eventlog/event_log_reader.h"
#include "data/eventlog/log_layout.h"
#include "tests/test_paths.h"

namespace sparktune::eventlog {
namespace {

namespace fs = std::filesystem;

// FNV-1a, 64 bit: a digest for equality, not for security.
uint64_t Fnv1a(std::string_view text) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

void DumpMetrics(std::ostream& o, const model::TaskMetrics& m) {
  o << m.executor_deserialize_time << ' ' << m.executor_deserialize_cpu_time_ns << ' '
    << m.executor_run_time << ' ' << m.executor_cpu_time_ns << ' ' << m.result_size << ' '
    << m.jvm_gc_time << ' ' << m.result_serialization_time << ' ' << m.memory_bytes_spilled << ' '
    << m.disk_bytes_spilled << ' ' << m.peak_execution_memory << ' ' << m.input_bytes << ' '
    << m.input_records << ' ' << m.output_bytes << ' ' << m.output_records << ' '
    << m.shuffle_remote_blocks_fetched << ' ' << m.shuffle_local_blocks_fetched << ' '
    << m.shuffle_fetch_wait_time << ' ' << m.shuffle_remote_bytes_read << ' '
    << m.shuffle_remote_bytes_read_to_disk << ' ' << m.shuffle_local_bytes_read << ' '
    << m.shuffle_records_read << ' ' << m.shuffle_bytes_written << ' ' << m.shuffle_write_time_ns
    << ' ' << m.shuffle_records_written;
}

template <typename T>
void DumpList(std::ostream& o, const std::vector<T>& v) {
  o << '[';
  for (const T& x : v) o << x << ',';
  o << ']';
}

void DumpPlan(std::ostream& o, const model::PlanTree& plan) {
  o << "  plan final=" << plan.final_plan << " nodes=" << plan.nodes.size() << '\n';
  for (const model::PlanNode& n : plan.nodes) {
    o << "   node " << n.node_name << " | " << n.simple_string << " children=";
    DumpList(o, n.children);
    for (const model::PlanMetric& m : n.metrics)
      o << " {" << m.name << ',' << m.accumulator_id << ',' << m.metric_type << '}';
    o << '\n';
  }
}

void DumpApplicationHeader(std::ostream& o, const model::Application& a) {
  o << "app " << a.app_id << " | " << a.attempt_id << " | " << a.name << " | " << a.user << '\n';
  o << "version " << a.spark_version.major << '.' << a.spark_version.minor << '.'
    << a.spark_version.patch << " " << a.spark_version.text << '\n';
  o << "times " << a.start_time << ' ' << a.end_time << ' ' << a.last_event_time << " exit "
    << (a.exit_code ? std::to_string(*a.exit_code) : "none") << '\n';
  for (const auto& [k, v] : a.spark_properties) o << "spark " << k << '=' << v << '\n';
  for (const auto& [k, v] : a.hadoop_properties) o << "hadoop " << k << '=' << v << '\n';
  for (const auto& [k, v] : a.system_properties) o << "system " << k << '=' << v << '\n';
  for (const auto& [id, rp] : a.resource_profiles) {
    o << "profile " << id << ' ' << rp.executor_memory_mib << ' ' << rp.executor_overhead_mib << ' '
      << rp.executor_offheap_mib << ' ' << rp.executor_pyspark_mib << ' ' << rp.executor_cores
      << ' ' << rp.task_cpus << '\n';
  }
  const model::Evidence& e = a.evidence;
  o << "evidence " << e.has_log_start << e.databricks_header << e.has_app_end << e.has_environment
    << e.has_peak_execution_memory << e.has_executor_cpu_time << e.in_progress << e.compacted << ' '
    << e.malformed_lines << ' ' << e.unknown_events << ' ' << e.unknown_fields << '\n';
  for (const auto& [k, v] : e.unknown_event_names) o << "unknown " << k << '=' << v << '\n';
}

void DumpExecutorsJobsStages(std::ostream& o, const model::Application& a) {
  for (const model::Executor& x : a.executors) {
    o << "executor " << x.id << " | " << x.host << ' ' << x.total_cores << ' '
      << x.resource_profile_id << ' ' << x.add_time << ' ' << x.remove_time << ' ' << x.request_time
      << " | " << x.remove_reason << " | " << x.max_memory << ' ' << x.seen_executor_added << ' '
      << x.total_tasks << ' ' << x.completed_tasks << ' ' << x.failed_tasks << ' ' << x.active_tasks
      << ' ' << x.total_duration << ' ' << x.total_gc_time << ' ' << x.total_input_bytes << ' '
      << x.total_shuffle_read << ' ' << x.total_shuffle_write << ' ' << x.peak_total_gc_time
      << " index " << a.executor_index.at(x.id) << '\n';
  }
  o << "executor_index " << a.executor_index.size() << '\n';
  for (const model::Job& j : a.jobs) {
    o << "job " << j.job_id << " | " << j.name << " | " << j.description << " | " << j.job_group
      << " | " << j.submission_time << ' ' << j.completion_time << ' ';
    DumpList(o, j.stage_ids);
    o << " sql " << (j.sql_execution_id ? std::to_string(*j.sql_execution_id) : "none") << ' '
      << static_cast<int>(j.status) << ' ' << j.num_tasks << ' ' << j.completed_tasks << ' '
      << j.skipped_tasks << ' ' << j.failed_tasks << ' ' << j.killed_tasks << ' ' << j.active_tasks
      << ' ';
    DumpList(o, j.completed_stages);
    DumpList(o, j.skipped_stages);
    o << ' ' << j.failed_stages << '\n';
  }
  for (const model::StageAttempt& s : a.stages) {
    o << "stage " << s.stage_id << '.' << s.attempt_id << " | " << s.name << " | " << s.details
      << " | " << s.num_tasks << ' ';
    DumpList(o, s.parent_ids);
    DumpList(o, s.rdd_ids);
    o << ' ' << s.resource_profile_id << ' ' << s.submission_time << ' ' << s.completion_time << ' '
      << s.first_task_launched_time << " | " << s.failure_reason << " | "
      << static_cast<int>(s.status) << ' ';
    DumpList(o, s.job_ids);
    o << ' ' << s.active_tasks << ' ' << s.complete_tasks << ' ' << s.failed_tasks << ' '
      << s.killed_tasks << " totals ";
    DumpMetrics(o, s.totals);
    o << " tasks ";
    DumpList(o, s.tasks);
    o << '\n';
    for (const model::Accumulable& acc : s.accumulables)
      o << " acc " << acc.id << ' ' << acc.name << '=' << acc.value << ' ' << acc.sql << '\n';
  }
}

void DumpTasksAndSql(std::ostream& o, const model::Application& a) {
  for (const model::Task& t : a.tasks) {
    o << "task " << t.task_id << ' ' << t.stage_id << '.' << t.stage_attempt_id << ' ' << t.index
      << ' ' << t.attempt << ' ' << t.partition_id << ' ' << t.executor << ' ' << t.launch_time
      << ' ' << t.finish_time << ' ' << t.getting_result_time << ' ' << static_cast<int>(t.status)
      << static_cast<int>(t.end_reason) << static_cast<int>(t.locality) << t.speculative
      << t.shuffle_map_task << t.has_metrics << ' ';
    DumpMetrics(o, t.metrics);
    o << '\n';
  }
  for (const auto& [id, sql] : a.sql_executions) {
    o << "sql " << id << ' ' << sql.execution_id << ' ' << sql.root_execution_id << " | "
      << sql.description << " | " << sql.start_time << ' ' << sql.end_time << " | "
      << sql.error_message << " | ";
    DumpList(o, sql.job_ids);
    for (const model::PlanMetric& m : sql.extra_metrics)
      o << " {" << m.name << ',' << m.accumulator_id << ',' << m.metric_type << '}';
    o << '\n';
    DumpPlan(o, sql.initial_plan);
    for (const model::PlanTree& p : sql.adaptive_updates) DumpPlan(o, p);
  }
  std::map<int64_t, std::vector<int64_t>> accum(a.driver_accum_updates.begin(),
                                                a.driver_accum_updates.end());
  for (const auto& [id, values] : accum) {
    o << "accum " << id << ' ';
    DumpList(o, values);
    o << '\n';
  }
}

// The checkout and the shared corpus as they appear in paths, and the
// placeholders that stand for them in dumps and keys, so that the digests do
// not depend on where either lives.
struct Roots {
  std::string source;
  std::string shared;
  std::string generated;
  std::string Relative(std::string text) const {
    for (const auto& [root, mark] : {std::pair{generated, "$GENERATED"},
                                     std::pair{shared, "$SHARED"}, std::pair{source, "$SOURCE"}}) {
      for (size_t at; (at = text.find(root)) != std::string::npos;)
        text.replace(at, root.size(), mark);
    }
    return text;
  }
};

std::string Dump(const Result<LoadedLog>& loaded, const Roots& roots) {
  std::ostringstream o;
  auto relative = [&](const std::string& text) { return roots.Relative(text); };
  if (!loaded.ok()) {
    o << "error " << relative(loaded.status().ToString()) << '\n';
    return o.str();
  }
  o << "bytes " << loaded->bytes_decoded << ' ' << loaded->bytes_on_disk << " warnings "
    << loaded->warning_count << '\n';
  for (const Warning& w : loaded->warnings) o << "warning " << relative(w.ToString()) << '\n';
  DumpApplicationHeader(o, loaded->app);
  DumpExecutorsJobsStages(o, loaded->app);
  DumpTasksAndSql(o, loaded->app);
  return o.str();
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Hostile variants of two real logs, the same bytes on every run: cut
// mid-line, bytes overwritten with JSON punctuation (inside fields the model
// reads and inside fields it skips), hand-made bad lines (wrong nesting in a
// skipped array, bad literals, duplicate keys, a non-object, invalid UTF-8,
// deep nesting), CRLF endings and a BOM; and compressed logs cut inside a
// block. Each goes into `dir`.
void WriteHostileVariants(const std::string& source_dir, const std::string& shared,
                          const std::string& dir) {
  for (const char* compressed : {"app-20261121215226-0000.zstd", "app-20261121215321-0001.lz4",
                                 "app-20261121215435-0002.snappy", "app-20261121215612-0003.lzf"}) {
    const std::string bytes = Slurp(source_dir + "/data/groundtruth/2026-11-21/logs/" + compressed);
    std::ofstream(dir + "/cut-" + compressed) << bytes.substr(0, bytes.size() * 2 / 3);
  }
  const std::vector<std::string> sources = {
      shared + "/apache-spark/spark-events/app-20200706201101-0003",
      shared + "/apache-spark/spark-events/local-1642039451826"};
  const std::string bad_lines =
      "{\"Event\":\"SparkListenerTaskEnd\",\"Stage ID\":0,\"Task Info\":{\"Task ID\":99,"
      "\"Accumulables\":[}],\"Executor ID\":\"1\"},\"Task End Reason\":{\"Reason\":\"Success\"}}\n"
      "{\"Event\":\"SparkListenerJobEnd\",\"Job ID\":7,\"Job ID\":8,\"Job Result\":{\"Result\":"
      "\"JobSucceeded\"},\"Completion Time\":01}\n"
      "{\"Event\":\"SparkListenerTaskStart\",\"Stage ID\":0,\"Task Info\":{\"Task ID\":98,"
      "\"Speculative\":tru,\"Launch Time\":5}}\n"
      "[1,2,3]\n42\n{}\n{\"Event\":5}\n{\"Event\":\"SparkListenerLogStart\",\"Spark "
      "Version\":\"\xff\xfe\"}\n"
      "{\"Event\":\"SparkListenerExecutorRemoved\",\"Timestamp\":1,\"Executor ID\":\"1\",\"x\":" +
      std::string(600, '[') + std::string(600, ']') + "}\n   \n\t\n";
  int k = 0;
  for (const std::string& source : sources) {
    const std::string bytes = Slurp(source);
    const std::string name = dir + "/" + std::to_string(k++) + "-";
    std::ofstream(name + "cut") << bytes.substr(0, bytes.size() / 2 + 17);
    uint64_t seed = 12345 + k;
    for (int variant = 0; variant < 6; ++variant) {
      std::string flipped = bytes;
      for (int i = 0; i < 40; ++i) {
        seed = seed * 6364136223846793005ull + 1442695040888963407ull;
        const char punctuation[] = "{}[],:\" 0x\\-.e";
        flipped[(seed >> 20) % flipped.size()] =
            punctuation[(seed >> 8) % (sizeof(punctuation) - 1)];
      }
      std::ofstream(name + "flipped" + std::to_string(variant)) << flipped;
    }
    const size_t middle = bytes.find('\n', bytes.size() / 3) + 1;
    std::ofstream(name + "badlines")
        << bytes.substr(0, middle) << bad_lines << bytes.substr(middle);
    std::string crlf;
    for (char c : bytes) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    std::ofstream(name + "crlf-bom") << "\xEF\xBB\xBF" << crlf;
  }
}

// Every log under `dir` (recursively), as ExpandLogArguments finds them.
void CollectLogs(const std::string& dir, std::set<std::string>* logs) {
  if (!fs::exists(dir)) return;
  std::error_code ec;
  auto expanded = ExpandLogArguments({dir});
  if (expanded.ok()) logs->insert(expanded->begin(), expanded->end());
  for (auto it = fs::recursive_directory_iterator(dir, ec);
       it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_directory()) continue;
    expanded = ExpandLogArguments({it->path().string()});
    if (expanded.ok()) logs->insert(expanded->begin(), expanded->end());
  }
}

TEST(ModelDigest, EveryRealLogBuildsThePinnedModel) {
  const std::string source = testing::SourceDir();
  const std::string shared = testing::SharedEventLogs();
  if (!fs::exists(shared)) GTEST_SKIP() << "shared event logs not present";
  testing::TempDir generated("model-digest");
  WriteHostileVariants(source, shared, generated.path());
  const Roots roots{source, shared, generated.path()};
  std::set<std::string> logs;
  CollectLogs(shared, &logs);
  CollectLogs(source + "/data/groundtruth", &logs);
  CollectLogs(source + "/data/samples", &logs);
  for (const auto& entry : fs::directory_iterator(source + "/tests/data/eventlog/fuzz_regressions"))
    logs.insert(entry.path().string());
  for (const auto& entry : fs::directory_iterator(generated.path()))
    logs.insert(entry.path().string());
  ASSERT_GE(logs.size(), 150u);

  std::map<std::string, std::string> digests;  // log key -> digest and task count
  const char* dump_dir = std::getenv("SPARKTUNE_MODEL_DUMP_DIR");
  for (const std::string& log : logs) {
    const std::string key = roots.Relative(log);
    Result<LoadedLog> loaded = ReadEventLog(log);
    const std::string text = Dump(loaded, roots);
    // The same log cut into many small batches decoded by worker threads builds the same model.
    ReadOptions threaded;
    threaded.line_stream.worker_threads = 2;
    threaded.line_stream.batch_bytes = 4096;
    EXPECT_EQ(Dump(ReadEventLog(log, threaded), roots), text) << key;
    char hex[17];
    std::snprintf(hex, sizeof(hex), "%016llx", static_cast<unsigned long long>(Fnv1a(text)));
    digests[key] =
        std::string(hex) + "\t" + std::to_string(loaded.ok() ? loaded->app.tasks.size() : 0);
    if (dump_dir != nullptr) {
      std::string name = key;
      for (char& c : name) c = c == '/' ? '~' : c;
      std::ofstream(std::string(dump_dir) + "/" + name + ".txt") << text;
    }
  }

  const std::string golden = source + "/tests/data/eventlog/model_digests.tsv";
  if (std::getenv("SPARKTUNE_UPDATE_MODEL_DIGESTS") != nullptr) {
    std::ofstream out(golden);
    out << "# log ($SOURCE: the checkout, $SHARED: ../shared/eventlogs)\tdigest\ttasks\n";
    for (const auto& [log, digest] : digests) out << log << '\t' << digest << '\n';
    GTEST_SKIP() << "wrote " << golden;
  }
  std::ifstream in(golden);
  ASSERT_TRUE(in.good()) << golden << " is missing (SPARKTUNE_UPDATE_MODEL_DIGESTS=1 writes it)";
  std::map<std::string, std::string> expected;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    expected[line.substr(0, tab)] = line.substr(tab + 1);
  }
  for (const auto& [log, digest] : expected) {
    auto it = digests.find(log);
    if (it == digests.end()) {
      ADD_FAILURE() << log << ": pinned but not found";
      continue;
    }
    EXPECT_EQ(it->second, digest) << log << ": the model differs from the pinned one";
  }
  for (const auto& [log, digest] : digests) {
    EXPECT_TRUE(expected.count(log)) << log << ": a log without a pinned digest";
  }
}

}  // namespace
}  // namespace sparktune::eventlog
