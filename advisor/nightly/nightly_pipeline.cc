#include "advisor/nightly/nightly_pipeline.h"

#include <filesystem>
#include <nlohmann/json.hpp>

#include "advisor/nightly/fleet_from_store.h"
#include "advisor/nightly/night_evaluation.h"
#include "advisor/nightly/report_builder.h"
#include "reports/nightly/html_report.h"
#include "reports/nightly/json_report.h"
#include "reports/nightly/markdown_report.h"

namespace sparktune::advisor {

Result<NightlySummary> WriteNightReport(store::HistoryStore& store, int64_t night_id,
                                        const std::string& out_dir, const reports::Prices& prices,
                                        const std::string& source, Env* env) {
  auto report = BuildNightlyReport(store, night_id, {.prices = prices, .source = source});
  if (!report.ok()) return report.status();
  SPARKTUNE_RETURN_IF_ERROR(env->CreateDirectories(out_dir));
  NightlySummary s;
  s.night_id = night_id;
  std::string stem = "sparktune-report-" + report->night + "-night" + std::to_string(night_id);
  std::filesystem::path dir(out_dir);
  s.html_path = (dir / (stem + ".html")).string();
  s.markdown_path = (dir / (stem + ".md")).string();
  s.json_path = (dir / (stem + ".json")).string();
  const std::string html = reports::RenderNightlyHtml(*report);
  const std::string md = reports::RenderNightlyMarkdown(*report);
  const std::string json = reports::RenderNightlyJson(*report);
  for (const auto& [path, text] : {std::pair{s.html_path, &html}, std::pair{s.markdown_path, &md},
                                   std::pair{s.json_path, &json}}) {
    SPARKTUNE_RETURN_IF_ERROR(env->WriteFileAtomically(path, *text));
  }
  for (const auto& [name, text] : {std::pair{"latest.html", &html}, std::pair{"latest.md", &md},
                                   std::pair{"latest.json", &json}}) {
    SPARKTUNE_RETURN_IF_ERROR(env->WriteFileAtomically((dir / name).string(), *text));
  }
  return s;
}

Result<NightlySummary> RunNightly(const NightlyOptions& options) {
  Env* env = options.env;
  const int64_t t0 = env->MonotonicMicros();
  auto store = store::HistoryStore::Open(options.db_path);
  if (!store.ok()) return store.status();
  auto night = (*store)->BeginNight(env->NowMillis());
  if (!night.ok()) return night.status();
  const int64_t night_id = *night;

  NightEvaluationOptions evaluation = DefaultNightEvaluation();
  IngestOptions ingest;
  ingest.jobs = options.jobs;
  ingest.night_id = night_id;
  ingest.on_progress = options.on_progress;
  ingest.extra = [&evaluation](const model::Application&, const simulator::AppSimulator& sim) {
    NightEvaluation e = EvaluateForNight(sim, evaluation);
    return ExtraRows{std::move(e.predictions), std::move(e.advice)};
  };
  auto fail = [&](const Status& st) {
    (void)(*store)->FinishNight(night_id, store::NightStatus::kFailed,
                                nlohmann::json{{"error", st.ToString()}}.dump(), env->NowMillis());
    return st;
  };
  std::vector<IngestItem> items;
  if (options.collect) {
    auto collected = options.collect(**store, ingest);
    if (!collected.ok()) return fail(collected.status());
    items = std::move(*collected);
  }
  if (!options.log_paths.empty()) {
    auto ingested = IngestLogs(**store, options.log_paths, ingest);
    if (!ingested.ok()) return fail(ingested.status());
    for (IngestItem& item : ingested->items) items.push_back(std::move(item));
  }

  NightlySummary summary;
  summary.night_id = night_id;
  nlohmann::json unreadable = nlohmann::json::array();
  for (const IngestItem& item : items) {
    switch (item.status) {
      case IngestItemStatus::kIngested:
      case IngestItemStatus::kReplacedInProgress:
        summary.ingested++;
        break;
      case IngestItemStatus::kAlreadyStored:
        summary.already_stored++;
        break;
      case IngestItemStatus::kUnreadable:
        summary.unreadable++;
        summary.unreadable_items.push_back(item);
        unreadable.push_back({{"path", item.path}, {"error", item.error}});
        break;
    }
  }

  auto rec =
      RecommendFromStore(**store, evaluation.grid, options.fleet, night_id, /*persist=*/true);
  if (!rec.ok()) return rec.status();
  summary.jobs_in_fleet = rec->fleet.jobs.size();
  summary.overrides = rec->recommendation.overrides;
  summary.fleet_observed_mb_seconds = rec->recommendation.observed_mb_seconds;
  summary.fleet_predicted_mb_seconds = rec->recommendation.predicted_mb_seconds;
  summary.fleet_decision = rec->recommendation.decision;

  nlohmann::json night_summary = {
      {"source", options.source_label},          {"ingested", summary.ingested},
      {"alreadyStored", summary.already_stored}, {"unreadable", unreadable},
      {"jobsInFleet", summary.jobs_in_fleet},    {"overrides", summary.overrides}};
  // Why no fleet change is proposed ("keep current settings: ..."): the report
  // of this night, rebuilt later from the store alone, shows it.
  if (!rec->recommendation.decision.empty()) {
    night_summary["fleetDecision"] = rec->recommendation.decision;
  }
  Status fin = (*store)->FinishNight(night_id, store::NightStatus::kOk, night_summary.dump(),
                                     env->NowMillis());
  if (!fin.ok()) return fin;

  auto written = WriteNightReport(**store, night_id, options.out_dir, options.prices,
                                  options.source_label, env);
  if (!written.ok()) return written.status();
  summary.html_path = written->html_path;
  summary.markdown_path = written->markdown_path;
  summary.json_path = written->json_path;
  summary.seconds = static_cast<double>(env->MonotonicMicros() - t0) / 1e6;
  return summary;
}

}  // namespace sparktune::advisor
