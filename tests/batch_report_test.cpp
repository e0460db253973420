// `batch --report`: the agency summary's figures are the run's (per program against the jsonl output,
// the questions against each company's missing facts, the counts against the summary on stderr), the
// normal output is the same with or without it, hostile text stays text, the page is the same size for
// twenty or two thousand companies, and the page of examples/companies.csv against golden files.
//
// Golden files are tests/golden/batch-report-*.html (generation time fixed by SOURCE_DATE_EPOCH). After a
// deliberate change, rewrite them with SFGRANT_UPDATE_GOLDEN=1 build/sfgrant_tests "[golden]".
// tests/report_browser.sh prints the page with Chromium.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "sfgrant/model/facts.h"
#include "sfgrant/render/batch_report.h"
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

/// `data-key` → (data-main, data-second, the figures' text) of the page's bar rows with that key prefix.
struct Bar {
  long main = 0;
  long second = 0;
  std::string figures;
};
std::map<std::string, Bar> bars(const std::string& html) {
  std::map<std::string, Bar> out;
  const std::regex row(
      R"re(<div class="bar-row" data-key="([^"]*)" data-main="(\d+)" data-second="(\d+)">.*?<span class="n">([^<]*)</span>)re");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), row); it != std::sregex_iterator(); ++it)
    out[(*it)[1]] = Bar{std::stol((*it)[2]), std::stol((*it)[3]), (*it)[4]};
  return out;
}

}  // namespace

TEST_CASE("bar lengths are proportional, whole, and never nothing for a count above zero", "[batch-report]") {
  CHECK(bar_length(0, 100, 1000) == 0);
  CHECK(bar_length(50, 100, 1000) == 500);
  CHECK(bar_length(100, 100, 1000) == 1000);
  CHECK(bar_length(1, 1'000'000, 1000) == 1);  // one company in a million is still a bar
  CHECK(bar_length(999'999, 1'000'000, 1000) == 999);
  CHECK(bar_length(5, 0, 1000) == 0);
}

TEST_CASE("the expected competition ratio is eligible per place, to one decimal, in integers", "[batch-report]") {
  CHECK(competition_ratio(530, 265) == "2.0");
  CHECK(competition_ratio(1, 3) == "0.3");
  CHECK(competition_ratio(1, 6) == "0.2");  // 0.1666… rounds to 0.2
  CHECK(competition_ratio(0, 45) == "0.0");
  CHECK(competition_ratio(1'000'000, 8) == "125000.0");
  CHECK(competition_ratio(10, std::nullopt).empty());  // no quota in the data: no ratio
  CHECK(competition_ratio(10, 0).empty());
}

TEST_CASE("the agency summary's figures are the run's, beside an unchanged -o output", "[batch-report][cli]") {
  testing::TempDir dir;
  const std::string list = dir.path() + "/list.csv";
  // the example list, twice, with one row of each kind that cannot be read
  std::string text = testing::slurp(kSource + "/examples/companies.csv");
  const std::string header = text.substr(0, text.find('\n') + 1);
  std::string rows = text.substr(header.size());
  text = header + rows + rows;
  const size_t columns = static_cast<size_t>(std::count(header.begin(), header.end(), ',')) + 1;
  text += "크기오류(주),,huge" + std::string(columns - 3, ',') + "\n";  // a value: size huge
  text += "열부족(주),1\n";                                             // the record: too few fields
  text += "바이트(주)\xff" + std::string(columns - 1, ',') + "\n";      // the encoding
  dir.write("list.csv", text);

  const std::vector<std::string> base = {"batch", list, "--as-of", "2026-02-15", "--format", "jsonl", "--lang", "en"};
  std::vector<std::string> plain = base;
  plain.insert(plain.end(), {"-o", dir.path() + "/plain.jsonl"});
  std::vector<std::string> with = base;
  with.insert(with.end(), {"-o", dir.path() + "/with.jsonl", "--report", dir.path() + "/agency.html"});
  const testing::Run a = run(plain);
  const testing::Run b = run(with);
  INFO(b.err);
  CHECK(a.code == 1);  // rows were rejected
  CHECK(b.code == 1);
  const std::string jsonl = testing::slurp(dir.path() + "/with.jsonl");
  CHECK(jsonl == testing::slurp(dir.path() + "/plain.jsonl"));  // the normal output is the same
  const std::string html = testing::slurp(dir.path() + "/agency.html");
  REQUIRE(html.rfind("<!DOCTYPE html>", 0) == 0);

  // from the jsonl output: each program's eligible and possible companies, each fact's companies and
  // programs waiting on it, companies by region
  std::map<std::string, std::pair<long, long>> programs;
  std::map<std::string, std::pair<long, long>> facts;
  long evaluated = 0;
  long rejected = 0;
  std::istringstream lines(jsonl);
  for (std::string line; std::getline(lines, line);) {
    const nlohmann::json company = nlohmann::json::parse(line);
    if (!company.contains("programs")) {
      ++rejected;
      continue;
    }
    ++evaluated;
    std::map<std::string, long> waiting;
    for (const auto& p : company["programs"]) {
      auto& counts = programs[p["id"].get<std::string>()];
      if (p["status"] == "eligible") ++counts.first;
      if (p["status"] != "possible") continue;
      ++counts.second;
      for (const auto& f : p["missing"]) ++waiting[f.get<std::string>()];
    }
    for (const auto& [fact, n] : waiting) {
      ++facts[fact].first;
      facts[fact].second += n;
    }
  }
  // the example list has one row that cannot be read (size huge), here twice
  CHECK(evaluated == 24);
  CHECK(rejected == 5);
  CHECK(html.find("Companies read 29 · evaluated 24 · rejected 5") != std::string::npos);
  CHECK(b.err.find("29 rows read, 24 evaluated, 5 rejected") != std::string::npos);
  const std::map<std::string, Bar> shown = bars(html);
  size_t checked = 0;
  for (const auto& [id, counts] : programs) {
    INFO("program " << id);
    REQUIRE(shown.count(id) == 1);
    CHECK(shown.at(id).main == counts.first);
    CHECK(shown.at(id).second == counts.second);
    CHECK(html.find("<tr data-program=\"" + id + "\" data-eligible=\"" + std::to_string(counts.first) +
                    "\" data-possible=\"" + std::to_string(counts.second) + "\"") != std::string::npos);
    ++checked;
  }
  CHECK(checked == 23);  // every 2026 program
  REQUIRE(!facts.empty());
  for (const auto& [fact, counts] : facts) {
    INFO("fact " << fact);
    if (shown.count(fact) == 0) continue;  // the twelve that decide the most are shown
    CHECK(shown.at(fact).main == counts.first);
    CHECK(shown.at(fact).figures ==
          std::to_string(counts.first) + " companies · " + std::to_string(counts.second) + " programs");
  }
  CHECK(shown.at("record").main == 1);
  CHECK(shown.at("encoding").main == 1);
  CHECK(shown.at("profile").main == 3);
  CHECK(shown.at("cost_key").main == 0);
  long by_region = 0;  // every evaluated company in one region's bar (or 미입력's, key "-")
  for (const Choice& region : region_vocabulary().choices)
    by_region += shown.at(region.id).main + shown.at(region.id).second;
  if (shown.count("-") == 1) by_region += shown.at("-").main + shown.at("-").second;
  CHECK(by_region == 24);
  CHECK(shown.at("대전").main + shown.at("대전").second > 0);
}

TEST_CASE("hostile text in the list or its name is inert in the agency summary", "[batch-report][cli]") {
  testing::TempDir dir;
  const std::string name = "<img src=x onerror=alert(1)>\u202E.csv";
  const std::string list =
      dir.write(name, std::string(testing::kHeader) + testing::good_row("<script>alert(1)</script>") +
                          testing::good_row("\"\"\"><img src=x onerror=alert(2)>\"") + "<b>bad</b>,huge\n");
  const testing::Run r = run({"batch", list, "--as-of", "2026-02-15", "--report", dir.path() + "/r.html"});
  CHECK(r.code == 1);
  const std::string html = testing::slurp(dir.path() + "/r.html");
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<b>") == std::string::npos);
  CHECK(html.find("alert(2)") == std::string::npos);  // no row's text is in the page at all: counts only
  CHECK(html.find("&lt;img src=x onerror=alert(1)&gt;&#x202E;.csv</bdi>") != std::string::npos);
}

TEST_CASE("batch --report refuses what it cannot write before the run", "[batch-report][cli]") {
  testing::TempDir dir;
  const std::string out = dir.path() + "/out.csv";
  const testing::Run same = run({"batch", "examples/companies.csv", "-o", out, "--report", out});
  CHECK(same.code == 2);
  CHECK(same.err.find("--report is the same file as the output (-o)") != std::string::npos);
  const testing::Run input = run({"batch", "examples/companies.csv", "--report", "examples/companies.csv"});
  CHECK(input.code == 2);
  CHECK(input.err.find("--report is the same file as the company list") != std::string::npos);
  const testing::Run dash = run({"batch", "examples/companies.csv", "--report", "-"});
  CHECK(dash.code == 2);
  const testing::Run folder = run({"batch", "examples/companies.csv", "--report", dir.path() + "/no/r.html"});
  CHECK(folder.code == 2);
  CHECK(folder.err.find("no such folder") != std::string::npos);
  CHECK(testing::slurp(kSource + "/examples/companies.csv").rfind("name,", 0) == 0);  // the list untouched
}

TEST_CASE("the agency summary is the same size for twenty or two thousand companies", "[batch-report][cli]") {
  testing::TempDir dir;
  std::string few = testing::kHeader;
  std::string many = testing::kHeader;
  for (int i = 0; i < 2000; ++i) {
    const std::string row = testing::good_row("회사" + std::to_string(i));
    if (i < 20) few += row;
    many += row;
  }
  dir.write("few.csv", few);
  dir.write("many.csv", many);
  for (const char* list : {"few", "many"})
    REQUIRE(run({"batch", dir.path() + "/" + list + ".csv", "--as-of", "2026-02-15", "-o", dir.path() + "/o.csv",
                 "--report", dir.path() + "/" + list + ".html"})
                .code == 0);
  const std::string a = testing::slurp(dir.path() + "/few.html");
  const std::string b = testing::slurp(dir.path() + "/many.html");
  CHECK(b.find("회사1999") == std::string::npos);
  CHECK(b.size() < a.size() + 2000);  // only the figures' digits grow
  CHECK(b.size() < 64 * 1024);
}

TEST_CASE("the agency summary of examples/companies.csv, in Korean and English, is the golden files'",
          "[batch-report][golden]") {
  for (const auto& [lang, name] : {std::pair{"ko", "batch-report-ko.html"}, std::pair{"en", "batch-report-en.html"}}) {
    testing::TempDir dir;
    const testing::Run r = run({"batch", "examples/companies.csv", "--as-of", "2026-02-15", "--lang", lang, "-o",
                                dir.path() + "/o.csv", "--report", dir.path() + "/r.html"});
    REQUIRE(r.code == 1);  // the example list has rows that cannot be read, on purpose
    const std::string html = testing::slurp(dir.path() + "/r.html");
    const std::string path = kSource + "/tests/golden/" + name;
    if (const char* update = std::getenv("SFGRANT_UPDATE_GOLDEN"); update != nullptr && *update == '1') {
      std::ofstream(path, std::ios::binary) << html;
      WARN("rewrote " << path);
      continue;
    }
    INFO("golden file " << path << " (SFGRANT_UPDATE_GOLDEN=1 rewrites it)");
    CHECK(html == testing::slurp(path));
  }
}
