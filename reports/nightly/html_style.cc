#include "reports/nightly/html_style.h"

namespace sparktune::reports {

const char* NightlyReportCss() {
  return R"css(
:root{--ink:#1f2933;--muted:#5f6b7a;--line:#e3e7ec;--soft:#f4f6f9;--card:#fff;
--s1:#0072B2;--s2:#009E73;--warn:#E69F00;--bad:#D55E00;--good:#117a4b;--up:#b3261e;
--mono:ui-monospace,"SFMono-Regular","DejaVu Sans Mono","Liberation Mono",Menlo,Consolas,monospace}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--soft);color:var(--ink);
font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue","Noto Sans","Liberation Sans",Arial,sans-serif;
font-variant-numeric:tabular-nums}
.wrap{max-width:1180px;margin:0 auto;padding:0 28px}
header.top{background:#16202c;color:#fff;padding:26px 0 22px}
header.top .eyebrow{text-transform:uppercase;letter-spacing:.09em;font-size:12px;color:#9fb3c8;font-weight:600}
header.top h1{margin:4px 0 6px;font-size:30px;line-height:1.2;font-weight:700}
header.top .meta{color:#c5d1dd;font-size:13px}
header.top .meta code{color:#fff;background:rgba(255,255,255,.09)}
nav.toc{display:flex;flex-wrap:wrap;gap:6px 18px;padding:12px 0 4px;font-size:14px}
nav.toc a{color:var(--s1);text-decoration:none;font-weight:600}
nav.toc a:hover{text-decoration:underline}
section.block{margin:26px 0}
h2{font-size:20px;margin:0 0 12px;display:flex;align-items:baseline;gap:10px}
h2 .count{font-size:13px;font-weight:600;color:var(--muted)}
h3{font-size:17px;margin:0}
h4{font-size:13px;margin:18px 0 6px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted)}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:18px 20px;
box-shadow:0 1px 2px rgba(16,24,40,.04)}
.card+.card{margin-top:16px}
.grid2>.card+.card,.grid3>.card+.card{margin-top:0}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:14px;margin-bottom:16px}
.kpi{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:14px 16px}
.kpi .label{font-size:12px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);font-weight:600}
.kpi a{color:var(--s1);font-weight:600}
.kpi .value{font-size:24px;font-weight:700;margin-top:2px;line-height:1.25;white-space:nowrap}
.kpi .sub{font-size:13px;color:var(--muted);margin-top:2px}
.kpi.alert{border-color:var(--bad)}
.kpi.alert .value{color:var(--bad)}
.down{color:var(--good);font-weight:600}.up{color:var(--up);font-weight:600}
.muted{color:var(--muted)}
.nowrap{white-space:nowrap}
.scatter{max-width:430px}
.lead{font-size:15px;margin:0 0 12px}
.grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:16px}
.grid3{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:18px}
table.tbl{width:100%;border-collapse:collapse;font-size:14px}
table.tbl.compact{width:auto;min-width:50%}
.tbl th{text-align:left;font-size:12px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);
font-weight:600;border-bottom:1px solid var(--line);padding:6px 10px}
.tbl td{border-bottom:1px solid var(--line);padding:7px 10px;vertical-align:top;overflow-wrap:anywhere}
.tbl tr:last-child td{border-bottom:0}
.tbl .num{text-align:right;white-space:nowrap}
.tbl th.num{text-align:right}
.tbl a{color:var(--s1);text-decoration:none;font-weight:600}
.tbl a:hover{text-decoration:underline}
code,pre{font-family:var(--mono);font-size:13px}
code{background:var(--soft);border-radius:4px;padding:1px 5px;overflow-wrap:anywhere}
pre.code{background:#f6f8fa;border:1px solid var(--line);border-radius:8px;padding:12px 14px;margin:6px 0 0;
white-space:pre-wrap;overflow-wrap:break-word}
.badge{display:inline-block;font-size:12px;font-weight:700;border-radius:999px;padding:2px 9px;
border:1px solid currentColor;white-space:nowrap}
.badge.good{color:var(--good)}.badge.warn{color:#9a5b00}.badge.bad{color:var(--bad)}
.badge.info{color:var(--s1)}
.job{scroll-margin-top:12px}
.job-head{display:flex;flex-wrap:wrap;justify-content:space-between;gap:8px 16px;align-items:flex-start}
.job-meta{font-size:13px;color:var(--muted);margin-top:3px}
.job-meta span+span:before{content:"·";margin:0 7px;color:#b8c2cc}
.badges{display:flex;gap:6px;flex-wrap:wrap}
ul.evidence{list-style:none;margin:0;padding:0;font-size:14px}
ul.evidence li{padding:2px 0 2px 22px;position:relative}
ul.evidence li:before{position:absolute;left:0;font-weight:700}
ul.evidence.used li:before{content:"✓";color:var(--good)}
ul.evidence.missing li:before{content:"?";color:#9a5b00}
.advice{border-left:3px solid var(--warn);padding:6px 12px;margin:8px 0;background:#fffaf0;border-radius:0 6px 6px 0}
.advice .title{font-weight:700}
.advice .ev{font-size:14px;color:var(--ink)}
.advice .save{font-size:13px;color:var(--good);font-weight:600}
.note{font-size:13px;color:var(--muted);margin:4px 0 0}
.empty{color:var(--muted);font-style:italic;margin:4px 0}
.chart-title{font-size:13px;font-weight:600;margin:0 0 4px}
details.sql summary{cursor:pointer;font-weight:600;font-size:14px;color:var(--s1)}
footer{color:var(--muted);font-size:13px;margin:30px 0 40px;border-top:1px solid var(--line);padding-top:14px}
svg.chart{display:block;width:100%;height:auto;overflow:visible}
svg.chart text{font:12px system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans",Arial,sans-serif;fill:var(--muted)}
.c-grid{stroke:#e8ecf0;stroke-width:1}
.c-axis{stroke:#9aa5b1;stroke-width:1}
.c-s1{fill:var(--s1);stroke:var(--s1)}.c-s2{fill:var(--s2);stroke:var(--s2)}
.c-warn{fill:var(--warn);stroke:var(--warn)}.c-bad{fill:var(--bad);stroke:var(--bad)}
.c-bar{stroke:none}
.c-line{fill:none;stroke-width:2.5;stroke-linejoin:round}
.c-area{stroke:none;fill-opacity:.10}
.c-point{stroke:#fff;stroke-width:1.5}
.c-stripe{fill:#f6f8fa;stroke:none}
.c-ref{stroke:var(--bad);stroke-width:1.2;stroke-dasharray:4 3}
.c-diag{stroke:#7b8794;stroke-width:1.2}
.c-band{stroke:#b8c2cc;stroke-width:1;stroke-dasharray:3 3}
svg.chart text.c-value{fill:var(--ink);font-weight:600}
svg.chart text.c-note{fill:var(--bad);font-size:11px}
svg.chart text.c-axis-title{fill:var(--ink);font-weight:600}
@media print{
body{background:#fff;font-size:12px}
header.top{background:#fff;color:#000;border-bottom:2px solid #000;padding:8px 0}
header.top .eyebrow,header.top .meta{color:#333}
header.top .meta code{color:#000}
nav.toc{display:none}
.card,.kpi{box-shadow:none;break-inside:avoid}
.job{break-before:page}
a{color:inherit}
}
)css";
}

}  // namespace sparktune::reports
