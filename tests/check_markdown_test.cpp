// `check --format markdown` (SPEC §2): text from the data cannot break a table or become HTML, the
// amounts are check --format json's, the options it cannot show are refused, and the pages of three
// examples in Korean and English against golden files.
//
// Golden files are tests/golden/check-*.md. After a deliberate change to the output, rewrite them with
// SFGRANT_UPDATE_GOLDEN=1 build/sfgrant_tests "[golden]" and review the diff before committing.
// tests/markdown_render.sh renders the output with cmark-gfm, as GitHub does.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "sfgrant/model/money.h"
#include "sfgrant/render/markdown.h"
#include "support.h"

using namespace sfgrant;

namespace {

const std::string kSource = SFGRANT_SOURCE_DIR;

testing::Run run(const std::vector<std::string>& args, const std::string& stdin_text = "") {
  testing::Command command;
  command.args = args;
  command.stdin_text = stdin_text;
  return testing::run(command);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

/// The cells of a table row `| a | b \| c |`: split at the `|` no backslash escapes, trimmed.
std::vector<std::string> cells_of(const std::string& row) {
  std::vector<std::string> cells;
  std::string cell;
  for (size_t i = 1; i < row.size(); ++i) {
    if (row[i] == '\\' && i + 1 < row.size()) {
      cell += row.substr(i, 2);
      ++i;
    } else if (row[i] == '|') {
      const size_t b = cell.find_first_not_of(' ');
      cells.push_back(b == std::string::npos ? "" : cell.substr(b, cell.find_last_not_of(' ') - b + 1));
      cell.clear();
    } else {
      cell += row[i];
    }
  }
  return cells;
}

/// The rows of the programs table: header cells → cells, by column name.
std::vector<std::map<std::string, std::string>> table_rows(const std::string& markdown) {
  const std::vector<std::string> lines = lines_of(markdown);
  std::vector<std::map<std::string, std::string>> rows;
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    if (lines[i].rfind("| ", 0) != 0 || lines[i + 1].rfind("|---", 0) != 0) continue;
    const std::vector<std::string> headers = cells_of(lines[i]);
    for (size_t k = i + 2; k < lines.size() && lines[k].rfind("| ", 0) == 0; ++k) {
      const std::vector<std::string> cells = cells_of(lines[k]);
      REQUIRE(cells.size() == headers.size());
      std::map<std::string, std::string> row;
      for (size_t c = 0; c < cells.size(); ++c) row[headers[c]] = cells[c];
      rows.push_back(std::move(row));
    }
    break;
  }
  return rows;
}

/// A money cell as won: `KRW 200,000,000` (en) or `1억 2,000만원` (ko).
long long won_of(const std::string& cell) {
  std::string text = cell.rfind("KRW ", 0) == 0 ? cell.substr(4) : cell;
  return parse_amount(text);
}

}  // namespace

TEST_CASE("markdown_escape keeps text from being a table cell end, emphasis, a link or HTML", "[markdown]") {
  CHECK(markdown_escape("한빛정밀(주)") == "한빛정밀(주)");
  CHECK(markdown_escape("a|b") == "a\\|b");
  CHECK(markdown_escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
  CHECK(markdown_escape("**bold** _it_ `code` [x](http://e) ~~s~~ # $x$") ==
        "\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\[x\\](http\\://e) \\~\\~s\\~\\~ \\# \\$x\\$");
  CHECK(markdown_escape("see www.evil.com, WWW.x.kr: 3.5") == "see www\\.evil.com, WWW\\.x.kr: 3.5");
  CHECK(markdown_escape("a\\b &amp; &#60; R&D") == "a\\\\b &amp;amp; &amp;\\#60; R&D");
  CHECK(markdown_escape("a`b`c a\\b") == "a\\`b\\`c a\\\\b");  // between letters too
  CHECK(markdown_escape("003_615c.txt lead_org _x_ a_") == "003_615c.txt lead_org \\_x\\_ a\\_");
  CHECK(markdown_code("dx-mentor") == "`dx-mentor`");
  CHECK(markdown_code("smart_factory.level") == "`smart_factory.level`");
  CHECK(markdown_code("a`b") == "a\\`b");
  CHECK(markdown_escape("line1\nline2\r\tend\x01") == "line1 line2  end");
  CHECK(markdown_escape("x\u202Ey\u2066z") == "xU+202EyU+2066z");
}

TEST_CASE("a hostile company name stays one table cell and text, never HTML", "[markdown][cli]") {
  const std::string profile =
      "name: \"<script>alert(1)</script>|x|`y`\\\"><img src=x onerror=alert(1)>*_[l](http://e)\\u202E\\n# h\"\n"
      "size: small\nksic: \"25924\"\nregion: 대전\nplan:\n  total_cost: 1억원\n";
  const testing::Run r = run({"check", "-", "--as-of", "2026-02-15", "--format", "markdown"}, profile);
  INFO(r.out << r.err);
  REQUIRE(r.code <= 1);
  CHECK(r.out.find("<script") == std::string::npos);
  CHECK(r.out.find("<img") == std::string::npos);
  CHECK(r.out.find('\xe2' + std::string("\x80\xae")) == std::string::npos);  // no raw U+202E
  const std::vector<std::string> lines = lines_of(r.out);
  REQUIRE(!lines.empty());
  CHECK(lines[0] ==
        "# &lt;script&gt;alert(1)&lt;/script&gt;\\|x\\|\\`y\\`\"&gt;&lt;img src=x onerror=alert(1)&gt;\\*\\_\\[l\\]("
        "http\\://e)U+202E \\# h — 스마트 제조혁신 지원사업 검토");
  // the table is intact: every row has the header's cells (table_rows REQUIREs it)
  CHECK(!table_rows(r.out).empty());
}

TEST_CASE("the markdown's amounts are check --format json's, program by program", "[markdown][cli][money]") {
  for (const char* lang : {"ko", "en"}) {
    for (const char* example :
         {"examples/small-mould-maker.yaml", "examples/legend50-selectee.yaml", "examples/midsize-auto-parts.yaml"}) {
      INFO(example << " --lang " << lang);
      const testing::Run json = run({"check", example, "--as-of", "2026-02-15", "--format", "json", "--lang", lang});
      const testing::Run md = run({"check", example, "--as-of", "2026-02-15", "--format", "markdown", "--lang", lang});
      REQUIRE(json.code <= 1);
      REQUIRE(md.code == json.code);
      const nlohmann::json checked = nlohmann::json::parse(json.out);
      std::map<std::string, nlohmann::json> open;
      for (const auto& p : checked["programs"])
        if (p["status"] != "ineligible") open[p["id"].get<std::string>()] = p;
      const bool ko = std::string(lang) == "ko";
      const auto rows = table_rows(md.out);
      CHECK(rows.size() == open.size());  // every program open to the company, and only those
      size_t with_split = 0;
      for (const auto& row : rows) {
        const std::string program = row.at(ko ? "사업" : "Program");
        const std::string id = program.substr(program.rfind("(`") + 2, program.size() - program.rfind("(`") - 4);
        INFO("program " << id);
        REQUIRE(open.count(id) == 1);
        const nlohmann::json& p = open[id];
        CHECK(row.at(ko ? "상태" : "Status") ==
              (p["status"] == "eligible" ? (ko ? "지원 가능" : "eligible") : (ko ? "확인 필요" : "possible")));
        // the best track is the one the row names; its split is the row's amounts
        const nlohmann::json* track = nullptr;
        for (const auto& t : p["tracks"])
          if (t["name"] == row.at(ko ? "유형" : "Track") && t["status"] != "ineligible") track = &t;
        REQUIRE(track != nullptr);
        const std::string government = row.at(ko ? "정부지원" : "Government");
        if (!track->contains("split") || (*track)["split"].is_null()) {
          CHECK((government.empty() || government == (ko ? "계산 불가" : "no split")));
          continue;
        }
        ++with_split;
        const nlohmann::json& split = (*track)["split"];
        CHECK(won_of(government) == split["government"].get<long long>());
        CHECK(won_of(row.at(ko ? "기업부담" : "Company")) == split["company"].get<long long>());
        CHECK(won_of(row.at(ko ? "총사업비" : "Total")) == split["total"].get<long long>());
        const auto large = row.find(ko ? "대기업·주관기관" : "Large co./lead");
        if (!split["large_company"].is_null()) {
          REQUIRE(large != row.end());
          CHECK(won_of(large->second) == split["large_company"].get<long long>());
        } else if (large != row.end()) {
          CHECK(large->second.empty());
        }
        if (track->contains("months") && !(*track)["months"].is_null())
          CHECK(row.at(ko ? "기간" : "Months") == (ko ? std::to_string((*track)["months"].get<int>()) + "개월"
                                                      : std::to_string((*track)["months"].get<int>())));
      }
      CHECK(with_split > 0);
    }
  }
}

TEST_CASE("check --format markdown refuses the options it does not show", "[markdown][cli]") {
  for (const char* option : {"--explain", "--what-it-takes", "--next-steps"}) {
    const testing::Run r = run({"check", "examples/small-mould-maker.yaml", "--format", "markdown", option});
    INFO(option << ": " << r.err);
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("--format markdown shows the check itself") != std::string::npos);
  }
  const testing::Run compare =
      run({"check", "examples/small-mould-maker.yaml", "--format", "markdown", "--compare", "2023"});
  CHECK(compare.code == 2);
  CHECK(compare.err.find("--format markdown shows the check itself") != std::string::npos);
  const testing::Run bad = run({"split", "government:advanced", "--cost", "4억원", "--format", "markdown"});
  CHECK(bad.code == 2);  // only check takes it
}

TEST_CASE("check --format markdown of three examples, in Korean and English, is the golden files'",
          "[markdown][golden][cli]") {
  struct Golden {
    const char* example;
    const char* lang;
    const char* file;
  };
  for (const Golden& g : {Golden{"examples/small-mould-maker.yaml", "ko", "check-mould-ko.md"},
                          Golden{"examples/small-mould-maker.yaml", "en", "check-mould-en.md"},
                          Golden{"examples/midsize-auto-parts.yaml", "ko", "check-parties-ko.md"},
                          Golden{"examples/midsize-auto-parts.yaml", "en", "check-parties-en.md"},
                          Golden{"examples/tax-arrears.yaml", "ko", "check-none-ko.md"}}) {
    const testing::Run r = run({"check", g.example, "--as-of", "2026-02-15", "--format", "markdown", "--lang", g.lang});
    INFO(g.file << "\n" << r.err);
    REQUIRE(r.code <= 1);
    const std::string path = kSource + "/tests/golden/" + g.file;
    if (const char* update = std::getenv("SFGRANT_UPDATE_GOLDEN"); update != nullptr && *update == '1') {
      std::ofstream(path, std::ios::binary) << r.out;
      WARN("rewrote " << path);
      continue;
    }
    INFO("golden file " << path << " (SFGRANT_UPDATE_GOLDEN=1 rewrites it)");
    CHECK(r.out == testing::slurp(path));
  }
}
