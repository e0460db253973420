// `sfgrant report`: hostile text stays text, the charts' geometry, the groups, the numbers are
// check's, and the page of one example against a golden file.
//
// The golden file is tests/golden/report-ko.html (generation time fixed by SOURCE_DATE_EPOCH). After a
// deliberate change to the report, rewrite it with SFGRANT_UPDATE_GOLDEN=1 build/sfgrant_tests "[golden]"
// and look at the diff (and the page in a browser) before committing. tests/report_browser.sh prints
// it with Chromium.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>

#include "sfgrant/engine/derive.h"
#include "sfgrant/load/profile_loader.h"
#include "sfgrant/load/program_loader.h"
#include "sfgrant/model/diagnostics.h"
#include "sfgrant/render/html.h"
#include "sfgrant/render/page_template.h"
#include "sfgrant/render/report.h"
#include "support.h"

using namespace sfgrant;

namespace {

const std::string kSource = SFGRANT_SOURCE_DIR;

testing::Run run(const std::vector<std::string>& args) {
  testing::Command command;
  command.args = args;
  command.env = {"SOURCE_DATE_EPOCH=1767225600"};  // 2026-01-01 00:00 UTC
  return testing::run(command);
}

/// The report of `profile_yaml` against 2026 on 2026-02-15, rendered in-process.
std::string report_of(const std::string& profile_yaml, Lang lang = Lang::ko) {
  static const Catalogue catalogue = load_year(kSource + "/programs", 2026);
  Diagnostics diags;
  Profile profile = load_profile(profile_yaml, "input", diags);
  REQUIRE_FALSE(diags.has_errors());
  derive_facts(profile, catalogue.industries);
  EvaluateOptions eo;
  eo.as_of = Date::parse("2026-02-15");
  const Evaluation ev = evaluate(catalogue, profile, eo);
  static const PageTemplate page = load_page_template(kSource + "/share/sfgrant/templates/report.html.mustache",
                                                      kSource + "/share/sfgrant/templates", report_template_names());
  std::ostringstream out;
  render_report({ev, profile, "test", 0}, lang, page, out);
  return out.str();
}

}  // namespace

TEST_CASE("html_escape writes &<>\"' as entities and drops what HTML cannot hold", "[report]") {
  CHECK(html_escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
  CHECK(html_escape("\"&") == "&quot;&amp;");
  CHECK(html_escape("'><img src=x onerror=alert(1)>") == "&#39;&gt;&lt;img src=x onerror=alert(1)&gt;");
  CHECK(html_escape("a\x01"
                    "b\x7f"
                    "c\td\ne") == "abc\td\ne");
  CHECK(html_escape("한밭정밀금형(주)") == "한밭정밀금형(주)");
  // U+202E RIGHT-TO-LEFT OVERRIDE and U+2066 LEFT-TO-RIGHT ISOLATE stay visible as references
  CHECK(html_escape("x\u202Ey\u2066z") == "x&#x202E;y&#x2066;z");
}

TEST_CASE("a hostile company name is text on the page, never markup", "[report]") {
  const std::string html = report_of("name: \"<script>alert('x')</script>\\\"><img src=x onerror=alert(1)>&\"\n");
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("<bdi>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&gt;&lt;img src=x "
                  "onerror=alert(1)&gt;&amp;</bdi>") != std::string::npos);
}

TEST_CASE("the stacked bar's segments are proportional and fill the bar exactly", "[report]") {
  Split win_win;  // 2026 상생형 at 4억: 정부 1.2억, 대기업 1.2억, 기업 1.6억
  win_win.total = 400'000'000;
  win_win.government = 120'000'000;
  win_win.large_company = 120'000'000;
  win_win.company = 160'000'000;
  const std::vector<BarSegment> s = stacked_bar(win_win, 1000);
  REQUIRE(s.size() == 3);
  CHECK(s[0].part == SplitPart::government);
  CHECK(s[0].x == 0);
  CHECK(s[0].width == 300);
  CHECK(s[1].part == SplitPart::company);
  CHECK(s[1].x == 300);
  CHECK(s[1].width == 400);
  CHECK(s[2].part == SplitPart::large_company);
  CHECK(s[2].x == 700);
  CHECK(s[2].width == 300);

  Split thirds;  // whole units that cannot divide evenly still add up to the bar
  thirds.government = 1;
  thirds.company = 1;
  thirds.local_government = 1;
  thirds.large_company = 0;  // zero: not drawn
  const std::vector<BarSegment> t = stacked_bar(thirds, 1000);
  REQUIRE(t.size() == 3);
  CHECK(t[0].width + t[1].width + t[2].width == 1000);
  CHECK(t[2].x + t[2].width == 1000);
  CHECK(t[2].part == SplitPart::local_government);
  for (const BarSegment& b : t) CHECK((b.width == 333 || b.width == 334));

  Split level_check;  // 수준확인 at the cap: 정부 238만 of 280만
  level_check.government = 2'380'000;
  level_check.company = 420'000;
  const std::vector<BarSegment> u = stacked_bar(level_check, 1000);
  REQUIRE(u.size() == 2);
  CHECK(u[0].width == 850);
  CHECK(u[1].width == 150);
}

TEST_CASE("the calendar puts months and days where they fall in the program year", "[report]") {
  const double w = 1200;  // 100 units a month
  CHECK(calendar_x(*Date::parse("2026-01"), 2026, w) == 0);
  CHECK(calendar_x(*Date::parse("2026-03"), 2026, w) == 200);
  CHECK(calendar_x(*Date::parse("2026-03"), 2026, w, true) == 300);
  CHECK(calendar_x(*Date::parse("2026-12"), 2026, w, true) == 1200);
  CHECK(calendar_x(*Date::parse("2026-02-15"), 2026, w) == Approx(150));                // 14 of February's 28 days gone
  CHECK(calendar_x(*Date::parse("2024-02-15"), 2024, w) == Approx(100 + 1400.0 / 29));  // leap year
  CHECK(calendar_x(*Date::parse("2026-01-31"), 2026, w, true) == Approx(100));
  CHECK(calendar_x(*Date::parse("2025-11"), 2026, w) == 0);           // opened the year before
  CHECK(calendar_x(*Date::parse("2027-01"), 2026, w, true) == 1200);  // runs into the next year
}

TEST_CASE("every program category of every year is in the report's group table", "[report]") {
  for (int year : {2021, 2023, 2024, 2026}) {
    const Catalogue cat = load_year(kSource + "/programs", year);
    for (const Program& p : cat.programs) {
      INFO(year << " " << p.id << " category " << p.category.ko);
      CHECK(program_group(p) != ProgramGroup::other);
    }
  }
  const Catalogue cat = load_year(kSource + "/programs", 2026);
  CHECK(program_group(*cat.find_program("government")) == ProgramGroup::build);
  CHECK(program_group(*cat.find_program("robot")) == ProgramGroup::automation);
  CHECK(program_group(*cat.find_program("level-check")) == ProgramGroup::consulting);
  CHECK(program_group(*cat.find_program("multi-ai-agent")) == ProgramGroup::rnd);
}

TEST_CASE("the report's amounts are check --format json's, program by program", "[report]") {
  for (const char* example :
       {"examples/small-mould-maker.yaml", "examples/legend50-selectee.yaml", "examples/midsize-auto-parts.yaml"}) {
    INFO(example);
    const testing::Run json = run({"check", example, "--as-of", "2026-02-15", "--format", "json"});
    const testing::Run html = run({"report", example, "--as-of", "2026-02-15"});
    REQUIRE(json.code <= 1);
    REQUIRE(html.code == json.code);
    const nlohmann::json checked = nlohmann::json::parse(json.out);
    std::map<std::string, const nlohmann::json*> programs;
    size_t open = 0;
    for (const auto& p : checked["programs"]) {
      programs[p["id"].get<std::string>()] = &p;
      open += p["status"] != "ineligible" ? 1U : 0U;
    }
    const std::regex block(
        R"re(<article class="program" id="program-[^"]*" data-program="([^"]*)" data-track="([^"]*)" )re"
        R"re(data-government="([^"]*)" data-company="([^"]*)" data-large-company="([^"]*)")re");
    size_t blocks = 0;
    size_t with_split = 0;
    for (auto it = std::sregex_iterator(html.out.begin(), html.out.end(), block); it != std::sregex_iterator(); ++it) {
      ++blocks;
      const std::string id = (*it)[1];
      INFO("program " << id);
      REQUIRE(programs.count(id) == 1);
      const nlohmann::json& p = *programs[id];
      CHECK(p["status"] != "ineligible");
      const nlohmann::json* track = nullptr;
      for (const auto& t : p["tracks"])
        if (t["id"] == (*it)[2].str()) track = &t;
      REQUIRE(track != nullptr);
      if ((*it)[3].str().empty()) {
        CHECK((!track->contains("split") || (*track)["split"].is_null()));
        continue;
      }
      ++with_split;
      const nlohmann::json& split = (*track)["split"];
      CHECK(std::to_string(split["government"].get<long long>()) == (*it)[3].str());
      CHECK(std::to_string(split["company"].get<long long>()) == (*it)[4].str());
      CHECK((split["large_company"].is_null()
                 ? std::string()
                 : std::to_string(split["large_company"].get<long long>())) == (*it)[5].str());
    }
    CHECK(blocks == open);  // every program open to the company has its block, and only those
    CHECK(with_split > 0);
  }
}

TEST_CASE("report -o writes the file whole; -o - is standard output", "[report]") {
  testing::TempDir dir;
  const std::string path = dir.path() + "/client.html";
  const testing::Run to_file = run({"report", "examples/small-mould-maker.yaml", "--as-of", "2026-02-15", "-o", path});
  CHECK(to_file.code == 0);
  CHECK(to_file.out.empty());
  const testing::Run to_stdout = run({"report", "examples/small-mould-maker.yaml", "--as-of", "2026-02-15", "-o", "-"});
  CHECK(to_stdout.code == 0);
  CHECK(testing::slurp(path) == to_stdout.out);
  CHECK(to_stdout.out.rfind("<!DOCTYPE html>", 0) == 0);
  const testing::Run bad = run({"report", "examples/small-mould-maker.yaml", "--cost", "4억원x"});
  CHECK(bad.code == 2);
}

TEST_CASE("the report of small-mould-maker.yaml, in Korean and English, is the golden file's", "[report][golden]") {
  for (const auto& [lang, name] : {std::pair{"ko", "report-ko.html"}, std::pair{"en", "report-en.html"}}) {
    const testing::Run r = run({"report", "examples/small-mould-maker.yaml", "--as-of", "2026-02-15", "--lang", lang});
    REQUIRE(r.code == 0);
    const std::string path = kSource + "/tests/golden/" + name;
    if (const char* update = std::getenv("SFGRANT_UPDATE_GOLDEN"); update != nullptr && *update == '1') {
      std::ofstream(path, std::ios::binary) << r.out;
      WARN("rewrote " << path);
      continue;
    }
    INFO("golden file " << path << " (SFGRANT_UPDATE_GOLDEN=1 rewrites it)");
    CHECK(r.out == testing::slurp(path));
  }
}
