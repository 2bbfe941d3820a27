// Hand-built NightlyReport values for the renderer tests and for manual
// checks (the golden files under golden/ are rendered from SampleNightlyReport):
//
//   SampleNightlyReport()  a realistic night: 8 nights of trend, prices, a
//                          cluster proposal, overrides, 5 jobs with executors,
//                          stages, SQL and advice, accuracy points, and two
//                          unreadable logs. One job is the ground-truth
//                          harness's hostile-name run: its name, host, SQL
//                          text, user and config values carry markup.
//   FirstNightReport()     the first night: no history, no prices, no proposal,
//                          zero apps, no accuracy.
//
// Deterministic (no clock, no randomness), header-only so every test can use it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "reports/nightly/nightly_report.h"

namespace sparktune::testing {

// The hostile application name of the ground-truth harness.
inline constexpr const char* kHostileAppName =
    "<script>alert(1)</script><img src=x onerror=alert(2)>";
// A hostile SQL text: closes <pre>, opens a script, carries Markdown and quotes.
inline constexpr const char* kHostileSql =
    "SELECT '</pre><script>alert(4)</script>' AS x, a | b FROM `t` WHERE c = \"<b "
    "onmouseover=alert(5)>\"";
// A hostile executor host name (breaks out of an attribute if unescaped).
inline constexpr const char* kHostileHost = "evil\"><svg onload=alert(3)>.example";

namespace sample_detail {

inline reports::Estimate Around(double v, double rel) { return {v, v * (1 - rel), v * (1 + rel)}; }

inline reports::RunFigures Figures(double duration_ms, double mb_seconds, double rel) {
  return {Around(duration_ms, rel), Around(mb_seconds, rel)};
}

// Executors: `count` executors with dynamic-allocation style ramp-up and
// staggered removal across `duration_ms`.
inline std::vector<reports::ExecutorSpan> Executors(int count, int64_t duration_ms, int cores,
                                                    int64_t mib, const std::string& host_prefix) {
  std::vector<reports::ExecutorSpan> out;
  for (int i = 0; i < count; ++i) {
    reports::ExecutorSpan e;
    e.id = std::to_string(i + 1);
    e.host = host_prefix + std::to_string(10 + i % 6) + ".prod.internal";
    e.cores = cores;
    e.memory_mib = mib;
    e.start_ms = 4'000 + (i * 2'500) % 30'000;
    e.end_ms = duration_ms - ((i * 7'919) % (duration_ms / 3));
    if (e.end_ms < duration_ms) e.removed_reason = "Executor idle for 60 s (dynamic allocation)";
    out.push_back(e);
  }
  return out;
}

// Stages: `count` stages in sequence with some overlap; stage `skewed` has a
// skewed task, stages divisible by 4 spill, GC grows with the stage index.
inline std::vector<reports::StageSpan> Stages(int count, int64_t duration_ms, int skewed,
                                              const char* const* names, int name_count) {
  std::vector<reports::StageSpan> out;
  int64_t slot = (duration_ms - 8'000) / count;
  for (int i = 0; i < count; ++i) {
    reports::StageSpan s;
    s.stage_id = i;
    s.name = names[i % name_count];
    s.start_ms = 6'000 + i * slot - (i % 3 == 2 ? slot / 3 : 0);
    s.end_ms = s.start_ms + slot + (i == skewed ? slot : slot / 4);
    if (s.end_ms > duration_ms - 500) s.end_ms = duration_ms - 500;
    s.tasks = 200 / (1 + i % 3) + 1;
    s.task_time_ms = static_cast<int64_t>(s.tasks) * (slot / 10);
    s.spill_bytes = i % 4 == 3 ? (int64_t{1} << 28) * (i + 1) : 0;
    s.gc_ms = s.task_time_ms * (2 + (i * 5) % 17) / 100;
    s.skew_ratio = i == skewed ? 11.4 : 1.2 + 0.3 * (i % 5);
    out.push_back(s);
  }
  return out;
}

}  // namespace sample_detail

inline reports::NightlyReport SampleNightlyReport() {
  using namespace reports;
  using sample_detail::Around;
  using sample_detail::Figures;
  NightlyReport r;
  r.night_id = 8;
  r.night = "2026-11-21";
  r.generated_at = "2026-11-22T03:04:05Z";
  r.tool_version = "0.9.0-test";
  r.prices = {0.0045, 0.031, "USD"};
  r.inputs.source = "/var/log/spark-events";
  r.inputs.apps_new = 5;
  r.inputs.apps_known = 37;
  r.inputs.unreadable = {{"/var/log/spark-events/app-20261121031500-0042.zstd.inprogress",
                          "truncated zstd frame at byte 1048576"},
                         {"/var/log/spark-events/<bad>|name`.lz4",
                          "unknown codec \"lz4x\": expected lz4, lzf, snappy or zstd"}};

  static const char* const kNights[] = {"2026-11-14", "2026-11-15", "2026-11-16", "2026-11-17",
                                        "2026-11-18", "2026-11-19", "2026-11-20"};
  static const double kGbHours[] = {812, 845, 790, 901, 876, 930, 884};
  for (int i = 0; i < 7; ++i) {
    r.history.push_back(
        {kNights[i], 38 + i % 4, kGbHours[i] * 3'686'400.0, kGbHours[i] * 3'600.0 * 0.42});
  }
  r.totals = {"2026-11-21", 42, 905.3 * 3'686'400.0, 905.3 * 3'600.0 * 0.41};
  r.history.push_back(
      r.totals);  // the store already holds tonight: the renderers must not count it twice

  r.proposal.jobs_considered = 42;
  r.proposal.saving_mb_seconds = {183.0 * 3'686'400.0, 121.0 * 3'686'400.0, 236.0 * 3'686'400.0};
  r.proposal.saving_core_seconds = {28.0 * 3'600.0, 17.0 * 3'600.0, 35.0 * 3'600.0};
  r.proposal.changes = {
      {"spark.executor.memory", "8g", "6g",
       "Peak execution memory stayed under 3.1 GiB on 40 of 42 jobs."},
      {"spark.dynamicAllocation.executorIdleTimeout", "", "30s",
       "Executors idled 23% of their lifetime waiting for the 60 s default."},
      {"spark.sql.shuffle.partitions", "200", "400",
       "Median shuffle partition was 410 MiB; 12 jobs spilled."},
      {"spark.sql.adaptive.coalescePartitions.enabled", "false", "true",
       "Post-shuffle partitions under 8 MiB on 31 jobs; AQE coalescing merges them."}};
  r.proposal.spark_defaults =
      "spark.executor.memory                          6g\n"
      "spark.dynamicAllocation.executorIdleTimeout    30s\n"
      "spark.sql.shuffle.partitions                   400\n"
      "spark.sql.adaptive.coalescePartitions.enabled  true\n";
  r.overrides = {{"clickstream-sessionize",
                  "app-20261121011502-0002",
                  {{"spark.executor.memory", "10g"}, {"spark.memory.fraction", "0.7"}},
                  {6.5, 3.9, 8.8}},
                 {"ml_feature_build",
                  "app-20261121023010-0003",
                  {{"spark.sql.shuffle.partitions", "1200"}},
                  {11.2, 7.0, 14.1}}};

  static const char* const kEtlStages[] = {
      "load orders at SalesEtl.scala:41", "join customers at SalesEtl.scala:77",
      "aggregate by region at SalesEtl.scala:102", "save at SalesEtl.scala:131"};
  static const char* const kClickStages[] = {"sessionize at Sessionize.scala:55",
                                             "window at Sessionize.scala:90",
                                             "writeStream at Sessionize.scala:140"};
  static const char* const kMlStages[] = {"Exchange hashpartitioning(user_id, 400)",
                                          "collect at features.py:88", "fit at features.py:120",
                                          "parquet at features.py:141"};
  static const char* const kHostileStages[] = {kHostileSql, "count at <console>:1"};
  static const char* const kReportStages[] = {"csv at Report.scala:12", "toPandas at report.py:33"};

  JobReport etl;
  etl.name = "nightly_sales_etl";
  etl.app_id = "app-20261121010000-0001";
  etl.user = "etl";
  etl.spark_version = "3.5.1";
  etl.log_path = "/var/log/spark-events/app-20261121010000-0001.zstd";
  etl.observed = Figures(1'512'000, 96.4 * 3'686'400.0, 0);
  etl.observed_core_seconds = 41.0 * 3'600.0;
  etl.baseline = Figures(1'455'000, 101.2 * 3'686'400.0, 0.08);
  etl.recommended = Figures(1'530'000, 61.7 * 3'686'400.0, 0.12);
  etl.waste_mb_seconds = 22.8 * 3'686'400.0;
  etl.saving_mb_seconds = {39.5 * 3'686'400.0, 27.1 * 3'686'400.0, 50.2 * 3'686'400.0};
  etl.evidence_used = {"task metrics of 3,412 tasks", "peak execution memory per task (Spark 3.0+)",
                       "executor add/remove events (dynamic allocation)"};
  etl.evidence_missing = {"shuffle push statistics (push-based shuffle off)"};
  etl.rewrite.settings = {{"spark.executor.memory", "5g"},
                          {"spark.executor.cores", "4"},
                          {"spark.sql.shuffle.partitions", "320"}};
  etl.rewrite.submit_args =
      "--conf spark.executor.memory=5g --conf spark.executor.cores=4 --conf "
      "spark.sql.shuffle.partitions=320";
  etl.rewrite.defaults_fragment =
      "spark.executor.memory          5g\nspark.executor.cores           4\n"
      "spark.sql.shuffle.partitions   320\n";
  etl.executors = sample_detail::Executors(12, 1'512'000, 4, 9'216, "worker-a");
  etl.stages = sample_detail::Stages(14, 1'512'000, 5, kEtlStages, 4);
  etl.sql = {
      {3,
       "INSERT OVERWRITE sales_by_region SELECT region, sum(amount) FROM orders o JOIN customers c "
       "ON o.cid = c.id GROUP BY region",
       1'204'000},
      {1, "SELECT * FROM orders WHERE day = '2026-11-21'", 98'000}};
  etl.advice = {
      {"Executors idle 24% of their lifetime",
       "12 executors stayed up to 60 s after their last task (executorIdleTimeout).",
       Around(21.0 * 3'686'400.0, 0.2)},
      {"Stage 5 is skewed: longest task 11.4× the median",
       "join customers: one partition holds 2.3 GiB of 14 GiB; enable AQE skew join.", Estimate{}}};

  JobReport click;
  click.name = "clickstream-sessionize";
  click.app_id = "app-20261121011502-0002";
  click.user = "web-analytics";
  click.spark_version = "3.3.2";
  click.log_path = "/var/log/spark-events/app-20261121011502-0002.lz4";
  click.observed = Figures(2'950'000, 210.5 * 3'686'400.0, 0);
  click.observed_core_seconds = 88.0 * 3'600.0;
  click.baseline = Figures(3'240'000, 188.0 * 3'686'400.0, 0.1);
  click.recommended = Figures(2'810'000, 163.0 * 3'686'400.0, 0.15);
  click.waste_mb_seconds = 41.3 * 3'686'400.0;
  click.saving_mb_seconds = {25.0 * 3'686'400.0, 9.0 * 3'686'400.0, 38.0 * 3'686'400.0};
  click.evidence_used = {"task metrics of 9,880 tasks", "GC time per task"};
  click.evidence_missing = {"off-heap memory use (not logged)"};
  click.rewrite.settings = {{"spark.executor.memory", "10g"}, {"spark.memory.fraction", "0.7"}};
  click.rewrite.submit_args = "--conf spark.executor.memory=10g --conf spark.memory.fraction=0.7";
  click.rewrite.defaults_fragment = "spark.executor.memory   10g\nspark.memory.fraction   0.7\n";
  click.executors = sample_detail::Executors(24, 2'950'000, 5, 12'288, "worker-b");
  click.stages = sample_detail::Stages(9, 2'950'000, -1, kClickStages, 3);
  for (auto& s : click.stages) s.gc_ms = s.task_time_ms * 22 / 100;
  click.advice = {{"GC takes 22% of task time",
                   "Old-generation collections on every executor; raise memory or "
                   "lower spark.memory.fraction pressure.",
                   Around(18.0 * 3'686'400.0, 0.3)}};

  JobReport ml;
  ml.name = "ml_feature_build";
  ml.app_id = "app-20261121023010-0003";
  ml.user = "ds-platform";
  ml.spark_version = "4.0.0";
  ml.log_path = "/var/log/spark-events/app-20261121023010-0003.snappy";
  ml.observed = Figures(1'102'000, 74.0 * 3'686'400.0, 0);
  ml.observed_core_seconds = 30.0 * 3'600.0;
  ml.baseline = Figures(1'020'000, 69.5 * 3'686'400.0, 0.07);
  ml.recommended = Figures(930'000, 55.0 * 3'686'400.0, 0.1);
  ml.waste_mb_seconds = 8.1 * 3'686'400.0;
  ml.saving_mb_seconds = {14.5 * 3'686'400.0, 8.0 * 3'686'400.0, 19.0 * 3'686'400.0};
  ml.evidence_used = {"task metrics of 2,050 tasks", "AQE plan changes"};
  ml.rewrite.settings = {{"spark.sql.shuffle.partitions", "1200"}};
  ml.rewrite.submit_args = "--conf spark.sql.shuffle.partitions=1200";
  ml.rewrite.defaults_fragment = "spark.sql.shuffle.partitions   1200\n";
  ml.executors = sample_detail::Executors(8, 1'102'000, 8, 18'432, "gpu-node");
  ml.stages = sample_detail::Stages(11, 1'102'000, 2, kMlStages, 4);
  ml.stages[7].attempt = 1;
  ml.stages[6].failed = true;

  JobReport hostile;
  hostile.name = kHostileAppName;
  hostile.app_id = "app-20261121030000-0004";
  hostile.user = "mallory & <co>";
  hostile.spark_version = "4.3.0";
  hostile.log_path = "/data/groundtruth/logs/<hostile>|`name`.lzf";
  hostile.observed = Figures(402'000, 18.2 * 3'686'400.0, 0);
  hostile.observed_core_seconds = 6.0 * 3'600.0;
  hostile.baseline = Figures(520'000, 25.9 * 3'686'400.0, 0.2);
  hostile.waste_mb_seconds = 2.2 * 3'686'400.0;
  hostile.evidence_used = {"task metrics of <b>412</b> tasks"};
  hostile.evidence_missing = {"executor heap histogram \"</li><script>alert(6)</script>\""};
  hostile.executors = sample_detail::Executors(3, 402'000, 2, 4'480, "");
  for (auto& e : hostile.executors) e.host = kHostileHost;
  hostile.stages = sample_detail::Stages(4, 402'000, -1, kHostileStages, 2);
  hostile.sql = {{0, kHostileSql, 350'000}};
  hostile.advice = {{"Title with <em>markup</em> & `code`",
                     "Evidence with </div><script>alert(7)</script>", Estimate{}}};

  JobReport small;
  small.name = "daily_reporting";
  small.app_id = "app-20261121040000-0005";
  small.user = "bi";
  small.spark_version = "2.4.8";
  small.log_path = "/var/log/spark-events/app-20261121040000-0005";
  small.observed = Figures(245'000, 5.1 * 3'686'400.0, 0);
  small.observed_core_seconds = 1.4 * 3'600.0;
  small.baseline = Figures(231'000, 4.8 * 3'686'400.0, 0.15);
  small.evidence_used = {"task metrics of 130 tasks"};
  small.evidence_missing = {"peak execution memory (not logged before Spark 3.0)"};
  small.executors = sample_detail::Executors(2, 245'000, 2, 2'432, "worker-c");
  small.stages = sample_detail::Stages(3, 245'000, -1, kReportStages, 2);

  r.jobs = {etl, click, ml, hostile, small};

  r.accuracy = {{"nightly_sales_etl", "2026-11-17", Figures(1'490'000, 64.0 * 3'686'400.0, 0.12),
                 1'540'000, 66.9 * 3'686'400.0},
                {"nightly_sales_etl", "2026-11-19", Figures(1'500'000, 63.0 * 3'686'400.0, 0.12),
                 1'470'000, 60.2 * 3'686'400.0},
                {"clickstream-sessionize", "2026-11-18",
                 Figures(2'700'000, 170.0 * 3'686'400.0, 0.15), 3'300'000, 151.0 * 3'686'400.0},
                {"ml_feature_build", "2026-11-20", Figures(950'000, 56.0 * 3'686'400.0, 0.1),
                 990'000, 59.5 * 3'686'400.0},
                {kHostileAppName, "2026-11-20", Figures(400'000, 20.0 * 3'686'400.0, 0.2), 410'000,
                 19.0 * 3'686'400.0}};
  return r;
}

inline reports::NightlyReport FirstNightReport() {
  reports::NightlyReport r;
  r.night_id = 1;
  r.night = "2026-11-21";
  r.generated_at = "2026-11-22T03:00:00Z";
  r.tool_version = "0.9.0-test";
  r.inputs.source = "data/samples";
  r.totals = {"2026-11-21", 0, 0, 0};
  return r;
}

}  // namespace sparktune::testing
