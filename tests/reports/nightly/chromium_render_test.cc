// Renders the nightly HTML report in real headless Chromium (Debian's
// `chromium` package) and checks what a user opening it would get:
//   * it loads, with no console message (no error, no CSP violation);
//   * the page makes no network request: Chromium runs with a dead proxy and
//     a resolver that resolves nothing, and its net-log (--log-net-log) must
//     hold no URL request started by the page (requests of the browser's own
//     background services, initiator "not an origin", are not the page's);
//   * a 1400x3000 screenshot is written and is not blank;
//   * the DOM after load shows the hostile app name as text and holds no
//     element the name or the hostile SQL/host strings tried to inject.
// A control page with a script, an image and a stylesheet from the network
// must trip both detectors, so the checks cannot pass vacuously.
//
// Skipped (GTEST_SKIP) only when `chromium` is not installed. Set
// SPARKTUNE_KEEP_CHROMIUM_ARTIFACTS=1 to keep the page, DOM, net-log and
// screenshot in the temporary folder (its path is printed).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "reports/nightly/html_escape.h"
#include "reports/nightly/html_report.h"
#include "tests/reports/nightly/html_tags.h"
#include "tests/reports/nightly/sample_report.h"
#include "tests/test_paths.h"

namespace sparktune::reports {
namespace {

namespace fs = std::filesystem;

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool ChromiumInstalled() { return testing::RunCommand("command -v chromium").exit_code == 0; }

struct Rendered {
  int exit_code = -1;
  std::string dom;
  std::vector<std::string> console;        // console messages logged by the page
  std::vector<std::string> page_requests;  // URLs the page asked the network for
  bool net_log_ok = false;
  fs::path screenshot;
};

// Page requests in a Chromium net-log: URL_REQUEST_START_JOB events for
// non-file, non-data URLs whose initiator is the page (browser-internal
// requests carry initiator "not an origin" and a null isolation key).
std::vector<std::string> PageRequests(const nlohmann::json& log) {
  int start_job = -1;
  for (const auto& [name, id] : log["constants"]["logEventTypes"].items()) {
    if (name == "URL_REQUEST_START_JOB") start_job = id.get<int>();
  }
  std::vector<std::string> urls;
  for (const nlohmann::json& e : log["events"]) {
    if (!e.contains("params") || !e["params"].contains("url")) continue;
    if (e.value("type", -1) != start_job) continue;
    const nlohmann::json& p = e["params"];
    std::string url = p["url"].get<std::string>();
    if (url.rfind("file:", 0) == 0 || url.rfind("data:", 0) == 0) continue;
    std::string initiator = p.value("initiator", "");
    std::string isolation = p.value("network_isolation_key", "");
    if (initiator != "not an origin" || isolation.find("file://") != std::string::npos)
      urls.push_back(url);
  }
  return urls;
}

Rendered RenderInChromium(const fs::path& dir, const std::string& html) {
  fs::path page = dir / "report.html";
  std::ofstream(page, std::ios::binary) << html;
  Rendered out;
  out.screenshot = dir / "screenshot.png";
  std::string cmd =
      "timeout 90 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars"
      " --user-data-dir='" +
      (dir / "profile").string() +
      "'"
      " --proxy-server=127.0.0.1:9 --host-resolver-rules='MAP * ~NOTFOUND'"
      " --disable-background-networking --disable-component-update --disable-sync --no-first-run"
      " --disable-default-apps --disable-extensions --enable-logging=stderr --v=0"
      " --log-net-log='" +
      (dir / "netlog.json").string() +
      "'"
      " --window-size=1400,3000 --screenshot='" +
      out.screenshot.string() +
      "'"
      " --dump-dom 'file://" +
      page.string() + "'";
  testing::CommandResult r = testing::RunCommand(cmd);
  out.exit_code = r.exit_code;
  out.dom = r.out;
  std::ofstream(dir / "dom.html", std::ios::binary) << r.out;
  std::ofstream(dir / "stderr.txt", std::ios::binary) << r.err;
  std::istringstream lines(r.err);
  for (std::string line; std::getline(lines, line);) {
    if (line.find(":CONSOLE") != std::string::npos) out.console.push_back(line);
  }
  nlohmann::json log = nlohmann::json::parse(Slurp(dir / "netlog.json"), nullptr, false);
  out.net_log_ok = log.is_object() && log.contains("events");
  if (out.net_log_ok) out.page_requests = PageRequests(log);
  return out;
}

// Width and height from a PNG's IHDR chunk; {0, 0} if not a PNG.
std::pair<uint32_t, uint32_t> PngSize(const std::string& png) {
  if (png.size() < 24 || png.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0) return {0, 0};
  auto be32 = [&](size_t at) {
    return (uint32_t{static_cast<unsigned char>(png[at])} << 24) |
           (uint32_t{static_cast<unsigned char>(png[at + 1])} << 16) |
           (uint32_t{static_cast<unsigned char>(png[at + 2])} << 8) |
           uint32_t{static_cast<unsigned char>(png[at + 3])};
  };
  return {be32(16), be32(20)};
}

class ChromiumRenderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!ChromiumInstalled())
      GTEST_SKIP() << "chromium is not installed (apt-get install chromium)";
    char tmpl[] = "/tmp/sparktune-chromium-XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override {
    if (dir_.empty()) return;
    const char* keep = std::getenv("SPARKTUNE_KEEP_CHROMIUM_ARTIFACTS");
    if ((keep != nullptr && std::string(keep) == "1") || HasFailure()) {
      std::printf("chromium artifacts kept in %s\n", dir_.c_str());
      return;
    }
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  fs::path dir_;
};

TEST_F(ChromiumRenderTest, ReportLoadsOfflineWithoutErrorsAndShowsHostileNameAsText) {
  NightlyReport report = testing::SampleNightlyReport();
  std::string html = RenderNightlyHtml(report);
  Rendered r = RenderInChromium(dir_, html);
  ASSERT_EQ(r.exit_code, 0) << "chromium failed; see " << dir_ / "stderr.txt";

  EXPECT_TRUE(r.console.empty()) << "console message: " << r.console.front();
  ASSERT_TRUE(r.net_log_ok) << "no readable net-log in " << dir_;
  EXPECT_TRUE(r.page_requests.empty()) << "the page requested " << r.page_requests.front();

  std::string png = Slurp(r.screenshot);
  auto [width, height] = PngSize(png);
  EXPECT_EQ(width, 1400u);
  EXPECT_EQ(height, 3000u);
  // A blank or near-blank 1400x3000 page compresses to a few KB; the report's
  // header, cards, tables and charts make it far larger.
  EXPECT_GT(png.size(), 100'000u) << "screenshot looks blank: " << r.screenshot;

  // The DOM serializer escapes text nodes: the name is text, not markup.
  ASSERT_NE(r.dom.find("</html>"), std::string::npos) << "DOM was not dumped";
  EXPECT_NE(r.dom.find(
                "<h3>&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;</h3>"),
            std::string::npos);
  EXPECT_EQ(r.dom.find("<script"), std::string::npos) << "a script element was injected";
  EXPECT_EQ(r.dom.find("<img"), std::string::npos) << "an img element was injected";
  for (const testing::Tag& tag : testing::StartTags(r.dom)) {
    EXPECT_TRUE(testing::kRendererElements.count(tag.name))
        << "injected element <" << tag.name << "> in the DOM";
    for (const auto& [name, value] : tag.attributes) {
      EXPECT_NE(name.rfind("on", 0), 0u)
          << "<" << tag.name << "> has event handler " << name << " in the DOM";
    }
  }
  auto count = [](const std::string& s, const std::string& needle) {
    size_t n = 0;
    for (size_t p = s.find(needle); p != std::string::npos; p = s.find(needle, p + 1)) ++n;
    return n;
  };
  EXPECT_EQ(count(r.dom, "<svg"), count(html, "<svg"))
      << "an svg element was injected (or one was lost)";
  EXPECT_EQ(count(r.dom, "<pre"), count(html, "<pre")) << "a <pre> was closed early by hostile SQL";
}

TEST_F(ChromiumRenderTest, DetectorsCatchAPageThatLoadsAndLogs) {
  std::string html =
      "<!DOCTYPE html><html><head><link rel=\"stylesheet\" "
      "href=\"https://fonts.example.com/a.css\"></head>"
      "<body><img "
      "src=\"http://images.example.com/x.png\"><script>console.error('boom')</script></body></"
      "html>";
  Rendered r = RenderInChromium(dir_, html);
  ASSERT_EQ(r.exit_code, 0);
  ASSERT_TRUE(r.net_log_ok);
  EXPECT_FALSE(r.console.empty()) << "console.error was not detected";
  EXPECT_GE(r.page_requests.size(), 2u) << "the image and stylesheet requests were not detected";
}

}  // namespace
}  // namespace sparktune::reports
